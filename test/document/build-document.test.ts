import { describe, expect, it } from 'vitest';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import { EntitiesEntrySchema } from '../../src/lexicon/kinds/entities.js';
import { article, testLexicons } from './helpers.js';

const build = createDocumentBuilder(testLexicons([
  EntitiesEntrySchema.parse({ id: 'iran', name: 'Iran', kind: 'country', metonyms: ['Tehran'] }),
]));

describe('createDocumentBuilder: a small damaged article, whole', () => {
  const input = article(
    [
      { kind: 'headline', text: 'Envoy slams “reckless” plan' },
      { kind: 'caption', text: 'Talks in Oslo on Monday.\u00a0NORDPRESS' },
      { kind: 'paragraph', text: 'Tehrans envoy rejected the plan. We will not accept it,” he said.' },
    ],
    { removed: [{ text: 'Share this', reason: 'page-chrome' }] },
  );
  const doc = build(input);

  it('joins the parts with blank lines, one block each', () => {
    expect(doc.text).toBe('Envoy slams “reckless” plan\n\nTalks in Oslo on Monday. NORDPRESS\n\nTehrans envoy rejected the plan. We will not accept it,” he said.');
    expect(doc.blocks).toEqual([
      { kind: 'headline', start: 0, end: 27 },
      { kind: 'caption', start: 29, end: 63 },
      { kind: 'paragraph', start: 65, end: 130 },
    ]);
    expect(doc.article).toBe(input);
    expect(doc.removed).toEqual([{ text: 'Share this', reason: 'page-chrome' }]);
  });

  it('splits sentences', () => {
    expect(doc.sentences).toEqual([
      { start: 0, end: 27, block: 0, tokenStart: 0, tokenEnd: 6 },
      { start: 29, end: 53, block: 1, tokenStart: 6, tokenEnd: 12 },
      { start: 54, end: 63, block: 1, tokenStart: 12, tokenEnd: 13 },
      { start: 65, end: 97, block: 2, tokenStart: 13, tokenEnd: 19 },
      { start: 98, end: 130, block: 2, tokenStart: 19, tokenEnd: 29 },
    ]);
  });

  it('finds the quotes, paired and inferred', () => {
    expect(doc.quotes).toEqual([
      { start: 13, end: 21, openMark: 12, closeMark: 21, inferredOpen: false, phrase: true },
      { start: 98, end: 120, openMark: null, closeMark: 120, inferredOpen: true, phrase: false },
    ]);
  });

  it('records every repair with offsets into the text', () => {
    expect(doc.repairs).toEqual([
      { kind: 'whitespace', start: 53, end: 54, note: 'U+00A0 read as a space' },
      { kind: 'lost-apostrophe', start: 65, end: 72, note: '"Tehrans" read as "Tehran’s"' },
      { kind: 'unbalanced-quote', start: 120, end: 121, note: 'closing ” without an opening mark: quote start inferred (back to the sentence start, before an attribution)' },
    ]);
  });

  it('tokenizes with normal forms', () => {
    const lines = doc.tokens.map((t) => `${t.start}-${t.end} ${t.kind} ${t.norm} ${t.base}${t.possessive ? ' poss' : ''}${t.capitalized ? ' cap' : ''} s${t.sentence}`);
    expect(lines).toEqual([
      '0-5 word envoy envoy cap s0', '6-11 word slams slams s0', '12-13 punct " " s0', '13-21 word reckless reckless s0',
      '21-22 punct " " s0', '23-27 word plan plan s0',
      '29-34 word talks talks cap s1', '35-37 word in in s1', '38-42 word oslo oslo cap s1', '43-45 word on on s1',
      '46-52 word monday monday cap s1', '52-53 punct . . s1',
      '54-63 word nordpress nordpress cap s2',
      '65-72 word tehrans tehran poss cap s3', '73-78 word envoy envoy s3', '79-87 word rejected rejected s3',
      '88-91 word the the s3', '92-96 word plan plan s3', '96-97 punct . . s3',
      '98-100 word we we cap s4', '101-105 word will will s4', '106-109 word not not s4', '110-116 word accept accept s4',
      '117-119 word it it s4', '119-120 punct , , s4', '120-121 punct " " s4', '122-124 word he he s4',
      '125-129 word said said s4', '129-130 punct . . s4',
    ]);
  });

  it('builds an empty document from an article with no parts', () => {
    const empty = build(article([]));
    expect(empty).toMatchObject({ text: '', blocks: [], tokens: [], sentences: [], quotes: [], repairs: [] });
  });
});
