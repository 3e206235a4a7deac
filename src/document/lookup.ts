/**
 * Small read helpers over a built document: find the token, sentence or block at an
 * offset by binary search, and read their text. Every analyzer wants these.
 */
import type { Block } from '../schema/record.js';
import type { Document, QuoteSpan, Sentence, Token } from './types.js';
import { firstEndingAfter, lastStartingAtOrBefore } from '../util/sorted.js';


/** Index of the token that contains `offset` (start <= offset < end), or -1 (whitespace, out of range). */
export function tokenIndexAt(doc: Document, offset: number): number {
  const index = lastStartingAtOrBefore(doc.tokens, offset);
  return index >= 0 && offset < (doc.tokens[index] as Token).end ? index : -1;
}

/** The token that contains `offset`, or undefined. */
export function tokenAt(doc: Document, offset: number): Token | undefined {
  const index = tokenIndexAt(doc, offset);
  return index >= 0 ? doc.tokens[index] : undefined;
}

/** Index of the first token that ends after `offset` (the token at or after it), or `tokens.length`. */
export function tokenIndexFrom(doc: Document, offset: number): number {
  return firstEndingAfter(doc.tokens, offset);
}

/** Token indices [from, to) of the tokens lying entirely inside [start, end). */
export function tokenRange(doc: Document, start: number, end: number): { from: number; to: number } {
  let from = tokenIndexFrom(doc, start);
  while (from < doc.tokens.length && (doc.tokens[from] as Token).start < start) from++;
  let to = from;
  while (to < doc.tokens.length && (doc.tokens[to] as Token).end <= end) to++;
  return { from, to };
}

/** Index of the block that contains `offset` (blocks are sorted; a separator belongs to the block before it), or -1. */
export function blockIndexAt(doc: Pick<Document, 'blocks'>, offset: number): number {
  return lastStartingAtOrBefore(doc.blocks, offset);
}

export function blockAt(doc: Pick<Document, 'blocks'>, offset: number): Block | undefined {
  const index = blockIndexAt(doc, offset);
  return index >= 0 ? doc.blocks[index] : undefined;
}

/** Index of the sentence that contains `offset` (or the last one starting before it), or -1. */
export function sentenceIndexAt(doc: Document, offset: number): number {
  return lastStartingAtOrBefore(doc.sentences, offset);
}

export function sentenceAt(doc: Document, offset: number): Sentence | undefined {
  const index = sentenceIndexAt(doc, offset);
  return index >= 0 ? doc.sentences[index] : undefined;
}

export function tokenText(doc: Document, token: Token): string {
  return doc.text.slice(token.start, token.end);
}

export function sentenceText(doc: Document, sentence: Sentence | number): string {
  const s = typeof sentence === 'number' ? doc.sentences[sentence] : sentence;
  return s ? doc.text.slice(s.start, s.end) : '';
}

export function blockText(doc: Document, block: Block | number): string {
  const b = typeof block === 'number' ? doc.blocks[block] : block;
  return b ? doc.text.slice(b.start, b.end) : '';
}

export function quoteText(doc: Document, quote: QuoteSpan): string {
  return doc.text.slice(quote.start, quote.end);
}

/** The innermost quote span containing [start, end), or undefined. Quotes are few; a scan is fine. */
export function quoteAround(doc: Document, start: number, end: number): QuoteSpan | undefined {
  let best: QuoteSpan | undefined;
  for (const quote of doc.quotes) {
    if (quote.start > start) break;
    if (quote.end >= end && (!best || quote.end - quote.start <= best.end - best.start)) best = quote;
  }
  return best;
}
