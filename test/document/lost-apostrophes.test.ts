import { describe, expect, it } from 'vitest';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import type { Document } from '../../src/document/types.js';
import { article, buildDoc, testLexicons } from './helpers.js';

function possessives(doc: Document): string[] {
  return doc.tokens.filter((t) => t.possessive).map((t) => `${doc.text.slice(t.start, t.end)}=${t.base}`);
}

describe('lost apostrophes', () => {
  const cases: [string, string[]][] = [
    ['Irans top security official met the envoy.', ['Irans=iran']],
    ['The visit followed Baghdads request and Washingtons warning.', ['Baghdads=baghdad', 'Washingtons=washington']],
    ['They praised the Islamic Republics backing.', ['Republics=republic']],
    ['Americans will vote in November.', []],
    ['Iraqis will never forget the siege.', []],
    ['Kurds say the road is closed.', []],
    ['Hamas leaders met in the evening.', []],
    ['The Parliament met. One of Parliaments main priorities is trade.', ['Parliaments=parliament']],
    ['Parliaments main priorities are unclear.', []],
    ['Daesh lost ground. Daeshs gains were reversed.', ['Daeshs=daesh']],
    ['Irans.', []],
    ['Iran’s envoy and Irans envoy', ['Iran’s=iran', 'Irans=iran']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(possessives(buildDoc(text))).toEqual(expected);
  });

  it('records a repair and leaves the text alone', () => {
    const doc = buildDoc('Irans top security official spoke.');
    expect(doc.text).toBe('Irans top security official spoke.');
    expect(doc.repairs).toEqual([{ kind: 'lost-apostrophe', start: 0, end: 5, note: '"Irans" read as "Iran’s"' }]);
  });

  it('works without any gazetteer, from names written elsewhere in the article', () => {
    const build = createDocumentBuilder(testLexicons([]));
    const doc = build(article([
      { kind: 'paragraph', text: 'Officials in Tbilisi denied it.' },
      { kind: 'paragraph', text: 'Tbilisis main concern is the border.' },
    ]));
    expect(possessives(doc)).toEqual(['Tbilisis=tbilisi']);
  });
});
