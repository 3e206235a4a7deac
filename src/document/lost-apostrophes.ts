/**
 * Lost possessive apostrophes: text saved through a bad encoding often reads "Ankaras chief
 * negotiator" for "Ankara’s chief negotiator". A capitalized word ending in "s"
 * is read as a possessive when
 *  - its stem is a name in the entities gazetteer (name, alias, metonym; not a person, whose
 *    plural is a family: "the Clintons"), and the next word could follow a possessive (not a
 *    verb, adverb or function word: "Americans will", "Kurds say" stay plurals); or
 *  - its stem is a name only by the article's own evidence — written capitalized inside a
 *    sentence elsewhere and never in lower case — and stricter conditions hold: the word does
 *    not open its sentence, the next word is lower case and not verb-like, the stem is not a
 *    title or group noun ("Senators", "Latinos"), and the "-s" form is not used elsewhere
 *    where no possessive fits ("the Assemblys budget panel" passes; "Roberts said" does not).
 * Only the token copy changes (`base`, `possessive`); the text is not rewritten.
 */
import type { EntitiesEntry } from '../lexicon/kinds/entities.js';
import type { Repair } from '../schema/record.js';
import { CC_LETTER, CHAR_CLASS } from './char-class.js';
import type { MutableToken } from './tokenize.js';

export interface NameIndex {
  /** Lower-cased one-word names, aliases and metonyms: "iran", "washington", "daesh". */
  readonly single: ReadonlySet<string>;
  /** Multi-word names by their last word: "republic" → [["islamic", "republic"]]. */
  readonly multi: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Lower-cased demonyms ("americans", "iraqi"): their plurals are never possessives here. */
  readonly demonyms: ReadonlySet<string>;
  /** One-word names of people: "the Clintons" is a family before it is a possessive. */
  readonly people: ReadonlySet<string>;
  /** One-word names written with "the" ("the Kremlin"): "the Kremlins walls" may be a possessive. */
  readonly withArticle: ReadonlySet<string>;
}

function words(name: string): string[] {
  const parts = name.toLowerCase().replace(/[\u2019']/g, "'").split(' ').filter(Boolean);
  if (parts[0] === 'the') parts.shift();
  return parts;
}

function hasArticle(name: string): boolean {
  return name.toLowerCase().startsWith('the ');
}

export function compileNameIndex(entries: readonly EntitiesEntry[]): NameIndex {
  const single = new Set<string>();
  const multi = new Map<string, string[][]>();
  const demonyms = new Set<string>();
  const people = new Set<string>();
  const withArticle = new Set<string>();
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.aliases, ...entry.metonyms]) {
      const parts = words(name);
      if (parts.length === 1) {
        single.add(parts[0] as string);
        if (entry.kind === 'person') people.add(parts[0] as string);
        if (hasArticle(name)) withArticle.add(parts[0] as string);
      }
      else if (parts.length > 1) {
        const last = parts[parts.length - 1] as string;
        const list = multi.get(last) ?? [];
        list.push(parts);
        multi.set(last, list);
      }
    }
    for (const demonym of entry.demonyms) demonyms.add(demonym.toLowerCase());
  }
  return { single, multi, demonyms, people, withArticle };
}

/** Words after which a capitalized "-s" word is a plural subject or object, not a possessive. */
const NOT_AFTER_POSSESSIVE = new Set([
  'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'do', 'does', 'did',
  'have', 'has', 'had', 'are', 'were', 'is', 'was', 'be', 'been', 'being', 'say', 'says', 'said',
  'want', 'need', 'believe', 'fear', 'think', 'know', 'continue', 'remain', 'live', 'see', 'hope',
  'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'as', 'that',
  'who', 'whom', 'which', 'whose', 'where', 'when', 'while', 'also', 'never', 'still', 'not', 'often',
  'the', 'a', 'an', 'this', 'these', 'those', 'there', 'here', 'than', 'then', 'if', 'because',
  'into', 'across', 'against', 'about', 'after', 'before', 'during', 'under', 'over', 'through',
  'like', 'including', 'such', 'so', 'too', 'who', 'they', 'them', 'their', 'it', 'its', 'he', 'she',
  'we', 'i', 'you', 'his', 'her', 'our', 'my', 'your', 'no', 'all', 'both', 'each', 'every',
  'always', 'now', 'already', 'again', 'only', 'just', 'even', 'very', 'more', 'most', 'less',
  'get', 'got', 'make', 'made', 'take', 'took', 'go', 'went', 'come', 'came', 'feel', 'felt',
  'vote', 'voted', 'agree', 'oppose', 'support', 'accuse', 'claim', 'argue', 'insist', 'warn',
  'tell', 'told', 'call', 'called', 'protest', 'demand', 'reject', 'welcome', 'expect', 'well',
  'everywhere', 'themselves', 'together', 'alike', 'first', 'last', 'later', 'since', 'around',
  'until', 'among', 'between', 'within', 'without', 'toward', 'towards', 'upon', 'via', 'per', 'near',
]);

/** Endings of demonyms and group nouns ("Latinos", "Sunnis", "Islamists", "Australians"): plurals, not names. */
const DEMONYM_ENDINGS = ['an', 'ist', 'ite', 'ese', 'ino', 'ina', 'im', 'ur', 'er', 'or'];

/** Given names that are a country's name plus "s". */
const NAMES_ENDING_IN_S = new Set(['frances']);

/** Irregular past tenses: "Democrats won", "Officials ran". */
const IRREGULAR_PAST = new Set([
  'ran', 'wrote', 'went', 'came', 'took', 'gave', 'saw', 'knew', 'thought', 'began', 'won', 'lost', 'left',
  'met', 'held', 'kept', 'brought', 'sent', 'spent', 'built', 'fought', 'sought', 'led', 'put', 'set', 'found',
  'stood', 'became', 'chose', 'drove', 'rose', 'fell', 'grew', 'threw', 'flew', 'spoke', 'broke', 'struck', 'paid',
]);

/**
 * Singular nouns for titles and groups of people, whose plurals open so many sentences
 * ("Senators Susan Collins and …", "Justices Neil …", "Democrats hope …") that an article's
 * own use of the capitalized singular is no evidence of a name.
 */
const PLURAL_PRONE = new Set([
  'senator', 'justice', 'judge', 'commissioner', 'delegate', 'representative', 'governor', 'member', 'official',
  'leader', 'democrat', 'republican', 'conservative', 'liberal', 'progressive', 'president', 'minister',
  'secretary', 'officer', 'general', 'state', 'new', 'time', 'american', 'voter', 'citizen', 'committee',
  'department', 'agency', 'court', 'party', 'union', 'force', 'service', 'report', 'right', 'power',
  'island', 'school', 'picture', 'mayor', 'nation', 'people', 'worker', 'student', 'family', 'friend',
]);

/** A lower-case next word that cannot follow a possessive: a verb, adverb or function word. */
function nextReadsAsVerb(next: MutableToken): boolean {
  const norm = next.norm;
  return NOT_AFTER_POSSESSIVE.has(norm) || IRREGULAR_PAST.has(norm) || norm.endsWith('ly') || norm.endsWith("n't");
}

/**
 * The stricter test for names known only from the article: "-ed" and "-ing" forms too
 * ("Muslims fleeing", "Officials noted"), although that loses "Tbilisis backing".
 */
function nextMayBeVerb(next: MutableToken): boolean {
  const norm = next.norm;
  return nextReadsAsVerb(next) || norm.endsWith('ed') || norm.endsWith('ing');
}

/** True for "NEWS", "IRANS": all-caps words carry no case evidence. */
function isAllCaps(text: string, token: MutableToken): boolean {
  const second = text.charCodeAt(token.start + 1);
  return second >= 0x41 && second <= 0x5a;
}

/** The first word of its sentence (possibly after an opening mark or bracket). */
function isSentenceInitial(tokens: readonly MutableToken[], k: number): boolean {
  const token = tokens[k] as MutableToken;
  let j = k - 1;
  while (j >= 0 && (tokens[j] as MutableToken).kind === 'punct' && (tokens[j] as MutableToken).sentence === token.sentence) j--;
  return j < 0 || (tokens[j] as MutableToken).sentence !== token.sentence;
}

/**
 * Reads lost-apostrophe possessives among `tokens` (after sentence splitting, so the next
 * word must be in the same sentence) and records a `lost-apostrophe` repair for each.
 *
 * Two kinds of evidence that the stem is a name: the gazetteer, or the article itself —
 * the stem written capitalized inside a sentence elsewhere and never in lower case, with
 * the "-s" word itself not opening its sentence (where every word is capitalized).
 */
export function repairLostApostrophes(text: string, tokens: MutableToken[], names: NameIndex, repairs: Repair[], capitalized?: readonly number[]): void {
  const capitals = capitalized ?? collectCapitalizedIndices(tokens);
  let repaired: number[] | null = null;
  // Candidates that need the article's own evidence, checked together in one pass at the end.
  let pending: PendingRepair[] | null = null;
  // The loop only screens capitalized words for a plain "-s" ending; the rare candidates are
  // judged by `judgeCandidate`, which keeps this hot loop small and cheap to compile.
  for (let c = 0; c < capitals.length; c++) {
    const k = capitals[c] as number;
    if (k + 1 >= tokens.length) break;
    const token = tokens[k] as MutableToken;
    if (token.kind !== 'word' || token.possessive) continue;
    const norm = token.norm;
    const n = norm.length;
    if (n < 4 || norm.charCodeAt(n - 1) !== 0x73 || norm.charCodeAt(n - 2) === 0x73 || norm.charCodeAt(n - 2) === 0x27) continue;
    const verdict = judgeCandidate(text, tokens, k, names);
    if (verdict === REPAIR) (repaired ??= []).push(k);
    else if (verdict === PENDING) (pending ??= []).push({ index: k, stem: norm.slice(0, n - 1), form: norm });
  }
  if (repaired !== null || pending !== null) applyRepairs(text, tokens, capitals, repaired ?? [], pending, repairs);
}

interface PendingRepair {
  readonly index: number;
  readonly stem: string;
  readonly form: string;
}

const SKIP = 0;
/** A possessive on the gazetteer's evidence. */
const REPAIR = 1;
/** A possessive if the article's own use of the stem says it is a name. */
const PENDING = 2;

/** Judges the capitalized "-s" word at `k` (length ≥ 4, not ending in "ss" or "'s"). */
function judgeCandidate(text: string, tokens: readonly MutableToken[], k: number, names: NameIndex): number {
  const token = tokens[k] as MutableToken;
  const norm = token.norm;
  const next = tokens[k + 1] as MutableToken;
  if (next.kind !== 'word' || next.sentence !== token.sentence || next.start - token.end !== 1) return SKIP;
  if (!next.capitalized && nextReadsAsVerb(next)) return SKIP;
  if (names.single.has(norm) || names.demonyms.has(norm) || NAMES_ENDING_IN_S.has(norm) || isAllCaps(text, token)) return SKIP;
  const stem = norm.slice(0, norm.length - 1);
  if (names.demonyms.has(stem) || stem.includes('.')) return SKIP;
  // "the Clintons", "the Islands": a plural, unless the name itself takes "the".
  const previous = tokens[k - 1];
  if (previous && previous.norm === 'the' && !names.withArticle.has(stem)) return SKIP;
  if (matchesMultiWord(tokens, k, stem, names) || (names.single.has(stem) && !names.people.has(stem))) return REPAIR;
  if (isAllCaps(text, token) || PLURAL_PRONE.has(stem) || isSentenceInitial(tokens, k)) return SKIP;
  // Before a capitalized word, an unknown "-s" word is most often part of a name
  // ("Johns Hopkins", "Wells Fargo", "Nurses Association"): only the gazetteer can tell.
  if (next.capitalized || nextMayBeVerb(next)) return SKIP;
  if (!names.single.has(stem) && DEMONYM_ENDINGS.some((ending) => stem.endsWith(ending))) return SKIP;
  return PENDING;
}

/** Adds the pending candidates the article's evidence confirms, then marks and records every repair. */
function applyRepairs(
  text: string, tokens: MutableToken[], capitals: readonly number[], repaired: number[], pending: readonly PendingRepair[] | null, repairs: Repair[],
): void {
  if (pending !== null) {
    const evidence = collectEvidence(text, tokens, capitals, new Set(pending.map((p) => p.stem)), new Set(pending.map((p) => p.form)));
    for (const { index, stem, form } of pending) {
      if (evidence.get(stem) === true && !evidence.has(form)) repaired.push(index);
    }
    repaired.sort((a, b) => a - b);
  }
  for (const k of repaired) {
    const token = tokens[k] as MutableToken;
    token.base = token.norm.slice(0, -1);
    token.possessive = true;
    const written = text.slice(token.start, token.end);
    repairs.push({
      kind: 'lost-apostrophe',
      start: token.start,
      end: token.end,
      note: `"${written}" read as "${written.slice(0, -1)}’s"`,
    });
  }
}

/**
 * For each stem: true when the article writes it capitalized inside a sentence and never
 * in lower case; false when it writes it in lower case; absent when not at all. For each
 * "-s" form: present when the article also uses it where no possessive fits (before a
 * stop or a verb: "the Roberts ruling … Roberts said"), which makes it a name or plural.
 *
 * Capitalized uses come from the tokenizer's list of capitalized words; lower-case uses
 * from a native substring search, so no pass over every token is needed.
 */
function collectEvidence(
  text: string, tokens: readonly MutableToken[], capitals: readonly number[], stems: ReadonlySet<string>, forms: ReadonlySet<string>,
): Map<string, boolean> {
  const evidence = new Map<string, boolean>();
  for (const stem of stems) if (writtenInLowerCase(text, stem)) evidence.set(stem, false);
  for (const k of capitals) {
    const token = tokens[k] as MutableToken;
    if (token.kind !== 'word') continue;
    if (forms.has(token.norm)) {
      const next = tokens[k + 1];
      if (!next || next.sentence !== token.sentence || next.kind !== 'word' || (!next.capitalized && nextMayBeVerb(next))) evidence.set(token.norm, false);
      continue;
    }
    const word = token.possessive ? token.base : token.norm;
    if (!stems.has(word) || evidence.get(word) === false) continue;
    if (!isSentenceInitial(tokens, k)) evidence.set(word, true);
  }
  return evidence;
}

function isLetterAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  return ((CHAR_CLASS[code] as number) & 15) === CC_LETTER;
}

/** True when `word` (lower case) occurs in `text` as a whole word, written in lower case. */
function writtenInLowerCase(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isLetterAt(text, at - 1) && !isLetterAt(text, at + word.length)) return true;
  }
  return false;
}

function matchesMultiWord(tokens: readonly MutableToken[], k: number, stem: string, names: NameIndex): boolean {
  const candidates = names.multi.get(stem);
  if (!candidates) return false;
  outer: for (const parts of candidates) {
    if (k - (parts.length - 1) < 0) continue;
    for (let p = parts.length - 2, t = k - 1; p >= 0; p--, t--) {
      if ((tokens[t] as MutableToken).norm !== parts[p]) continue outer;
    }
    return true;
  }
  return false;
}

function collectCapitalizedIndices(tokens: readonly MutableToken[]): number[] {
  const indices: number[] = [];
  for (let k = 0; k < tokens.length; k++) if ((tokens[k] as MutableToken).capitalized) indices.push(k);
  return indices;
}
