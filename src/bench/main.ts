#!/usr/bin/env node
/**
 * `npm run bench`: how fast framelens reads a realistic corpus, measured in one run on the
 * same text beside two baselines (a bare regex tokenization pass and the `sentiment`
 * package), reported as ratios because absolute times drift on shared machines.
 *
 *   1. one core: framelens's full analysis in this thread (MB/s, articles/s), in CPU
 *      seconds, each chunk of articles at its fastest of several passes (`chunk-timing.ts`:
 *      the machine's slow spells last seconds and would otherwise pass for slow code)
 *   2. baselines on the same text, timed the same way and taking turns with framelens
 *   3. workers: the CLI's streaming pipeline with 1 and N worker threads (speed-up,
 *      including each thread's start-up)
 *   4. scale: the corpus repeated ten times, streamed with 1 and N workers (steady-state
 *      speed-up, and peak RSS against the 400 MB budget), and as N separate 1-worker runs
 *      at once: what N cores of this machine do together, the ceiling for the speed-up
 *
 * Corpus: ../shared/data/article-bias-prediction/articles-dev.jsonl (or
 * $FRAMELENS_SHARED). `--quick` uses the first 2,000 articles and skips step 4.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { tmpdir, availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import { articleFromFields, type Article } from '../input/article.js';
import { loadLexicons } from '../lexicon/load.js';
import { createArticleAnalyzer } from '../pipeline/analyze-article.js';
import { fastestChunkSum, splitIntoChunks, timeChunkedPasses, type ChunkedPasses, type PassTime } from './chunk-timing.js';

interface CorpusArticle {
  readonly id: string;
  readonly text: string;
}

const MB = 1e6;

/**
 * Reads the corpus articles and copies their JSONL lines to `copyPath` for the streaming
 * runs. The lines are not kept: holding a second copy of the corpus (the lines carry the
 * text twice, with other fields) in this process made the single-core measurement pay for
 * marking a heap three times larger than framelens needs.
 */
async function readCorpus(path: string, limit: number, copyPath: string): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = [];
  const copy = createWriteStream(copyPath);
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { ID?: string; content_original?: string };
    if (typeof row.content_original !== 'string' || !row.content_original.trim()) continue;
    articles.push({ id: row.ID ?? String(articles.length), text: row.content_original });
    if (!copy.write(`${line}\n`)) await once(copy, 'drain');
    if (articles.length >= limit) break;
  }
  copy.end();
  await once(copy, 'finish');
  return articles;
}

function toArticle(item: CorpusArticle): Article {
  return articleFromFields({ id: item.id, source: `bench:${item.id}`, body: item.text });
}

function textBytes(articles: readonly CorpusArticle[]): number {
  let bytes = 0;
  for (const article of articles) bytes += Buffer.byteLength(article.text, 'utf8');
  return bytes;
}

/** CPU seconds of V8's background threads in a pass (the process's less this thread's), or null. */
function backgroundSeconds(pass: PassTime): number | null {
  return pass.threadSeconds === null ? null : Math.max(0, pass.processSeconds - pass.threadSeconds);
}

function cliPath(): string {
  return fileURLToPath(new URL('./stream-run.js', import.meta.url));
}

interface StreamRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly records: number;
  readonly maxRssMb: number;
  /** CPU seconds of the main thread alone (reading, parsing, handing out batches); null off Linux. */
  readonly mainThreadCpuSeconds: number | null;
}

/** Runs the streaming pipeline in a fresh process so its peak RSS is its own. */
function streamRun(file: string, workers: number): Promise<StreamRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [cliPath(), file, String(workers)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => {
      if (status === 0) resolveRun(JSON.parse(stdout) as StreamRun);
      else reject(new Error(`stream run failed: ${stderr}`));
    });
  });
}

function row(label: string, value: string, note = ''): string {
  return `${label.padEnd(44)} ${value.padStart(14)}  ${note}`;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const sharedDir = resolve(process.env.FRAMELENS_SHARED ?? resolve(process.cwd(), '..', 'shared'));
  const corpusPath = join(sharedDir, 'data', 'article-bias-prediction', 'articles-dev.jsonl');
  if (!existsSync(corpusPath)) {
    process.stderr.write(`bench: ${corpusPath} not found; set FRAMELENS_SHARED to the folder holding data/\n`);
    process.exitCode = 2;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'framelens-bench-'));
  try {
    await benchInDir(dir, corpusPath, quick);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchInDir(dir: string, corpusPath: string, quick: boolean): Promise<void> {
  const corpusFile = join(dir, 'corpus.jsonl');
  const corpus = await readCorpus(corpusPath, quick ? 2000 : Infinity, corpusFile);
  const bytes = textBytes(corpus);
  const cores = availableParallelism();
  process.stdout.write(`single-thread rates are per CPU-second, each ${CHUNK_ARTICLES}-article chunk at its fastest of ${PASSES} passes, framelens and the baselines taking turns (robust to a busy machine's slow spells); streaming rates are wall-clock\n`);
  process.stdout.write(`framelens bench: ${corpus.length} articles, ${(bytes / MB).toFixed(1)} MB of text, ${cores} cores, node ${process.version}\n\n`);
  benchOneCore(corpus, bytes);
  await benchStreaming(dir, corpusFile, bytes, cores, quick);
}

/** Articles per timed chunk: about a tenth of a second of framelens's analysis. */
const CHUNK_ARTICLES = 200;
/** Passes over the corpus; each chunk counts at its fastest (see `chunk-timing.ts`). */
const PASSES = 4;

/** 1 and 2: framelens in this thread, and the two baselines on the same text, taking turns chunk by chunk. */
function benchOneCore(corpus: readonly CorpusArticle[], bytes: number): void {
  const articles = corpus.map(toArticle);
  const analyze = createArticleAnalyzer(loadLexicons());
  for (const article of articles.slice(0, 300)) analyze(article);
  const articleChunks = splitIntoChunks(articles, CHUNK_ARTICLES);
  const textChunks = splitIntoChunks(corpus, CHUNK_ARTICLES);
  const tokenPattern = /\w+|[^\w\s]/g;
  const sentiment = new Sentiment();
  let findings = 0;
  let tokens = 0;
  const [framelens, bare, sentimentAlone] = timeChunkedPasses(articleChunks.length, PASSES, [
    (c) => {
      for (const article of articleChunks[c] as Article[]) findings += analyze(article).findings.length;
    },
    (c) => {
      for (const article of textChunks[c] as CorpusArticle[]) for (const _ of article.text.matchAll(tokenPattern)) tokens++;
    },
    (c) => {
      for (const article of textChunks[c] as CorpusArticle[]) sentiment.analyze(article.text);
    },
  ]) as [ChunkedPasses, ChunkedPasses, ChunkedPasses];
  const framelensSeconds = fastestChunkSum(framelens.chunkSeconds);
  const framelensMbps = bytes / MB / framelensSeconds;
  const wholePasses = framelens.passes.map((pass) => (bytes / MB / pass.processSeconds).toFixed(1)).join(', ');
  const tokenSeconds = fastestChunkSum(bare.chunkSeconds);
  const sentimentSeconds = fastestChunkSum(sentimentAlone.chunkSeconds);

  process.stdout.write(`${row('framelens, full analysis, 1 core', `${framelensMbps.toFixed(1)} MB/s`, `${(corpus.length / framelensSeconds).toFixed(0)} articles/s, ${findings / PASSES} findings; whole passes ${wholePasses} MB/s`)}\n`);
  process.stdout.write(`${row('bare regex tokenization pass', `${(bytes / MB / tokenSeconds).toFixed(1)} MB/s`, `framelens = ${(tokenSeconds / framelensSeconds).toFixed(3)} × bare pass`)}\n`);
  process.stdout.write(`${row('sentiment package alone', `${(bytes / MB / sentimentSeconds).toFixed(1)} MB/s`, `framelens = ${(sentimentSeconds / framelensSeconds).toFixed(2)} × sentiment`)}\n`);
  const first = framelens.passes[0] as PassTime;
  const last = framelens.passes[framelens.passes.length - 1] as PassTime;
  const [firstBackground, lastBackground] = [backgroundSeconds(first), backgroundSeconds(last)];
  if (firstBackground != null && lastBackground != null) {
    // V8 compiles the hot code per thread: each worker of the streaming runs pays the first
    // pass's share again, which is why one corpus gains less from workers than ten do.
    process.stdout.write(`${row('V8 background threads (JIT, GC)', `${firstBackground.toFixed(2)} CPU-s`, `in the first pass (${((100 * firstBackground) / first.processSeconds).toFixed(0)}% of its CPU), ${lastBackground.toFixed(2)} CPU-s in the last: V8 compiles per thread, so each worker pays it again`)}\n`);
  }
  process.stdout.write(`${row('in-process peak RSS so far', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)}\n\n`);
}

/** 3 and 4: the streaming pipeline, as `framelens analyze` runs it, over `corpusFile`. */
async function benchStreaming(dir: string, corpusFile: string, bytes: number, cores: number, quick: boolean): Promise<void> {
  const single = await streamRun(corpusFile, 1);
  const parallel = await streamRun(corpusFile, cores);
  const coresUsed = (run: StreamRun): string => `${(run.cpuSeconds / run.seconds).toFixed(2)} cores busy`;
  // Text per CPU-second of the whole process: equal for 1 and N workers when the pool
  // adds no overhead, whatever the machine's cores leave for the speed-up.
  const perCpu = (mb: number, run: StreamRun): string => `${(mb / run.cpuSeconds).toFixed(1)} MB per CPU-second`;
  // With workers, the main thread only reads, splits JSONL lines and hands out batches:
  // its share is what the pool costs beyond the analysis itself.
  const mainShare = (run: StreamRun): string =>
    run.mainThreadCpuSeconds === null ? '' : `, main thread ${run.mainThreadCpuSeconds.toFixed(1)} of ${run.cpuSeconds.toFixed(1)} CPU-s`;
  process.stdout.write(`${row('streaming JSONL, 1 worker', `${(bytes / MB / single.seconds).toFixed(1)} MB/s`, `${single.records} records, ${coresUsed(single)}, peak RSS ${single.maxRssMb.toFixed(0)} MB`)}\n`);
  process.stdout.write(`${row(`streaming JSONL, ${cores} workers`, `${(bytes / MB / parallel.seconds).toFixed(1)} MB/s`, `speed-up ${(single.seconds / parallel.seconds).toFixed(2)}× on ${cores} cores, ${coresUsed(parallel)}${mainShare(parallel)}, peak RSS ${parallel.maxRssMb.toFixed(0)} MB`)}\n`);
  if (!quick) {
    const tenfold = join(dir, 'corpus-x10.jsonl');
    for (let copy = 0; copy < 10; copy++) await pipeline(createReadStream(corpusFile), createWriteStream(tenfold, { flags: 'a' }));
    // At ten times the corpus each thread's start (compiling the lexicons, V8 compiling
    // the hot code, once per worker) is paid back: this is the steady-state speed-up.
    const largeSingle = await streamRun(tenfold, 1);
    const large = await streamRun(tenfold, cores);
    // What the machine itself allows: as many independent one-worker runs as cores, at
    // once. Their rates add up to less than cores × one run's when the cores share
    // hardware (hyperthreads, caches, memory bandwidth); no pool can beat that sum.
    const together = await Promise.all(Array.from({ length: cores }, () => streamRun(tenfold, 1)));
    const ceiling = together.reduce((sum, run) => sum + largeSingle.seconds / run.seconds, 0);
    const verdict = large.maxRssMb < 400 ? 'under the 400 MB budget' : 'OVER the 400 MB budget';
    const tenfoldMb = (bytes * 10) / MB;
    process.stdout.write(`${row(`corpus ×10 (${tenfoldMb.toFixed(0)} MB), 1 worker`, `${(tenfoldMb / largeSingle.seconds).toFixed(1)} MB/s`, `${largeSingle.records} records, ${coresUsed(largeSingle)}, ${perCpu(tenfoldMb, largeSingle)}, peak RSS ${largeSingle.maxRssMb.toFixed(0)} MB`)}\n`);
    process.stdout.write(`${row(`corpus ×10 (${tenfoldMb.toFixed(0)} MB), ${cores} workers`, `${(tenfoldMb / large.seconds).toFixed(1)} MB/s`, `speed-up ${(largeSingle.seconds / large.seconds).toFixed(2)}×, ${coresUsed(large)}, ${perCpu(tenfoldMb, large)} (${((100 * largeSingle.cpuSeconds) / large.cpuSeconds).toFixed(0)}% of 1 worker's)${mainShare(large)}, ${large.records} records, peak RSS ${large.maxRssMb.toFixed(0)} MB (${verdict})`)}\n`);
    process.stdout.write(`${row(`corpus ×10, ${cores} separate 1-worker runs`, `${((tenfoldMb / largeSingle.seconds) * ceiling).toFixed(1)} MB/s`, `together ${ceiling.toFixed(2)}× one run alone: the machine's ceiling for ${cores} workers, of which the pool reaches ${((100 * largeSingle.seconds) / large.seconds / ceiling).toFixed(0)}% (each ${together.map((run) => (tenfoldMb / run.seconds).toFixed(1)).join(', ')} MB/s)`)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
