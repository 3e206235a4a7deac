/**
 * The people pass: one scan over capitalised runs that finds people introduced with a
 * title ("Secretary of Iran's Supreme National Security Council (SNSC) Ali Shamkhani"),
 * full names ("Jane Doe"), organisations ("the Defense Ministry"), and later mentions by
 * surname ("Shamkhani"), so a cue's subject can be resolved to the person introduced.
 */
import type { EntityMention } from '../types.js';
import type { Document, Token } from '../../document/types.js';
import { KEY_ORGANISATION, KEY_TITLE, NAME_PARTICLE, NOT_NAME_WORD, ORGANISATION_HEAD, type CompiledAttribution, type TokenFlags } from './compile.js';
import { NAME_PARTICLES, NP_STOP, ROLE_STOP } from './words.js';
import { sortInPlace } from './sort-in-place.js';
import { IntScratch } from './scratch.js';
import type { PhraseHit } from './phrase-index.js';
import type { TitleEntry } from '../../lexicon/kinds/speech-verbs.js';

export interface Person {
  /** The voice id, made from the name only when the person speaks (see `personKey`). */
  key: string;
  readonly name: string;
  role: string | null;
  roleWords: ReadonlySet<string>;
  affiliation: string | null;
  groups: ReadonlySet<string>;
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
 * The role words and title groups of a person who has none: one shared empty set, so the
 * many people named without a title allocate no sets. Never added to (see `withWord`).
 */
export const NO_WORDS: ReadonlySet<string> = new Set<string>();

/** `set` with `word` added: a set of its own replaces the shared empty one on the first word. */
function withWord(set: ReadonlySet<string>, word: string): ReadonlySet<string> {
  const own = set === NO_WORDS ? new Set<string>() : (set as Set<string>);
  own.add(word);
  return own;
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
  const chars = ascii ? lower : lower.normalize('NFKD');
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
  const { tokens, text } = doc;
  const entityAt = entityAtScratch.take(tokens.length, -1);
  mentions.forEach((mention, index) => {
    for (let t = mention.tokenStart; t < mention.tokenEnd && t < tokens.length; t++) entityAt[t] = index;
  });
  const baseIds = flags.ids.base;
  /** The title starting at token `i`; the flag (titles start with a `KEY_TITLE` word) spares most lookups. */
  const titleAt = (i: number): PhraseHit<TitleEntry> | null => ((flags.base[i] as number) & KEY_TITLE ? compiled.titles.match(baseIds, i) : null);
  // Keyed by the name as written; ids (slugs) are made later, only for those who speak.
  const persons = new Map<string, Person>();
  const bySurname = new Map<string, Person>();
  const found: PersonMention[] = [];
  const personAt = personAtScratch.take(tokens.length, -1);
  const organisationEndingAt = new Map<number, { org: Organisation; tokenStart: number }>();
  const pendingSingles: number[] = [];
  const organisations: { org: Organisation; tokenEnd: number; head: string }[] = [];

  /** An entity mention that is not a person (gazetteer people may be named like anyone else). */
  const isPlaceOrBody = (index: number): boolean => {
    const mention = entityAt[index] as number;
    return mention !== -1 && compiled.entities.get((mentions[mention] as EntityMention).entity)?.kind !== 'person';
  };
  const isSubjectAt = (index: number, end: number): boolean => {
    let k = index;
    if (tokens[k]?.norm === '(') {
      while (k < end && tokens[k]?.norm !== ')') k++;
      k++;
    }
    const next = tokens[k];
    return !!next && k < end && next.kind === 'word' && !next.capitalized && !NP_STOP.has(next.norm);
  };

  const normFlags = flags.norm;
  const baseFlags = flags.base;
  const nameWord = flags.nameWord;
  for (const sentence of doc.sentences) {
    const end = sentence.tokenEnd;
    let i = sentence.tokenStart;
    while (i < end) {
      // Flag arrays first: most tokens are neither a title nor a name word, and are skipped unread.
      const titleFlag = (baseFlags[i] as number) & KEY_TITLE;
      if (!titleFlag && !nameWord[i]) {
        i++;
        continue;
      }
      const firstTitle = titleFlag ? compiled.titles.match(baseIds, i) : null;
      if (!firstTitle && !nameWord[i]) {
        i++;
        continue;
      }
      // Fast path: a lone capitalised word (most sentence starts, surnames) needs no run.
      const after = tokens[i + 1];
      if (!firstTitle && (i + 1 >= end || !after || (after.kind === 'word' ? !nameWord[i + 1] && !((baseFlags[i + 1] as number) & KEY_TITLE) && !((normFlags[i + 1] as number) & NAME_PARTICLE) && after.norm !== 'of' && after.norm !== 'for' : after.norm !== '(' && after.norm !== '.'))) {
        if (!((flags.base[i] as number) & KEY_ORGANISATION)) pendingSingles.push(i);
        i++;
        continue;
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
        const title = (baseFlags[j] as number) & KEY_TITLE ? compiled.titles.match(baseIds, j) : null;
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
          if (organisationHead || isPlaceOrBody(j)) {
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
      let roleEnd = i;
      for (let k = 0; k < titleCount; k++) {
        const e = titleEnds[k] as number;
        if (e <= runEnd && e > nameStart) nameStart = roleEnd = e;
      }
      for (let k = 0; k < markerCount; k++) {
        const m = markers[k] as number;
        if (m <= runEnd && m > nameStart) nameStart = m;
      }
      while (nameStart < runEnd && !nameWord[nameStart]) nameStart++;
      while (nameStart < runEnd && (baseFlags[nameStart] as number) & NOT_NAME_WORD) nameStart++;
      // The name is tokens [nameStart, runEnd): read in place, no slice.
      const nameLength = runEnd - nameStart;
      const titled = titleCount > 0;
      let cleanName = nameLength > 0;
      for (let t = nameStart; t < runEnd && cleanName; t++) {
        cleanName = (nameWord[t] === 1 || (t > nameStart && ((normFlags[t] as number) & NAME_PARTICLE) !== 0)) && !isPlaceOrBody(t) &&
          !((baseFlags[t] as number) & (ORGANISATION_HEAD | NOT_NAME_WORD));
      }
      if (cleanName && (titled || nameLength >= 2)) {
        const lastName = tokens[runEnd - 1] as Token;
        const nameText = text.slice((tokens[nameStart] as Token).start, lastName.end - (lastName.norm.length - lastName.base.length));
        let person = persons.get(nameText);
        if (!person) {
          person = { key: '', name: nameText, role: null, roleWords: NO_WORDS, affiliation: null, groups: NO_WORDS, gender: null };
          persons.set(nameText, person);
        }
        // Role: from the run's start to the end of its last title (or marker), without a trailing acronym.
        let roleStop = nameStart;
        const roleStartToken = i > 0 && (baseFlags[i - 1] as number) & ORGANISATION_HEAD && tokens[i - 1]?.kind === 'word' && i > sentence.tokenStart && titleCount ? i - 1 : i;
        while (roleStop > roleStartToken && (tokens[roleStop - 1]?.norm === ')' || tokens[roleStop - 1]?.norm === '.')) {
          if (tokens[roleStop - 1]?.norm === ')') {
            while (roleStop > roleStartToken && tokens[roleStop - 1]?.norm !== '(') roleStop--;
          }
          roleStop--;
        }
        // "ministry spokesman Jane Doe": an organisation noun just before the title belongs to the role.
        let roleStart = roleStartToken;
        while (roleStart < roleStop && (baseFlags[roleStart] as number) & NOT_NAME_WORD && !titleAt(roleStart)) roleStart++;
        for (let t = i; t < nameStart; t++) {
          const gendered = titleAt(t)?.value.gender;
          if (gendered && person.gender === null) person.gender = gendered;
        }
        if (roleStop > roleStart && titleCount) {
          for (let t = roleStart; t < roleStop; t++) {
            const title = titleAt(t);
            if (title) person.groups = withWord(person.groups, title.value.group);
            const word = tokens[t] as Token;
            if (word.kind === 'word' && !ROLE_STOP.has(word.base)) person.roleWords = withWord(person.roleWords, word.base);
            if (entityAt[t] !== -1 && person.affiliation === null) person.affiliation = affiliationOf(compiled, (mentions[entityAt[t] as number] as EntityMention).entity);
          }
          if (person.role === null && !onlyHonorific(tokens, roleStart, roleStop, titleAt)) {
            person.role = text.slice((tokens[roleStart] as Token).start, endOf(tokens[roleStop - 1] as Token));
          }
        }
        addSurnames(bySurname, lastName, person);
        const index = found.length;
        found.push({ person, tokenStart: nameStart, tokenEnd: runEnd, subject: isSubjectAt(j, end) });
        for (let t = nameStart; t < runEnd; t++) personAt[t] = index;
      } else if (markerCount && !titleCount) {
        // An organisation: a run ending in an organisation head ("Defense Ministry").
        const last = runEnd - 1;
        const head = tokens[last];
        if (head && (baseFlags[last] as number) & ORGANISATION_HEAD && entityAt[last] === -1) {
          let start = i;
          while (start < last && (baseFlags[start] as number) & NOT_NAME_WORD) start++;
          let affiliation: string | null = null;
          for (let t = i; t <= last; t++) if (entityAt[t] !== -1) {
            affiliation = affiliationOf(compiled, (mentions[entityAt[t] as number] as EntityMention).entity);
            break;
          }
          const name = text.slice((tokens[start] as Token).start, endOf(head));
          const org = { name, affiliation };
          organisationEndingAt.set(last, { org, tokenStart: start });
          organisations.push({ org, tokenEnd: last + 1, head: head.base });
        }
      } else if (runEnd - i === 1 && nameWord[i]) {
        pendingSingles.push(i);
      }
      i = Math.max(j, i + 1);
    }
  }
  // Later mentions by surname alone ("Shamkhani underlined …"); none when nobody was named in full.
  if (bySurname.size > 0) for (const index of pendingSingles) {
    const token = tokens[index] as Token;
    const person = bySurname.get(token.base);
    if (!person || personAt[index] !== -1) continue;
    const sentence = doc.sentences[token.sentence];
    found.push({ person, tokenStart: index, tokenEnd: index + 1, subject: isSubjectAt(index + 1, sentence ? sentence.tokenEnd : tokens.length) });
  }
  sortInPlace(found, (a, b) => a.tokenStart - b.tokenStart);
  personAt.fill(-1);
  found.forEach((mention, index) => {
    for (let t = mention.tokenStart; t < mention.tokenEnd; t++) personAt[t] = index;
  });
  return { persons, mentions: found, personAt, organisationEndingAt, bySurname, organisations, entityAt };
}

function onlyHonorific(tokens: readonly Token[], start: number, stop: number, titleAt: (i: number) => PhraseHit<TitleEntry> | null): boolean {
  for (let t = start; t < stop; t++) {
    const title = titleAt(t);
    if (title && title.value.group !== 'honorific') return false;
    if (!title && tokens[t]?.kind === 'word') return false;
  }
  return true;
}

/** End of a token without its possessive ending ("Iran's" → "Iran"). */
export function endOf(token: Token): number {
  return token.end - (token.norm.length - token.base.length);
}
