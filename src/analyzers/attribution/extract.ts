/**
 * Finds attributions sentence by sentence: a cue (speech verb, "according to", headline
 * colon), its source (the noun phrase before the cue, after it in inversion, or the
 * subject of the clause for "…, saying"), and its content (after the cue, or before it in
 * trailing attributions: "…, he noted."). No tagger: closed word classes bound the phrases,
 * and every window is a few tokens wide, so the pass is linear in the document.
 */
import type { Document, Token, QuoteSpan } from '../../document/types.js';
import type { BlockKind } from '../../schema/record.js';
import type { SourceNounEntry } from '../../lexicon/kinds/speech-verbs.js';
import type { EntityMention } from '../types.js';
import {
  CLASS_AFTER_CUE, CLASS_BE_FORM, CLASS_BEFORE_VERB, CLASS_BETWEEN, CLASS_CLAUSE_START, CLASS_DETERMINER, CLASS_DOCUMENT_SOURCE, CLASS_NP_STOP,
  CLASS_OBJECT_LEAD, CLASS_PARTICIPLE_LEAD, CLASS_QUANTIFIER, CLASS_SHARE_HEAD, CLASS_SHARE_LEAD, CLASS_SOURCE_PREPOSITION, CLASS_VERBISH, KEY_SOURCE, KEY_TITLE, KEY_VERB, QUOTE_MARK,
  type CompiledAttribution, type TokenFlags, type VerbForm } from './compile.js';
import { affiliationOf, endOf, NO_WORDS, slug, type Organisation, type People, type Person } from './people.js';
import { firstEndingAfter, firstStartingAtOrAfter, partitionPoint } from '../../util/sorted.js';
import { ByteScratch } from './scratch.js';
import {
  DOCUMENT_SOURCES, DETERMINERS, NOT_NAME, ROLE_STOP, SELF_PRONOUNS, isOwnBlock, isPluralPronoun, isSingularPronoun,
} from './words.js';

export type Speaker =
  | { readonly kind: 'person'; readonly person: Person }
  | { readonly kind: 'organisation'; readonly org: Organisation }
  | { readonly kind: 'entity'; readonly entity: string }
  | {
      readonly kind: 'anonymous';
      readonly key: string;
      readonly role: string;
      readonly affiliation: string | null;
      readonly entry: SourceNounEntry;
      readonly plural: boolean;
      /** The outlet granted anonymity ("speaking on condition of anonymity"). */
      readonly marker: boolean;
      /** A role without a name ("a ministry spokesman"), not a source noun. */
      readonly unnamedRole: boolean;
    };

export interface Attribution {
  readonly form: VerbForm;
  readonly cueStart: number;
  readonly cueEnd: number;
  readonly speaker: Speaker | null;
  readonly sourceStart: number | null;
  readonly sourceEnd: number | null;
  /** End of the source's head phrase without its apposition ("two officials" of "two officials, speaking on …,"). */
  readonly sourceHeadEnd: number | null;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly sentence: number;
  readonly blockKind: BlockKind;
  /** Inside the reported content of another speaker ("officials said the ministry had asked …"). */
  readonly nested: boolean;
}

/** How many earlier attributions of one sentence a cue is compared with. */
const RECENT_IN_SENTENCE = 32;
/** A fronted question ("Asked whether he would run, Doe said …"): the asking is an attribution of its own. */
const QUESTION_WORDS = new Set(['whether', 'if', 'why', 'what', 'how', 'when', 'who', 'about', 'to', 'where', 'which']);

/** How many person mentions a role reference looks back (or ahead) over. */
const MENTION_WINDOW = 200;
const LEADING_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'last', 'earlier', 'later', 'yesterday', 'today']);
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them', 'reporters', 'journalists', 'lawmakers', 'parliament', 'congress', 'senators', 'supporters']);

/** A cue found in a sentence: its first token, its length in tokens and its verb form. */
interface CueHit {
  at: number;
  length: number;
  form: VerbForm;
}

/**
 * The cues of the sentence being parsed: objects reused across sentences and documents
 * (a count, not the length, says how many belong to the sentence, so neither the objects
 * nor the list's storage are made again). `extractAttributions` is not re-entrant.
 */
const cuePool: CueHit[] = [];

/** Sets cue `k` of the current sentence (`k` is at most the pool's length). */
function putCue(k: number, at: number, length: number, form: VerbForm): void {
  const cue = cuePool[k];
  if (cue === undefined) {
    cuePool.push({ at, length, form });
    return;
  }
  cue.at = at;
  cue.length = length;
  cue.form = form;
}

/** The source and content one frame finds for a cue (token indices; -1 and null: none). */
interface CueDraft {
  speaker: Speaker | null;
  srcStart: number;
  srcEnd: number;
  /** The content's token span [contentStart, contentEnd); contentStart -1: none (two numbers, not a pair array per cue). */
  contentStart: number;
  contentEnd: number;
  /** End of the source phrase through an apposition ("two officials, speaking on …,"). */
  sourceSpanEnd: number;
  quoteContent: { start: number; end: number } | null;
}

const MARK_TOKEN = 1;
const OPEN_MARK_TOKEN = 2;

/** Sets `bits` on the token that starts at `offset` (a quote mark's offset), if one does. */
function flagMark(tokens: readonly Token[], markAt: Uint8Array, offset: number, bits: number): void {
  const t = firstStartingAtOrAfter(tokens, offset);
  if (t < tokens.length && (tokens[t] as Token).start === offset) markAt[t] = (markAt[t] as number) | bits;
}

interface SalienceState {
  singular: Speaker | null;
  /** People recently credited or in subject position, most recent first (a few). */
  recent: Person[];
  plural: Speaker | null;
  thing: Speaker | null;
}

// Per-token quote tables of the document being analysed (see `scratch.ts`).
const insideQuoteScratch = new ByteScratch();
const markAtScratch = new ByteScratch();

export function extractAttributions(
  doc: Document,
  mentions: readonly EntityMention[],
  people: People,
  compiled: CompiledAttribution,
  flags: TokenFlags,
): Attribution[] {
  const { tokens, text, sentences } = doc;
  // Word ids of each token's norm and base, for the phrase indexes.
  const normIds = flags.ids.norm;
  const baseIds = flags.ids.base;
  const entityAt = people.entityAt;
  const classById = compiled.classById;
  /** Token `t`'s norm (or base) is in the word class `bit` (`CLASS_*`); false past either end. */
  const normIn = (t: number, bit: number): boolean => {
    const id = normIds[t];
    return id !== undefined && id >= 0 && id < classById.length && ((classById[id] as number) & bit) !== 0;
  };
  const baseIn = (t: number, bit: number): boolean => {
    const id = baseIds[t];
    return id !== undefined && id >= 0 && id < classById.length && ((classById[id] as number) & bit) !== 0;
  };
  // Tokens inside a whole-sentence direct quote: cues there belong to the quoted speaker.
  const insideQuote = insideQuoteScratch.take(tokens.length);
  // Per token: the opening or closing mark of a quote (MARK_TOKEN), an opening one (OPEN_MARK_TOKEN).
  const markAt = markAtScratch.take(tokens.length);
  for (const quote of doc.quotes) {
    if (quote.openMark !== null) flagMark(tokens, markAt, quote.openMark, MARK_TOKEN | OPEN_MARK_TOKEN);
    if (quote.closeMark !== null) flagMark(tokens, markAt, quote.closeMark, MARK_TOKEN);
    // Only well-formed quotes hide their cues: a mis-paired mark must not swallow "said".
    if (quote.phrase || quote.closeMark === null) continue;
    // Tokens are sorted and do not overlap, so their ends ascend too: both bounds by binary search.
    insideQuote.fill(1, firstStartingAtOrAfter(tokens, quote.start), firstEndingAfter(tokens, quote.end));
  }
  /** A quote's mark, or a straight or angle double quote (`QUOTE_MARK` in the norm flags); false past either end. */
  const normFlags = flags.norm;
  const isMark = (i: number): boolean => ((normFlags[i] as number) & QUOTE_MARK) !== 0 || (markAt[i] as number) > 0;
  /** 1 where the token can be part of a personal name, computed once in the flag pass. */
  const nameWord = flags.nameWord;
  const isPunct = (i: number): boolean => tokens[i]?.kind === 'punct' || tokens[i]?.kind === 'symbol';
  const blockKindOf = (sentence: number): BlockKind => doc.blocks[doc.sentences[sentence]?.block ?? -1]?.kind ?? 'paragraph';

  /** Closing marks with their quote index, sorted by mark: made on first use (most documents never ask). */
  let closings: { mark: number; index: number }[] | null = null;
  // Salient subjects: person mentions that are clause subjects outside headline-like blocks,
  // read in place from the mention list; `subjectCursor` always rests on the next one (or the end).
  const subjects = people.mentions;
  const isSalientSubject = (k: number): boolean => {
    const m = subjects[k] as People['mentions'][number];
    return m.subject && !isOwnBlock(blockKindOf((tokens[m.tokenStart] as Token).sentence));
  };
  const skipToSubject = (from: number): number => {
    let k = from;
    while (k < subjects.length && !isSalientSubject(k)) k++;
    return k;
  };
  const adHoc = new Map<string, Person>();
  const state: SalienceState = { singular: null, recent: [], plural: null, thing: null };
  /** Moves `person` to the front of the recent list (at most four): shifted in place, no array made. */
  const notePerson = (person: Person): void => {
    const recent = state.recent;
    let at = recent.indexOf(person);
    if (at < 0) {
      recent.push(person);
      at = recent.length - 1;
    }
    for (let k = at; k > 0; k--) recent[k] = recent[k - 1] as Person;
    recent[0] = person;
    if (recent.length > 4) recent.pop();
  };
  /** "he"/"she": the most salient speaker whose known gender does not contradict the pronoun. */
  const resolvePronoun = (norm: string): Speaker | null => {
    const gender = norm === 'she' ? 'female' : 'male';
    const current = state.singular;
    if (current && (current.kind !== 'person' || current.person.gender === null || current.person.gender === gender)) {
      if (current.kind === 'person' && current.person.gender === null) current.person.gender = gender;
      return current;
    }
    const other = state.recent.find((p) => p.gender === null || p.gender === gender);
    if (!other) return current;
    if (other.gender === null) other.gender = gender;
    return { kind: 'person', person: other };
  };
  let subjectCursor = skipToSubject(0);
  const out: Attribution[] = [];

  const remember = (speaker: Speaker | null): void => {
    if (!speaker) return;
    if (speaker.kind === 'person') {
      state.singular = speaker;
      notePerson(speaker.person);
    }
    else if (speaker.kind === 'anonymous') {
      if (speaker.plural) state.plural = speaker;
      else state.singular = speaker;
    } else state.thing = speaker;
  };
  const advanceSubjects = (uptoToken: number): void => {
    while (subjectCursor < subjects.length && (subjects[subjectCursor] as (typeof subjects)[number]).tokenStart < uptoToken) {
      const mention = subjects[subjectCursor] as (typeof subjects)[number];
      state.singular = { kind: 'person', person: mention.person };
      notePerson(mention.person);
      subjectCursor = skipToSubject(subjectCursor + 1);
    }
  };

  /** The most recent person with a title of `group` mentioned before `before`, else the first after. */
  /**
   * The person of the nearest mention before token `at` that satisfies `test`, else of the
   * first one after it. The scan is bounded so a long document stays linear.
   */
  const nearestPerson = (at: number, test: (person: Person) => boolean): Person | null => {
    const list = people.mentions;
    const lo = partitionPoint(list, (mention) => mention.tokenStart < at);
    for (let k = lo - 1; k >= 0 && lo - k <= MENTION_WINDOW; k--) {
      const person = (list[k] as People['mentions'][number]).person;
      if (test(person)) return person;
    }
    for (let k = lo; k < list.length && k - lo < MENTION_WINDOW; k++) {
      const person = (list[k] as People['mentions'][number]).person;
      if (test(person)) return person;
    }
    return null;
  };

  /** The most recent person with a title of `group` mentioned before `before`, else the first after. */
  const personByGroup = (group: string, before: number): Person | null => nearestPerson(before, (person) => person.groups.includes(group));

  /** A definite description ("Iran's top security official"): the person whose role shares a word, else the salient one. */
  const resolveDescription = (start: number, end: number, sentence: number): Person | null => {
    const words = new Set<string>();
    for (let t = start; t < end; t++) {
      const token = tokens[t] as Token;
      if (token.kind === 'word' && !ROLE_STOP.has(token.base) && entityAt[t] === -1) words.add(token.base);
    }
    const best = words.size ? nearestPerson(start, (person) => {
      for (const word of words) if (person.roleWords.includes(word)) return true;
      return false;
    }) : null;
    if (best) return best;
    if (state.singular?.kind === 'person') return state.singular.person;
    // Cataphora in a lede: "The country's top diplomat said …" before the name is given.
    const mention = subjects[subjectCursor];
    if (mention !== undefined && (tokens[mention.tokenStart] as Token).sentence <= sentence + 3) return mention.person;
    return null;
  };

  const entityAffiliation = (start: number, end: number): string | null => {
    for (let t = start; t < end; t++) if (entityAt[t] !== -1) return affiliationOf(compiled, (mentions[entityAt[t] as number] as EntityMention).entity);
    return null;
  };

  const hasMarker = (start: number, end: number): boolean => {
    // Marker phrases start with a source key (`KEY_SOURCE`): the flag spares most lookups.
    for (let t = start; t < end; t++) if ((normFlags[t] as number) & KEY_SOURCE && compiled.markers.match(normIds, t)) return true;
    return false;
  };

  /** Who the noun phrase [start, end) names. */
  const resolve = (start: number, fullEnd: number, sentence: number, appositive: readonly [number, number] | null): Speaker | null => {
    // "Aides to Doe" are not Doe: a source noun before a preposition is the head of the phrase.
    let end = fullEnd;
    for (let t = start + 1; t < fullEnd - 1; t++) {
      const owner = tokens[t - 1] as Token;
      if (normIn(t, CLASS_SOURCE_PREPOSITION) && owner.kind === 'word' && (!owner.capitalized || t - 1 === start) &&
        (compiled.sourceNounHeads.has(owner.base) || DOCUMENT_SOURCES.has(owner.base))) {
        end = t;
        break;
      }
    }
    const head = tokens[end - 1] as Token;
    if (end - start === 1) {
      if (isSingularPronoun(head.norm)) return resolvePronoun(head.norm);
      if (isPluralPronoun(head.norm)) return state.plural ?? state.thing ?? state.singular;
      if (head.norm === 'it') return state.thing;
      if (head.kind !== 'word' || (!head.capitalized && DETERMINERS.has(head.norm))) return null;
    }
    for (let t = end - 1; t >= start; t--) {
      const index = people.personAt[t] as number;
      if (index >= 0) return { kind: 'person', person: (people.mentions[index] as People['mentions'][number]).person };
    }
    const org = people.organisationEndingAt.get(end - 1);
    if (org) return { kind: 'organisation', org: org.org };
    const marker = hasMarker(start, end) || (appositive !== null && hasMarker(appositive[0], appositive[1]));
    // Source nouns: "officials", "two senior diplomats", "critics", "people familiar with …".
    let source: { entry: SourceNounEntry; at: number; length: number } | null = null;
    for (let t = start; t < end; t++) {
      const hit = (flags.base[t] as number) & KEY_SOURCE ? compiled.sourceNouns.match(baseIds, t) : null;
      if (hit && (t + hit.length === end || hit.length > 1)) source = { entry: hit.value, at: t, length: hit.length };
    }
    const first = tokens[start] as Token;
    const definite = first.norm === 'the' || first.possessive || (entityAt[start] !== -1 && (tokens[entityAt[start] === -1 ? start : (mentions[entityAt[start] as number] as EntityMention).tokenEnd - 1] as Token).possessive);
    if (source) {
      const headToken = tokens[source.at + source.length - 1] as Token;
      const plural = headToken.base.endsWith('s') || source.entry.anonymity === 'vague';
      if (!plural && definite && !marker) {
        const person = resolveDescription(start, end, sentence);
        if (person) return { kind: 'person', person };
      }
      const affiliation = entityAffiliation(start, end);
      return {
        kind: 'anonymous', key: `${source.entry.id}|${affiliation ?? ''}|${plural ? 'p' : 's'}`, role: npText(start, end),
        affiliation, entry: source.entry, plural, marker, unnamedRole: false,
      };
    }
    // Role references: "the speaker", "the premier", "the top lawmaker", "a ministry spokesman".
    for (let t = end - 1; t >= start && t >= end - 2; t--) {
      const hit = (flags.base[t] as number) & KEY_TITLE ? compiled.titles.match(baseIds, t) : null;
      if (!hit || t + hit.length !== end) continue;
      const person = personByGroup(hit.value.group, start);
      if (person && (definite || first.capitalized || end - start === 1)) return { kind: 'person', person };
      if (!definite) {
        const affiliation = entityAffiliation(start, end) ?? (appositive ? entityAffiliation(appositive[0], appositive[1]) : null);
        const entry: SourceNounEntry = { type: 'source-noun', id: 'source-unnamed-role', forms: [hit.value.forms[0] ?? 'official'], anonymity: 'anonymous', note: 'A source identified only by role: the reader cannot check who is speaking.' };
        return { kind: 'anonymous', key: `role|${slug(npText(start, end))}`, role: npText(start, end), affiliation, entry, plural: false, marker, unnamedRole: true };
      }
      return null;
    }
    const entity = entityAt[end - 1] as number;
    if (entity >= 0) return { kind: 'entity', entity: (mentions[entity] as EntityMention).entity };
    // "the ministry said": the organisation named earlier with that head, else one of its own.
    if (!head.capitalized && compiled.organisationHeads.has(head.base) && (definite || end - start === 1)) {
      let named: Organisation | null = null;
      for (const item of people.organisations) {
        if (item.tokenEnd > start) break;
        if (item.head === head.base) named = item.org;
      }
      if (named) return { kind: 'organisation', org: named };
      const name = npText(start, end);
      return { kind: 'organisation', org: { name, affiliation: entityAffiliation(start, end) } };
    }
    // An unknown name ("Smith said"): a person of its own.
    let nameStart = end;
    while (nameStart > start && nameWord[nameStart - 1] === 1) nameStart--;
    while (nameStart < end && NOT_NAME.has((tokens[nameStart] as Token).base)) nameStart++;
    if (nameStart < end) {
      const last = tokens[end - 1] as Token;
      const name = text.slice((tokens[nameStart] as Token).start, endOf(last));
      const known = people.bySurname.get(last.base);
      if (known) return { kind: 'person', person: known };
      if (!slug(name)) return null;
      let person = adHoc.get(name) ?? people.persons.get(name);
      if (!person) {
        person = { key: '', name, role: null, roleWords: NO_WORDS, affiliation: entityAffiliation(start, end), groups: NO_WORDS, gender: null };
        adHoc.set(name, person);
      }
      return { kind: 'person', person };
    }
    return null;
  };

  const npText = (start: number, end: number): string => {
    let s = start;
    while (s < end - 1 && normIn(s, CLASS_DETERMINER) && (tokens[s] as Token).norm !== 'some') s++;
    return text.slice((tokens[s] as Token).start, (tokens[end - 1] as Token).end);
  };

  /** The noun phrase ending at `j` (inclusive), read leftwards: [start, j + 1). */
  const npLeft = (j: number, sentenceStart: number): number => {
    const head = tokens[j] as Token;
    if (head.kind === 'number') return tokens[j - 1]?.kind === 'word' && !normIn(j - 1, CLASS_NP_STOP) ? j - 1 : j;
    // Poll shares as sources: "47% say", "one in four said", "nearly half said".
    if (head.norm === '%' && tokens[j - 1]?.kind === 'number') return j - 1;
    // "Sen. Jane Doe (D-Vt.) said": skip the parenthesis, read the name before it.
    if (head.norm === ')') {
      let p = j - 1;
      while (p > sentenceStart && j - p < 8 && tokens[p]?.norm !== '(') p--;
      if (tokens[p]?.norm !== '(' || p - 1 < sentenceStart) return j + 1;
      const start = npLeft(p - 1, sentenceStart);
      return start <= p - 1 ? start : j + 1;
    }
    if (normIn(j, CLASS_SHARE_HEAD)) {
      let k = j;
      while (k - 1 >= sentenceStart && j - k < 4 && (tokens[k - 1]?.kind === 'number' || normIn(k - 1, CLASS_SHARE_LEAD))) k--;
      return k;
    }
    if (head.kind !== 'word') return j + 1;
    if (isSingularPronoun(head.norm) || isPluralPronoun(head.norm) || head.norm === 'it') return j;
    if (normIn(j, CLASS_NP_STOP) && !compiled.sourceNounHeads.has(head.norm)) return j + 1;
    let k = j;
    while (k - 1 >= sentenceStart && j - k < 10) {
      const token = tokens[k - 1] as Token;
      if (token.norm === ')') {
        let p = k - 2;
        while (p >= sentenceStart && p > k - 8 && tokens[p]?.norm !== '(') p--;
        if (tokens[p]?.norm !== '(') break;
        k = p;
        continue;
      }
      if (token.kind !== 'word' && token.kind !== 'number') break;
      if (token.norm !== 'of' && normIn(k - 1, CLASS_NP_STOP) && !token.capitalized) break;
      if (token.possessive && k - 1 < j) {
        k--;
        continue;
      }
      k--;
    }
    // A lower-case head needs a determiner, a number or a lexicon word to be a noun phrase.
    if (!head.capitalized && !compiled.sourceNounHeads.has(head.base) && !compiled.titles.has(head.base) && !compiled.organisationHeads.has(head.base)) {
      let ok = false;
      for (let t = k; t < j; t++) if (normIn(t, CLASS_DETERMINER) || normIn(t, CLASS_QUANTIFIER) || tokens[t]?.kind === 'number' || tokens[t]?.possessive) ok = true;
      // "tech executives say", "protest groups say": a bare plural at the start of a clause.
      const lead = tokens[k - 1];
      const clauseStart = k === sentenceStart || !lead || lead.norm === ',' || lead.norm === 'that' || lead.norm === 'and' || lead.norm === 'but' || isMark(k - 1);
      if (!ok && head.base.length > 3 && head.base.endsWith('s') && clauseStart && j - k < 3) ok = true;
      if (!ok) return j + 1;
    }
    // Drop leading "of"-less function words, and a capitalised conjunction that opens the sentence ("But Doe said").
    while (k < j && (tokens[k]?.norm === 'of' || (normIn(k, CLASS_NP_STOP) && (tokens[k] as Token).capitalized))) k++;
    // "Aides to Doe", "exit polls in the state", "people close to the talks": the head before the preposition speaks.
    const prep = tokens[k - 1];
    const owner = tokens[k - 2];
    if (prep && owner && k - 2 >= sentenceStart && normIn(k - 1, CLASS_SOURCE_PREPOSITION) && owner.kind === 'word' && (!owner.capitalized || k - 2 === sentenceStart) &&
      (compiled.sourceNounHeads.has(owner.base) || DOCUMENT_SOURCES.has(owner.base))) {
      const start = npLeft(k - 2, sentenceStart);
      if (start <= k - 2) return start;
    }
    return k;
  };

  /** A short noun phrase after the cue up to a comma or the sentence end ("…,” said Ali Shamkhani."). */
  const npRight = (start: number, end: number): number => {
    let k = start;
    while (k < end && k - start < 9) {
      const token = tokens[k] as Token;
      if (token.kind !== 'word' && token.kind !== 'number' && token.norm !== '(' && token.norm !== ')' && token.norm !== '-') break;
      if (normIn(k, CLASS_VERBISH) && token.norm !== 'to') return start;
      if (normIn(k, CLASS_NP_STOP) && k > start) break;
      k++;
    }
    if (k === start || k - start >= 9) return start;
    const stop = tokens[k];
    if (k < end && stop && stop.norm !== ',' && stop.norm !== '.' && stop.norm !== ';' && !isMark(k) && !normIn(k, CLASS_NP_STOP)) return start;
    const first = tokens[start] as Token;
    if (first.capitalized || normIn(start, CLASS_DETERMINER | CLASS_QUANTIFIER) || first.kind === 'number') return k;
    for (let t = start; t < k; t++) {
      const token = tokens[t] as Token;
      if (token.capitalized || compiled.titles.has(token.base) || compiled.sourceNounHeads.has(token.base)) return k;
    }
    return start;
  };

  const trimEnd = (start: number, end: number): number => {
    let e = end;
    while (e > start && (isPunct(e - 1) || isMark(e - 1))) e--;
    return e;
  };
  const trimStart = (start: number, end: number): number => {
    let s = start;
    while (s < end && (isPunct(s) || isMark(s)) && tokens[s]?.norm !== '(') s++;
    return s;
  };

  /** Content after the cue, into `draft`: skips "that", the addressee of "told", "in a statement on Tuesday". */
  const contentAfter = (from: number, end: number, form: VerbForm): void => {
    let k = from;
    if (form.entry.addressee) {
      let found = -1;
      for (let t = k; t < end && t - k < 9; t++) {
        const token = tokens[t] as Token;
        if (token.norm === 'that') {
          found = t;
          break;
        }
        if (token.norm === '.' || token.norm === ';' || isMark(t)) break;
      }
      if (found >= 0) k = found + 1;
      else if (tokens[k] && OBJECT_PRONOUNS.has((tokens[k] as Token).norm)) k++;
      else while (k < end && nameWord[k] === 1) k++;
    } else {
      let t = k;
      for (; t < end && t - k < 8; t++) {
        const token = tokens[t] as Token;
        if (token.norm === 'that') break;
        if (!baseIn(t, CLASS_AFTER_CUE) && !(token.capitalized && t > k)) break;
      }
      if (tokens[t]?.norm === 'that') k = t + 1;
      // "said in a statement it was …": a leading circumstance is not part of what was said.
      else if (t > k + 1 && LEADING_PREPOSITIONS.has(tokens[k]?.norm ?? '') && tokens[t - 1]?.kind === 'word') k = t;
    }
    while (k < end && (tokens[k]?.norm === ',' || tokens[k]?.norm === ':')) k++;
    draft.contentStart = trimStart(k, end);
    draft.contentEnd = end;
  };

  /** Source token spans, so a participial continuation (", adding …") can point at its subject. */
  // Only the sentence's latest attribution is ever asked for: its span is kept, -1 when it has none.
  let lastSourceStart = -1;
  let lastSourceEnd = -1;
  /** What the left-subject frame found for the current cue (one object per document, reused). */
  const draft: CueDraft = { speaker: null, srcStart: -1, srcEnd: -1, contentStart: -1, contentEnd: -1, sourceSpanEnd: -1, quoteContent: null };
  for (let si = 0; si < sentences.length; si++) {
    const sentence = sentences[si];
    if (!sentence) continue;
    const s0 = sentence.tokenStart;
    const s1 = sentence.tokenEnd;
    const blockKind = blockKindOf(si);
    const own = isOwnBlock(blockKind);
    // Cues first, so a content can stop before a participial continuation (", adding …").
    // The shared pool is reused across sentences: most sentences have no cue at all.
    let cueCount = 0;
    let colonSeen = false;
    for (let i = s0; i < s1; i++) {
      // Flags first: most tokens start no cue, and reading the flag array spares loading the token.
      // Every cue, the headline colon included, starts with a verb key.
      const flag = normFlags[i] as number;
      if (!(flag & KEY_VERB)) continue;
      const token = tokens[i] as Token;
      if (token.kind === 'punct' && token.norm === ':' && !colonSeen) {
        colonSeen = true;
        if (((own && i - s0 >= 1 && i - s0 <= 6) || bodyColonSpeaker(i, s0) >= 0) && i + 1 < s1) {
          const hit = compiled.verbs.match(normIds, i);
          if (hit) putCue(cueCount++, i, 1, hit.value);
        }
        continue;
      }
      if (insideQuote[i]) continue;
      const hit = compiled.verbs.match(normIds, i);
      if (!hit || hit.value.entry.frame === 'colon') continue;
      if (acceptCue(i, hit.value, s0, s1)) {
        putCue(cueCount++, i, hit.length, hit.value);
        i += hit.length - 1;
      }
    }
    if (cueCount === 0) {
      continue;
    }
    const inSentence: Attribution[] = [];
    lastSourceStart = -1;
    for (let c = 0; c < cueCount; c++) attributeCue(cueCount, c, s0, s1, si, blockKind, own, inSentence);
  }
  return out;

  /**
   * Turns cue `c` of a sentence into an attribution (or drops it). A function of its own,
   * apart from the sentence loop, so V8 compiles and re-optimises each part separately.
   */
  function attributeCue(cueCount: number, c: number, s0: number, s1: number, si: number, blockKind: BlockKind, own: boolean, inSentence: Attribution[]): void {
    const cue = cuePool[c] as CueHit;
    const { at, length, form } = cue;
    const cueEndTok = at + length;
    // A later participial cue ends this one's content (", adding …").
    let contentLimit = s1;
    const next = c + 1 < cueCount ? cuePool[c + 1] : undefined;
    if (next && next.form.participle && tokens[next.at - 1]?.norm === ',') contentLimit = next.at - 1;
    else if (next && (tokens[next.at - 1]?.norm === 'and' || tokens[next.at - 1]?.norm === 'but' || tokens[next.at - 1]?.norm === ',')) contentLimit = next.at - 1;
    const attitude = form.entry.class === 'attitude';
    const passive = !!form.entry.passive && !form.participle && isPassive(at, s0);
    if (attitude && next && contentLimit === s1) {
      // "… after the ministry rejected the offer, two officials said": the position ends before the next cue's clause.
      for (let t = next.at - 1; t > cueEndTok; t--) if (tokens[t]?.norm === ',' || tokens[t]?.norm === ';') {
        contentLimit = t;
        break;
      }
    } else if (next && contentLimit === s1 && !next.form.participle) {
      // "Critics think “…,” she said": a trailing attribution after a comma or a closing mark ends this content.
      let t = next.at - 1;
      while (t > cueEndTok && next.at - t <= 5 && tokens[t]?.kind === 'word' && !normIn(t, CLASS_VERBISH)) t--;
      if (t > cueEndTok && t < next.at - 1 && (tokens[t]?.norm === ',' || (isMark(t) && tokens[t - 1]?.norm === ','))) contentLimit = tokens[t]?.norm === ',' ? t : t - 1;
    }
    if (!own) advanceSubjects(at);

    let speaker: Speaker | null = null;
    let srcStart = -1;
    let srcEnd = -1;
    // The content's token span; -1: none.
    let contentStart = -1;
    let contentEnd = -1;
    let sourceSpanEnd = -1;
    let quoteContent: { start: number; end: number } | null = null;

    if (form.entry.frame === 'colon') {
      const bodyStart = own ? -1 : bodyColonSpeaker(at, s0);
      srcStart = bodyStart >= 0 ? bodyStart : trimStart(s0, at);
      srcEnd = at;
      if (srcEnd - srcStart > 0) speaker = resolve(srcStart, srcEnd, si, null);
      // "Poll: …", "Study: …": a document labels the headline; it holds the finding but is no voice.
      const documentLabel = srcEnd - srcStart === 1 && baseIn(srcStart, CLASS_DOCUMENT_SOURCE);
      if (documentLabel) speaker = null;
      else if (!speaker || (speaker.kind === 'person' && srcEnd - srcStart === 1 && !people.bySurname.has((tokens[srcStart] as Token).base) &&
        !compiled.titles.has((tokens[srcStart] as Token).base) && !(bodyStart >= 0 && isUpperWord(tokens[srcStart] as Token)))) return;
      contentStart = trimStart(at + 1, s1);
      contentEnd = s1;
    } else if (form.entry.frame === 'prep') {
      srcStart = cueEndTok;
      let k = cueEndTok;
      while (k < s1 && k - cueEndTok < 10 && tokens[k]?.norm !== ',' && tokens[k]?.norm !== '.' && tokens[k]?.norm !== ';' && !isMark(k) && !(tokens[k]?.norm === 'that' && k > cueEndTok)) k++;
      srcEnd = k;
      if (srcEnd === srcStart) return;
      speaker = resolve(srcStart, srcEnd, si, null);
      const before = trimEnd(s0, trimEnd(s0, at));
      let comma = srcEnd;
      if (before <= trimStart(s0, at)) while (comma < s1 && comma - srcEnd < 25 && tokens[comma]?.norm !== ',') comma++;
      // Bounded by the token count: `comma` may reach the document's end (an out-of-bounds read deoptimises).
      if (comma < tokens.length && (tokens[comma] as Token).norm === ',' && (before <= trimStart(s0, at) || s1 - comma > before - s0)) {
        contentStart = trimStart(comma + 1, s1);
        contentEnd = s1;
      } else if (before > trimStart(s0, at)) {
        contentStart = trimStart(s0, at);
        contentEnd = before;
      } else {
        contentStart = srcEnd;
        contentEnd = s1;
      }
    } else {
      leftSubject(at, cueEndTok, form, s0, s1, si, contentLimit, passive, attitude, inSentence);
      speaker = draft.speaker;
      srcStart = draft.srcStart;
      srcEnd = draft.srcEnd;
      contentStart = draft.contentStart;
      contentEnd = draft.contentEnd;
      sourceSpanEnd = draft.sourceSpanEnd;
      quoteContent = draft.quoteContent;
    }
    if (contentStart < 0) return;
    // "… declared:" at the end of a paragraph, the words in the next one.
    // The bound first: a cue at the document's end would read past the tokens (an out-of-bounds deoptimisation).
    if (contentEnd - contentStart <= 0 && !quoteContent && cueEndTok < tokens.length && ((tokens[cueEndTok] as Token).norm === ':' || (tokens[cueEndTok] as Token).norm === ',')) {
      const after = (tokens[cueEndTok] as Token).end;
      // Quotes are sorted by start: the first at or after the cue, by binary search.
      const quote = doc.quotes[firstStartingAtOrAfter(doc.quotes, after)];
      if (quote && quote.start - after <= 6 && !quote.phrase) quoteContent = { start: quote.start, end: quote.end };
    }
    const cs = contentStart;
    const ce = trimEnd(cs, contentEnd);
    // Only whether the content holds any word matters: stop at the first.
    let words = 0;
    for (let t = cs; t < ce && words === 0; t++) if (tokens[t]?.kind === 'word' || tokens[t]?.kind === 'number') words++;
    if ((ce <= cs || words === 0) && !quoteContent) return;
    const first = tokens[at] as Token;
    const last = tokens[cueEndTok - 1] as Token;
    // First person ("we believe") is always someone else's speech; so is a cue inside another speaker's reported words.
    const selfSourced = srcStart >= 0 && srcEnd - srcStart === 1 && SELF_PRONOUNS.has((tokens[srcStart] as Token).norm);
    // A position inside reported words ("said he wants to …", "say they think …") is part of what was said.
    // Only the last few attributions of the sentence are looked at: real sentences hold a
    // handful, and a pathological one with thousands of cues stays linear.
    const recentFrom = Math.max(0, inSentence.length - RECENT_IN_SENTENCE);
    if (form.entry.frame === 'belief') {
      for (let k = recentFrom; k < inSentence.length; k++) {
        const other = inSentence[k] as Attribution;
        if (other.contentStart <= first.start && first.start < other.contentEnd) return;
      }
    }
    let nested = selfSourced;
    for (let k = recentFrom; k < inSentence.length && !nested; k++) {
      const other = inSentence[k] as Attribution;
      nested = !other.nested && other.speaker !== null && other.speaker !== speaker &&
        (attitude || other.form.entry.class !== 'attitude') &&
        other.contentStart <= first.start && first.start < other.contentEnd;
    }
    const attribution: Attribution = {
      form, cueStart: first.start, cueEnd: last.end, speaker,
      sourceStart: srcStart >= 0 && srcEnd > srcStart ? (tokens[srcStart] as Token).start : null,
      sourceEnd: srcStart >= 0 && srcEnd > srcStart ? (tokens[Math.max(srcEnd, sourceSpanEnd) - 1] as Token).end : null,
      sourceHeadEnd: srcStart >= 0 && srcEnd > srcStart ? (tokens[srcEnd - 1] as Token).end : null,
      contentStart: quoteContent ? quoteContent.start : (tokens[cs] as Token).start,
      contentEnd: quoteContent ? quoteContent.end : (tokens[ce - 1] as Token).end, sentence: si, blockKind, nested,
    };
    inSentence.push(attribution);
    if (srcStart >= 0 && srcEnd > srcStart) {
      lastSourceStart = srcStart;
      lastSourceEnd = srcEnd;
    } else {
      lastSourceStart = -1;
    }
    out.push(attribution);
    if (!own && !nested) remember(speaker);
  }

  /**
   * The left-subject frame ("Doe said", "…, he noted", "…, said Doe", "…, saying"): fills
   * `draft` with the speaker, source tokens and content it finds.
   */
  function leftSubject(at: number, cueEndTok: number, form: VerbForm, s0: number, s1: number, si: number, contentLimit: number, passive: boolean, attitude: boolean, inSentence: readonly Attribution[]): void {
    draft.speaker = null;
    draft.srcStart = -1;
    draft.srcEnd = -1;
    draft.contentStart = -1;
    draft.contentEnd = -1;
    draft.sourceSpanEnd = -1;
    draft.quoteContent = null;
    // Left subject: skip "also", "has", "on Tuesday" between subject and cue.
    let j = at - 1;
    // "Doe is seeking …", "the campaign was calling for …": a progressive takes its subject like a finite verb.
    const progressive = form.participle && j >= s0 && normIn(j, CLASS_BE_FORM) && (tokens[j] as Token).norm !== 'being';
    // "a poll showing Doe ahead": the document before the participle holds the position.
    // …and so does a noun phrase right before it ("62 percent of voters saying …", "a super PAC supporting Doe").
    const documentParticiple = form.participle && j >= s0 && (baseIn(j, CLASS_DOCUMENT_SOURCE) || nounBefore(j));
    if (progressive) {
      j--;
      while (j >= s0 && normIn(j, CLASS_BETWEEN)) j--;
    }
    // "Doe is expected to …": the subject is not the source; the expectation is unattributed.
    if (passive) {
      while (j >= s0 && (normIn(j, CLASS_BE_FORM) || normIn(j, CLASS_BETWEEN) || (tokens[j] as Token).norm.endsWith('ly'))) j--;
      const start = j >= s0 ? npLeft(j, s0) : j + 1;
      draft.contentStart = start <= j ? start : cueEndTok;
      draft.contentEnd = contentLimit;
    }
    while (!passive && !progressive && j >= s0 && normIn(j, CLASS_BETWEEN) && !(form.participle && (tokens[j] as Token).norm === 'on')) j--;
    // "voters who say …": the phrase before the relative pronoun speaks.
    if (j > s0 && tokens[j]?.norm === 'who') {
      j--;
      if (tokens[j]?.norm === ',') j--;
    }
    const coordinated = j >= s0 && (tokens[j]?.norm === 'and' || tokens[j]?.norm === 'but');
    // A sentence split inside "(D-Vt.)" leaves ") said" at the start: read the name from the previous sentence.
    let leftBound = s0;
    if (j >= s0 && j - s0 <= 1 && tokens[j]?.norm === ')' && si > 0) leftBound = (sentences[si - 1] as (typeof sentences)[number]).tokenStart;
    const finite = !form.participle || progressive || documentParticiple;
    let npStart = !passive && j >= s0 && finite && !coordinated ? npLeft(j, leftBound) : j + 1;
    let appositive: [number, number] | null = null;
    if (npStart > j && j >= s0 && tokens[j]?.norm === ',' && !form.participle) {
      // Apposition: "Jane Doe, a spokeswoman for the ministry, said"; "two officials, speaking on condition of anonymity, said".
      let p = j - 1;
      while (p >= s0 && j - p < 16 && tokens[p]?.norm !== ',' && !isMark(p) && tokens[p]?.norm !== '.') p--;
      if (p > s0 && tokens[p]?.norm === ',' && p < j - 1) {
        const lead = tokens[p + 1] as Token;
        if (normIn(p + 1, CLASS_DETERMINER | CLASS_QUANTIFIER) || lead.norm === 'who' || lead.norm === 'of' || lead.norm === 'speaking' || compiled.titles.has(lead.base) || lead.capitalized || hasMarker(p + 1, j)) {
          const start = npLeft(p - 1, s0);
          if (start <= p - 1) {
            npStart = start;
            // The source phrase runs through the apposition and its closing comma.
            draft.sourceSpanEnd = j + 1;
            j = p - 1;
            appositive = [p + 1, at];
          }
        }
      }
    }
    if (npStart <= j) {
      draft.srcStart = npStart;
      draft.srcEnd = j + 1;
      draft.speaker = resolve(npStart, j + 1, si, appositive);
    }
    if (draft.srcStart >= 0) {
      // Trailing attribution ("…, he noted.") when the subject follows a comma or quote and little follows the cue.
      let p = draft.srcStart - 1;
      while (p >= s0 && isMark(p)) p--;
      const before = tokens[draft.srcStart - 1];
      const leftContext = p >= s0 && (tokens[p]?.norm === ',' || isMark(draft.srcStart - 1) || tokens[p]?.norm === '-' ||
        (!!before && before.kind === 'punct' && before.norm !== '(' && before.norm !== ':'));
      let words = 0;
      let hasThat = false;
      // Only "few words" matters below (at most 9): stop counting past that, so one endless sentence stays linear.
      for (let t = cueEndTok; t < contentLimit && words <= 10; t++) {
        const token = tokens[t] as Token;
        if (token.norm === ',' || token.norm === ';' || token.norm === ':') break;
        if (token.norm === 'that') hasThat = true;
        if (token.kind === 'word') words++;
      }
      let opensQuote = false;
      for (let t = cueEndTok; t < s1 && t - cueEndTok < 3; t++) {
        if ((markAt[t] as number) & OPEN_MARK_TOKEN) opensQuote = true;
        if (tokens[t]?.norm !== ',' && tokens[t]?.norm !== ':') break;
      }
      // An addressee and a circumstance may follow a trailing cue ("… Doe tells Example News in an interview.").
      // A position is not reported after the fact ("…, he wants."): attitude cues take what follows.
      // …nor when the words before the comma are already another cue's content ("Asked whether …, Doe said she …").
      const previous = inSentence[inSentence.length - 1];
      const comma = p >= s0 ? (tokens[p] as Token).start : -1;
      const leftTaken = words > 0 && !!previous && p > s0 && previous.cueStart < comma &&
        ((previous.form.entry.class !== 'attitude' && previous.contentEnd >= comma && previous.contentEnd <= (tokens[p] as Token).end) ||
          // "In the survey, 47% say …": the words before the comma are a source of their own.
          (previous.sourceEnd !== null && previous.sourceEnd >= (tokens[p - 1] as Token).end));
      if (leftContext && !attitude && !form.participle && !leftTaken && words <= (form.entry.addressee ? 9 : 5) && !hasThat && !opensQuote) {
        draft.contentStart = trimStart(s0, p);
        draft.contentEnd = trimEnd(s0, p);
        // The sentence may have been cut inside the quote ("… OK?” Trump said."): take the quote itself.
        if (draft.contentEnd <= draft.contentStart) {
          const closing = quoteClosingBefore((tokens[draft.srcStart] as Token).start);
          if (closing) draft.quoteContent = closing;
        }
      } else {
        contentAfter(cueEndTok, contentLimit, form);
        // "…?” Trump asked." split after the question mark: the sentence is only the attribution.
        if (draft.contentEnd <= draft.contentStart && p < s0) {
          const closing = quoteClosingBefore((tokens[draft.srcStart] as Token).start);
          if (closing) draft.quoteContent = closing;
        }
      }
    } else if (!form.participle && !attitude) {
      // Inversion: "…,” said Ali Shamkhani."
      const end = npRight(cueEndTok, s1);
      let p = at - 1;
      while (p >= s0 && (isMark(p) || tokens[p]?.norm === ',')) p--;
      if (end > cueEndTok && p >= s0) {
        draft.srcStart = cueEndTok;
        draft.srcEnd = end;
        draft.speaker = resolve(cueEndTok, end, si, null);
        draft.contentStart = trimStart(s0, p + 1);
        draft.contentEnd = p + 1;
        if (draft.contentEnd <= draft.contentStart) draft.quoteContent = quoteClosingBefore((tokens[at] as Token).start);
      } else if (end > cueEndTok && p < s0) {
        // The sentence was cut inside the quote ("… right?” said Jane Doe."): the quote is the content.
        const closing = quoteClosingBefore((tokens[at] as Token).start);
        if (closing) {
          draft.srcStart = cueEndTok;
          draft.srcEnd = end;
          draft.speaker = resolve(cueEndTok, end, si, null);
          draft.contentStart = at;
          draft.contentEnd = at;
          draft.quoteContent = closing;
        }
      }
    }
    if (draft.contentStart < 0 && at === s0 && form.entry.id === 'ask') {
      // "Asked whether …, Doe said", "Asked at a briefing about …, Doe said": the question up to the comma; who asked is not said.
      let k = cueEndTok;
      let question = false;
      while (k < s1 && k - cueEndTok < 40 && tokens[k]?.norm !== ',') {
        if (QUESTION_WORDS.has((tokens[k] as Token).norm)) question = true;
        k++;
      }
      if (k < s1 && question) {
        draft.contentStart = cueEndTok;
        draft.contentEnd = k;
      }
    }
    // `at > 0` first: reading before the first token would deoptimise (an out-of-bounds read).
    if (draft.contentStart < 0 && (coordinated || (at > 0 && normIn(at - 1, CLASS_PARTICIPLE_LEAD)))) {
      // "…, saying …": the subject of the clause speaks.
      const previous = inSentence[inSentence.length - 1];
      if (previous) {
        draft.speaker = previous.speaker;
        if (lastSourceStart >= 0) {
          draft.srcStart = lastSourceStart;
          draft.srcEnd = lastSourceEnd;
        }
      } else {
        const subject = subjectOf(s0, at);
        if (subject) {
          draft.srcStart = subject[0];
          draft.srcEnd = subject[1];
          draft.speaker = resolve(subject[0], subject[1], si, null);
        } else {
          draft.speaker = state.singular;
        }
      }
      contentAfter(cueEndTok, contentLimit, form);
    }
  }

  /** The subject noun phrase of the clause that ends before `before`: at the sentence start or after a fronted phrase. */
  function subjectOf(s0: number, before: number): [number, number] | null {
    const starts = [s0];
    for (let t = s0; t < before && t - s0 < 16; t++) if (tokens[t]?.norm === ',') {
      starts.push(t + 1);
      break;
    }
    for (const start of starts) {
      let k = start;
      while (k < before && k - start < 8) {
        const token = tokens[k] as Token;
        if (token.kind !== 'word') break;
        if (!(nameWord[k] === 1 || DETERMINERS.has(token.norm) || token.possessive || compiled.titles.has(token.base) ||
          compiled.sourceNounHeads.has(token.base) || compiled.organisationHeads.has(token.base) || token.norm === 'of' ||
          isSingularPronoun(token.norm) || isPluralPronoun(token.norm))) break;
        k++;
        if (isSingularPronoun(token.norm) || isPluralPronoun(token.norm)) break;
      }
      if (k > start && !NOT_NAME.has((tokens[k - 1] as Token).base) || (k > start && (isSingularPronoun((tokens[k - 1] as Token).norm) || isPluralPronoun((tokens[k - 1] as Token).norm)))) return [start, k];
    }
    return null;
  }

  /**
   * In body text a colon credits what follows only after a bare name at the start of a
   * sentence or after a dash ("Jane Doe: …", "– Pew Research: “…”"), as in transcripts
   * and round-ups. Returns the name's first token, or -1.
   */
  function bodyColonSpeaker(colon: number, s0: number): number {
    let k = colon;
    while (k > s0 && colon - k < 4 && nameWord[k - 1] === 1) k--;
    if (k === colon) return -1;
    if (k > s0 && tokens[k - 1]?.norm !== '-') return -1;
    const count = colon - k;
    const last = tokens[colon - 1] as Token;
    if (count >= 2 || people.bySurname.has(last.base)) return NOT_NAME.has((tokens[k] as Token).base) ? -1 : k;
    // A transcript: "WALLACE: …", "Q: …" at the start of a sentence.
    if (count === 1 && k === s0 && isUpperWord(last)) return k;
    return -1;
  }

  /** A word written in capitals ("WALLACE", "Q"), as speakers are labelled in transcripts. */
  function isUpperWord(token: Token): boolean {
    if (token.kind !== 'word') return false;
    const word = text.slice(token.start, token.end);
    return word.toUpperCase() === word && word.toLowerCase() !== word;
  }

  /** A whole-sentence quote whose closing mark sits just before `offset`. */
  function quoteClosingBefore(offset: number): { start: number; end: number } | null {
    // Closing marks sorted once per document, so each cue costs a binary search, not a scan.
    if (closings === null) {
      closings = doc.quotes
        .map((quote, index) => ({ mark: quote.closeMark, index }))
        .filter((c): c is { mark: number; index: number } => c.mark !== null)
        .sort((a, b) => a.mark - b.mark || a.index - b.index);
    }
    const lo = partitionPoint(closings, (closing) => closing.mark < offset - 3);
    let first: number | null = null;
    for (let k = lo; k < closings.length && (closings[k] as { mark: number }).mark < offset; k++) {
      const index = (closings[k] as { index: number }).index;
      const quote = doc.quotes[index] as QuoteSpan;
      if (quote.end > quote.start && (first === null || index < first)) first = index;
    }
    if (first === null) return null;
    const quote = doc.quotes[first] as QuoteSpan;
    return { start: quote.start, end: quote.end };
  }

  /**
   * A document, poll or data head in the subject before the cue, read back over a few words
   * ("a CNN poll last month showed …", "a study by the council found …"); bounded, so linear.
   */
  function documentBefore(i: number, s0: number): boolean {
    for (let t = i - 1; t >= s0 && i - t <= 10; t--) {
      const token = tokens[t] as Token;
      if (token.kind !== 'word' && token.kind !== 'number' && token.norm !== '/' && token.norm !== '-') return false;
      if (baseIn(t, CLASS_DOCUMENT_SOURCE) && !token.possessive) return true;
      if (normIn(t, CLASS_VERBISH) || token.norm === 'who' || token.norm === 'which') return false;
    }
    return false;
  }

  /** A document, poll or data head as the subject of the cue at `i` (not a possessive right before it). */
  function documentSubjectAt(i: number, s0: number): boolean {
    const prev = i > s0 ? (tokens[i - 1] as Token) : null;
    return !!prev && !prev.possessive && documentBefore(i, s0);
  }

  /** A word that can end a noun phrase before a participle: not a function word, a determiner or a possessive. */
  function nounBefore(t: number): boolean {
    const token = tokens[t] as Token;
    if (token.kind !== 'word') return token.norm === '%';
    return !normIn(t, CLASS_NP_STOP | CLASS_DETERMINER | CLASS_BE_FORM | CLASS_BETWEEN | CLASS_PARTICIPLE_LEAD) && !token.possessive;
  }

  /** A BE form (and perhaps "not", "widely") right before the cue: "is expected", "are not expected". */
  function isPassive(i: number, s0: number): boolean {
    let p = i - 1;
    while (p >= s0 && i - p <= 3 && (normIn(p, CLASS_BETWEEN) || (tokens[p] as Token).norm.endsWith('ly'))) {
      if (normIn(p, CLASS_BE_FORM)) return true;
      p--;
    }
    return p >= s0 && normIn(p, CLASS_BE_FORM) && (tokens[p] as Token).norm !== "'s";
  }

  function acceptCue(i: number, form: VerbForm, s0: number, s1: number): boolean {
    const token = tokens[i] as Token;
    if (form.entry.frame === 'prep') {
      if (!form.objectHeads) return true;
      // "In a poll released Monday, …", "in his view": a definite or possessive object phrase that holds one of
      // the heads and closes the clause (not "leads in the polls behind …").
      const lead = tokens[i + 1];
      if (!lead || !(normIn(i + 1, CLASS_DETERMINER) || lead.possessive)) return false;
      let head = false;
      for (let t = i + 1; t < s1 + 1 && t - i <= 12; t++) {
        // The sentence end first, so the token past a document's last sentence is never read (an out-of-bounds deoptimisation).
        if (t === s1) return head;
        const object = tokens[t];
        if (!object || object.norm === ',' || object.norm === '.' || object.norm === ';') return head;
        if (object.kind !== 'word' && object.kind !== 'number' && object.norm !== '-' && object.norm !== '/') return false;
        if (head && (normIn(t, CLASS_NP_STOP) || object.norm === 'behind' || object.norm === 'of')) return false;
        if (form.objectHeads.has(object.base)) head = true;
      }
      return false;
    }
    // Capitalised mid-sentence: a name ("United States"), except in title-case headlines ("Trump Says …").
    if (token.capitalized && i > s0 && !isMark(i - 1) && blockKindOf(token.sentence) !== 'headline') return false;
    const prev = i > s0 ? (tokens[i - 1] as Token) : null;
    // An infinitive ("to defend", "declined to say") is not the report of a speech act.
    if (prev && prev.norm === 'to') return false;
    if (prev && prev.kind === 'word' && (normIn(i - 1, CLASS_DETERMINER) || prev.possessive) && prev.norm !== 'that' && !compiled.sourceNounHeads.has(prev.norm)) return false;
    const next = i + 1 < s1 ? (tokens[i + 1] as Token) : null;
    if (form.followedBy && !(next && form.followedBy.has(next.norm))) return false;
    // "polls show …", "the data indicate …": a document holds the position.
    // Whether a document holds the position is read back (up to ten words) only where a check needs it:
    // most cues ("said") are settled without it.
    if (form.nounLike) {
      const verbal = (prev && normIn(i - 1, CLASS_BEFORE_VERB)) || (next && (next.norm === 'that' || next.norm === ':' || isMark(i + 1))) ||
        documentSubjectAt(i, s0) || (form.entry.class === 'attitude' && next?.norm === 'to' && !!prev && prev.kind === 'word' && prev.capitalized) ||
        // "voters support Doe", "polls show the race tied": a noun-like form before an object is a verb.
        (form.entry.id !== 'call' && !!prev && prev.kind === 'word' && !!next && next.kind === 'word' && (normIn(i + 1, CLASS_OBJECT_LEAD) || (next.capitalized && !isMark(i + 1)))) ||
        // "…,” Viguerie notes." — after a name, at the end of a clause.
        (prev && prev.capitalized && prev.kind === 'word' && (!next || next.norm === '.' || next.norm === ','));
      if (!verbal) return false;
    }
    if (form.entry.clause && !(form.entry.passive && isPassive(i, s0))) {
      const after = tokens[i + 1];
      // …or nothing at all: a trailing attribution ("…,” she continued.").
      const clause = !after || i + 1 >= s1 || documentSubjectAt(i, s0) || after.norm === 'that' || after.norm === ':' || after.norm === '.' || after.norm === ',' || isMark(i + 1) || normIn(i + 1, CLASS_CLAUSE_START);
      if (!clause) return false;
    }
    if (form.participle) return !!prev && (normIn(i - 1, CLASS_PARTICIPLE_LEAD | CLASS_BE_FORM) || documentSubjectAt(i, s0) || nounBefore(i - 1));
    if (form.entry.passive && isPassive(i, s0)) return true;
    if (prev && normIn(i - 1, CLASS_BE_FORM)) return false;
    let p = i - 1;
    while (p >= s0 && normIn(p, CLASS_BETWEEN)) p--;
    if (p >= s0 && normIn(p, CLASS_BE_FORM)) return false;
    return true;
  }
}
