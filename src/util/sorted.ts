/**
 * Binary search over sorted arrays, written once. Offsets, tokens, sentences, blocks and
 * quotes are all kept sorted so that lookups cost O(log n); every "find the span at or
 * after this offset" in framelens goes through these.
 */

/**
 * Index of the first item for which `before(item)` is false, searching [from, items.length).
 * `before` must hold for a prefix of the range and fail for the rest.
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The specialised searches below repeat the loop instead of calling partitionPoint with a
// closure: they run several times per token in the analyzers, and a closure per call was
// about an eighth of the attribution analyzer's allocation.

/** Index of the first number >= `value` in an ascending array. */
export function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first number > `value` in an ascending array. */
export function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first span whose start is >= `offset`, in spans sorted by start. */
export function firstStartingAtOrAfter(spans: readonly { readonly start: number }[], offset: number, from = 0): number {
  let lo = from;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as { readonly start: number }).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last span whose start is <= `offset`, or -1, in spans sorted by start. */
export function lastStartingAtOrBefore(spans: readonly { readonly start: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as { readonly start: number }).start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first span whose end is > `offset`, in spans sorted by end. */
export function firstEndingAfter(spans: readonly { readonly end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as { readonly end: number }).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
