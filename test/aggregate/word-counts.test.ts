import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWordCounts, forEachWord } from '../../src/aggregate/word-counts.js';

function counts(text: string): Record<string, number> {
  const map = new Map<string, number>();
  addWordCounts(text, map);
  return Object.fromEntries([...map.entries()].sort());
}

describe('addWordCounts', () => {
  it('counts lower-cased words, keeping inner apostrophes and skipping function words and short tokens', () => {
    expect(counts("The Regime's forces — the REGIME said: Tehran’s envoy, a U.S. ally, met Αθήνα и Москва.")).toEqual({
      'regime\'s': 1,
      regime: 1,
      forces: 1,
      'tehran’s': 1,
      envoy: 1,
      ally: 1,
      met: 1,
      αθήνα: 1,
      москва: 1,
    });
  });

  it('agrees with the general word scanner', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const expected = new Map<string, number>();
        forEachWord(text.toLowerCase(), (word) => {
          if (word.length >= 3 && word.length <= 30 && !['the', 'and', 'said'].includes(word)) expected.set(word, (expected.get(word) ?? 0) + 1);
        });
        const actual = new Map<string, number>();
        addWordCounts(text, actual);
        for (const [word, n] of actual) expect(expected.get(word)).toBe(n);
      }),
    );
  });
});
