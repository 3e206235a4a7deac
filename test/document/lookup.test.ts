import { describe, expect, it } from 'vitest';
import {
  blockAt, blockText, quoteAround, sentenceAt, sentenceText, tokenAt, tokenIndexAt, tokenRange, tokenText,
} from '../../src/document/lookup.js';
import { buildDoc, buildParts } from './helpers.js';

describe('document lookups', () => {
  const doc = buildParts([
    { kind: 'headline', text: 'Border reopens' },
    { kind: 'paragraph', text: 'Trucks crossed at dawn. The mayor called it “a relief” today.' },
  ]);

  it('finds the token at an offset, or none in whitespace', () => {
    const offset = doc.text.indexOf('dawn') + 2;
    expect(tokenText(doc, tokenAt(doc, offset)!)).toBe('dawn');
    expect(tokenAt(doc, doc.text.indexOf(' '))).toBeUndefined();
    expect(tokenIndexAt(doc, -1)).toBe(-1);
    expect(tokenAt(doc, doc.text.length)).toBeUndefined();
  });

  it('finds blocks and sentences and reads their text', () => {
    const offset = doc.text.indexOf('mayor');
    expect(blockAt(doc, offset)?.kind).toBe('paragraph');
    expect(blockText(doc, 0)).toBe('Border reopens');
    expect(sentenceText(doc, sentenceAt(doc, offset)!)).toBe('The mayor called it “a relief” today.');
    expect(sentenceText(doc, 99)).toBe('');
  });

  it('lists the tokens inside a span and the quote around one', () => {
    const start = doc.text.indexOf('a relief');
    const { from, to } = tokenRange(doc, start, start + 'a relief'.length);
    expect(doc.tokens.slice(from, to).map((t) => tokenText(doc, t))).toEqual(['a', 'relief']);
    expect(quoteAround(doc, start + 2, start + 8)).toMatchObject({ start, end: start + 8, phrase: true });
    expect(quoteAround(doc, 0, 3)).toBeUndefined();
  });

  it('handles an empty document', () => {
    const empty = buildDoc();
    expect(tokenAt(empty, 0)).toBeUndefined();
    expect(blockAt(empty, 0)).toBeUndefined();
    expect(sentenceAt(empty, 0)).toBeUndefined();
  });
});
