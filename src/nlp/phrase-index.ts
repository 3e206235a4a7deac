/**
 * Phrase lookup keyed by first token: one map probe per token, then a short comparison
 * of the few candidates that start with that token. Candidates are kept longest first,
 * so the first hit at a position is the longest match.
 */
import type { Token } from '../document/types.js';

export interface IndexedPhrase<T> {
  /** Matching keys, one per token (a token's `base`). */
  readonly keys: readonly string[];
  readonly value: T;
}

export type PhraseIndex<T> = ReadonlyMap<string, readonly IndexedPhrase<T>[]>;

export function createPhraseIndex<T>(phrases: readonly IndexedPhrase<T>[]): PhraseIndex<T> {
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

/** Whether `phrase` matches the tokens starting at `at` (keys compared with `base`). */
export function phraseMatchesAt(phrase: IndexedPhrase<unknown>, tokens: readonly Token[], at: number): boolean {
  const keys = phrase.keys;
  if (at + keys.length > tokens.length) return false;
  for (let k = 1; k < keys.length; k++) {
    if ((tokens[at + k] as Token).base !== keys[k]) return false;
  }
  return true;
}

/**
 * The longest phrase of the index that matches at `at` and passes `accept` (e.g. a
 * case-sensitive check), or null. A generator would read better; this is the hot path.
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
