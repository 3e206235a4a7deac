import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, firstEndingAfter, lastStartingAtOrBefore, partitionPoint, upperBound } from '../../src/util/sorted.js';

describe('binary search helpers', () => {
  it.each([
    [[1, 3, 3, 7], 3, 1, 3],
    [[1, 3, 3, 7], 0, 0, 0],
    [[1, 3, 3, 7], 8, 4, 4],
    [[], 5, 0, 0],
  ])('in %j, %i: first at or after is %i, upper bound is %i', (sorted, value, first, upper) => {
    expect(firstAtOrAfter(sorted, value)).toBe(first);
    expect(upperBound(sorted, value)).toBe(upper);
  });

  it('finds spans by start and by end', () => {
    const spans = [{ start: 0, end: 4 }, { start: 5, end: 9 }, { start: 10, end: 12 }];
    expect(lastStartingAtOrBefore(spans, 7)).toBe(1);
    expect(lastStartingAtOrBefore(spans, -1)).toBe(-1);
    expect(firstEndingAfter(spans, 9)).toBe(2);
  });

  it('agrees with a linear scan on any sorted array', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, value) => {
      const sorted = [...values].sort((a, b) => a - b);
      const linear = sorted.findIndex((item) => item >= value);
      expect(partitionPoint(sorted, (item) => item < value)).toBe(linear === -1 ? sorted.length : linear);
    }));
  });
});
