import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAbbreviations } from '../../src/document/abbreviations.js';
import { CC_SPACE, CHAR_CLASS } from '../../src/document/char-class.js';
import { splitSentences } from '../../src/document/sentences.js';
import { tokenize } from '../../src/document/tokenize.js';
import type { Document } from '../../src/document/types.js';
import type { BlockKind } from '../../src/schema/record.js';
import { buildParts, testLexicons } from './helpers.js';

/** Pieces that exercise every scanner: marks, apostrophes, abbreviations, damage, odd Unicode. */
const piece = fc.oneof(
  fc.constantFrom(
    ' ', ' ', '\n', '\n\n', '.', ',', '!', '?', '...', ':', '—', '-', '(', ')',
    '”', '“', '"', "'", '’', '‘', '„', '‚', '«', '»', '‹', '›',
    'Irans', 'Iran', 'U.S.', 'Mr.', 'No.', 'F.', 'e.g.', 'states’', "won't", 'al-Amiri', '1,000', '3.5',
    'he said', 'the speaker said, adding,', 'We', 'our', 'evil', 'The',
    'â€™', 'â€œ', 'â€', 'Ã©', '\u00a0', '\u200b', '\ufeff', '\r', '\t',
    '\uD800', '\uDC00', '\uDBFF\uDFFF', '😀', '👩‍👩‍👧', 'e\u0301', '\u0301', 'مرحبا', 'שלום', '\u202e', '\u0000', '\u0085',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const partText = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
const kind = fc.constantFrom<BlockKind>('headline', 'dek', 'caption', 'paragraph', 'credit');
const parts = fc.array(fc.record({ kind, text: partText }), { maxLength: 5 });

const QUOTE_CODES = new Set([0x22, 0x27, 0xab, 0xbb, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2039, 0x203a]);

function checkDocument(doc: Document, partCount: number): void {
  const n = doc.text.length;
  const within = (s: { start: number; end: number }): void => {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(s.end).toBeLessThanOrEqual(n);
  };
  expect(doc.blocks).toHaveLength(partCount);
  doc.blocks.forEach((block, i) => {
    within(block);
    if (i > 0) expect(block.start).toBeGreaterThanOrEqual(doc.blocks[i - 1]!.end);
  });
  doc.tokens.forEach((token, i) => {
    within(token);
    expect(token.end).toBeGreaterThan(token.start);
    if (i > 0) expect(token.start).toBeGreaterThanOrEqual(doc.tokens[i - 1]!.end);
    for (let k = token.start; k < token.end; k++) expect((CHAR_CLASS[doc.text.charCodeAt(k)]! & 15) === CC_SPACE).toBe(false);
    expect(token.norm.length).toBeGreaterThan(0);
    const sentence = doc.sentences[token.sentence]!;
    expect(token.start).toBeGreaterThanOrEqual(sentence.start);
    expect(token.end).toBeLessThanOrEqual(sentence.end);
  });
  let expectedTokenStart = 0;
  doc.sentences.forEach((sentence, i) => {
    within(sentence);
    expect(sentence.tokenStart).toBe(expectedTokenStart);
    expect(sentence.tokenEnd).toBeGreaterThan(sentence.tokenStart);
    expectedTokenStart = sentence.tokenEnd;
    const block = doc.blocks[sentence.block]!;
    expect(sentence.start).toBeGreaterThanOrEqual(block.start);
    expect(sentence.end).toBeLessThanOrEqual(block.end);
    if (i > 0) expect(sentence.start).toBeGreaterThanOrEqual(doc.sentences[i - 1]!.end);
  });
  expect(expectedTokenStart).toBe(doc.tokens.length);
  for (const repair of doc.repairs) within(repair);
  doc.quotes.forEach((quote, i) => {
    within(quote);
    expect(doc.blocks.some((b) => b.start <= quote.start && quote.end <= b.end)).toBe(true);
    if (quote.openMark !== null) {
      expect(quote.openMark).toBeLessThan(quote.start);
      expect(QUOTE_CODES.has(doc.text.charCodeAt(quote.openMark))).toBe(true);
    }
    if (quote.closeMark !== null) {
      expect(quote.closeMark).toBeGreaterThanOrEqual(quote.end);
      expect(QUOTE_CODES.has(doc.text.charCodeAt(quote.closeMark))).toBe(true);
    }
    expect(quote.inferredOpen).toBe(quote.openMark === null && quote.closeMark !== null ? true : quote.inferredOpen);
    if (i > 0) expect(quote.start).toBeGreaterThanOrEqual(doc.quotes[i - 1]!.start);
    // Non-overlapping except nesting.
    for (const other of doc.quotes.slice(0, i)) {
      const disjoint = other.end <= quote.start || quote.end <= other.start;
      const nested = (other.start <= quote.start && quote.end <= other.end) || (quote.start <= other.start && other.end <= quote.end);
      expect(disjoint || nested).toBe(true);
    }
  });
}

describe('document invariants (fast-check)', () => {
  it('offsets stay inside the text; tokens, sentences, blocks, quotes and repairs are well-formed', () => {
    fc.assert(fc.property(parts, (input) => {
      const doc = buildParts(input);
      checkDocument(doc, input.length);
    }), { numRuns: 400 });
  });

  it('splits the same sentences from the tokenizer\'s break list as from a full scan', () => {
    const abbreviations = compileAbbreviations(testLexicons().abbreviations.entries);
    fc.assert(fc.property(parts, (input) => {
      const doc = buildParts(input);
      const breaks: number[] = [];
      const withBreaks = tokenize(doc.text, { abbreviations, breaks });
      const scanned = tokenize(doc.text, { abbreviations });
      expect(splitSentences(doc.text, withBreaks, doc.blocks, abbreviations, breaks))
        .toEqual(splitSentences(doc.text, scanned, doc.blocks, abbreviations));
    }), { numRuns: 200 });
  });

  it('is deterministic', () => {
    fc.assert(fc.property(parts, (input) => {
      expect(buildParts(input)).toEqual(buildParts(input));
    }), { numRuns: 100 });
  });

  it('never throws on arbitrary Unicode, including lone surrogates, RTL marks and NUL', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 4 }), (texts) => {
      const doc = buildParts(texts.map((text) => ({ kind: 'paragraph' as const, text })));
      checkDocument(doc, texts.length);
    }), { numRuns: 300 });
  });

  it('joins parts with blank lines and keeps each part in its block', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[A-Za-z.,” ]{1,30}$/), { maxLength: 4 }), (texts) => {
      const doc = buildParts(texts.map((text) => ({ kind: 'paragraph' as const, text })));
      expect(doc.blocks.map((b) => doc.text.slice(b.start, b.end))).toEqual(texts.map((t) => t.trim()));
    }), { numRuns: 100 });
  });
});

describe('document builder on pathological input', () => {
  // Sizes large enough that a quadratic pass would hit the test timeout; no timing is asserted.
  const cases: [string, string][] = [
    ['deeply nested single marks', `${'‘a '.repeat(20_000)}x${'’ '.repeat(20_000)}`],
    ['closing marks only', 'word” '.repeat(10_000)],
    ['attributions in a row', 'we said,” he said, adding, '.repeat(3_000)],
    ['opening marks only', '“a '.repeat(20_000)],
    ['a long run of punctuation before a mark', `${'!'.repeat(60_000)}”`],
    ['lost apostrophes everywhere', 'Irans top Zorbas main Zorba '.repeat(3_000)],
  ];
  it.each(cases)('%s', (_name, text) => {
    const doc = buildParts([{ kind: 'paragraph', text }]);
    checkDocument(doc, 1);
  });
});
