/**
 * Turning the bytes of a file, a line or an HTTP body into text.
 *
 * Order of trust: a byte order mark (UTF-8, UTF-16LE, UTF-16BE) wins; otherwise the bytes
 * must be valid UTF-8; otherwise they are read as Windows-1252, the usual encoding of
 * English pages saved on Windows. Each choice other than plain UTF-8 is recorded as an
 * input repair so a user can see how the text was read.
 *
 * Windows-1252 is decoded by hand: Node 20's `TextDecoder('windows-1252')` decodes as
 * ISO-8859-1 and leaves 0x80–0x9F as C1 control characters (curly quotes come out as
 * U+0093/U+0094), which is exactly the range that matters for news text.
 */

import { TextDecoder } from 'node:util';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface InputRepair {
  readonly kind: string;
  readonly note: string;
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly repairs: InputRepair[];
}

/** Windows-1252 code points for bytes 0x80–0x9F (0 where the byte is undefined). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes; undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the same code point, as browsers do. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(bytes.length, offset + CHUNK);
    const codes = new Array<number>(end - offset);
    for (let i = offset; i < end; i++) {
      const byte = bytes[i] as number;
      codes[i - offset] = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] || byte : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Which byte order mark the bytes start with, if any. */
export function detectBom(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** True when the bytes hold a NUL byte and no UTF-16 byte order mark: a binary file, not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = detectBom(bytes);
  if (bom && bom.encoding !== 'utf-8') return false;
  return bytes.indexOf(0) !== -1;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a whole buffer. `fallback` names the encoding to use when the bytes are not
 * valid UTF-8 (an HTTP charset, say); without it, Windows-1252.
 */
export function decodeBytes(bytes: Uint8Array, options: { fallback?: string } = {}): DecodedText {
  const repairs: InputRepair[] = [];
  const bom = detectBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') {
      repairs.push({ kind: 'encoding', note: 'UTF-8 byte order mark removed' });
      return { text: decodeUtf8OrFallback(body, repairs), encoding: 'utf-8', repairs };
    }
    repairs.push({ kind: 'encoding', note: `decoded as ${bom.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} (byte order mark)` });
    return { text: new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(body), encoding: bom.encoding, repairs };
  }
  const fallback = options.fallback?.toLowerCase();
  if (fallback && fallback !== 'utf-8' && fallback !== 'utf8' && !isWindows1252Label(fallback)) {
    try {
      const text = new TextDecoder(fallback).decode(bytes);
      repairs.push({ kind: 'encoding', note: `decoded as ${fallback} (declared charset)` });
      return { text, encoding: 'utf-8', repairs };
    } catch {
      // An unknown charset label: fall through to UTF-8 / Windows-1252.
    }
  }
  const text = decodeUtf8OrFallback(bytes, repairs);
  return { text, encoding: repairs.length ? 'windows-1252' : 'utf-8', repairs };
}

function isWindows1252Label(label: string): boolean {
  return label === 'windows-1252' || label === 'cp1252' || label === 'iso-8859-1' || label === 'latin1' || label === 'us-ascii' || label === 'ascii';
}

function decodeUtf8OrFallback(bytes: Uint8Array, repairs: InputRepair[]): string {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    repairs.push({ kind: 'encoding', note: 'not valid UTF-8; decoded as Windows-1252' });
    return decodeWindows1252(bytes);
  }
}

/**
 * CRLF and lone CR become LF. Returns the same string when there is no CR, so the common
 * case costs one `indexOf`.
 */
export function normalizeLineEndings(text: string): string {
  if (text.indexOf('\r') === -1) return text;
  return text.replace(/\r\n?/g, '\n');
}

/**
 * A streaming decoder for JSONL and CSV: the encoding is chosen from the first chunk
 * (byte order mark, then UTF-8 validity of that chunk), then every chunk is decoded with
 * it. Invalid UTF-8 later in a UTF-8 stream becomes U+FFFD rather than a failure.
 */
export class StreamTextDecoder {
  private decoder: TextDecoder | null = null;
  private cp1252 = false;
  private pendingCr = false;
  readonly repairs: InputRepair[] = [];

  decode(chunk: Uint8Array, final = false): string {
    let bytes = chunk;
    if (!this.decoder && !this.cp1252) {
      const start = streamEncoding(bytes);
      this.repairs.push(...start.repairs);
      bytes = bytes.subarray(start.bomLength);
      if (start.encoding === 'windows-1252') this.cp1252 = true;
      else this.decoder = new TextDecoder(start.encoding, { ignoreBOM: true });
    }
    const text = this.cp1252 ? decodeWindows1252(bytes) : (this.decoder as TextDecoder).decode(bytes, { stream: !final });
    return this.normalize(text, final);
  }

  /** Line endings normalised across chunk boundaries (a CR at the end of one chunk, LF at the start of the next). */
  private normalize(text: string, final: boolean): string {
    let out = text;
    if (this.pendingCr) {
      out = '\r' + out;
      this.pendingCr = false;
    }
    if (!final && out.endsWith('\r')) {
      this.pendingCr = true;
      out = out.slice(0, -1);
    }
    return normalizeLineEndings(out);
  }
}

/**
 * The encoding of a stream, judged on its first chunk: a byte order mark, else UTF-8 when
 * the chunk is valid UTF-8 (it may end mid-character), else Windows-1252. `bomLength`
 * bytes of the first chunk are the mark, not text.
 */
export function streamEncoding(first: Uint8Array): { encoding: TextEncodingName; bomLength: number; repairs: InputRepair[] } {
  const bom = detectBom(first);
  if (bom) {
    const note = bom.encoding === 'utf-8' ? 'UTF-8 byte order mark removed' : `decoded as ${bom.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} (byte order mark)`;
    return { encoding: bom.encoding, bomLength: bom.length, repairs: [{ kind: 'encoding', note }] };
  }
  if (isValidUtf8Prefix(first)) return { encoding: 'utf-8', bomLength: 0, repairs: [] };
  return { encoding: 'windows-1252', bomLength: 0, repairs: [{ kind: 'encoding', note: 'not valid UTF-8; decoded as Windows-1252' }] };
}

/** UTF-8 validity of a chunk that may end in the middle of a character. */
function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
