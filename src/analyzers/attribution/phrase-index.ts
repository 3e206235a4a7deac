/**
 * Phrase matching on token keys, bucketed by first token so a scan costs one array read
 * per token. Phrases in a bucket are kept longest first, so "point out" wins over "point".
 *
 * Keys are compared as shared word ids (`wordId`, registered when a phrase is added) against
 * a document's token ids (`tokenIds`): no string is compared and no closure is called per
 * token, and each phrase's hit is made once, so a match allocates nothing.
 */
import { wordId } from '../../nlp/vocabulary.js';

export interface PhraseHit<T> {
  readonly value: T;
  /** Number of tokens matched. */
  readonly length: number;
}

interface Phrase<T> {
  /** The phrase's words. */
  readonly keys: readonly string[];
  /** Their word ids. */
  readonly ids: Int32Array;
  /** The hit a match returns (shared: hits are read-only). */
  readonly hit: PhraseHit<T>;
}

export class PhraseIndex<T> {
  private readonly buckets = new Map<string, Phrase<T>[]>();
  /** The same buckets indexed by the word id of their first key (undefined: no phrase starts there). */
  private readonly byId: (Phrase<T>[] | undefined)[] = [];

  add(phrase: string, value: T): void {
    const keys = phrase.split(' ');
    const first = keys[0] as string;
    let bucket = this.buckets.get(first);
    if (!bucket) {
      bucket = [];
      this.buckets.set(first, bucket);
      const id = wordId(first);
      // Kept packed (no holes): holey arrays read slower.
      while (this.byId.length <= id) this.byId.push(undefined);
      this.byId[id] = bucket;
    }
    // First entry wins on duplicates, so lexicon order decides.
    if (bucket.some((item) => item.keys.join(' ') === phrase)) return;
    bucket.push({ keys, ids: Int32Array.from(keys, wordId), hit: { value, length: keys.length } });
    bucket.sort((a, b) => b.keys.length - a.keys.length);
  }

  has(key: string): boolean {
    return this.buckets.has(key);
  }

  /**
   * The longest phrase starting at token `index`, where `ids` are the document's token ids
   * (norm or base ids from `tokenIds`, whichever key the index was built for).
   */
  match(ids: Int32Array, index: number): PhraseHit<T> | null {
    const first = ids[index];
    // Unknown words (-1), words newer than this index and positions past the end: no bucket.
    if (first === undefined || first < 0 || first >= this.byId.length) return null;
    const bucket = this.byId[first];
    if (bucket === undefined) return null;
    for (let b = 0; b < bucket.length; b++) {
      const item = bucket[b] as Phrase<T>;
      const length = item.ids.length;
      let k = 1;
      // Past the end of the document `ids[index + k]` is undefined and matches nothing.
      while (k < length && ids[index + k] === item.ids[k]) k++;
      if (k === length) return item.hit;
    }
    return null;
  }
}
