/**
 * The document: built once per article, read by every analyzer.
 *
 * `text` is never rewritten after it is built; every offset below indexes into it
 * (UTF-16 code units, start inclusive, end exclusive). Normalization for matching
 * (case, apostrophes, dashes, lost possessive apostrophes) lives on token copies.
 */
import type { Block, Removed, Repair } from '../schema/record.js';
import type { StructuredArticle } from '../input/article.js';

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
  /** Lower-cased, curly apostrophes made straight, dashes unified: "iran's", "won't", "-". */
  readonly norm: string;
  /** `norm` without a possessive ending ("iran" for "Iran's", "Iran’s" and a repaired "Irans"). */
  readonly base: string;
  /** True for "Iran's" and for a lost-apostrophe possessive repaired at build time ("Irans"). */
  readonly possessive: boolean;
  /** First character is upper case in the source. */
  readonly capitalized: boolean;
  /** Index into `Document.sentences`. */
  readonly sentence: number;
}

export interface Sentence {
  readonly start: number;
  readonly end: number;
  /** Index into `Document.blocks`. */
  readonly block: number;
  /** Token range [tokenStart, tokenEnd). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/**
 * A span set off by quotation marks, found at build time. `start`/`end` cover the quoted
 * words without the marks; `openMark`/`closeMark` are the offsets of the marks themselves
 * (null when missing: `openMark` null means the opening was inferred).
 */
export interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly openMark: number | null;
  readonly closeMark: number | null;
  readonly inferredOpen: boolean;
  /** A short span inside a sentence (a word or phrase), as opposed to whole quoted sentences. */
  readonly phrase: boolean;
}

export interface Document {
  readonly article: StructuredArticle;
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly removed: readonly Removed[];
  /** Sorted by `start` (the article's whole-record input repairs, at 0, come first). */
  readonly repairs: readonly Repair[];
  /** Sorted, non-overlapping, never containing whitespace. Read them with `src/document/lookup.ts`. */
  readonly tokens: readonly Token[];
  /** In text order; together they cover every token; a sentence never crosses a block. */
  readonly sentences: readonly Sentence[];
  /** Sorted by `start`, an enclosing quote before the quotes nested in it; none crosses a block. */
  readonly quotes: readonly QuoteSpan[];
}
