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
    'he said', 'the minister said, adding,', 'We', 'our', 'cruel', 'The',
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

/**
 * Every invariant of a built document, as a list of broken ones (empty when well-formed).
 * Plain checks rather than one `expect` per element keep large documents cheap to verify.
 */
function documentProblems(doc: Document, partCount: number): string[] {
  const problems: string[] = [];
  const n = doc.text.length;
  const check = (ok: boolean, what: string): void => {
    if (!ok && problems.length < 10) problems.push(what);
  };
  const within = (s: { start: number; end: number }, what: string): void => {
    check(s.start >= 0 && s.start <= s.end && s.end <= n, `${what} ${s.start}-${s.end} outside 0-${n}`);
  };
  check(doc.blocks.length === partCount, `${doc.blocks.length} blocks for ${partCount} parts`);
  doc.blocks.forEach((block, i) => {
    within(block, `block ${i}`);
    if (i > 0) check(block.start >= doc.blocks[i - 1]!.end, `block ${i} overlaps the one before`);
  });
  doc.tokens.forEach((token, i) => {
    within(token, `token ${i}`);
    check(token.end > token.start, `token ${i} is empty`);
    if (i > 0) check(token.start >= doc.tokens[i - 1]!.end, `token ${i} overlaps the one before`);
    for (let k = token.start; k < token.end; k++) check((CHAR_CLASS[doc.text.charCodeAt(k)]! & 15) !== CC_SPACE, `token ${i} holds a space`);
    check(token.norm.length > 0, `token ${i} has an empty norm`);
    const sentence = doc.sentences[token.sentence];
    check(!!sentence && token.start >= sentence.start && token.end <= sentence.end, `token ${i} outside its sentence`);
  });
  let expectedTokenStart = 0;
  doc.sentences.forEach((sentence, i) => {
    within(sentence, `sentence ${i}`);
    check(sentence.tokenStart === expectedTokenStart && sentence.tokenEnd > sentence.tokenStart, `sentence ${i} token range`);
    expectedTokenStart = sentence.tokenEnd;
    const block = doc.blocks[sentence.block];
    check(!!block && sentence.start >= block.start && sentence.end <= block.end, `sentence ${i} outside its block`);
    if (i > 0) check(sentence.start >= doc.sentences[i - 1]!.end, `sentence ${i} overlaps the one before`);
  });
  check(expectedTokenStart === doc.tokens.length, 'sentences do not cover every token');
  doc.repairs.forEach((repair, i) => within(repair, `repair ${i}`));
  // Sorted by start, outer first: a stack of enclosing ends checks "disjoint or nested" in one pass.
  const enclosing: number[] = [];
  doc.quotes.forEach((quote, i) => {
    within(quote, `quote ${i}`);
    check(doc.blocks.some((b) => b.start <= quote.start && quote.end <= b.end), `quote ${i} crosses blocks`);
    if (quote.openMark !== null) check(quote.openMark < quote.start && QUOTE_CODES.has(doc.text.charCodeAt(quote.openMark)), `quote ${i} open mark`);
    if (quote.closeMark !== null) check(quote.closeMark >= quote.end && QUOTE_CODES.has(doc.text.charCodeAt(quote.closeMark)), `quote ${i} close mark`);
    if (quote.openMark === null) check(quote.inferredOpen, `quote ${i} has no opening mark but is not inferred`);
    if (i > 0) check(quote.start >= doc.quotes[i - 1]!.start, `quote ${i} out of order`);
    while (enclosing.length && enclosing[enclosing.length - 1]! <= quote.start) enclosing.pop();
    if (enclosing.length) check(quote.end <= enclosing[enclosing.length - 1]!, `quote ${i} overlaps without nesting`);
    enclosing.push(quote.end);
  });
  return problems;
}

function checkDocument(doc: Document, partCount: number): void {
  expect(documentProblems(doc, partCount)).toEqual([]);
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
