/**
 * Runs the analysis over a stream of inputs and yields one output line per input record,
 * in input order, whatever the number of worker threads.
 *
 * Inputs are read lazily (JSONL, CSV and directories stream), grouped into batches, and
 * handed to a piscina pool; at most a few batches per worker are in flight, and results
 * come back as JSONL bytes, so memory stays flat however large the corpus. JSONL lines
 * reach the workers as undecoded bytes, so this thread only finds line breaks and keeps
 * order, and decoding and parsing spread over the cores with the analysis.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Article } from '../input/article.js';
import { toJsonlLineBatch, type JsonlLineBatch, type JsonlLineItem } from '../input/jsonl-line.js';
import { readInputItems, type InputItem, type ReadOptions } from '../input/read-inputs.js';
import { loadLexicons } from '../lexicon/load.js';
import type { AnalysisRecord, OutputRecord } from '../schema/record.js';
import { analyzeBatch, analyzeJsonlLines, decodeLines, encodeLines, type BatchResultLine, type EncodedBatch } from './analyze-batch.js';
import { createArticleAnalyzer } from './analyze-article.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface RunProgress {
  readonly done: number;
  readonly failed: number;
  /** Characters of article text handed to the analysers so far (bytes, for JSONL lines parsed in workers). */
  readonly textChars: number;
}

export interface AnalysisRunOptions extends ReadOptions {
  /** User lexicon and registry files layered over the bundled ones. */
  readonly lexiconFiles?: readonly string[];
  /** Worker threads (default: `defaultWorkersFor` the inputs; 1 analyses in this thread). */
  readonly workers?: number;
  /** `i/n`: keep only the records whose position in the input, modulo n, is i. */
  readonly shard?: Shard;
  /** Skip this many (selected) records: they are already in the output (`--resume`). */
  readonly skip?: number;
  /** Called after each batch is written out. */
  readonly onProgress?: (progress: RunProgress) => void;
}

/**
 * Records per batch, and text per batch: large enough to amortise messaging (about 10 ms of
 * work per batch), small enough that a batch's articles die young in the worker. With 64
 * records they outlived several young-generation collections and were promoted, and the
 * old generation, under its limit, was collected twice as often (79 full collections on the
 * corpus against 28 with 16 records); the process's peak RSS also fell by 70 MB.
 */
const BATCH_RECORDS = 16;
const BATCH_CHARS = 128 * 1024;
const IN_FLIGHT_PER_WORKER = 3;

/**
 * Heap limits per worker thread. V8 sizes a heap for speed and lets it grow to several
 * times what is alive before collecting; a worker keeps only the compiled lexicons and
 * one batch alive (about 20 MB), so the old-generation limit keeps the process well under
 * 400 MB on a corpus of any size. The young generation keeps V8's default size (48 MB):
 * at 24 MB the workers collected it twice as often, for 8% more CPU. Articles too long
 * for these limits never go to a worker (`WORKER_MAX_ARTICLE_CHARS`).
 */
const WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 48 };

/**
 * Articles longer than this (characters of text) are analysed in this thread, whose heap
 * is not limited, and never sent to a worker. A worker that reaches its heap limit is
 * meant to be stopped alone, but Node does not promise it (nodejs/node#47224): over a 12 MB
 * article the whole process aborted with "Reached heap limit" in 2 runs of 8. Measured in
 * a worker with the limits above: text dense with quotations ran out of memory at 2 million
 * characters, plain prose at 4 million; the longest of the 10,700 corpus articles has 77,000.
 */
export const WORKER_MAX_ARTICLE_CHARS = 256 * 1024;

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/**
 * What a thread costs before it analyses at full speed, in bytes of input that take as
 * long. Every thread, this one included, starts (imports, lexicons: about 0.35 s) and runs
 * its first articles in code not yet compiled (about 0.3 s more): `WORKER_START_BYTES`.
 * V8 also compiles the hot code again in every thread (about 2.5 CPU-seconds, measured with
 * --trace-opt): `WORKER_COMPILE_BYTES`. For this thread the compiling runs on a spare
 * core; with a worker on every core it takes a core from the analysis.
 *
 * Calibrated on 2 cores, where the streaming run takes about 0.15 CPU-seconds a megabyte
 * of JSONL: 2 workers were slower than 1 thread below about 38 MB (1,000 articles: 2.6 s
 * against 1.8–1.9 s), as fast at 38 MB, and faster beyond (68 MB: 1.17–1.27×; 680 MB: 1.7×).
 */
const WORKER_START_BYTES = 4.5e6;
const WORKER_COMPILE_BYTES = 18e6;

/**
 * The estimated time of a run, in bytes analysed one after another. In this thread: its
 * start and the input. With workers: the slower of each worker's start and share, and all
 * the CPU (the input plus every worker's start and compiling) spread over the cores.
 */
function estimatedSpan(bytes: number, workers: number, cores: number): number {
  if (workers === 1) return WORKER_START_BYTES + bytes;
  const ownShare = bytes / workers + WORKER_START_BYTES;
  const allCores = (workers * (WORKER_START_BYTES + WORKER_COMPILE_BYTES) + bytes) / cores;
  return Math.max(ownShare, allCores);
}

/** The worker count, 1 to `cores`, with the shortest estimated run over `bytes` of input. */
export function workersForBytes(bytes: number, cores: number): number {
  let best = 1;
  for (let workers = 2; workers <= cores; workers++) {
    if (estimatedSpan(bytes, workers, cores) < estimatedSpan(bytes, best, cores)) best = workers;
  }
  return best;
}

/**
 * Worker threads for a run without `--workers`: as many as pay back their start on this
 * input (`workersForBytes`), so a small file is analysed in this thread and a large one on
 * every core. When the size is unknown (standard input, a directory, a FIFO) every core
 * gets a worker, as Hadoop Streaming or a large directory needs. URLs are single articles.
 * A run over one of `shards` shards analyses that share of the input.
 */
export async function defaultWorkersFor(inputs: readonly string[], shards = 1, cores = defaultWorkerCount()): Promise<number> {
  let bytes = 0;
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) continue;
    if (input === '-') return cores;
    // A path that cannot be read becomes an error record: it adds no work.
    const info = await stat(input).catch(() => null);
    if (info === null) continue;
    if (!info.isFile()) return cores;
    bytes += info.size;
    // Enough for every core already: the other paths (a glob of many files) need no stat.
    if (workersForBytes(bytes / shards, cores) === cores) return cores;
  }
  return workersForBytes(bytes / shards, cores);
}

export function parseShard(value: string): Shard | null {
  const match = /^(\d{1,9})\/(\d{1,9})$/.exec(value.trim());
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index < count ? { index, count } : null;
}

/**
 * A handful of single-article inputs (a URL, a saved page) is analysed in this thread:
 * starting workers would cost more than it saves, and the fact-checker is waiting.
 */
function fewArticles(inputs: readonly string[]): boolean {
  return inputs.length <= 4 && inputs.every((input) => /^https?:\/\//i.test(input) || /\.(txt|text|md|html?)$/i.test(input));
}

/** The worker module, compiled; when running from TypeScript sources (tests), the built one in dist/. */
function workerUrl(): string {
  const here = new URL('./worker.js', import.meta.url);
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/pipeline/worker.js', import.meta.url).href : here.href;
}

/**
 * What goes into the output next: an error record read from the input, a batch for the
 * workers (of articles, or of JSONL lines they parse themselves), or an article too long
 * for a worker (`here`: analysed in this thread).
 */
export type Slot =
  | { readonly kind: 'error'; readonly line: BatchResultLine }
  | { readonly kind: 'articles'; readonly articles: Article[] }
  | { readonly kind: 'lines'; readonly lines: JsonlLineBatch }
  | { readonly kind: 'here'; readonly articles: Article[] };

function articleChars(article: Article): number {
  if (article.body !== null) return article.body.length;
  let chars = 0;
  for (const part of article.parts ?? []) chars += part.text.length;
  return chars;
}

/** Characters of article text a slot hands to the analysers (for the progress rate; bytes of JSON for lines). */
function slotChars(slot: Slot): number {
  if (slot.kind === 'error') return 0;
  if (slot.kind === 'lines') return slot.lines.bytes.length;
  let chars = 0;
  for (const article of slot.articles) chars += articleChars(article);
  return chars;
}

/** Selected input items, after sharding and resuming. */
async function* selectItems<T>(items: AsyncIterable<T>, options: AnalysisRunOptions): AsyncGenerator<T> {
  let position = 0;
  let toSkip = options.skip ?? 0;
  for await (const item of items) {
    const index = position++;
    if (options.shard && index % options.shard.count !== options.shard.index) continue;
    if (toSkip > 0) {
      toSkip--;
      continue;
    }
    yield item;
  }
}

/**
 * Groups items into slots: runs of articles become one batch, and runs of JSONL lines of
 * one file another; error records and articles too long for a worker pass through in
 * place, so the output keeps the input's order.
 */
export async function* groupIntoSlots(items: AsyncIterable<InputItem | JsonlLineItem>): AsyncGenerator<Slot> {
  let batch: Article[] = [];
  let lines: JsonlLineItem[] = [];
  let chars = 0;
  function* flush(): Generator<Slot> {
    if (batch.length) yield { kind: 'articles', articles: batch };
    if (lines.length) yield { kind: 'lines', lines: toJsonlLineBatch(lines) };
    batch = [];
    lines = [];
    chars = 0;
  }
  for await (const item of items) {
    if (item.kind === 'jsonl-line') {
      if (batch.length || (lines.length && lines[0]!.file !== item.file)) yield* flush();
      lines.push(item);
      chars += item.bytes.length;
      if (lines.length >= BATCH_RECORDS || chars >= BATCH_CHARS) yield* flush();
      continue;
    }
    let alone: Slot;
    const length = item.kind === 'article' ? articleChars(item.article) : 0;
    if (item.kind === 'error') {
      alone = { kind: 'error', line: { json: JSON.stringify(item.error), ok: false } };
    } else if (length > WORKER_MAX_ARTICLE_CHARS) {
      alone = { kind: 'here', articles: [item.article] };
    } else {
      if (lines.length) yield* flush();
      batch.push(item.article);
      chars += length;
      if (batch.length >= BATCH_RECORDS || chars >= BATCH_CHARS) yield* flush();
      continue;
    }
    yield* flush();
    yield alone;
  }
  yield* flush();
}

/**
 * Yields the records of each batch, in input order, as JSONL bytes with their ok flags:
 * what `framelens analyze` writes, without ever making the records strings in this thread.
 * Throws `LexiconError` before reading anything when the lexicons are broken.
 */
export async function* analyzeInputBatches(inputs: readonly string[], options: AnalysisRunOptions = {}): AsyncGenerator<EncodedBatch> {
  const lexiconFiles = [...(options.lexiconFiles ?? [])];
  // Loaded here even with workers, so a broken user lexicon fails fast with one clear error.
  const lexicons = loadLexicons({ extraFiles: lexiconFiles });
  let analyzeHere: ((article: Article) => AnalysisRecord) | null = null;
  const analyzeInThisThread = (articles: readonly Article[]): EncodedBatch => {
    analyzeHere ??= createArticleAnalyzer(lexicons);
    return analyzeBatch(analyzeHere, articles);
  };
  const analyzeLinesInThisThread = (lines: JsonlLineBatch): EncodedBatch => {
    analyzeHere ??= createArticleAnalyzer(lexicons);
    return analyzeJsonlLines(analyzeHere, lines);
  };
  const workers = fewArticles(inputs)
    ? 1
    : options.workers !== undefined ? Math.max(1, Math.floor(options.workers)) : await defaultWorkersFor(inputs, options.shard?.count ?? 1);
  // With workers, JSONL lines go to them undecoded (up to the size a worker may analyse, since
  // a line's bytes are at least its article's characters): this thread only splits lines.
  const rawJsonlUpTo = workers > 1 ? WORKER_MAX_ARTICLE_CHARS : undefined;
  const slots = groupIntoSlots(selectItems(readInputItems(inputs, options, rawJsonlUpTo), options));
  let done = 0;
  let failed = 0;
  let textChars = 0;
  const report = (batch: EncodedBatch, chars: number): void => {
    for (const ok of batch.ok) {
      done++;
      if (ok !== 1) failed++;
    }
    textChars += chars;
    options.onProgress?.({ done, failed, textChars });
  };

  if (workers === 1) {
    for await (const slot of slots) {
      // Never 'lines': without workers every JSONL line is parsed while reading.
      const batch = slot.kind === 'error' ? encodeLines([slot.line]) : slot.kind === 'lines' ? analyzeLinesInThisThread(slot.lines) : analyzeInThisThread(slot.articles);
      report(batch, slotChars(slot));
      yield batch;
    }
    return;
  }

  const pool = new Piscina({
    filename: workerUrl(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    resourceLimits: WORKER_RESOURCE_LIMITS,
    workerData: { lexiconFiles },
  });
  const inFlight: { batch: Promise<EncodedBatch>; chars: number }[] = [];
  const limit = workers * IN_FLIGHT_PER_WORKER;
  try {
    for await (const slot of slots) {
      if (slot.kind === 'error') {
        inFlight.push({ batch: Promise.resolve(encodeLines([slot.line])), chars: slotChars(slot) });
      } else if (slot.kind === 'here') {
        // Analysed now, while the workers go on with the batches in flight.
        inFlight.push({ batch: Promise.resolve(analyzeInThisThread(slot.articles)), chars: slotChars(slot) });
      } else {
        // A worker that dies (out of memory all the same, or any other crash) fails its
        // batch, not the run: the batch is analysed again here, where analyzeBatch keeps
        // one bad article from taking the others with it.
        const batch = slot.kind === 'lines'
          ? (pool.run(slot.lines) as Promise<EncodedBatch>).catch(() => analyzeLinesInThisThread(slot.lines))
          : (pool.run(slot.articles) as Promise<EncodedBatch>).catch(() => analyzeInThisThread(slot.articles));
        inFlight.push({ batch, chars: slotChars(slot) });
      }
      while (inFlight.length >= limit) {
        const next = inFlight.shift()!;
        const batch = await next.batch;
        report(batch, next.chars);
        yield batch;
      }
    }
    while (inFlight.length) {
      const next = inFlight.shift()!;
      const batch = await next.batch;
      report(batch, next.chars);
      yield batch;
    }
  } finally {
    await pool.destroy();
  }
}

/** The same run as one JSON line (without newline) per selected input record, in input order. */
export async function* analyzeInputLines(inputs: readonly string[], options: AnalysisRunOptions = {}): AsyncGenerator<BatchResultLine> {
  for await (const batch of analyzeInputBatches(inputs, options)) yield* decodeLines(batch);
}

/** The same run as parsed records, for library users and the report commands. */
export async function* analyzeInputs(inputs: readonly string[], options: AnalysisRunOptions = {}): AsyncGenerator<OutputRecord> {
  for await (const line of analyzeInputLines(inputs, options)) {
    // Produced by this run from validated types; re-validating every record would only cost time.
    yield JSON.parse(line.json) as OutputRecord;
  }
}
