/**
 * Sentence splitting: one pass over the tokens, block by block (a block boundary always
 * ends a sentence). A sentence ends after ".", "!", "?", "…" (with the closing quotation
 * marks and brackets that follow it) when whitespace and something that can start a
 * sentence come next. Abbreviations are single tokens with their stop ("Gen.", "U.S.",
 * "F."): a title never ends a sentence; other abbreviations end one only before a typical
 * sentence starter ("… in the U.S. The talks …").
 */
import type { Block } from '../schema/record.js';
import type { AbbreviationTable } from './abbreviations.js';
import { CC_SPACE, CHAR_CLASS } from './char-class.js';
import type { MutableToken } from './tokenize.js';
import type { Sentence } from './types.js';
import { firstStartingAtOrAfter } from '../util/sorted.js';

/** Capitalized function words that usually start a sentence (lower-cased norms). */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'or', 'in', 'on', 'at',
  'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'there', 'however',
  'meanwhile', 'after', 'before', 'when', 'while', 'if', 'as', 'so', 'yet', 'also', 'then', 'since',
  'although', 'though', 'some', 'many', 'most', 'all', 'no', 'not', 'what', 'who', 'why', 'how',
  'where', 'for', 'with', 'from', 'by', 'according', 'earlier', 'later', 'last', 'both', 'each',
  'other', 'such', 'still', 'now', 'instead', 'despite', 'during', 'under', 'over', 'under',
]);

/** Marks and brackets that close a sentence together with its final stop. */
function isCloser(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x201d || code === 0x2019 || code === 0xbb || code === 0x203a
    || code === 0x29 || code === 0x5d || code === 0x7d || code === 0x201c || code === 0xab;
}

function isTerminator(token: MutableToken): boolean {
  if (token.kind !== 'punct') return false;
  const norm = token.norm;
  const code = norm.charCodeAt(0);
  return code === 0x2e /* . or ... */ || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x203d;
}

function isSpace(code: number): boolean {
  return ((CHAR_CLASS[code] as number) & 15) === CC_SPACE;
}

/** True when the gap between two adjacent tokens holds a line break. */
function gapHasNewline(text: string, from: number, to: number): boolean {
  if (to - from === 1) {
    const code = text.charCodeAt(from);
    return code === 0x0a || code === 0x0d;
  }
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) return true;
  }
  return false;
}

/** True for a closing mark at `index` (a straight quote only when whitespace or the end follows). */
function closesAt(text: string, token: MutableToken, blockEnd: number): boolean {
  if (token.end - token.start !== 1) return false;
  const code = text.charCodeAt(token.start);
  if (!isCloser(code)) return false;
  // “ and « close only in German/Swedish conventions; accept them right after the stop.
  if (code === 0x22 || code === 0x27 || code === 0x201c || code === 0xab) {
    return token.end >= blockEnd || isSpace(text.charCodeAt(token.end)) || isCloser(text.charCodeAt(token.end));
  }
  return true;
}

/**
 * Splits the tokens into sentences and writes each token's `sentence` index.
 * Returns the sentences in text order; every token belongs to exactly one.
 *
 * `breaks` are the indices of tokens after which a sentence may end, as collected by the
 * tokenizer; only those are examined (found by a scan when not given).
 */
export function splitSentences(
  text: string, tokens: MutableToken[], blocks: readonly Block[], abbreviations: AbbreviationTable, breaks?: readonly number[],
): Sentence[] {
  const candidates = breaks ?? collectBreaks(text, tokens);
  const sentences: Sentence[] = [];
  const total = tokens.length;
  const emit = (from: number, to: number, block: number): void => {
    const index = sentences.length;
    for (let t = from; t < to; t++) (tokens[t] as MutableToken).sentence = index;
    sentences.push({
      start: (tokens[from] as MutableToken).start,
      end: (tokens[to - 1] as MutableToken).end,
      block,
      tokenStart: from,
      tokenEnd: to,
    });
  };
  let k = 0;
  let c = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Block;
    // Tokens [k, blockEnd) belong to this block (the last block takes whatever is left).
    const blockEnd = b === blocks.length - 1 ? total : firstStartingAtOrAfter(tokens, block.end, k);
    let sentenceStart = k;
    while (c < candidates.length && (candidates[c] as number) < blockEnd) {
      const index = candidates[c++] as number;
      if (index < sentenceStart) continue; // already taken in as a closing mark
      const end = boundaryAfter(text, tokens, index, blockEnd, block.end, abbreviations);
      if (end > 0 && end < blockEnd) {
        emit(sentenceStart, end, b);
        sentenceStart = end;
      }
    }
    if (sentenceStart < blockEnd) emit(sentenceStart, blockEnd, b);
    k = blockEnd;
  }
  if (k < total) emit(k, total, Math.max(0, blocks.length - 1));
  return sentences;
}


/**
 * When a sentence ends after token `index`, the index of the first token of the next
 * sentence (after any closing marks); otherwise -1.
 */
function boundaryAfter(
  text: string, tokens: readonly MutableToken[], index: number, blockEndToken: number, blockEnd: number, abbreviations: AbbreviationTable,
): number {
  const token = tokens[index] as MutableToken;
  let end = index + 1;
  let boundary = false;
  if (isTerminator(token)) {
    while (end < blockEndToken && (tokens[end] as MutableToken).start === (tokens[end - 1] as MutableToken).end
      && closesAt(text, tokens[end] as MutableToken, blockEnd)) end++;
    boundary = endsHere(text, tokens, end, blockEnd, false);
  } else if (token.kind === 'word' && text.charCodeAt(token.end - 1) === 0x2e && token.end - token.start > 1) {
    const form = text.slice(token.start, token.end);
    // Titles ("Gen.", "Mr.") and listed non-final forms ("e.g.") never end a sentence.
    if (!(abbreviations.always.has(form) && !abbreviations.canEndSentence.has(form)) && !abbreviations.beforeNumber.has(form)) {
      while (end < blockEndToken && (tokens[end] as MutableToken).start === (tokens[end - 1] as MutableToken).end
        && closesAt(text, tokens[end] as MutableToken, blockEnd)) end++;
      boundary = endsHere(text, tokens, end, blockEnd, true);
    }
  }
  if (!boundary && end === index + 1 && end < blockEndToken) {
    // A line break inside a block ends a sentence (header lines, one-sentence-per-line
    // corpora), unless the next line goes on in lower case: a hard-wrapped sentence.
    const next = tokens[end] as MutableToken;
    boundary = gapHasNewline(text, token.end, next.start) && !(next.kind === 'word' && !next.capitalized);
  }
  return boundary ? end : -1;
}

/** The break candidates the tokenizer would have collected. */
function collectBreaks(text: string, tokens: readonly MutableToken[]): number[] {
  const breaks: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as MutableToken;
    const next = tokens[t + 1];
    if (isTerminator(token) || (token.kind === 'word' && text.charCodeAt(token.end - 1) === 0x2e)
      || (next !== undefined && gapHasNewline(text, token.end, next.start))) breaks.push(t);
  }
  return breaks;
}

/** Decides whether a sentence ends before token `next` (the first token after the stop and its closers). */
function endsHere(text: string, tokens: readonly MutableToken[], next: number, blockEnd: number, afterAbbreviation: boolean): boolean {
  if (next >= tokens.length) return true;
  const token = tokens[next] as MutableToken;
  if (token.start >= blockEnd) return true;
  const previous = tokens[next - 1] as MutableToken;
  // "example.com", "3.x": no space, no sentence end — except a quotation opening without
  // its space ("…at noon."Nobody…"), which damaged text often has.
  if (token.start === previous.end) {
    const code = text.charCodeAt(token.start);
    const after = tokens[next + 1];
    return !afterAbbreviation && (code === 0x22 || code === 0x201c) && after !== undefined && after.start === token.end && after.capitalized;
  }
  if (afterAbbreviation) return token.capitalized && SENTENCE_STARTERS.has(token.norm);
  if (token.kind === 'word' && !token.capitalized) {
    // "…what?” he asked": lower case continues; an all-lower-case source still breaks after a line end.
    return gapHasNewline(text, previous.end, token.start);
  }
  return true;
}
