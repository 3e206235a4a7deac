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

/** The first chunk, then the whole stream again (first chunk included): lets the encoding be chosen before reading starts. */
export async function peek(source: AsyncIterable<Uint8Array | string>): Promise<{ first: Uint8Array | null; all: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const head = await iterator.next();
  const toBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const first = head.done ? null : toBytes(head.value);
  async function* all(): AsyncGenerator<Uint8Array> {
    if (first === null) return;
    yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBytes(next.value);
    }
  }
  return { first, all: all() };
}

/** A line of a UTF-8 stream, still as bytes (without its line break). */
export interface ByteLine {
  readonly bytes: Uint8Array;
  /** 1-based physical line number. */
  readonly number: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * A line that passed `maxChars` bytes: decoded as it arrives, to learn its length in UTF-16
 * code units (which is at most its length in bytes), and kept only while within `maxChars`.
 */
class LongLine {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private pieces: string[] = [];
  private length = 0;

  constructor(private readonly maxChars: number) {}

  add(bytes: Uint8Array): void {
    this.keep(this.decoder.decode(bytes, { stream: true }));
  }

  finish(number: number): Line {
    this.keep(this.decoder.decode());
    return this.length > this.maxChars
      ? { text: '', number, length: this.length, tooLong: true }
      : { text: this.pieces.join(''), number, length: this.length, tooLong: false };
  }

  private keep(text: string): void {
    this.length += text.length;
    if (this.length > this.maxChars) this.pieces = [];
    else this.pieces.push(text);
  }
}

/**
 * Splits a UTF-8 byte stream (byte order mark already removed) into lines without decoding
 * it, so the decoding can happen where the line is parsed: in a worker thread. The lines
 * are those `splitLines` finds in the decoded stream: LF, CRLF and a lone CR each end a
 * line (as `StreamTextDecoder` normalises them), and a line break never falls inside a
 * UTF-8 sequence, valid or not, because every byte of one is 0x80 or above.
 *
 * Lines of at most `maxChars` bytes come as `ByteLine`s. Longer ones are decoded here, as
 * they arrive, and come as a `Line`, `tooLong` when over `maxChars` characters.
 */
export async function* splitUtf8Lines(chunks: AsyncIterable<Uint8Array>, maxChars = Number.POSITIVE_INFINITY): AsyncGenerator<ByteLine | Line> {
  let pieces: Uint8Array[] = [];
  let byteLength = 0;
  let long: LongLine | null = null;
  let number = 0;
  // The last line ended in CR at the end of a chunk: a LF opening the next chunk is part of that break.
  let lfAfterCr = false;
  const add = (piece: Uint8Array): void => {
    if (piece.length === 0) return;
    if (long) {
      long.add(piece);
      return;
    }
    byteLength += piece.length;
    pieces.push(piece);
    if (byteLength > maxChars) {
      long = new LongLine(maxChars);
      for (const held of pieces) long.add(held);
      pieces = [];
    }
  };
  const finish = (): ByteLine | Line => {
    number++;
    let line: ByteLine | Line;
    if (long) line = long.finish(number);
    else if (pieces.length === 1) line = { bytes: pieces[0] as Uint8Array, number };
    else line = { bytes: Buffer.concat(pieces, byteLength), number };
    pieces = [];
    byteLength = 0;
    long = null;
    return line;
  };
  for await (const chunk of chunks) {
    let start = 0;
    if (lfAfterCr && chunk.length > 0) {
      if (chunk[0] === LF) start = 1;
      lfAfterCr = false;
    }
    // Most streams have no CR at all: then the native search for LF finds every break.
    const hasCr = chunk.indexOf(CR, start) !== -1;
    while (start < chunk.length) {
      const end = hasCr ? nextBreak(chunk, start) : chunk.indexOf(LF, start);
      if (end === -1) {
        add(chunk.subarray(start));
        break;
      }
      add(chunk.subarray(start, end));
      yield finish();
      start = end + 1;
      if (chunk[end] === CR) {
        if (start === chunk.length) lfAfterCr = true;
        else if (chunk[start] === LF) start++;
      }
    }
  }
  if (byteLength > 0 || long) yield finish();
}

function nextBreak(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte === LF || byte === CR) return i;
  }
  return -1;
}
