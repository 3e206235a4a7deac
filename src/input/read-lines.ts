/**
 * Streaming helpers for JSONL and CSV: bytes → decoded text chunks → lines, with memory
 * bounded by the longest line we agree to keep (longer lines are counted, not stored).
 */
import { StreamTextDecoder } from './decode.js';

/** Decodes a byte stream with one encoding chosen from its first chunk (see `StreamTextDecoder`). */
export async function* decodeChunks(source: AsyncIterable<Uint8Array | string>, decoder: StreamTextDecoder): AsyncGenerator<string> {
  const encoder = new TextEncoder();
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    const text = decoder.decode(bytes);
    if (text) yield text;
  }
  const rest = decoder.decode(new Uint8Array(0), true);
  if (rest) yield rest;
}

export interface Line {
  /** The line without its newline; empty when `tooLong`. */
  readonly text: string;
  /** 1-based physical line number. */
  readonly number: number;
  /** Length in UTF-16 code units, also for lines too long to keep. */
  readonly length: number;
  readonly tooLong: boolean;
}

/** Splits text chunks into lines. Lines longer than `maxChars` are dropped while being read and reported as `tooLong`. */
export async function* splitLines(chunks: AsyncIterable<string>, maxChars = Number.POSITIVE_INFINITY): AsyncGenerator<Line> {
  let pieces: string[] = [];
  let length = 0;
  let tooLong = false;
  let number = 0;
  const finish = (last: string): Line => {
    number++;
    const total = length + last.length;
    const line: Line = tooLong || total > maxChars
      ? { text: '', number, length: total, tooLong: true }
      : { text: pieces.length ? pieces.join('') + last : last, number, length: total, tooLong: false };
    pieces = [];
    length = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', start);
      if (newline === -1) break;
      yield finish(chunk.slice(start, newline));
      start = newline + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.slice(start);
      length += rest.length;
      if (length > maxChars) {
        tooLong = true;
        pieces = [];
      } else {
        pieces.push(rest);
      }
    }
  }
  if (length > 0 || tooLong) yield finish('');
}
