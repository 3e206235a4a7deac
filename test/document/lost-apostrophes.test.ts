import { describe, expect, it } from 'vitest';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import type { Document } from '../../src/document/types.js';
import { article, buildDoc, testLexicons } from './helpers.js';

function possessives(doc: Document): string[] {
  return doc.tokens.filter((t) => t.possessive).map((t) => `${doc.text.slice(t.start, t.end)}=${t.base}`);
}

describe('lost apostrophes', () => {
  const cases: [string, string[]][] = [
    ['Irans chief negotiator met the envoy.', ['Irans=iran']],
    ['The talks followed Baghdads offer and Washingtons warning.', ['Baghdads=baghdad', 'Washingtons=washington']],
    ['Critics doubted the Islamic Republics pledge.', ['Republics=republic']],
    ['Americans will vote in November.', []],
    ['Iraqis will vote again in spring.', []],
    ['Kurds say the road is closed.', []],
    ['Hamas leaders met in the evening.', []],
    ['The Assembly met. A draft of Assemblys budget rules leaked.', ['Assemblys=assembly']],
    ['Assemblys budget rules are unclear.', []],
    ['Daesh lost ground. Daeshs fighters retreated.', ['Daeshs=daesh']],
    ['Irans.', []],
    // names known only from the article need stronger evidence
    ['Latino voters turned out. Latinos comprise a fifth of the state.', []],
    ['Justice Breyer wrote it. Justices Neil Gorsuch and Elena Kagan dissented.', []],
    ['Koreans aren’t worried, said the Korean envoy.', []],
    ['NEWS ran first. The NEWS team left.', []],
    ['The Senate met. The bill passed Senates budget panel.', ['Senates=senate']],
    // "the" before the plural reads as a family or group ("the Clintons"); institutions lose out
    ['Bill Clinton spoke. The Clintons celebrate today.', []],
    ['The Senate met. The bill passed the Senates budget panel.', []],
    ['Chief Justice Roberts spoke. Later Roberts concedes nothing, and Robert Roberts agrees.', []],
    ['The Senate met. Later the Senates voted.', []],
    ['Iran’s envoy and Irans envoy', ['Iran’s=iran', 'Irans=iran']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(possessives(buildDoc(text))).toEqual(expected);
  });

  it('records a repair and leaves the text alone', () => {
    const doc = buildDoc('Irans chief negotiator spoke.');
    expect(doc.text).toBe('Irans chief negotiator spoke.');
    expect(doc.repairs).toEqual([{ kind: 'lost-apostrophe', start: 0, end: 5, note: '"Irans" read as "Iran’s"' }]);
  });

  it('works without any gazetteer, from names written elsewhere in the article', () => {
    const build = createDocumentBuilder(testLexicons([]));
    const doc = build(article([
      { kind: 'paragraph', text: 'Officials in Tbilisi denied it.' },
      { kind: 'paragraph', text: 'Officials said Tbilisis main concern is the border.' },
    ]));
    expect(possessives(doc)).toEqual(['Tbilisis=tbilisi']);
  });
});
