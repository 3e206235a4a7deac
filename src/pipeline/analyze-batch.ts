/**
 * One batch of articles → one JSON line per article (an analysis or an error record).
 * Shared by the main thread (1 worker) and the worker threads, so both produce
 * byte-identical output. Serialising in the thread that analysed keeps the main thread
 * free to read and write.
 */
import type { Article } from '../input/article.js';
import { ERROR_SCHEMA_ID, type AnalysisRecord, type ErrorRecord } from '../schema/record.js';

export interface BatchResultLine {
  /** The record as one JSON line (no newline). */
  readonly json: string;
  readonly ok: boolean;
}

/**
 * A batch's records as UTF-8 JSONL bytes, each record ending in "\n", with one flag per
 * record (1 analysis, 0 error record).
 *
 * Why bytes: the output is about four times the size of the input. Handed from the
 * workers to the main thread as strings, it was copied into the main thread's heap, which
 * then grew by over 100 MB before collecting; bytes travel outside the JS heap and go
 * straight to the output stream.
 */
export interface EncodedBatch {
  readonly bytes: Uint8Array;
  readonly ok: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The encoding buffer kept between batches, and the most of it kept after a batch of huge articles. */
const SCRATCH_BYTES = 1 << 21;
let scratch = new Uint8Array(SCRATCH_BYTES);

/**
 * Each line is encoded into one reused buffer, then the batch is copied out once: encoding
 * the lines joined into one string measured a third slower, most of it flattening that
 * string (megabytes per batch) before encoding it.
 */
export function encodeLines(lines: readonly BatchResultLine[]): EncodedBatch {
  const ok = new Uint8Array(lines.length);
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as BatchResultLine;
    // A UTF-16 code unit takes at most three bytes of UTF-8, and the newline one.
    const needed = used + 3 * line.json.length + 1;
    if (needed > scratch.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * scratch.length));
      grown.set(scratch.subarray(0, used));
      scratch = grown;
    }
    used += encoder.encodeInto(line.json, scratch.subarray(used)).written;
    scratch[used++] = 0x0a;
    ok[i] = line.ok ? 1 : 0;
  }
  const bytes = scratch.slice(0, used);
  if (scratch.length > SCRATCH_BYTES) scratch = new Uint8Array(SCRATCH_BYTES);
  return { bytes, ok };
}

/** The lines of an encoded batch, for the consumers that read records (CSV, text, reports). */
export function decodeLines(batch: EncodedBatch): BatchResultLine[] {
  const text = decoder.decode(batch.bytes);
  const lines: BatchResultLine[] = [];
  let start = 0;
  for (let i = 0; i < batch.ok.length; i++) {
    // JSON.stringify escapes line breaks, so a "\n" only ever ends a record.
    const end = text.indexOf('\n', start);
    lines.push({ json: text.slice(start, end), ok: batch.ok[i] === 1 });
    start = end + 1;
  }
  return lines;
}

export function analysisFailure(article: Pick<Article, 'source' | 'id'>, error: unknown): ErrorRecord {
  return {
    schema: ERROR_SCHEMA_ID,
    source: article.source,
    id: article.id,
    error: { code: 'internal', message: `analysis failed: ${error instanceof Error ? error.message : String(error)}` },
  };
}

export function analyzeBatch(analyze: (article: Article) => AnalysisRecord, articles: readonly Article[]): BatchResultLine[] {
  return articles.map((article) => {
    try {
      return { json: JSON.stringify(analyze(article)), ok: true };
    } catch (error) {
      // One bad article never takes the others down with it.
      return { json: JSON.stringify(analysisFailure(article, error)), ok: false };
    }
  });
}
