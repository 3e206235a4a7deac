/**
 * Phrase matching on token keys, bucketed by first token so a scan costs one map lookup
 * per token. Phrases in a bucket are kept longest first, so "point out" wins over "point".
 */
export interface PhraseHit<T> {
  readonly value: T;
  /** Number of tokens matched. */
  readonly length: number;
}

export class PhraseIndex<T> {
  private readonly buckets = new Map<string, { readonly keys: readonly string[]; readonly value: T }[]>();

  add(phrase: string, value: T): void {
    const keys = phrase.split(' ');
    const first = keys[0] as string;
    let bucket = this.buckets.get(first);
    if (!bucket) {
      bucket = [];
      this.buckets.set(first, bucket);
    }
    // First entry wins on duplicates, so lexicon order decides.
    if (bucket.some((item) => item.keys.join(' ') === phrase)) return;
    bucket.push({ keys, value });
    bucket.sort((a, b) => b.keys.length - a.keys.length);
  }

  has(key: string): boolean {
    return this.buckets.has(key);
  }

  /** The longest phrase starting at `index`, where `keyAt(i)` gives token i's key (or null past the end). */
  match(index: number, keyAt: (i: number) => string | null): PhraseHit<T> | null {
    const first = keyAt(index);
    if (first === null) return null;
    const bucket = this.buckets.get(first);
    if (!bucket) return null;
    for (const item of bucket) {
      let ok = true;
      for (let k = 1; k < item.keys.length; k++) {
        if (keyAt(index + k) !== item.keys[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { value: item.value, length: item.keys.length };
    }
    return null;
  }
}
