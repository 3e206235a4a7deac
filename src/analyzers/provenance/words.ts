/**
 * Reading a few words either side of a position, for the context checks of the
 * provenance analyzer. Bounded by a count and a limit, so each call is O(window).
 */
import { cachedAsciiLower, isWordCode } from './names.js';

export interface Word {
  readonly start: number;
  readonly end: number;
  /** Lower-cased, apostrophes straight. */
  readonly norm: string;
}

function isGlue(c: number): boolean {
  // Inner apostrophes and hyphens keep a word together ("state-run", "Iran's").
  return c === 0x27 || c === 0x2019 || c === 0x2d;
}

function normOf(text: string, start: number, end: number): string {
  // Most context words are short and ASCII: then the norm is a cached lower-cased copy.
  return cachedAsciiLower(text, start, end) ?? text.slice(start, end).toLowerCase().replace(/\u2019/g, "'");
}

/**
 * Words read into reused slots: `count` of `slots` are filled, the rest are stale. The
 * context tests of `detect-credits.ts` run for every registry name found, and one list for
 * them replaces an array and up to six objects per test.
 */
export interface WordList {
  count: number;
  readonly slots: { start: number; end: number; norm: string }[];
}

export function createWordList(): WordList {
  return { count: 0, slots: [] };
}

function pushWord(out: WordList, start: number, end: number, norm: string): void {
  const slot = out.slots[out.count];
  if (slot === undefined) out.slots.push({ start, end, norm });
  else {
    slot.start = start;
    slot.end = end;
    slot.norm = norm;
  }
  out.count++;
}

/** The words of a list made for one call (its slots are not reused, so they can be returned). */
function toArray(list: WordList): Word[] {
  return list.slots;
}

/** Up to `count` words after `pos`, stopping at a line break or sentence punctuation (commas allowed when `commas`). */
export function wordsAfter(text: string, pos: number, limit: number, count: number, commas = false): Word[] {
  const list = createWordList();
  readWordsAfter(text, pos, limit, count, commas, list);
  return toArray(list);
}

/** `wordsAfter` into `out`. */
export function readWordsAfter(text: string, pos: number, limit: number, count: number, commas: boolean, out: WordList): void {
  out.count = 0;
  let i = pos;
  while (out.count < count && i < limit) {
    const c = text.charCodeAt(i);
    // Spaces, slashes and hyphens between a name and its partner ("Reuters/Ipsos", "AP-NORC").
    if (c === 0x20 || c === 0xa0 || c === 0x09 || (commas && c === 0x2c) || c === 0x2f || (c === 0x2d && i === pos)) {
      i++;
      continue;
    }
    if (c === 0x27 || c === 0x2019) {
      // A possessive after a name: "Reuters'" or "'s".
      i++;
      continue;
    }
    if (!isWordCode(text, i)) break;
    const start = i;
    while (i < limit && (isWordCode(text, i) || (isGlue(text.charCodeAt(i)) && i + 1 < limit && isWordCode(text, i + 1)))) i++;
    pushWord(out, start, i, normOf(text, start, i));
  }
}

/** Up to `count` words before `pos`, nearest first, stopping at a line break or sentence punctuation. */
export function wordsBefore(text: string, pos: number, floor: number, count: number): Word[] {
  const list = createWordList();
  readWordsBefore(text, pos, floor, count, list);
  return toArray(list);
}

/** `wordsBefore` into `out`. */
export function readWordsBefore(text: string, pos: number, floor: number, count: number, out: WordList): void {
  out.count = 0;
  let i = pos;
  while (out.count < count && i > floor) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x20 || c === 0xa0 || c === 0x09) {
      i--;
      continue;
    }
    if (!isWordCode(text, i - 1)) break;
    const end = i;
    while (i > floor && (isWordCode(text, i - 1) || (isGlue(text.charCodeAt(i - 1)) && i - 2 >= floor && isWordCode(text, i - 2)))) i--;
    pushWord(out, i, end, normOf(text, i, end));
  }
}

/** Index of the first non-space character at or after `pos` (bounded by `limit`). */
export function skipSpaces(text: string, pos: number, limit: number): number {
  let i = pos;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x09) break;
    i++;
  }
  return i;
}

/** Index just after the last non-space character before `pos`. */
export function skipSpacesBack(text: string, pos: number, floor: number): number {
  let i = pos;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x09) break;
    i--;
  }
  return i;
}

/** Start of the line holding `pos`, looking back at most `max` characters (else `pos - max`, flagged by the caller). */
export function lineStartOf(text: string, pos: number, floor: number, max: number): number {
  const stop = Math.max(floor, pos - max);
  for (let i = pos - 1; i >= stop; i--) if (text.charCodeAt(i) === 0x0a) return i + 1;
  return stop;
}

export function lineEndOf(text: string, pos: number, limit: number, max: number): number {
  const stop = Math.min(limit, pos + max);
  for (let i = pos; i < stop; i++) if (text.charCodeAt(i) === 0x0a) return i;
  return stop;
}
