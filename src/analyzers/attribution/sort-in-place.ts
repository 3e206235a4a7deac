/**
 * `items.sort(compare)`, skipped when the items are already in order. The attribution passes
 * mostly produce lists in text order already, and `Array.prototype.sort` copies its input
 * into a work array even then; checking adjacent pairs first costs no allocation. Sorting is
 * stable, so an input with no adjacent pair out of order is exactly what sort would return.
 */
export function sortInPlace<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i - 1] as T, items[i] as T) > 0) return items.sort(compare);
  }
  return items;
}
