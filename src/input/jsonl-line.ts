/**
 * One JSONL line → one input item (an article or an error record), wherever the line is
 * parsed: in the reading thread, or in the worker thread that analyses it. Workers are
 * handed the lines as UTF-8 bytes (`JsonlLineBatch`), so decoding and parsing, not only
 * the analysis, spread over the cores, and the reading thread only finds line breaks.
 */
import type { InputRepair } from './decode.js';
import { formatBytes, inputError, type InputItem } from './input-error.js';
import type { Line } from './read-lines.js';
import { recordToArticle, type ColumnMap } from './record-to-article.js';

/** What every line of one JSONL file or stream shares. Plain data: it travels to workers. */
export interface JsonlFile {
  /** Shown in `source` (`name:line`). */
  readonly name: string;
  /** Base of derived ids (`base:line`). */
  readonly base: string;
  /** How the stream was decoded (a byte order mark removed, say), recorded on every article. */
  readonly repairs: readonly InputRepair[];
  readonly columns?: ColumnMap | undefined;
  readonly maxArticleBytes?: number | undefined;
}

/** A non-blank JSONL line left as UTF-8 bytes, for a worker to decode and parse. */
export interface JsonlLineItem {
  readonly kind: 'jsonl-line';
  readonly file: JsonlFile;
  /** 1-based physical line number. */
  readonly number: number;
  readonly bytes: Uint8Array;
}

/** Consecutive lines of one file, their bytes end to end. */
export interface JsonlLineBatch {
  readonly file: JsonlFile;
  readonly numbers: readonly number[];
  /** Where each line's bytes end in `bytes` (the next one starts there). */
  readonly ends: readonly number[];
  readonly bytes: Uint8Array;
}

/** The item of a line's text: an article, or why it is not one. Never null: blank lines are the caller's to skip. */
export function parseJsonlLine(text: string, number: number, file: JsonlFile): InputItem {
  const source = `${file.name}:${number}`;
  const derivedId = `${file.base}:${number}`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 160) : String(error);
    return inputError(source, derivedId, 'invalid-json', `Line ${number} of ${file.name} is not valid JSON (${reason}).`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return inputError(source, derivedId, 'invalid-record', `Line ${number} of ${file.name} is not a JSON object.`);
  }
  return recordToArticle(value as Record<string, unknown>, {
    source, derivedId, columns: file.columns, maxArticleBytes: file.maxArticleBytes, inputRepairs: file.repairs.slice(),
  });
}

/** The item of a decoded line, or null when the line is blank (not a record). */
export function jsonlLineItem(line: Line, file: JsonlFile): InputItem | null {
  if (line.tooLong) {
    return inputError(`${file.name}:${line.number}`, `${file.base}:${line.number}`, 'too-large', `Line ${line.number} of ${file.name} is ${formatBytes(line.length)} long, over the article limit; it was skipped.`);
  }
  const text = line.text.trim();
  return text ? parseJsonlLine(text, line.number, file) : null;
}

/**
 * Where the first byte that is not ASCII white space is, or -1 when there is none (a
 * blank line). White space here is what `String.prototype.trim` removes below 0x80.
 */
export function firstNonSpaceByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x0a) return i;
  }
  return -1;
}

/** Lines into one batch, in order; all from `file`. */
export function toJsonlLineBatch(lines: readonly JsonlLineItem[]): JsonlLineBatch {
  let total = 0;
  for (const line of lines) total += line.bytes.length;
  // A fresh buffer, not Buffer.concat: its small results share Node's pool, and the whole pool would be copied to the worker.
  const bytes = new Uint8Array(total);
  const ends: number[] = [];
  let offset = 0;
  for (const line of lines) {
    bytes.set(line.bytes, offset);
    offset += line.bytes.length;
    ends.push(offset);
  }
  return { file: (lines[0] as JsonlLineItem).file, numbers: lines.map((line) => line.number), ends, bytes };
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The item of a line given as UTF-8 bytes, or null when it is blank once decoded. Invalid
 * UTF-8 becomes U+FFFD here exactly as in a decoded stream: no sequence crosses a line break.
 */
export function parseJsonlBytes(bytes: Uint8Array, number: number, file: JsonlFile): InputItem | null {
  const text = utf8.decode(bytes).trim();
  return text ? parseJsonlLine(text, number, file) : null;
}

/** A batch's items, one per line, in order: what the reading thread would have made of the same lines. */
export function jsonlBatchItems(batch: JsonlLineBatch): InputItem[] {
  const items: InputItem[] = [];
  let start = 0;
  for (let i = 0; i < batch.numbers.length; i++) {
    const end = batch.ends[i] as number;
    // Never null: only lines that are not blank are batched.
    const item = parseJsonlBytes(batch.bytes.subarray(start, end), batch.numbers[i] as number, batch.file);
    if (item) items.push(item);
    start = end;
  }
  return items;
}
