/**
 * The people pass: one scan over capitalised runs that finds people introduced with a
 * title ("Secretary of Iran's Supreme National Security Council (SNSC) Ali Shamkhani"),
 * full names ("Jane Doe"), organisations ("the Defense Ministry"), and later mentions by
 * surname ("Shamkhani"), so a cue's subject can be resolved to the person introduced.
 */
import type { EntityMention } from '../types.js';
import type { Document, Token } from '../../document/types.js';
import { CLASS_RUN_LINK, KEY_ORGANISATION, KEY_TITLE, NAME_PARTICLE, NOT_NAME_WORD, ORGANISATION_HEAD, type CompiledAttribution, type TokenFlags } from './compile.js';
import { NAME_PARTICLES, NP_STOP, ROLE_STOP } from './words.js';
import { sortInPlace } from '../../util/sort-in-place.js';
import { IntScratch } from './scratch.js';
import type { PhraseHit } from './phrase-index.js';
import type { TitleEntry } from '../../lexicon/kinds/speech-verbs.js';

export interface Person {
  /** The voice id, made from the name only when the person speaks (see `personKey`). */
  key: string;
  readonly name: string;
  role: string | null;
  /** The role's words ("security", "council"): a few, each once (a list: probed only to resolve a description). */
  roleWords: readonly string[];
  affiliation: string | null;
  /** The groups of the person's titles ("minister", "spokesperson"), each once. */
  groups: readonly string[];
  /** From a gendered title ("Mrs.", "spokeswoman") or a pronoun already resolved to the person. */
  gender: 'female' | 'male' | null;
}

export interface PersonMention {
  readonly person: Person;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Followed by a verb-like word: the subject of its clause, which makes it salient. */
  readonly subject: boolean;
}

export interface Organisation {
  readonly name: string;
  readonly affiliation: string | null;
}

export interface People {
  readonly persons: ReadonlyMap<string, Person>;
  /** Person mentions sorted by token. */
  readonly mentions: readonly PersonMention[];
  /** Token index → index into `mentions` (or -1). */
  readonly personAt: Int32Array;
  /** Token index → organisation whose name ends there (or undefined). */
  readonly organisationEndingAt: ReadonlyMap<number, { org: Organisation; tokenStart: number }>;
  readonly bySurname: ReadonlyMap<string, Person>;
  /** Organisations in text order with the token where their name ends. */
  readonly organisations: readonly { readonly org: Organisation; readonly tokenEnd: number; readonly head: string }[];
  /** Token index → index into the entity mentions covering it (or -1), shared with the attribution pass. */
  readonly entityAt: Int32Array;
}

/**
 * The role words and title groups of a person who has none: one shared empty list, so the
 * many people named without a title allocate none (`withWord` never changes a list).
 */
export const NO_WORDS: readonly string[] = [];

/**
 * `words` with `word` added if it is new, as a new list of exactly that length. Copied by
 * hand: `concat` with a string argument takes a slow generic path, and a push would give a
 * one-word list room for seventeen. Lists, not sets: a person has a word or two, and a set
 * costs a hash table.
 */
function withWord(words: readonly string[], word: string): readonly string[] {
  if (words.includes(word)) return words;
  const out = new Array<string>(words.length + 1);
  for (let k = 0; k < words.length; k++) out[k] = words[k] as string;
  out[words.length] = word;
  return out;
}

/**
 * A readable id ("Ali Shamkhani" → "ali-shamkhani"). Not memoised across articles: the
 * names are slices of article texts, and a cache keyed by them kept whole texts alive.
 */
export function slug(value: string): string {
  return computeSlug(value);
}

function computeSlug(value: string): string {
  const lower = value.toLowerCase();
  // NFKD leaves ASCII unchanged: most names skip the normalisation call.
  let ascii = true;
  for (let i = 0; i < lower.length && ascii; i++) if (lower.charCodeAt(i) >= 0x80) ascii = false;
  if (ascii) {
    const simple = simpleSlug(lower);
    if (simple !== null) return simple;
  }
  const chars = ascii ? lower : lower.normalize('NFKD');
  // Char by char: each `+=` makes a new string, so this is only for names `simpleSlug` declines.
  let out = '';
  let dash = false;
  // By UTF-16 unit: an astral character is two non-alphanumeric units, which make one dash as one code point did.
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    const alnum = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (alnum) {
      out += chars[i] as string;
      dash = false;
    } else if (code >= 0x300 && code <= 0x36f) {
      continue;
    } else if (!dash && out) {
      out += '-';
      dash = true;
    }
  }
  return out.endsWith('-') ? out.slice(0, -1) : out;
}

/**
 * The slug of a lower-case ASCII name made of letters and digits separated by single
 * spaces or dashes, with a letter or digit at each end ("jane doe", "al-kadhimi"): each
 * separator becomes one dash, as in `computeSlug`, in one string operation; null for any
 * other name (the general loop decides).
 */
function simpleSlug(lower: string): string | null {
  let spaces = false;
  let previousAlnum = false;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const alnum = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (alnum) {
      previousAlnum = true;
      continue;
    }
    // A separator must follow a letter or digit (no leading or doubled separators).
    if ((code !== 32 && code !== 45) || !previousAlnum) return null;
    if (code === 32) spaces = true;
    previousAlnum = false;
  }
  // A trailing separator (or an empty name) takes the general path.
  if (!previousAlnum) return null;
  return spaces ? lower.replaceAll(' ', '-') : lower;
}

/** The voice id of a person, computed once. */
export function personKey(person: Person): string {
  if (!person.key) person.key = slug(person.name);
  return person.key;
}

/** A country first: an organisation's country where the gazetteer gives one. */
export function affiliationOf(compiled: CompiledAttribution, entityId: string): string {
  const entry = compiled.entities.get(entityId);
  if (entry && entry.kind !== 'country' && entry.country) return entry.country;
  return entityId;
}

/** Index `person` under the surname keys of its last name token ("al-Kadhimi" → also "kadhimi"). */
function addSurnames(bySurname: Map<string, Person>, last: Token, person: Person): void {
  bySurname.set(last.base, person);
  const dash = last.base.indexOf('-');
  if (dash > 0 && NAME_PARTICLES.has(last.base.slice(0, dash))) bySurname.set(last.base.slice(dash + 1), person);
}

/**
 * Scratch lists for one run of `findPeople` (title ends and marker positions), reused
 * across runs and documents so a run allocates nothing; findPeople is not re-entrant.
 * Only the first `titleCount` / `markerCount` entries belong to the current run.
 */
const titleEnds: number[] = [];
const markers: number[] = [];

// The token tables of the document being analysed (see `scratch.ts`).
const entityAtScratch = new IntScratch();
const personAtScratch = new IntScratch();

export function findPeople(doc: Document, mentions: readonly EntityMention[], compiled: CompiledAttribution, flags: TokenFlags): People {
  const tokens = doc.tokens;
  const entityAt = entityAtScratch.take(tokens.length, -1);
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index] as EntityMention;
    for (let t = mention.tokenStart; t < mention.tokenEnd && t < tokens.length; t++) entityAt[t] = index;
  }
  const scan = new PeopleScan(doc, mentions, compiled, flags, entityAt, personAtScratch.take(tokens.length, -1));
  const baseFlags = flags.base;
  const nameWord = flags.nameWord;
  for (const sentence of doc.sentences) {
    const end = sentence.tokenEnd;
    let i = sentence.tokenStart;
    while (i < end) {
      // Flag arrays first: most tokens are neither a title nor a name word, and are skipped unread.
      if (!((baseFlags[i] as number) & KEY_TITLE) && !nameWord[i]) {
        i++;
        continue;
      }
      i = scan.runAt(i, end, sentence.tokenStart);
    }
  }
  return scan.finish();
}

/**
 * One document's people scan: the tables it fills, and each step of a run as a method of
 * its own, so V8 compiles (and after a deoptimisation re-compiles) small bodies instead of
 * one large function.
 */
class PeopleScan {
  readonly tokens: readonly Token[];
  readonly text: string;
  readonly baseIds: Int32Array;
  readonly normIds: Int32Array;
  readonly classById: Uint16Array;
  readonly normFlags: Uint8Array;
  readonly baseFlags: Uint8Array;
  readonly nameWord: Uint8Array;
  // Keyed by the name as written; ids (slugs) are made later, only for those who speak.
  readonly persons = new Map<string, Person>();
  readonly bySurname = new Map<string, Person>();
  readonly found: PersonMention[] = [];
  readonly organisationEndingAt = new Map<number, { org: Organisation; tokenStart: number }>();
  readonly pendingSingles: number[] = [];
  readonly organisations: { org: Organisation; tokenEnd: number; head: string }[] = [];

  constructor(
    readonly doc: Document,
    readonly mentions: readonly EntityMention[],
    readonly compiled: CompiledAttribution,
    flags: TokenFlags,
    readonly entityAt: Int32Array,
    readonly personAt: Int32Array,
  ) {
    this.tokens = doc.tokens;
    this.text = doc.text;
    this.baseIds = flags.ids.base;
    this.normIds = flags.ids.norm;
    this.classById = compiled.classById;
    this.normFlags = flags.norm;
    this.baseFlags = flags.base;
    this.nameWord = flags.nameWord;
  }

  /** The title starting at token `i`; the flag (titles start with a `KEY_TITLE` word) spares most lookups. */
  titleAt(i: number): PhraseHit<TitleEntry> | null {
    return (this.baseFlags[i] as number) & KEY_TITLE ? this.compiled.titles.match(this.baseIds, i) : null;
  }

  /**
   * Token `t`, after a name word, may carry the run on: a name word, a title, a particle, or a
   * run link (`RUN_LINKS`). Read from the flag and class tables only: name words, titles and
   * particles are words, and no token of another kind has their flags.
   */
  extendsRun(t: number): boolean {
    if (this.nameWord[t] || ((this.baseFlags[t] as number) & KEY_TITLE) || ((this.normFlags[t] as number) & NAME_PARTICLE)) return true;
    const id = this.normIds[t] as number;
    return (id >>> 0) < this.classById.length && ((this.classById[id] as number) & CLASS_RUN_LINK) !== 0;
  }

  /** An entity mention that is not a person (gazetteer people may be named like anyone else). */
  isPlaceOrBody(index: number): boolean {
    const mention = this.entityAt[index] as number;
    return mention !== -1 && this.compiled.entities.get((this.mentions[mention] as EntityMention).entity)?.kind !== 'person';
  }

  isSubjectAt(index: number, end: number): boolean {
    const tokens = this.tokens;
    let k = index;
    if (tokens[k]?.norm === '(') {
      while (k < end && tokens[k]?.norm !== ')') k++;
      k++;
    }
    const next = tokens[k];
    return !!next && k < end && next.kind === 'word' && !next.capitalized && !NP_STOP.has(next.norm);
  }

  /**
   * The run starting at token `i` (a title word or a name word) of the sentence ending at
   * `end`: records the person, organisation or lone name it makes; returns the token where
   * the scan goes on.
   */
  runAt(i: number, end: number, sentenceStart: number): number {
    const { tokens, baseFlags, normFlags, nameWord } = this;
    const firstTitle = this.titleAt(i);
    if (!firstTitle && !nameWord[i]) return i + 1;
    // Fast path: a lone capitalised word (most sentence starts, surnames) needs no run.
    if (!firstTitle && (i + 1 >= end || !this.extendsRun(i + 1))) {
      if (!((baseFlags[i] as number) & KEY_ORGANISATION)) this.pendingSingles.push(i);
      return i + 1;
    }
    // Grow the run: name words, titles, "of (the) X" inside a role, parenthesised acronyms.
    // Counts, not lengths: the lists keep their storage (setting a length to 0 frees it).
    let titleCount = 0;
    let markerCount = 0;
    let hasTitleOrOrg = false;
    let j = i;
    let trailingParen = -1;
    while (j < end) {
      const token = tokens[j] as Token;
      const title = this.titleAt(j);
      if (title && (title.value.group !== 'honorific' || j + title.length < end)) {
        j += title.length;
        if (tokens[j]?.norm === '.' && title.value.group === 'honorific') j++;
        titleEnds[titleCount++] = j;
        hasTitleOrOrg = true;
        trailingParen = -1;
        continue;
      }
      if (nameWord[j]) {
        const organisationHead = ((baseFlags[j] as number) & ORGANISATION_HEAD) !== 0;
        if (organisationHead || this.isPlaceOrBody(j)) {
          markers[markerCount++] = j + 1;
          if (organisationHead) hasTitleOrOrg = true;
        }
        trailingParen = -1;
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (token.kind === 'word' && (normFlags[j] as number) & NAME_PARTICLE && nameWord[j + 1] === 1 && j > i) {
        j++;
        continue;
      }
      if ((token.norm === 'of' || token.norm === 'for') && hasTitleOrOrg && next && (nameWord[j + 1] === 1 || (next.norm === 'the' && nameWord[j + 2] === 1))) {
        markers[markerCount++] = j + 1;
        j += next.norm === 'the' ? 2 : 1;
        continue;
      }
      if (token.norm === '(' && j > i) {
        let k = j + 1;
        while (k < end && k - j <= 5 && tokens[k]?.norm !== ')' && tokens[k]?.kind === 'word') k++;
        if (tokens[k]?.norm === ')' && k > j + 1) {
          trailingParen = j;
          markers[markerCount++] = k + 1;
          j = k + 1;
          continue;
        }
      }
      break;
    }
    const runEnd = trailingParen >= 0 ? trailingParen : j;
    // The name is what follows the last title, organisation head or entity.
    let nameStart = i;
    for (let k = 0; k < titleCount; k++) {
      const e = titleEnds[k] as number;
      if (e <= runEnd && e > nameStart) nameStart = e;
    }
    for (let k = 0; k < markerCount; k++) {
      const m = markers[k] as number;
      if (m <= runEnd && m > nameStart) nameStart = m;
    }
    while (nameStart < runEnd && !nameWord[nameStart]) nameStart++;
    while (nameStart < runEnd && (baseFlags[nameStart] as number) & NOT_NAME_WORD) nameStart++;
    if (this.isCleanName(nameStart, runEnd) && (titleCount > 0 || runEnd - nameStart >= 2)) {
      this.addPerson(i, j, end, sentenceStart, nameStart, runEnd, titleCount);
    } else if (markerCount && !titleCount) {
      this.addOrganisation(i, runEnd);
    } else if (runEnd - i === 1 && nameWord[i]) {
      this.pendingSingles.push(i);
    }
    return Math.max(j, i + 1);
  }

  /** Tokens [start, end) make a name: name words (particles after the first), none a place, body or organisation word. */
  isCleanName(start: number, end: number): boolean {
    const { nameWord, normFlags, baseFlags } = this;
    if (end <= start) return false;
    for (let t = start; t < end; t++) {
      const ok = (nameWord[t] === 1 || (t > start && ((normFlags[t] as number) & NAME_PARTICLE) !== 0)) && !this.isPlaceOrBody(t) &&
        !((baseFlags[t] as number) & (ORGANISATION_HEAD | NOT_NAME_WORD));
      if (!ok) return false;
    }
    return true;
  }

  /**
   * The person named by tokens [nameStart, runEnd) of the run [i, j): its role, title groups,
   * gender and affiliation from the run's titles; indexed by surname; one mention.
   */
  addPerson(i: number, j: number, end: number, sentenceStart: number, nameStart: number, runEnd: number, titleCount: number): void {
    const { tokens, text, baseFlags, entityAt } = this;
    const lastName = tokens[runEnd - 1] as Token;
    const nameText = text.slice((tokens[nameStart] as Token).start, lastName.end - (lastName.norm.length - lastName.base.length));
    let person = this.persons.get(nameText);
    if (!person) {
      person = { key: '', name: nameText, role: null, roleWords: NO_WORDS, affiliation: null, groups: NO_WORDS, gender: null };
      this.persons.set(nameText, person);
    }
    // Role: from the run's start to the end of its last title (or marker), without a trailing acronym.
    let roleStop = nameStart;
    const roleStartToken = i > 0 && (baseFlags[i - 1] as number) & ORGANISATION_HEAD && tokens[i - 1]?.kind === 'word' && i > sentenceStart && titleCount ? i - 1 : i;
    while (roleStop > roleStartToken && (tokens[roleStop - 1]?.norm === ')' || tokens[roleStop - 1]?.norm === '.')) {
      if (tokens[roleStop - 1]?.norm === ')') {
        while (roleStop > roleStartToken && tokens[roleStop - 1]?.norm !== '(') roleStop--;
      }
      roleStop--;
    }
    // "ministry spokesman Jane Doe": an organisation noun just before the title belongs to the role.
    let roleStart = roleStartToken;
    while (roleStart < roleStop && (baseFlags[roleStart] as number) & NOT_NAME_WORD && !this.titleAt(roleStart)) roleStart++;
    for (let t = i; t < nameStart; t++) {
      const gendered = this.titleAt(t)?.value.gender;
      if (gendered && person.gender === null) person.gender = gendered;
    }
    if (roleStop > roleStart && titleCount) {
      for (let t = roleStart; t < roleStop; t++) {
        const title = this.titleAt(t);
        if (title) person.groups = withWord(person.groups, title.value.group);
        const word = tokens[t] as Token;
        if (word.kind === 'word' && !ROLE_STOP.has(word.base)) person.roleWords = withWord(person.roleWords, word.base);
        if (entityAt[t] !== -1 && person.affiliation === null) person.affiliation = affiliationOf(this.compiled, (this.mentions[entityAt[t] as number] as EntityMention).entity);
      }
      if (person.role === null && !this.onlyHonorific(roleStart, roleStop)) {
        person.role = text.slice((tokens[roleStart] as Token).start, endOf(tokens[roleStop - 1] as Token));
      }
    }
    addSurnames(this.bySurname, lastName, person);
    const index = this.found.length;
    this.found.push({ person, tokenStart: nameStart, tokenEnd: runEnd, subject: this.isSubjectAt(j, end) });
    for (let t = nameStart; t < runEnd; t++) this.personAt[t] = index;
  }

  /** An organisation: a run [i, runEnd) ending in an organisation head ("Defense Ministry"). */
  addOrganisation(i: number, runEnd: number): void {
    const { tokens, baseFlags, entityAt } = this;
    const last = runEnd - 1;
    const head = tokens[last];
    if (!head || !((baseFlags[last] as number) & ORGANISATION_HEAD) || entityAt[last] !== -1) return;
    let start = i;
    while (start < last && (baseFlags[start] as number) & NOT_NAME_WORD) start++;
    let affiliation: string | null = null;
    for (let t = i; t <= last; t++) if (entityAt[t] !== -1) {
      affiliation = affiliationOf(this.compiled, (this.mentions[entityAt[t] as number] as EntityMention).entity);
      break;
    }
    const name = this.text.slice((tokens[start] as Token).start, endOf(head));
    const org = { name, affiliation };
    this.organisationEndingAt.set(last, { org, tokenStart: start });
    this.organisations.push({ org, tokenEnd: last + 1, head: head.base });
  }

  /** The role tokens [start, stop) are honorifics only ("Mr."): no role text. */
  onlyHonorific(start: number, stop: number): boolean {
    for (let t = start; t < stop; t++) {
      const title = this.titleAt(t);
      if (title && title.value.group !== 'honorific') return false;
      if (!title && this.tokens[t]?.kind === 'word') return false;
    }
    return true;
  }

  /** Later mentions by surname alone, then the mentions in token order with their token table. */
  finish(): People {
    const { tokens, found, personAt, bySurname } = this;
    // Later mentions by surname alone ("Shamkhani underlined …"); none when nobody was named in full.
    if (bySurname.size > 0) for (const index of this.pendingSingles) {
      const token = tokens[index] as Token;
      const person = bySurname.get(token.base);
      if (!person || personAt[index] !== -1) continue;
      const sentence = this.doc.sentences[token.sentence];
      found.push({ person, tokenStart: index, tokenEnd: index + 1, subject: this.isSubjectAt(index + 1, sentence ? sentence.tokenEnd : tokens.length) });
    }
    sortInPlace(found, byTokenStart);
    personAt.fill(-1);
    for (let index = 0; index < found.length; index++) {
      const mention = found[index] as PersonMention;
      for (let t = mention.tokenStart; t < mention.tokenEnd; t++) personAt[t] = index;
    }
    return { persons: this.persons, mentions: found, personAt, organisationEndingAt: this.organisationEndingAt, bySurname, organisations: this.organisations, entityAt: this.entityAt };
  }
}

function byTokenStart(a: PersonMention, b: PersonMention): number {
  return a.tokenStart - b.tokenStart;
}

/** End of a token without its possessive ending ("Iran's" → "Iran"). */
export function endOf(token: Token): number {
  return token.end - (token.norm.length - token.base.length);
}
