/**
 * Character classes for the hand-written scanners (tokenizer, cleaner, quotes).
 *
 * One `Uint8Array` over the Basic Multilingual Plane, filled once at module load from
 * Unicode property regexes (≈ 65k single-character tests, a few milliseconds), so the hot
 * loops classify a code unit with one array read instead of a regex per token.
 */

export const CC_OTHER = 0;
/** Letters (any script). */
export const CC_LETTER = 1;
/** Decimal digits (any script). */
export const CC_DIGIT = 2;
/** Combining marks: they continue whatever token they follow. */
export const CC_MARK = 3;
/** Whitespace, including the odd spaces the cleaner turns into plain spaces. */
export const CC_SPACE = 4;
/** Punctuation (Unicode P*). */
export const CC_PUNCT = 5;
/** Symbols (Unicode S*: currency, math, emoji in the BMP). */
export const CC_SYMBOL = 6;
/** High or low surrogate: astral characters are classified by code point on the slow path. */
export const CC_SURROGATE = 7;

/** Bit set on top of the class for upper-case and title-case letters. */
export const CC_UPPER = 16;

function buildTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const upper = /\p{Lu}|\p{Lt}/u;
  const digit = /\p{Nd}/u;
  const mark = /\p{M}/u;
  const space = /\s/u;
  const punct = /\p{P}/u;
  for (let code = 0; code < 0x10000; code++) {
    if (code >= 0xd800 && code <= 0xdfff) {
      table[code] = CC_SURROGATE;
      continue;
    }
    const ch = String.fromCharCode(code);
    let cls = CC_SYMBOL;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) cls = space.test(ch) ? CC_SPACE : CC_OTHER;
    else if (letter.test(ch)) cls = upper.test(ch) ? CC_LETTER | CC_UPPER : CC_LETTER;
    else if (digit.test(ch)) cls = CC_DIGIT;
    else if (mark.test(ch)) cls = CC_MARK;
    else if (space.test(ch)) cls = CC_SPACE;
    else if (punct.test(ch)) cls = CC_PUNCT;
    table[code] = cls;
  }
  // Zero-width characters glue to their neighbours rather than splitting tokens.
  table[0x200c] = CC_MARK;
  table[0x200d] = CC_MARK;
  return table;
}

export const CHAR_CLASS: Uint8Array = buildTable();

const astralLetter = /^\p{L}/u;
const astralDigit = /^\p{Nd}/u;

/** Class of the code point at `index` (slow path for surrogates; rare in news text). */
export function astralClass(text: string, index: number): number {
  const code = text.codePointAt(index) ?? 0;
  if (code < 0x10000) return CC_OTHER; // lone surrogate
  const ch = String.fromCodePoint(code);
  if (astralLetter.test(ch)) return CC_LETTER;
  if (astralDigit.test(ch)) return CC_DIGIT;
  return CC_SYMBOL;
}

export function isApostropheCode(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2bc || code === 0x2018;
}

/** Hyphens that join words ("al-Kadhimi", "anti‑terror"); en and em dashes do not. */
export function isJoiningHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

export function isDashCode(code: number): boolean {
  return code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe58 || code === 0xfe63 || code === 0xff0d;
}
