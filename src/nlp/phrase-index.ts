/**
 * Phrase lookup keyed by first token: one probe per token, then a short comparison of the
 * few candidates that start with that token. Candidates are kept longest first, so the
 * first hit at a position is the longest match. A `DualIndex` keeps two phrase lists
 * (e.g. terms and their exceptions) under one key so the hot loop probes once.
 */
import type { Token } from '../document/types.js';
import { wordId, type TokenIds } from './vocabulary.js';

export interface IndexedPhrase<T> {
  /** Matching keys, one per token (a token's `base`). */
  readonly keys: readonly string[];
  readonly value: T;
}

/**
 * A phrase as the index keeps it: its keys also as word ids (`src/nlp/vocabulary.ts`), so
 * that matching compares the tokens' ids and reads a token only for a possessive.
 */
export interface PhraseEntry<T> extends IndexedPhrase<T> {
  readonly keyIds: readonly number[];
}

export interface DualSlot<A, B> {
  readonly primary: readonly PhraseEntry<A>[];
  readonly secondary: readonly PhraseEntry<B>[];
}

export type DualIndex<A, B> = ReadonlyMap<string, DualSlot<A, B>>;

function bucketize<T>(phrases: readonly IndexedPhrase<T>[]): Map<string, PhraseEntry<T>[]> {
  const index = new Map<string, PhraseEntry<T>[]>();
  for (const phrase of phrases) {
    const first = phrase.keys[0];
    if (first === undefined) continue;
    let bucket = index.get(first);
    if (!bucket) index.set(first, (bucket = []));
    bucket.push({ keys: phrase.keys, keyIds: phrase.keys.map(wordId), value: phrase.value });
  }
  // Longest first; ties keep insertion order (stable sort), so results are deterministic.
  for (const bucket of index.values()) bucket.sort((a, b) => b.keys.length - a.keys.length);
  return index;
}

export function createDualIndex<A, B>(primary: readonly IndexedPhrase<A>[], secondary: readonly IndexedPhrase<B>[]): DualIndex<A, B> {
  const a = bucketize(primary);
  const b = bucketize(secondary);
  const out = new Map<string, DualSlot<A, B>>();
  for (const key of new Set([...a.keys(), ...b.keys()])) out.set(key, { primary: a.get(key) ?? [], secondary: b.get(key) ?? [] });
  return out;
}

/**
 * Whether `phrase` matches the tokens starting at `at` (keys compared with `base`, by id;
 * `ids` are the tokens' ids). The first key is the index's: the caller has matched it.
 */
export function phraseMatchesAt(phrase: PhraseEntry<unknown>, tokens: readonly Token[], ids: TokenIds, at: number): boolean {
  const keyIds = phrase.keyIds;
  if (at + keyIds.length > tokens.length) return false;
  for (let k = 1; k < keyIds.length; k++) {
    const key = keyIds[k] as number;
    if (ids.base[at + k] === key) continue;
    // A possessive may also be a plain plural the builder read as a lost apostrophe
    // ("Revolutionary Guards" beside the name "Revolutionary Guard"): either reading matches.
    if (ids.norm[at + k] === key && (tokens[at + k] as Token).possessive) continue;
    return false;
  }
  return true;
}

/** The longest phrase of a bucket that matches at `at`, or null. */
export function longestInBucket<T>(bucket: readonly PhraseEntry<T>[], tokens: readonly Token[], ids: TokenIds, at: number): PhraseEntry<T> | null {
  for (const phrase of bucket) if (phraseMatchesAt(phrase, tokens, ids, at)) return phrase;
  return null;
}
