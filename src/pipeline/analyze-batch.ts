/**
 * One batch of articles → one JSON line per article (an analysis or an error record).
 * Shared by the main thread (1 worker) and the worker threads, so both produce
 * byte-identical output. Serialising in the thread that analysed keeps the main thread
 * free to read and write.
 */
import type { Article } from '../input/article.js';
import { jsonlBatchItems, type JsonlLineBatch } from '../input/jsonl-line.js';
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
 * Builds one batch's bytes, a line at a time, in a buffer reused between batches.
 *
 * Why a line at a time: a record's JSON (25 KB on average) dies as soon as it is encoded,
 * young. Kept as strings until the batch ended, the records of a batch lived through
 * several young-generation collections, were copied by each, then promoted, and the old
 * generation filled with them: in a worker, under its heap limits, that was a third of its
 * time. Encoding into the buffer also skips flattening a batch-sized string.
 */
class BatchEncoder {
  private readonly ok: Uint8Array;
  private used = 0;
  private count = 0;

  constructor(records: number) {
    this.ok = new Uint8Array(records);
  }

  add(json: string, ok: boolean): void {
    // A UTF-16 code unit takes at most three bytes of UTF-8, and the newline one.
    const needed = this.used + 3 * json.length + 1;
    if (needed > scratch.length) {
      const grown = new Uint8Array(Math.max(needed, 2 * scratch.length));
      grown.set(scratch.subarray(0, this.used));
      scratch = grown;
    }
    this.used += encoder.encodeInto(json, scratch.subarray(this.used)).written;
    scratch[this.used++] = 0x0a;
    this.ok[this.count++] = ok ? 1 : 0;
  }

  finish(): EncodedBatch {
    const bytes = scratch.slice(0, this.used);
    if (scratch.length > SCRATCH_BYTES) scratch = new Uint8Array(SCRATCH_BYTES);
    return { bytes, ok: this.ok };
  }
}

export function encodeLines(lines: readonly BatchResultLine[]): EncodedBatch {
  const batch = new BatchEncoder(lines.length);
  for (const line of lines) batch.add(line.json, line.ok);
  return batch.finish();
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

/** One article's record as JSON, or the error record that replaces it when the analysis throws. */
function analyzeOne(analyze: (article: Article) => AnalysisRecord, article: Article): { json: string; ok: boolean } {
  try {
    return { json: JSON.stringify(analyze(article)), ok: true };
  } catch (error) {
    // One bad article never takes the others down with it.
    return { json: JSON.stringify(analysisFailure(article, error)), ok: false };
  }
}

/** Analyses a batch into its JSONL bytes, each record encoded as soon as it is made. */
export function analyzeBatch(analyze: (article: Article) => AnalysisRecord, articles: readonly Article[]): EncodedBatch {
  const batch = new BatchEncoder(articles.length);
  for (const article of articles) {
    const { json, ok } = analyzeOne(analyze, article);
    batch.add(json, ok);
  }
  return batch.finish();
}

/** Parses a batch of JSONL lines and analyses its articles; a line that is no article yields its error record in place. */
export function analyzeJsonlLines(analyze: (article: Article) => AnalysisRecord, lines: JsonlLineBatch): EncodedBatch {
  const items = jsonlBatchItems(lines);
  const batch = new BatchEncoder(items.length);
  for (const item of items) {
    if (item.kind === 'error') {
      batch.add(JSON.stringify(item.error), false);
      continue;
    }
    const { json, ok } = analyzeOne(analyze, item.article);
    batch.add(json, ok);
  }
  return batch.finish();
}
