/**
 * Character cleaning, done once while the document text is assembled (and never after):
 * odd spaces become plain spaces, invisible characters are dropped, and UTF-8 that was
 * decoded as Windows-1252 ("â€™", "Ã©") is decoded back. Every change is recorded as a
 * repair whose offsets index into the final text.
 */
import type { Repair } from '../schema/record.js';

/** Windows-1252 characters in 0x80–0x9F, by the byte they stand for (the rest of Latin-1 maps to itself). */
const CP1252_BYTE = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** The byte a character stands for when UTF-8 was read as Windows-1252, or -1. */
function byteOf(code: number): number {
  if (code >= 0x80 && code <= 0xff) return code;
  return CP1252_BYTE.get(code) ?? -1;
}

function isContinuation(code: number): boolean {
  const byte = byteOf(code);
  return byte >= 0x80 && byte <= 0xbf;
}

/** Characters that may need cleaning: controls, odd spaces, invisibles and the lead characters of mojibake. */
const CANDIDATES = /[\r\v\f\u0085\u00a0\u00ad\u00c2-\u00f4\u1680\u2000-\u200b\u200e\u200f\u202f\u205f\u2060\u3000\ufeff]/g;

/** Spaces other than U+0020 that news sites and word processors leave behind. */
function isOddSpace(code: number): boolean {
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f
    || code === 0x205f || code === 0x3000 || code === 0x0b || code === 0x0c || code === 0x85;
}

/**
 * Invisible characters dropped from the text. ZWNJ and ZWJ are kept: they change how
 * Persian and Arabic words and emoji sequences render, so dropping them would alter words.
 */
function isInvisible(code: number): boolean {
  return code === 0x200b || code === 0x2060 || code === 0xfeff || code === 0xad || code === 0x200e || code === 0x200f;
}

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Tries to read a mis-decoded UTF-8 sequence starting at `i`. Returns the repaired
 * character and the number of source code units it replaces, or null.
 */
function readMojibake(raw: string, i: number): { char: string; length: number } | null {
  const lead = byteOf(raw.charCodeAt(i));
  let need: number;
  let value: number;
  if (lead >= 0xc2 && lead <= 0xdf) { need = 1; value = lead & 0x1f; }
  else if (lead >= 0xe0 && lead <= 0xef) { need = 2; value = lead & 0x0f; }
  else if (lead >= 0xf0 && lead <= 0xf4) { need = 3; value = lead & 0x07; }
  else return null;
  let j = i + 1;
  for (let k = 0; k < need; k++, j++) {
    if (j >= raw.length || !isContinuation(raw.charCodeAt(j))) {
      // "â€" with its last byte lost (0x9D has no Windows-1252 character): a closing ”.
      if (lead === 0xe2 && k === 1 && raw.charCodeAt(i + 1) === 0x20ac) return { char: '\u201d', length: 2 };
      return null;
    }
    value = (value << 6) | (byteOf(raw.charCodeAt(j)) & 0x3f);
  }
  // Reject overlong forms and surrogates: they are not what any encoder wrote.
  if ((need === 1 && value < 0x80) || (need === 2 && (value < 0x800 || (value >= 0xd800 && value <= 0xdfff)))
    || (need === 3 && (value < 0x10000 || value > 0x10ffff))) return null;
  return { char: String.fromCodePoint(value), length: j - i };
}

/**
 * Cleans one part. `offset` is where the part will start in the final text; repairs are
 * pushed with final-text offsets. Leading and trailing whitespace is trimmed.
 */
export function cleanPart(raw: string, offset: number, repairs: Repair[]): string {
  // Almost every part holds no candidate at all (about one in ten articles has one): one
  // native search says so, and the part is only trimmed. The rare repairs live in
  // `cleanCandidates`, so this function stays small and its rare branches never
  // deoptimize it.
  CANDIDATES.lastIndex = 0;
  if (!CANDIDATES.test(raw)) return trimmed(raw);
  return cleanCandidates(raw, offset, repairs);
}

/** `text` without leading and trailing spaces, tabs and line breaks. */
function trimmed(text: string): string {
  let lead = 0;
  while (lead < text.length && isTrimmable(text.charCodeAt(lead))) lead++;
  let tail = text.length;
  while (tail > lead && isTrimmable(text.charCodeAt(tail - 1))) tail--;
  return lead === 0 && tail === text.length ? text : text.slice(lead, tail);
}

/** `cleanPart` for a part holding at least one candidate character. */
function cleanCandidates(raw: string, offset: number, repairs: Repair[]): string {
  let out = '';
  let copied = 0;
  const local: Repair[] = [];
  // A single-character-class search (native, no backtracking) jumps between the few
  // characters that can need cleaning; plain text is never walked in JavaScript.
  CANDIDATES.lastIndex = 0;
  for (let match = CANDIDATES.exec(raw); match !== null; match = CANDIDATES.exec(raw)) {
    const i = match.index;
    if (i < copied) continue;
    const code = raw.charCodeAt(i);
    let replacement: string | null = null;
    let length = 1;
    let kind = '';
    let note = '';
    if (code === 0x0d) {
      replacement = raw.charCodeAt(i + 1) === 0x0a ? '' : '\n';
      kind = 'whitespace';
      note = 'carriage return read as a line break';
    } else if (isOddSpace(code)) {
      replacement = ' ';
      kind = 'whitespace';
      note = `${hex(code)} read as a space`;
    } else if (isInvisible(code)) {
      replacement = '';
      kind = 'whitespace';
      note = `invisible ${hex(code)} dropped`;
    } else if (code >= 0xc2) {
      const found = readMojibake(raw, i);
      if (found) {
        replacement = isOddSpace(found.char.charCodeAt(0)) ? ' ' : found.char;
        length = found.length;
        kind = 'mojibake';
        note = `"${raw.slice(i, i + length)}" read as "${found.char}" (UTF-8 decoded as Windows-1252)`;
      }
    }
    if (replacement === null) continue;
    out += raw.slice(copied, i);
    const at = out.length;
    out += replacement;
    // A carriage return before a line feed is dropped silently: it is a line ending, not damage.
    if (!(code === 0x0d && replacement === '')) local.push({ kind, start: at, end: at + replacement.length, note });
    copied = i + length;
    CANDIDATES.lastIndex = copied;
  }
  const cleaned = copied === 0 ? raw : out + raw.slice(copied);
  let lead = 0;
  while (lead < cleaned.length && isTrimmable(cleaned.charCodeAt(lead))) lead++;
  let tail = cleaned.length;
  while (tail > lead && isTrimmable(cleaned.charCodeAt(tail - 1))) tail--;
  for (const repair of local) {
    // Repairs inside trimmed whitespace vanish with it.
    if (repair.end <= lead && repair.start < lead) continue;
    if (repair.start >= tail && repair.end > tail) continue;
    const start = Math.min(Math.max(repair.start - lead, 0), tail - lead);
    const end = Math.min(Math.max(repair.end - lead, start), tail - lead);
    repairs.push({ kind: repair.kind, start: offset + start, end: offset + end, note: repair.note });
  }
  return lead === 0 && tail === cleaned.length ? cleaned : cleaned.slice(lead, tail);
}

function isTrimmable(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
