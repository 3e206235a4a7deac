/**
 * The speech-verbs lexicon compiled once into phrase indexes over token norms.
 */
import type { LexiconSet } from '../../lexicon/load.js';
import type { EntitiesEntry } from '../../lexicon/kinds/entities.js';
import type { SourceNounEntry, SpeechVerbEntry, TitleEntry } from '../../lexicon/kinds/speech-verbs.js';
import type { Document, Token } from '../../document/types.js';
import { tokenIds, wordId, type TokenIds } from '../../nlp/vocabulary.js';
import { isJoiningHyphen } from '../../document/char-class.js';
import { PhraseIndex } from './phrase-index.js';
import { ByteScratch, IntScratch } from './scratch.js';
import {
  AFTER_CUE_BEFORE_THAT, BE_FORMS, BEFORE_VERB, BETWEEN_SUBJECT_AND_CUE, CLAUSE_STARTS, DETERMINERS, DOCUMENT_SOURCES, isParticleName, NAME_PARTICLES,
  NOT_NAME, NP_STOP, OBJECT_LEADS, PARTICIPLE_LEAD, QUANTIFIERS, RUN_LINKS, SHARE_HEADS, SHARE_LEADS, SOURCE_PREPOSITIONS, VERBISH,
} from './words.js';

export interface VerbForm {
  readonly entry: SpeechVerbEntry;
  /** The form is also a common noun ("report", "claims") and needs a verbal context. */
  readonly nounLike: boolean;
  /** A present participle ("saying"), which may take the subject of its clause. */
  readonly participle: boolean;
  /** The entry's `followedBy` as a set (null: any next token). */
  readonly followedBy: ReadonlySet<string> | null;
  /** The entry's `objectHeads` as a set (null: any object). */
  readonly objectHeads: ReadonlySet<string> | null;
  /** The finding's rule (`attribution/verb-<id>`, or `attribution/attitude-<id>`) and category, made once, not per finding. */
  readonly rule: string;
  readonly category: string;
}

/**
 * Closed word classes of `words.ts` the cue parser tests most, as bits of `classById`, so a
 * test of token i is an array read of its word id instead of a set probe of its string.
 */
export const CLASS_DETERMINER = 1;
export const CLASS_NP_STOP = 2;
export const CLASS_BETWEEN = 4;
export const CLASS_BE_FORM = 8;
export const CLASS_VERBISH = 16;
export const CLASS_DOCUMENT_SOURCE = 32;
export const CLASS_QUANTIFIER = 64;
export const CLASS_PARTICIPLE_LEAD = 128;
export const CLASS_BEFORE_VERB = 256;
export const CLASS_OBJECT_LEAD = 512;
export const CLASS_CLAUSE_START = 1024;
export const CLASS_SHARE_HEAD = 2048;
export const CLASS_SHARE_LEAD = 4096;
/** `AFTER_CUE_BEFORE_THAT` (tested on the base). */
export const CLASS_AFTER_CUE = 8192;
export const CLASS_SOURCE_PREPOSITION = 16384;
/** `RUN_LINKS`: the people scan reads past a lone name only when one of these follows it. */
export const CLASS_RUN_LINK = 32768;

export interface CompiledAttribution {
  readonly verbs: PhraseIndex<VerbForm>;
  readonly sourceNouns: PhraseIndex<SourceNounEntry>;
  readonly markers: PhraseIndex<string>;
  readonly titles: PhraseIndex<TitleEntry>;
  readonly organisationHeads: ReadonlySet<string>;
  /** Single-token forms of source nouns, so the parser can tell a noun-phrase head cheaply. */
  readonly sourceNounHeads: ReadonlyMap<string, SourceNounEntry>;
  readonly entities: ReadonlyMap<string, EntitiesEntry>;
  readonly markerNote: string;
  /**
   * The bit flags (`KEY_*` and word classes) of every token key any phrase index or head set can start with,
   * indexed by shared word id (`wordId`): a token's flags are one array read of its id.
   * Words registered after this compile have larger ids and no flags.
   */
  readonly keyFlagsById: Uint8Array;
  /** The word id of ":", which starts the headline-colon cue. */
  readonly colonId: number;
  /** The `CLASS_*` bits of each word, by word id (words registered later: none). */
  readonly classById: Uint16Array;
}

/** The word starts a phrase of one of the indexes (a verb form, a title, an organisation, a source noun or marker). */
export const KEY_VERB = 1;
export const KEY_TITLE = 2;
export const KEY_ORGANISATION = 4;
export const KEY_SOURCE = 8;
const KEY_BITS = KEY_VERB | KEY_TITLE | KEY_ORGANISATION | KEY_SOURCE;
/** Word classes the people pass tests on every capitalised run, in the same table: `organisationHeads`. */
export const ORGANISATION_HEAD = 16;
/** `NAME_PARTICLES` ("al", "van"). */
export const NAME_PARTICLE = 32;
/** `NOT_NAME` (capitalised words that start no personal name). */
export const NOT_NAME_WORD = 64;
/** A straight or angle double quote (`"`, `«`, `»`), a quote mark wherever it stands. */
export const QUOTE_MARK = 128;

/**
 * One array read per token instead of a string probe per lexicon and word class: the flags
 * of each token's norm and base, read by every later check as an array access.
 */
export interface TokenFlags {
  readonly norm: Uint8Array;
  readonly base: Uint8Array;
  /** 1 where the token can be part of a personal name (a capitalised word or a particle name such as "al-Kadhimi"), computed once per token. */
  readonly nameWord: Uint8Array;
  /** The document's shared token word ids, which the phrase indexes match on. */
  readonly ids: TokenIds;
  /** `wordsBefore[i]`: how many word and number tokens precede token i (length: tokens + 1), so a span's word count is one subtraction. */
  readonly wordsBefore: Int32Array;
}

/** The flags of word id `id` (-1 or an id newer than the table: none). */
function flagsOf(byId: Uint8Array, id: number): number {
  // Unsigned compare: -1 becomes huge and fails the bound like any unknown id.
  return (id >>> 0) < byId.length ? (byId[id] as number) : 0;
}

/**
 * A word of four or more characters with a dash ("-", U+2010, U+2011) right after its first
 * two or three: where a particle name ("al-Kadhimi", "van-…") has one. A word's norm is its
 * text lower-cased with those dashes made "-" (and at most its last character trimmed); the
 * particles are ASCII letters, and no other character lower-cases to one, so the particle
 * takes as many characters of the text as of the norm, and a name after it makes the text
 * at least four long. Two character reads, and none for short words, instead of loading
 * each token's norm string.
 */
function dashAfterParticle(text: string, token: Token): boolean {
  const start = token.start;
  return token.end - start >= 4 && (isJoiningHyphen(text.charCodeAt(start + 2)) || isJoiningHyphen(text.charCodeAt(start + 3)));
}

// The flag arrays of the document being analysed (see `scratch.ts`).
const normScratch = new ByteScratch();
const baseScratch = new ByteScratch();
const nameWordScratch = new ByteScratch();
const wordsBeforeScratch = new IntScratch();

export function flagTokens(doc: Document, compiled: CompiledAttribution): TokenFlags {
  const { tokens, text } = doc;
  const norm = normScratch.take(tokens.length);
  const base = baseScratch.take(tokens.length);
  const nameWord = nameWordScratch.take(tokens.length);
  const wordsBefore = wordsBeforeScratch.take(tokens.length + 1, 0);
  let words = 0;
  // The shared per-document word ids (computed once for all analyzers) replace a string probe per token.
  const ids = tokenIds(tokens);
  const normIds = ids.norm;
  const baseIds = ids.base;
  const byId = compiled.keyFlagsById;
  const colonId = compiled.colonId;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const normId = normIds[i] as number;
    const baseId = baseIds[i] as number;
    const f = flagsOf(byId, normId);
    wordsBefore[i] = words;
    if (token.kind !== 'word') {
      if (token.kind === 'number') words++;
      // Among other tokens only ":" starts a phrase (the headline colon); word classes hold for any token.
      norm[i] = normId === colonId ? f : f & ~KEY_BITS;
      base[i] = flagsOf(byId, baseId) & ~KEY_BITS;
      continue;
    }
    norm[i] = f;
    base[i] = baseId === normId ? f : flagsOf(byId, baseId);
    words++;
    // A name word: capitalised, or a particle name; the particle test reads the norm string only after a dash is seen in the text.
    if (token.capitalized || (dashAfterParticle(text, token) && isParticleName(text, token))) nameWord[i] = 1;
  }
  wordsBefore[tokens.length] = words;
  return { norm, base, nameWord, ids, wordsBefore };
}

export function compileAttribution(lexicons: LexiconSet): CompiledAttribution {
  const verbs = new PhraseIndex<VerbForm>();
  const sourceNouns = new PhraseIndex<SourceNounEntry>();
  const markers = new PhraseIndex<string>();
  const titles = new PhraseIndex<TitleEntry>();
  const organisationHeads = new Set<string>();
  const sourceNounHeads = new Map<string, SourceNounEntry>();
  let markerNote = 'The outlet grants the source anonymity.';
  for (const entry of lexicons['speech-verbs'].entries) {
    switch (entry.type) {
      case 'verb': {
        const nounForms = new Set(entry.nounForms ?? []);
        const followedBy = entry.followedBy ? new Set(entry.followedBy) : null;
        const objectHeads = entry.objectHeads ? new Set(entry.objectHeads) : null;
        // Attitude cues ("wants", "polls show") get their own rule prefix: speech-verb counts and the distancing share read `attribution/verb-*`.
        const rule = entry.class === 'attitude' ? `attribution/attitude-${entry.id}` : `attribution/verb-${entry.id}`;
        const category = `${entry.class}-verb`;
        for (const form of entry.forms) {
          verbs.add(form, { entry, nounLike: nounForms.has(form), participle: (form.split(' ')[0] ?? '').endsWith('ing'), followedBy, objectHeads, rule, category });
        }
        break;
      }
      case 'source-noun':
        for (const form of entry.forms) {
          sourceNouns.add(form, entry);
          if (!form.includes(' ') && !sourceNounHeads.has(form)) sourceNounHeads.set(form, entry);
        }
        break;
      case 'anonymity-marker':
        markerNote = entry.note;
        for (const form of entry.forms) markers.add(form, entry.id);
        break;
      case 'title':
        for (const form of entry.forms) titles.add(form, entry);
        break;
      case 'organisation':
        for (const form of entry.forms) if (!form.includes(' ')) organisationHeads.add(form);
        break;
    }
  }
  const entities = new Map(lexicons.entities.entries.map((entry) => [entry.id, entry] as const));
  const keyFlags = new Map<string, number>();
  const flag = (phrase: string, bit: number): void => {
    const first = phrase.split(' ')[0] as string;
    keyFlags.set(first, (keyFlags.get(first) ?? 0) | bit);
  };
  for (const entry of lexicons['speech-verbs'].entries) {
    const bit = entry.type === 'verb' ? KEY_VERB : entry.type === 'title' ? KEY_TITLE : entry.type === 'organisation' ? KEY_ORGANISATION : KEY_SOURCE;
    for (const form of entry.forms) flag(form, bit);
  }
  for (const word of organisationHeads) keyFlags.set(word, (keyFlags.get(word) ?? 0) | ORGANISATION_HEAD);
  for (const word of NAME_PARTICLES) keyFlags.set(word, (keyFlags.get(word) ?? 0) | NAME_PARTICLE);
  for (const word of NOT_NAME) keyFlags.set(word, (keyFlags.get(word) ?? 0) | NOT_NAME_WORD);
  for (const mark of ['"', '«', '»']) keyFlags.set(mark, (keyFlags.get(mark) ?? 0) | QUOTE_MARK);
  const colonId = wordId(':');
  const keyIds: number[] = [];
  for (const key of keyFlags.keys()) keyIds.push(wordId(key));
  const keyFlagsById = new Uint8Array(Math.max(colonId, ...keyIds) + 1);
  let k = 0;
  for (const value of keyFlags.values()) keyFlagsById[keyIds[k++] as number] = value;
  const classes = new Map<number, number>();
  const addClass = (words: ReadonlySet<string>, bit: number): void => {
    for (const word of words) {
      const id = wordId(word);
      classes.set(id, (classes.get(id) ?? 0) | bit);
    }
  };
  addClass(DETERMINERS, CLASS_DETERMINER);
  addClass(NP_STOP, CLASS_NP_STOP);
  addClass(BETWEEN_SUBJECT_AND_CUE, CLASS_BETWEEN);
  addClass(BE_FORMS, CLASS_BE_FORM);
  addClass(VERBISH, CLASS_VERBISH);
  addClass(DOCUMENT_SOURCES, CLASS_DOCUMENT_SOURCE);
  addClass(QUANTIFIERS, CLASS_QUANTIFIER);
  addClass(PARTICIPLE_LEAD, CLASS_PARTICIPLE_LEAD);
  addClass(BEFORE_VERB, CLASS_BEFORE_VERB);
  addClass(OBJECT_LEADS, CLASS_OBJECT_LEAD);
  addClass(CLAUSE_STARTS, CLASS_CLAUSE_START);
  addClass(SHARE_HEADS, CLASS_SHARE_HEAD);
  addClass(SHARE_LEADS, CLASS_SHARE_LEAD);
  addClass(AFTER_CUE_BEFORE_THAT, CLASS_AFTER_CUE);
  addClass(SOURCE_PREPOSITIONS, CLASS_SOURCE_PREPOSITION);
  addClass(RUN_LINKS, CLASS_RUN_LINK);
  const classById = new Uint16Array(Math.max(...classes.keys()) + 1);
  for (const [id, bits] of classes) classById[id] = bits;
  return { verbs, sourceNouns, markers, titles, organisationHeads, sourceNounHeads, entities, markerNote, keyFlagsById, colonId, classById };
}
