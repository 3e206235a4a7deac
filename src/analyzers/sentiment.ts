/**
 * AFINN valence on framelens's own tokens, per sentence. Three deliberate differences from
 * the `sentiment` package (each pinned by a named test):
 * - multi-word AFINN entries ("fed up", "not working") match across tokens;
 * - a negator flips every valence after it up to the end of its clause (a comma, colon,
 *   semicolon, dash, "but"), not just the next word ("not very good" is negative);
 * - a possessive is scored by its base ("hero's" counts as "hero").
 */
import type { Document, Token } from '../document/types.js';
import { loadAfinn, type AfinnSlot } from '../nlp/afinn.js';
import { tokenIds, wordId } from '../nlp/vocabulary.js';
import type { Quote } from '../schema/record.js';
import type { SentimentResult } from './types.js';
import { speechSpans } from './voice.js';

const CLAUSE_ENDS: ReadonlySet<string> = new Set([',', ';', ':', '.', '!', '?', '(', ')', '-', '\u2013', '\u2014', 'but', 'however', 'although', 'though', 'yet', 'whereas', 'while']);

/**
 * The punctuation members of CLAUSE_ENDS, by char code: a non-word token ends a clause
 * when its norm is one of these single characters (checked without a set probe).
 */
function isClauseEndMark(norm: string): boolean {
  if (norm.length !== 1) return false;
  const code = norm.charCodeAt(0);
  return code === 0x2c || code === 0x3b || code === 0x3a || code === 0x2e || code === 0x21 || code === 0x3f
    || code === 0x28 || code === 0x29 || code === 0x2d || code === 0x2013 || code === 0x2014;
}

/**
 * Whether the norms of the tokens from `t` on spell `word`; returns the index after the
 * last token used, or -1. Tokenizers differ on "can't": the word may be spread over
 * adjacent tokens (a word, then "'" or "n't"). Compares in place, without joining norms.
 */
function wordAt(tokens: readonly Token[], t: number, word: string): number {
  let pos = 0;
  while (t < tokens.length && pos < word.length) {
    const token = tokens[t] as Token;
    if (pos > 0 && token.kind !== 'word' && token.norm !== "'" && token.norm !== "n't") break;
    // A norm that is not the next piece of `word` (or runs past its end) can never join into it.
    if (!word.startsWith(token.norm, pos)) return -1;
    pos += token.norm.length;
    t++;
  }
  return pos === word.length ? t : -1;
}

/** The multi-word entry starting at token `i`, if any. Compares each word's `norm`. */
function phraseAt(tokens: readonly Token[], i: number, bucket: readonly { readonly words: readonly string[]; readonly valence: number }[]): { length: number; valence: number } | null {
  for (const phrase of bucket) {
    let t = i;
    for (const word of phrase.words) {
      t = wordAt(tokens, t, word);
      if (t < 0) break;
    }
    if (t >= 0) return { length: t - i, valence: phrase.valence };
  }
  return null;
}

/** Word classes by id (bits of `SentimentTables.flags`). */
const CLAUSE_WORD = 1;
const NEGATOR = 2;
const HAS_PHRASES = 4;
const HAS_VALENCE = 8;

type AfinnPhrases = NonNullable<AfinnSlot['phrases']>;

/**
 * AFINN and the clause-ending conjunctions as typed arrays by word id
 * (`src/nlp/vocabulary.ts`): the scoring loop reads one byte per word, and a valence only
 * for a valenced word, instead of following a pointer to a slot object per word.
 */
interface SentimentTables {
  /** `CLAUSE_WORD | NEGATOR | HAS_PHRASES | HAS_VALENCE` per word id; 0 for a word AFINN lacks. */
  readonly flags: Uint8Array;
  /** The single-word valence per word id (read when `HAS_VALENCE` is set). */
  readonly valences: Float64Array;
  /** The multi-word entries starting with each word (set when `HAS_PHRASES` is). */
  readonly phrases: readonly (AfinnPhrases | undefined)[];
}

let tables: SentimentTables | null = null;

function sentimentTables(): SentimentTables {
  if (tables) return tables;
  const afinn = loadAfinn();
  const conjunctions: string[] = [];
  for (const word of CLAUSE_ENDS) if (/^[a-z]+$/.test(word) && !afinn.slots.has(word)) conjunctions.push(word);
  // Register every word first, so the arrays are sized for all of them.
  const slotIds = new Map<AfinnSlot, number>();
  for (const [word, slot] of afinn.slots) slotIds.set(slot, wordId(word));
  const conjunctionIds = conjunctions.map(wordId);
  const size = Math.max(0, ...slotIds.values(), ...conjunctionIds) + 1;
  const flags = new Uint8Array(size);
  const valences = new Float64Array(size);
  const phrases: (AfinnPhrases | undefined)[] = new Array<AfinnPhrases | undefined>(size).fill(undefined);
  for (const [slot, id] of slotIds) {
    let bits = 0;
    if (slot.negator) bits |= NEGATOR;
    if (slot.phrases) {
      bits |= HAS_PHRASES;
      phrases[id] = slot.phrases;
    }
    if (slot.valence !== undefined) {
      bits |= HAS_VALENCE;
      valences[id] = slot.valence;
    }
    flags[id] = bits;
  }
  for (const id of conjunctionIds) flags[id] = CLAUSE_WORD;
  tables = { flags, valences, phrases };
  return tables;
}

/**
 * The per-sentence valence and scored-word count, as two views of one buffer: each
 * typed-array buffer is a separate allocation outside the JS heap that the collector
 * has to track, and every document needs both.
 */
function sentenceTables(sentences: number): { bySentence: Float64Array; scoredBySentence: Uint32Array } {
  const buffer = new ArrayBuffer(sentences * (Float64Array.BYTES_PER_ELEMENT + Uint32Array.BYTES_PER_ELEMENT));
  return {
    bySentence: new Float64Array(buffer, 0, sentences),
    scoredBySentence: new Uint32Array(buffer, sentences * Float64Array.BYTES_PER_ELEMENT, sentences),
  };
}

export function scoreSentiment(doc: Document, quotes?: readonly Quote[]): SentimentResult & { readonly scoredBySentence: Uint32Array } {
  const { flags, valences, phrases } = sentimentTables();
  const spans = quotes ? speechSpans(quotes) : null;
  let span = 0;
  let spanEnd = -1;
  const own = { total: 0, scored: 0 };
  const quoted = { total: 0, scored: 0 };
  const tokens = doc.tokens;
  const ids = tokenIds(tokens);
  const normIds = ids.norm;
  const baseIds = ids.base;
  const { bySentence, scoredBySentence } = sentenceTables(doc.sentences.length);
  let total = 0;
  let scoredTokens = 0;
  let negated = false;
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const id = normIds[i] as number;
    // Words registered after these tables were built have ids past their end.
    const bits = id < 0 || id >= flags.length ? 0 : (flags[id] as number);
    // Most tokens are words AFINN lacks by norm and by base (an equal id means an equal
    // string, or both unknown). With no negation open such a token changes nothing, so it
    // is skipped without reading the token object (memory, not compares, dominates here).
    // Under a negation every token is read: a sentence change or a clause end closes it.
    if (bits === 0 && !negated && baseIds[i] === id) continue;
    const token = tokens[i] as Token;
    let valence: number | undefined;
    if (token.sentence !== sentence) {
      sentence = token.sentence;
      negated = false;
    }
    if (token.kind !== 'word') {
      // Non-word norms never spell a conjunction, so only the marks can end the clause here.
      if (isClauseEndMark(token.norm)) negated = false;
      continue;
    }
    if (bits === 0) {
      // A possessive AFINN lacks is scored by its base ("hero's" counts as "hero").
      if (!token.possessive) continue;
      const baseId = baseIds[i] as number;
      if (baseId < 0 || baseId >= flags.length || ((flags[baseId] as number) & HAS_VALENCE) === 0) continue;
      valence = valences[baseId] as number;
    } else if (bits === CLAUSE_WORD) {
      negated = false;
      continue;
    } else {
      const phrase = (bits & HAS_PHRASES) !== 0 ? phraseAt(tokens, i, phrases[id] as AfinnPhrases) : null;
      if (phrase) {
        valence = phrase.valence;
        i += phrase.length - 1;
      } else if ((bits & NEGATOR) !== 0) {
        negated = true;
        continue;
      } else if ((bits & HAS_VALENCE) !== 0) {
        valence = valences[id] as number;
      }
    }
    if (valence === undefined) continue;
    const score = negated ? -valence : valence;
    if (sentence >= 0 && sentence < bySentence.length) {
      bySentence[sentence] = (bySentence[sentence] as number) + score;
      scoredBySentence[sentence] = (scoredBySentence[sentence] as number) + 1;
    }
    total += score;
    scoredTokens++;
    if (spans) {
      // One forward sweep: spans are sorted, tokens come in text order.
      while (span < spans.length && (spans[span] as [number, number])[0] <= token.start) spanEnd = Math.max(spanEnd, (spans[span++] as [number, number])[1]);
      const side = token.end <= spanEnd ? quoted : own;
      side.total += score;
      side.scored++;
    }
  }
  // Two literal shapes rather than a spread: the same keys in the same order.
  if (spans) return { bySentence, total, scoredTokens, scoredBySentence, byVoice: { own, quoted } };
  return { bySentence, total, scoredTokens, scoredBySentence };
}

/**
 * The scorer. Given the attribution's quotes as well, it also splits the valence by voice
 * (the outlet's own words against quoted and reported speech).
 */
export function createSentimentScorer(): (doc: Document, quotes?: readonly Quote[]) => SentimentResult {
  // Registers the words now, before any document's token ids are computed.
  sentimentTables();
  return (doc, quotes) => scoreSentiment(doc, quotes);
}
