import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInPlace } from '../../src/util/sort-in-place.js';

interface Span {
  readonly start: number;
  readonly label: string;
}

const byStart = (a: Span, b: Span): number => a.start - b.start;

describe('sortInPlace', () => {
  it('sorts findings-like spans by start, keeping equal starts in their input order', () => {
    const spans: Span[] = [
      { start: 40, label: 'quote' },
      { start: 3, label: 'headline term' },
      { start: 40, label: 'cue' },
      { start: 12, label: 'source' },
    ];
    expect(sortInPlace(spans, byStart).map((s) => s.label)).toEqual(['headline term', 'source', 'quote', 'cue']);
  });

  it('returns the same array, untouched, when it is already in order', () => {
    const spans: Span[] = [{ start: 1, label: 'a' }, { start: 1, label: 'b' }, { start: 9, label: 'c' }];
    const copy = [...spans];
    expect(sortInPlace(spans, byStart)).toBe(spans);
    expect(spans).toEqual(copy);
  });

  it('agrees with the stable Array.prototype.sort on short and long lists (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ start: fc.integer({ min: 0, max: 20 }), label: fc.string() }), { maxLength: 150 }), (spans) => {
        const expected = [...spans].sort(byStart);
        const sorted = sortInPlace(spans, byStart);
        expect(sorted).toBe(spans);
        expect(sorted).toEqual(expected);
      }),
    );
  });
});
