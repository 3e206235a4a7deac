/**
 * Lost possessive apostrophes: text saved through a bad encoding often reads "Irans top
 * security official" for "Iran’s top security official". A capitalized word ending in "s"
 * is read as a possessive when its stem is a known name (the entities gazetteer, or a
 * capitalized word written elsewhere in the same article) and the next word is one a
 * possessive can govern (not a verb or function word: "Americans will", "Kurds say" stay
 * plurals). Only the token copy changes (`base`, `possessive`); the text is not rewritten.
 */
import type { EntitiesEntry } from '../lexicon/kinds/entities.js';
import type { Repair } from '../schema/record.js';
import type { MutableToken } from './tokenize.js';

export interface NameIndex {
  /** Lower-cased one-word names, aliases and metonyms: "iran", "washington", "daesh". */
  readonly single: ReadonlySet<string>;
  /** Multi-word names by their last word: "republic" → [["islamic", "republic"]]. */
  readonly multi: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** Lower-cased demonyms ("americans", "iraqi"): their plurals are never possessives here. */
  readonly demonyms: ReadonlySet<string>;
}

function words(name: string): string[] {
  const parts = name.toLowerCase().replace(/[\u2019']/g, "'").split(' ').filter(Boolean);
  if (parts[0] === 'the') parts.shift();
  return parts;
}

export function compileNameIndex(entries: readonly EntitiesEntry[]): NameIndex {
  const single = new Set<string>();
  const multi = new Map<string, string[][]>();
  const demonyms = new Set<string>();
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.aliases, ...entry.metonyms]) {
      const parts = words(name);
      if (parts.length === 1) single.add(parts[0] as string);
      else if (parts.length > 1) {
        const last = parts[parts.length - 1] as string;
        const list = multi.get(last) ?? [];
        list.push(parts);
        multi.set(last, list);
      }
    }
    for (const demonym of entry.demonyms) demonyms.add(demonym.toLowerCase());
  }
  return { single, multi, demonyms };
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
  'tell', 'told', 'call', 'called', 'protest', 'demand', 'reject', 'welcome', 'expect',
]);

/**
 * Reads lost-apostrophe possessives among `tokens` (after sentence splitting, so the next
 * word must be in the same sentence) and records a `lost-apostrophe` repair for each.
 */
export function repairLostApostrophes(text: string, tokens: MutableToken[], names: NameIndex, repairs: Repair[]): void {
  let documentNames: Set<string> | null = null;
  for (let k = 0; k + 1 < tokens.length; k++) {
    const token = tokens[k] as MutableToken;
    if (token.kind !== 'word' || !token.capitalized || token.possessive) continue;
    const norm = token.norm;
    const n = norm.length;
    if (n < 4 || norm.charCodeAt(n - 1) !== 0x73 || norm.charCodeAt(n - 2) === 0x73 || norm.charCodeAt(n - 2) === 0x27) continue;
    const next = tokens[k + 1] as MutableToken;
    if (next.kind !== 'word' || next.sentence !== token.sentence || next.start - token.end !== 1) continue;
    if (!next.capitalized && (NOT_AFTER_POSSESSIVE.has(next.norm) || next.norm.endsWith('ly') || next.norm.endsWith('ed'))) continue;
    if (names.single.has(norm) || names.demonyms.has(norm)) continue;
    const stem = norm.slice(0, n - 1);
    if (names.demonyms.has(stem) || stem.includes('.')) continue;
    let known = names.single.has(stem) || matchesMultiWord(tokens, k, stem, names);
    if (!known) {
      documentNames ??= collectCapitalized(tokens);
      known = documentNames.has(stem);
    }
    if (!known) continue;
    token.base = stem;
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

/** Lower-cased capitalized words of the document that do not end in "s" (built lazily: most articles never need it). */
function collectCapitalized(tokens: readonly MutableToken[]): Set<string> {
  const set = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'word' && token.capitalized && !token.norm.endsWith('s')) set.add(token.possessive ? token.base : token.norm);
  }
  return set;
}
