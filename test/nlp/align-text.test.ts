import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignTexts, codePointOffsets } from '../../src/nlp/align-text.js';
import { regularInflections, stemWord } from '../../src/nlp/porter.js';

describe('alignTexts', () => {
  it('maps offsets across collapsed whitespace and changed characters', () => {
    const original = 'Title\n\nOne  sentence\u00a0here.\nTwo “quoted” words.';
    const derived = 'Title\n\nOne sentence here. Two "quoted" words.';
    const map = alignTexts(derived, original);
    const at = (word: string) => original.slice(map[derived.indexOf(word)], map[derived.indexOf(word) + word.length]);
    expect(at('sentence')).toBe('sentence');
    expect(at('here')).toBe('here');
    expect(at('"quoted"')).toBe('“quoted”');
    expect(map[derived.length]).toBe(original.length);
  });

  it('is monotonic and stays inside the original (property)', () => {
    fc.assert(
      fc.property(fc.string(), (original) => {
        const derived = original.replace(/\s+/g, ' ').trim();
        const map = alignTexts(derived, original);
        for (let i = 1; i < map.length; i++) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1] as number);
        expect(map[derived.length]).toBeLessThanOrEqual(original.length);
      }),
    );
  });
});

describe('codePointOffsets', () => {
  it('counts an astral character once', () => {
    const text = 'a🙂b';
    const cp = codePointOffsets(text);
    expect(cp[text.indexOf('b')]).toBe(2);
    expect(cp[text.length]).toBe(3);
  });
});

describe('porter adapter', () => {
  it('stems through the deep import', () => {
    expect(stemWord('massacring')).toBe(stemWord('massacre'));
  });

  it('keeps only inflections that share the stem of the word', () => {
    expect(regularInflections('plot')).toEqual(expect.arrayContaining(['plots', 'plotted', 'plotting']));
    expect(regularInflections('terror')).not.toContain('terrorism');
  });
});
