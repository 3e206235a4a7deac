/**
 * Timing passes over a corpus chunk by chunk, so that a slow spell of the machine does not
 * pass for slow code.
 *
 * Why: the machines here are shared, and their speed changes for seconds at a time. A fixed
 * regex loop timed between passes took 30 ms, then 55–67 ms for several seconds, then 30
 * ms again, with nothing else running in the guest; whole passes over the same articles
 * measured 9.5 and 5 MB/s in one process, and the bare regex pass alone 58 to 116 MB/s
 * from one run to the next. A whole pass lasts seconds, so a spell inside it lowers its
 * rate, and the best of two passes is lowered whenever both meet one.
 *
 * So each chunk is timed in every pass and counts at its fastest: robust to spells shorter
 * than a pass, since a chunk only needs one pass in which the machine ran at its usual
 * speed. The works compared (framelens and its baselines) take turns chunk by chunk, so
 * every one of them is measured across the whole run, not each in a few seconds of its
 * own that one spell can cover. A chunk is a few hundred articles: its time still includes
 * the garbage collections its analysis causes.
 */
import { threadCpuSeconds } from './thread-cpu.js';

/** One work's share of a pass: CPU seconds of the whole process, and of this thread alone (null off Linux). */
export interface PassTime {
  readonly processSeconds: number;
  readonly threadSeconds: number | null;
}

/** One work's timings. */
export interface ChunkedPasses {
  /** Process CPU seconds of chunk `c` in pass `p`: `chunkSeconds[p][c]`. */
  readonly chunkSeconds: readonly (readonly number[])[];
  /** The work's share of each pass (the sum over its chunks). */
  readonly passes: readonly PassTime[];
}

/** `items` in consecutive chunks of `size` (the last may be shorter). */
export function splitIntoChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function processCpuSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

/**
 * `passes` passes over chunks 0 … `chunkCount` − 1. In each pass every chunk is given to
 * each of `works` in turn, and each call is timed in process CPU seconds (which include
 * V8's background threads: compiling and collecting are costs the work pays) and in this
 * thread's. Returns one `ChunkedPasses` per work, in the order of `works`.
 */
export function timeChunkedPasses(chunkCount: number, passes: number, works: readonly ((chunk: number) => void)[]): ChunkedPasses[] {
  const timings = works.map(() => ({ chunkSeconds: [] as number[][], passes: [] as PassTime[] }));
  for (let p = 0; p < passes; p++) {
    // This pass's times of each work: per chunk, and summed (thread time null off Linux).
    const pass = works.map(() => ({ chunks: [] as number[], processSeconds: 0, threadSeconds: 0 as number | null }));
    for (let c = 0; c < chunkCount; c++) {
      works.forEach((work, w) => {
        const tally = pass[w] as (typeof pass)[number];
        const threadBefore = threadCpuSeconds();
        const before = processCpuSeconds();
        work(c);
        const seconds = processCpuSeconds() - before;
        const threadAfter = threadCpuSeconds();
        tally.chunks.push(seconds);
        tally.processSeconds += seconds;
        tally.threadSeconds = tally.threadSeconds === null || threadBefore === null || threadAfter === null ? null : tally.threadSeconds + (threadAfter - threadBefore);
      });
    }
    pass.forEach((tally, w) => {
      const timing = timings[w] as (typeof timings)[number];
      timing.chunkSeconds.push(tally.chunks);
      timing.passes.push({ processSeconds: tally.processSeconds, threadSeconds: tally.threadSeconds });
    });
  }
  return timings;
}

/**
 * The sum over chunks of each chunk's fastest time: what a pass costs when the machine runs
 * at its usual speed throughout. Never more than the fastest whole pass.
 */
export function fastestChunkSum(chunkSeconds: readonly (readonly number[])[]): number {
  const first = chunkSeconds[0];
  if (!first) return 0;
  let total = 0;
  for (let c = 0; c < first.length; c++) {
    let fastest = Infinity;
    for (const pass of chunkSeconds) fastest = Math.min(fastest, pass[c] ?? Infinity);
    total += fastest;
  }
  return total;
}
