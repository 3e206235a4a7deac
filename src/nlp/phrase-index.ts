/**
 * Phrase lookup keyed by first token: one map probe per token, then a short comparison
 * of the few candidates that start with that token. Candidates are kept longest first,
 * so the first hit at a position is the longest match. A `DualIndex` keeps two phrase
 * lists (e.g. terms and their exceptions) under one key so the hot loop probes once.
 */
import type { Token } from '../document/types.js';

export interface IndexedPhrase<T> {
  /** Matching keys, one per token (a token's `base`). */
  readonly keys: readonly string[];
  readonly value: T;
}

export type PhraseIndex<T> = ReadonlyMap<string, readonly IndexedPhrase<T>[]>;

export interface DualSlot<A, B> {
  readonly primary: readonly IndexedPhrase<A>[];
  readonly secondary: readonly IndexedPhrase<B>[];
}

export type DualIndex<A, B> = ReadonlyMap<string, DualSlot<A, B>>;

function bucketize<T>(phrases: readonly IndexedPhrase<T>[]): Map<string, IndexedPhrase<T>[]> {
  const index = new Map<string, IndexedPhrase<T>[]>();
  for (const phrase of phrases) {
    const first = phrase.keys[0];
    if (first === undefined) continue;
    let bucket = index.get(first);
    if (!bucket) index.set(first, (bucket = []));
    bucket.push(phrase);
  }
  // Longest first; ties keep insertion order (stable sort), so results are deterministic.
  for (const bucket of index.values()) bucket.sort((a, b) => b.keys.length - a.keys.length);
  return index;
}

export function createPhraseIndex<T>(phrases: readonly IndexedPhrase<T>[]): PhraseIndex<T> {
  return bucketize(phrases);
}

export function createDualIndex<A, B>(primary: readonly IndexedPhrase<A>[], secondary: readonly IndexedPhrase<B>[]): DualIndex<A, B> {
  const a = bucketize(primary);
  const b = bucketize(secondary);
  const out = new Map<string, DualSlot<A, B>>();
  for (const key of new Set([...a.keys(), ...b.keys()])) out.set(key, { primary: a.get(key) ?? [], secondary: b.get(key) ?? [] });
  return out;
}

/** Whether `phrase` matches the tokens starting at `at` (keys compared with `base`). */
export function phraseMatchesAt(phrase: IndexedPhrase<unknown>, tokens: readonly Token[], at: number): boolean {
  const keys = phrase.keys;
  if (at + keys.length > tokens.length) return false;
  for (let k = 1; k < keys.length; k++) {
    const token = tokens[at + k] as Token;
    // A possessive may also be a plain plural the builder read as a lost apostrophe
    // ("Revolutionary Guards" beside the name "Revolutionary Guard"): either reading matches.
    if (token.base !== keys[k] && (!token.possessive || token.norm !== keys[k])) return false;
  }
  return true;
}

/** The longest phrase of a bucket that matches at `at`, or null. */
export function longestInBucket<T>(bucket: readonly IndexedPhrase<T>[], tokens: readonly Token[], at: number): IndexedPhrase<T> | null {
  for (const phrase of bucket) if (phraseMatchesAt(phrase, tokens, at)) return phrase;
  return null;
}

/**
 * The longest phrase of the index that matches at `at` and passes `accept` (e.g. a
 * case-sensitive check), or null.
 */
export function longestMatchAt<T>(
  index: PhraseIndex<T>,
  tokens: readonly Token[],
  at: number,
  accept?: (phrase: IndexedPhrase<T>, at: number) => boolean,
): IndexedPhrase<T> | null {
  const token = tokens[at];
  if (!token) return null;
  const bucket = index.get(token.base);
  if (!bucket) return null;
  for (const phrase of bucket) {
    if (phraseMatchesAt(phrase, tokens, at) && (!accept || accept(phrase, at))) return phrase;
  }
  return null;
}
