/**
 * `items.sort(compare)`, skipped when the items are already in order. The analyzers and the
 * record assembly mostly produce lists in text order already, and `Array.prototype.sort` copies its input
 * into a work array even then; checking adjacent pairs first costs no allocation. Sorting is
 * stable, so an input with no adjacent pair out of order is exactly what sort would return.
 * Short lists out of order are insertion-sorted in place (stable too, so the same order as
 * `sort`, and no work array); long ones, where insertion sort could go quadratic, use `sort`.
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i - 1] as T, items[i] as T) > 0) {
      return items.length <= INSERTION_SORT_MAX ? insertionSort(items, compare, i) : items.sort(compare);
    }
  }
  return items;
}

/** Longest list sorted by insertion (at most ~2,000 comparisons). */
const INSERTION_SORT_MAX = 64;

/** Stable insertion sort of `items`, whose first `from` items are already in order. */
function insertionSort<T>(items: T[], compare: (a: T, b: T) => number, from: number): T[] {
  for (let i = from; i < items.length; i++) {
    const item = items[i] as T;
    let j = i;
    // Strictly greater only: equal items keep their order, as with a stable sort.
    while (j > 0 && compare(items[j - 1] as T, item) > 0) {
      items[j] = items[j - 1] as T;
      j--;
    }
    items[j] = item;
  }
  return items;
}
