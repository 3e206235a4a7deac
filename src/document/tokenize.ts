/**
 * The tokenizer: one hand-written linear pass over the char codes of the final text.
 *
 * Word tokens keep internal apostrophes ("won't", "Iran’s"), joining hyphens ("al-Kadhimi"),
 * dotted abbreviations ("U.S.", "e.g."), listed abbreviations with their stop ("Gen.") and
 * single-letter initials ("F."); numbers keep their separators ("1,000", "3.5"). Everything
 * else is a one-character punctuation or symbol token (a run of full stops is one "...").
 *
 * No regex runs per token and no `Intl.Segmenter` (≈ 0.8 MB/s): the character classes come
 * from a precomputed table (`char-class.ts`).
 */
import { EMPTY_ABBREVIATIONS, type AbbreviationTable } from './abbreviations.js';
import {
  astralClass, CC_DIGIT, CC_LETTER, CC_MARK, CC_PUNCT, CC_SPACE, CC_SURROGATE, CC_UPPER, CHAR_CLASS,
  isDashCode, isJoiningHyphen,
} from './char-class.js';
import type { Token, TokenKind } from './types.js';

/** Tokens are built mutable so the later passes (sentences, repairs) can fill them in place. */
export type MutableToken = { -readonly [K in keyof Token]: Token[K] };

export interface TokenizeOptions {
  readonly abbreviations?: AbbreviationTable;
  /**
   * Filled, when given, with the indices of tokens after which a sentence may end (".",
   * "!", "?", "…", a word with its stop, a token followed by a line break), in order, so
   * the sentence splitter visits only those instead of every token.
   */
  readonly breaks?: number[];
  /** Filled, when given, with the indices of capitalized word tokens (for the lost-apostrophe pass). */
  readonly capitalized?: number[];
}

/** Contractions that end in 's but are not possessives ("it's" = it is). */
const NOT_POSSESSIVE = new Set([
  "it's", "he's", "she's", "that's", "there's", "here's", "what's", "who's", "where's", "let's",
  "how's", "when's", "why's", "this's", "one's",
]);

const PUNCT_NORM_CACHE = new Map<number, string>();
const ASCII_NORM: readonly string[] = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code).toLowerCase());

function punctNorm(code: number): string {
  if (code < 0x80 && code !== 0x2d) return ASCII_NORM[code] as string;
  let norm = PUNCT_NORM_CACHE.get(code);
  if (norm === undefined) {
    if (isDashCode(code)) norm = '-';
    else if (code === 0x2019 || code === 0x2018 || code === 0x2bc || code === 0x201a || code === 0x2032) norm = "'";
    else if (code === 0x201c || code === 0x201d || code === 0x201e || code === 0x2033) norm = '"';
    else norm = String.fromCharCode(code).toLowerCase();
    PUNCT_NORM_CACHE.set(code, norm);
  }
  return norm;
}

function classAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const cls = CHAR_CLASS[code] as number;
  return (cls & 15) === CC_SURROGATE ? astralClass(text, index) : cls;
}

function isWordClass(cls: number): boolean {
  const base = cls & 15;
  return base === CC_LETTER || base === CC_DIGIT || base === CC_MARK;
}

function isLetterClass(cls: number): boolean {
  return (cls & 15) === CC_LETTER;
}

/** Word norm: lower case, apostrophes straight, joining hyphens plain. */
function wordNorm(raw: string, hasUpper: boolean, hasOdd: boolean): string {
  let norm = hasUpper ? raw.toLowerCase() : raw;
  if (hasOdd) {
    let out = '';
    for (let i = 0; i < norm.length; i++) {
      const code = norm.charCodeAt(i);
      if (code === 0x2019 || code === 0x2018 || code === 0x2bc) out += "'";
      else if (code === 0x2010 || code === 0x2011) out += '-';
      else out += norm[i];
    }
    norm = out;
  }
  return norm;
}

/** The marks `wordNorm` makes a straight apostrophe, and the straight one. */
function isApostropheCode(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x2bc;
}

/** The possessive reading of a word norm: base and flag. */
export function possessiveOf(norm: string): { base: string; possessive: boolean } {
  const n = norm.length;
  if (n > 2 && norm.charCodeAt(n - 2) === 0x27 && norm.charCodeAt(n - 1) === 0x73 /* 's */ && !NOT_POSSESSIVE.has(norm)) {
    return { base: norm.slice(0, n - 2), possessive: true };
  }
  if (n > 2 && norm.charCodeAt(n - 1) === 0x27 && norm.charCodeAt(n - 2) === 0x73 /* s' */) {
    return { base: norm.slice(0, n - 1), possessive: true };
  }
  return { base: norm, possessive: false };
}

/** Index of the next non-space character at or after `from` (or `text.length`). */
function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && ((CHAR_CLASS[text.charCodeAt(i)] as number) & 15) === CC_SPACE) i++;
  return i;
}

function makeToken(start: number, end: number, kind: TokenKind, norm: string, base: string, possessive: boolean, capitalized: boolean): MutableToken {
  // One literal shape for every token keeps property access monomorphic in the analyzers.
  return { start, end, kind, norm, base, possessive, capitalized, sentence: 0 };
}

/**
 * Splits `text` into tokens. Offsets are UTF-16 indices into `text`; tokens are sorted,
 * non-overlapping and never contain whitespace. `sentence` is left 0 for the splitter.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): MutableToken[] {
  const abbreviations = options.abbreviations ?? EMPTY_ABBREVIATIONS;
  const tokens: MutableToken[] = [];
  const n = text.length;
  let i = 0;
  const breaks = options.breaks;
  const capitals = options.capitalized;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      i++;
      continue;
    }
    let cls = CHAR_CLASS[code] as number;
    let base = cls & 15;
    if (base === CC_SPACE || base === 0) {
      if ((code === 0x0a || code === 0x0d) && breaks && tokens.length > 0 && breaks[breaks.length - 1] !== tokens.length - 1) breaks.push(tokens.length - 1);
      i++;
      continue;
    }
    if (base === CC_SURROGATE) {
      cls = astralClass(text, i);
      base = cls & 15;
      if (base !== CC_LETTER && base !== CC_DIGIT) {
        i = pushAstralSymbol(text, i, tokens);
        continue;
      }
    }
    if (base === CC_LETTER || base === CC_DIGIT) {
      i = scanWord(text, i, cls, abbreviations, tokens);
      if (breaks && text.charCodeAt(i - 1) === 0x2e) breaks.push(tokens.length - 1);
      if (capitals && (cls & CC_UPPER) !== 0) capitals.push(tokens.length - 1);
      continue;
    }
    if (base === CC_PUNCT) {
      if (code === 0x2e) {
        let end = i + 1;
        while (end < n && text.charCodeAt(end) === 0x2e) end++;
        const norm = end - i === 1 ? '.' : text.slice(i, end);
        if (breaks) breaks.push(tokens.length);
        tokens.push(makeToken(i, end, 'punct', norm, norm, false, false));
        i = end;
        continue;
      }
      const norm = punctNorm(code);
      if (breaks && (code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x203d)) breaks.push(tokens.length);
      tokens.push(makeToken(i, i + 1, 'punct', norm, norm, false, false));
      i++;
      continue;
    }
    i = pushSymbol(text, i, tokens);
  }
  return tokens;
}

// The rare token kinds live outside `tokenize`, which keeps its loop small to compile.

/** A symbol, or a combining mark with nothing to attach to: one token with its marks. Returns its end. */
function pushSymbol(text: string, i: number, tokens: MutableToken[]): number {
  const n = text.length;
  let end = i + 1;
  while (end < n && ((CHAR_CLASS[text.charCodeAt(end)] as number) & 15) === CC_MARK) end++;
  const raw = end - i === 1 ? punctNorm(text.charCodeAt(i)) : text.slice(i, end);
  tokens.push(makeToken(i, end, 'symbol', raw, raw, false, false));
  return end;
}

/** An astral (or lone surrogate) non-word character, with its marks and variation selector. Returns its end. */
function pushAstralSymbol(text: string, i: number, tokens: MutableToken[]): number {
  const n = text.length;
  const code = text.charCodeAt(i);
  const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  let end = i + width;
  while (end < n && (((CHAR_CLASS[text.charCodeAt(end)] as number) & 15) === CC_MARK || text.charCodeAt(end) === 0xfe0f)) end++;
  const raw = text.slice(i, end);
  tokens.push(makeToken(i, end, 'symbol', raw, raw, false, false));
  return end;
}

/** Scans one word or number token starting at `start`; pushes it and returns its end. */
function scanWord(text: string, start: number, firstClass: number, abbreviations: AbbreviationTable, tokens: MutableToken[]): number {
  const n = text.length;
  const startsDigit = (firstClass & 15) === CC_DIGIT;
  const capitalized = (firstClass & CC_UPPER) !== 0;
  let hasLetter = !startsDigit;
  let hasUpper = capitalized;
  let hasOdd = false;
  let trailingApostrophe = false;
  let dots = 0;
  // Start of the current dot-separated segment, for "U.S." style sequences.
  let segmentStart = start;
  let i = start + (text.charCodeAt(start) >= 0xd800 && text.charCodeAt(start) <= 0xdbff && start + 1 < n ? 2 : 1);
  for (;;) {
    if (i >= n) break;
    const code = text.charCodeAt(i);
    // Fast path: ASCII lower-case letters are most of any English text.
    if (code >= 0x61 && code <= 0x7a) {
      i++;
      continue;
    }
    const raw = CHAR_CLASS[code] as number;
    const cls = (raw & 15) === CC_SURROGATE ? astralClass(text, i) : raw;
    const kind = cls & 15;
    if (kind === CC_LETTER || kind === CC_MARK) {
      if (kind === CC_LETTER) hasLetter = true;
      if ((cls & CC_UPPER) !== 0) hasUpper = true;
      i += (raw & 15) === CC_SURROGATE && code <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    if (kind === CC_DIGIT) {
      i++;
      continue;
    }
    if (code === 0x27 || code === 0x2019 || code === 0x2bc || code === 0x2018) {
      const nextClass = i + 1 < n ? classAt(text, i + 1) : 0;
      if (isLetterClass(nextClass)) {
        if (code !== 0x27) hasOdd = true;
        i += 1;
        continue;
      }
      const prev = text.charCodeAt(i - 1);
      // "states’" / "States'": a plural possessive. The quote finder gives the mark back
      // when it turns out to close a quotation opened with ‘ or '.
      if (code !== 0x2018 && !startsDigit && (prev === 0x73 || prev === 0x53) && i - start >= 2 && !isWordClass(nextClass)) {
        if (code !== 0x27) hasOdd = true;
        trailingApostrophe = true;
        i += 1;
      }
      break;
    }
    if (code === 0x2d || code === 0x2010 || code === 0x2011) {
      if (i + 1 < n && isWordClass(classAt(text, i + 1)) && isJoiningHyphen(code)) {
        if (code !== 0x2d) hasOdd = true;
        i += 1;
        continue;
      }
      break;
    }
    if (code === 0x2c /* , */) {
      if (startsDigit && !hasLetter && i + 1 < n && ((CHAR_CLASS[text.charCodeAt(i + 1)] as number) & 15) === CC_DIGIT) {
        i += 1;
        continue;
      }
      break;
    }
    if (code === 0x2e /* . */) {
      const action = readStop(text, start, i, segmentStart, dots > 0, startsDigit, hasLetter, capitalized, abbreviations);
      if (action === STOP_ENDS) break;
      i += 1;
      if (action === STOP_TAKEN_ENDS) break;
      if (action === STOP_SEGMENT) {
        dots++;
        segmentStart = i;
      }
      continue;
    }
    break;
  }
  const end = i;
  const rawText = text.slice(start, end);
  const norm = wordNorm(rawText, hasUpper, hasOdd);
  let base = norm;
  let possessive = false;
  // Only a word ending in "'s" or "s'" can read as a possessive: testing the source before
  // calling `possessiveOf` skips it (and its result object) on every plural and "was".
  if (trailingApostrophe || (hasLetter && end - start > 2 && (text.charCodeAt(end - 1) | 0x20) === 0x73 /* s or S */ && isApostropheCode(text.charCodeAt(end - 2)))) {
    const reading = possessiveOf(norm);
    base = reading.base;
    possessive = reading.possessive;
  }
  tokens.push(makeToken(start, end, startsDigit && !hasLetter ? 'number' : 'word', norm, base, possessive, capitalized));
  return end;
}

/** `readStop` verdicts on a full stop inside a word. */
const STOP_ENDS = 0;
/** The word goes on past the stop ("3.5"). */
const STOP_INSIDE = 1;
/** The word goes on past the stop, which ends a dotted segment ("U.S.", "e.g."). */
const STOP_SEGMENT = 2;
/** The stop is the word's last character ("Gen.", "F."). */
const STOP_TAKEN_ENDS = 3;

/**
 * What the full stop at `i` does to the word that started at `start`: decimal point,
 * dotted abbreviation, initial, listed abbreviation, or the end of the word. Kept out of
 * `scanWord` so its hot letter loop stays small.
 */
function readStop(
  text: string, start: number, i: number, segmentStart: number, dotted: boolean, startsDigit: boolean, hasLetter: boolean,
  capitalized: boolean, abbreviations: AbbreviationTable,
): number {
  const n = text.length;
  const nextCode = i + 1 < n ? text.charCodeAt(i + 1) : 0;
  const nextClass = i + 1 < n ? classAt(text, i + 1) : 0;
  if (startsDigit && !hasLetter && (nextClass & 15) === CC_DIGIT) return STOP_INSIDE;
  const segmentLength = i - segmentStart;
  if (segmentLength === 1 && isLetterClass(classAt(text, segmentStart))) {
    // U.S., e.g., a.m.: single letters each followed by a stop.
    if (isLetterClass(nextClass) && i + 2 < n && text.charCodeAt(i + 2) === 0x2e) return STOP_SEGMENT;
    if (dotted) return STOP_TAKEN_ENDS;
    // A single capital initial before a capitalized word: "John F. Kennedy".
    if (capitalized && i - start === 1 && nextCode === 0x20) {
      const after = skipSpaces(text, i + 1);
      if (after < n && (classAt(text, after) & CC_UPPER) !== 0) return STOP_TAKEN_ENDS;
    }
    // Otherwise a one-letter word: only a listed form ("p. 12") keeps its stop.
  }
  if (hasLetter && i + 1 - start <= abbreviations.maxLength) {
    const form = text.slice(start, i + 1);
    if (isLetterClass(nextClass) && abbreviations.prefixes.has(form)) return STOP_SEGMENT;
    if (abbreviations.always.has(form)) return STOP_TAKEN_ENDS;
    if (abbreviations.beforeNumber.has(form)) {
      const after = skipSpaces(text, i + 1);
      if (after < n && ((CHAR_CLASS[text.charCodeAt(after)] as number) & 15) === CC_DIGIT) return STOP_TAKEN_ENDS;
    }
  }
  return STOP_ENDS;
}
