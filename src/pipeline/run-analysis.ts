/**
 * Runs the analysis over a stream of inputs and yields one output line per input record,
 * in input order, whatever the number of worker threads.
 *
 * Inputs are read lazily (JSONL, CSV and directories stream), grouped into batches, and
 * handed to a piscina pool; at most a few batches per worker are in flight, so memory
 * stays flat however large the corpus.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Article } from '../input/article.js';
import { readInputs, type InputItem, type ReadOptions } from '../input/read-inputs.js';
import { loadLexicons } from '../lexicon/load.js';
import type { OutputRecord } from '../schema/record.js';
import { analyzeBatch, type BatchResultLine } from './analyze-batch.js';
import { createArticleAnalyzer } from './analyze-article.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export interface RunProgress {
  readonly done: number;
  readonly failed: number;
  /** Characters of article text handed to the analysers so far. */
  readonly textChars: number;
}

export interface AnalysisRunOptions extends ReadOptions {
  /** User lexicon and registry files layered over the bundled ones. */
  readonly lexiconFiles?: readonly string[];
  /** Worker threads (default: the number of cores; 1 analyses in this thread). */
  readonly workers?: number;
  /** `i/n`: keep only the records whose position in the input, modulo n, is i. */
  readonly shard?: Shard;
  /** Skip this many (selected) records: they are already in the output (`--resume`). */
  readonly skip?: number;
  /** Called after each batch is written out. */
  readonly onProgress?: (progress: RunProgress) => void;
}

/** Records per batch, and text per batch: large enough to amortise messaging, small enough to keep order cheap. */
const BATCH_RECORDS = 64;
const BATCH_CHARS = 512 * 1024;
const IN_FLIGHT_PER_WORKER = 3;

export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
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

type Slot = { readonly kind: 'error'; readonly line: BatchResultLine } | { readonly kind: 'articles'; readonly articles: Article[] };

function articleChars(article: Article): number {
  if (article.body !== null) return article.body.length;
  let chars = 0;
  for (const part of article.parts ?? []) chars += part.text.length;
  return chars;
}

/** Selected input items, after sharding and resuming. */
async function* selectItems(items: AsyncIterable<InputItem>, options: AnalysisRunOptions): AsyncGenerator<InputItem> {
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

/** Groups items into slots: runs of articles become one batch; error records pass through in place. */
async function* groupIntoSlots(items: AsyncIterable<InputItem>): AsyncGenerator<Slot> {
  let batch: Article[] = [];
  let chars = 0;
  for await (const item of items) {
    if (item.kind === 'error') {
      if (batch.length) {
        yield { kind: 'articles', articles: batch };
        batch = [];
        chars = 0;
      }
      yield { kind: 'error', line: { json: JSON.stringify(item.error), ok: false } };
      continue;
    }
    batch.push(item.article);
    chars += articleChars(item.article);
    if (batch.length >= BATCH_RECORDS || chars >= BATCH_CHARS) {
      yield { kind: 'articles', articles: batch };
      batch = [];
      chars = 0;
    }
  }
  if (batch.length) yield { kind: 'articles', articles: batch };
}

/**
 * Yields one JSON line (without newline) per selected input record, in input order.
 * Throws `LexiconError` before reading anything when the lexicons are broken.
 */
export async function* analyzeInputLines(inputs: readonly string[], options: AnalysisRunOptions = {}): AsyncGenerator<BatchResultLine> {
  const lexiconFiles = [...(options.lexiconFiles ?? [])];
  // Loaded here even with workers, so a broken user lexicon fails fast with one clear error.
  const lexicons = loadLexicons({ extraFiles: lexiconFiles });
  const workers = fewArticles(inputs) ? 1 : Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  const slots = groupIntoSlots(selectItems(readInputs(inputs, options), options));
  let done = 0;
  let failed = 0;
  let textChars = 0;
  const report = (lines: readonly BatchResultLine[], chars: number): void => {
    for (const line of lines) {
      done++;
      if (!line.ok) failed++;
    }
    textChars += chars;
    options.onProgress?.({ done, failed, textChars });
  };

  if (workers === 1) {
    const analyze = createArticleAnalyzer(lexicons);
    for await (const slot of slots) {
      const lines = slot.kind === 'error' ? [slot.line] : analyzeBatch(analyze, slot.articles);
      report(lines, slot.kind === 'articles' ? slot.articles.reduce((sum, a) => sum + articleChars(a), 0) : 0);
      yield* lines;
    }
    return;
  }

  const pool = new Piscina({
    filename: workerUrl(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    workerData: { lexiconFiles },
  });
  const inFlight: { lines: Promise<BatchResultLine[]>; chars: number }[] = [];
  const limit = workers * IN_FLIGHT_PER_WORKER;
  try {
    for await (const slot of slots) {
      if (slot.kind === 'error') {
        inFlight.push({ lines: Promise.resolve([slot.line]), chars: 0 });
      } else {
        const articles = slot.articles;
        const lines = (pool.run(articles) as Promise<BatchResultLine[]>).catch((error: unknown) =>
          // A worker that dies (e.g. out of memory) fails its batch, not the run.
          articles.map((article) => ({
            json: JSON.stringify({ schema: 'framelens/error@1', source: article.source, id: article.id, error: { code: 'internal', message: `worker failed: ${error instanceof Error ? error.message : String(error)}` } }),
            ok: false,
          })),
        );
        inFlight.push({ lines, chars: articles.reduce((sum, a) => sum + articleChars(a), 0) });
      }
      while (inFlight.length >= limit) {
        const next = inFlight.shift()!;
        const lines = await next.lines;
        report(lines, next.chars);
        yield* lines;
      }
    }
    while (inFlight.length) {
      const next = inFlight.shift()!;
      const lines = await next.lines;
      report(lines, next.chars);
      yield* lines;
    }
  } finally {
    await pool.destroy();
  }
}

/** The same run as parsed records, for library users and the report commands. */
export async function* analyzeInputs(inputs: readonly string[], options: AnalysisRunOptions = {}): AsyncGenerator<OutputRecord> {
  for await (const line of analyzeInputLines(inputs, options)) {
    // Produced by this run from validated types; re-validating every record would only cost time.
    yield JSON.parse(line.json) as OutputRecord;
  }
}
