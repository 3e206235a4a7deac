/**
 * Huge and pathological input at full size (`npm run test:slow`, never `npm test`).
 *
 * Linear time is checked by running each case at n and 4n: a linear pass takes about 4×
 * as long, a quadratic one 16×. The bound is a generous 10× (shared, loaded machines), and
 * a pair where the large run stays under 300 ms is too small to judge. The article bodies
 * are timed in alternating rounds (n, 4n, n, 4n, …), each size at its fastest, and a pair
 * over the bound is measured again before it fails: the machine slows down for seconds at
 * a time, and a body that fits in V8's young generation at n but not at 4n costs more per
 * character at 4n (lone surrogates, measured standalone: 19 ms at 100 K characters, 106 ms
 * at 200 K, 177 ms at 400 K, 425 ms at 800 K), so a linear case can reach about 9× once
 * in a while. A quadratic one stays over the bound however often it is measured.
 * Measurements are written to `$FRAMELENS_HARDENING_OUT` (default: the system temp folder) as
 * `framelens-hardening-limits.json`, for the closing note.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { createArticleAnalyzer } from '../../src/pipeline/analyze-article.js';
import { analyzeInputLines } from '../../src/pipeline/run-analysis.js';
import { sanitizeStem } from '../../src/report/safe-names.js';
import { ANALYSIS_SCHEMA_ID } from '../../src/schema/record.js';
import { articleFromBody, collectRecords, outputProblems, parseJsonl, runCli, tempDir } from './helpers.js';
import { pathologicalBodies } from './pathological-inputs.js';
import { adversarialInputs, findSourceRegexes } from './regex-inventory.js';

const tmp = tempDir();
const measurementsDir = process.env.FRAMELENS_HARDENING_OUT ?? tmpdir();
mkdirSync(measurementsDir, { recursive: true });
const measurementsFile = join(measurementsDir, 'framelens-hardening-limits.json');
// Written after every measurement, so a run stopped half-way still leaves its numbers.
const measurements = new Proxy<Record<string, unknown>>({}, {
  set(target, key, value) {
    target[key as string] = value;
    writeFileSync(measurementsFile, JSON.stringify(target, null, 2));
    return true;
  },
});
afterAll(() => tmp.cleanup());

const analyze = createArticleAnalyzer(loadLexicons());
const LINEAR_BOUND = 10;
const TOO_SMALL_MS = 300;

function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function bestOfAsync(runs: number, fn: () => Promise<void>): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Best times of `small` and `large`, run in alternating rounds so both meet the same spells of the machine. */
function alternatingBest(rounds: number, small: () => void, large: () => void): { smallMs: number; largeMs: number } {
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    smallMs = Math.min(smallMs, bestOf(1, small));
    largeMs = Math.min(largeMs, bestOf(1, large));
  }
  return { smallMs, largeMs };
}

/** Tries that a pair over the linear bound gets before it fails (see the file's comment). */
const LINEAR_TRIES = 3;

/** `expectLinear` on the lowest ratio of up to `LINEAR_TRIES` measurements, stopping at the first within the bound. */
function expectLinearMeasured(name: string, measure: () => { smallMs: number; largeMs: number }): void {
  let best = measure();
  for (let tries = 1; tries < LINEAR_TRIES && ratioOf(best.smallMs, best.largeMs) > LINEAR_BOUND; tries++) {
    const again = measure();
    if (ratioOf(again.smallMs, again.largeMs) < ratioOf(best.smallMs, best.largeMs)) best = again;
  }
  expectLinear(name, best.smallMs, best.largeMs);
}

function ratioOf(smallMs: number, largeMs: number): number {
  return largeMs / Math.max(smallMs, 1);
}

function expectLinear(name: string, smallMs: number, largeMs: number): void {
  const ratio = ratioOf(smallMs, largeMs);
  measurements[name] = { smallMs: Math.round(smallMs), largeMs: Math.round(largeMs), ratio: Number(ratio.toFixed(1)) };
  if (largeMs < TOO_SMALL_MS) return;
  expect(ratio, `${name}: ${smallMs.toFixed(0)} ms at n, ${largeMs.toFixed(0)} ms at 4n`).toBeLessThanOrEqual(LINEAR_BOUND);
}

/**
 * Known super-linear cases, pinned so the suite stays green until they are fixed (an
 * `it.fails` turns red the day the case becomes linear: then make it an `it`). Cases
 * whose ratio sits near the bound on a loaded machine are measured and reported only,
 * since a pinned case must fail reliably.
 */
const KNOWN_SUPERLINEAR: Record<string, string> = {};
/**
 * Cases measured but not asserted (none at present). History: before commit 3e03fe3 these
 * were super-linear at 100 KB → 400 KB: "a caption credit on every line" 19× (document
 * build, many blocks), "thousands of unbalanced opening quotation marks" 17× (loaded
 * language, findings × quotes), "header lines repeated" 11×, "one sentence with no
 * punctuation" about 9× (attribution within one long sentence), "quotation marks only"
 * (findQuotes' open-mark stack); after it, all between 2.6× and 3.8×.
 */
const MEASURED_ONLY: Record<string, string> = {};

describe('pathological bodies: 100,000 vs 400,000 characters', () => {
  for (const [name, make] of Object.entries(pathologicalBodies)) {
    const measure = (): { smallMs: number; largeMs: number } => {
      const small = make(100_000);
      const large = make(400_000);
      return alternatingBest(3, () => analyze(articleFromBody(small)), () => analyze(articleFromBody(large)));
    };
    const bug = KNOWN_SUPERLINEAR[name];
    const known = MEASURED_ONLY[name];
    if (bug) {
      it.fails(`${name} (${bug})`, () => {
        const { smallMs, largeMs } = measure();
        expectLinear(`body: ${name}`, smallMs, largeMs);
      });
    } else if (known) {
      it(`${name} (measured only: ${known})`, () => {
        const { smallMs, largeMs } = measure();
        measurements[`body: ${name}`] = { smallMs: Math.round(smallMs), largeMs: Math.round(largeMs), ratio: Number(ratioOf(smallMs, largeMs).toFixed(1)), measuredOnly: true };
      });
    } else {
      it(name, () => {
        expectLinearMeasured(`body: ${name}`, measure);
      });
    }
  }
});

describe('a 50 MB article', () => {
  it('is analysed with every finding in place (time at 12.5 MB and 50 MB measured)', () => {
    const make = pathologicalBodies['ordinary paragraphs (baseline)']!;
    const small = make(12_500_000);
    const smallMs = bestOf(1, () => analyze(articleFromBody(small)));
    const large = make(50_000_000);
    const heapBefore = process.memoryUsage().heapUsed;
    const holder: { record?: ReturnType<typeof analyze> } = {};
    const largeMs = bestOf(1, () => {
      holder.record = analyze(articleFromBody(large));
    });
    const heapAfter = process.memoryUsage().heapUsed;
    measurements['50 MB article'] = { ms: Math.round(largeMs), mbPerSecond: Number((50 / (largeMs / 1000)).toFixed(2)), heapGrowthMB: Math.round((heapAfter - heapBefore) / 1e6) };
    const r = holder.record!;
    expect(r.text.length).toBeGreaterThan(40_000_000);
    for (const finding of r.findings) expect(r.text.slice(finding.start, finding.end)).toBe(finding.text);
    // Measured, not asserted (it takes many minutes on a loaded machine, where timing is
    // noise). Before commit 3e03fe3, on a loaded 2-core machine: 110.7 s at 12.5 MB,
    // 1,170.7 s at 50 MB (10.6×, the many-blocks super-linearity), heap +1.7 GB.
    measurements['50 MB article (12.5 MB vs 50 MB)'] = { smallMs: Math.round(smallMs), largeMs: Math.round(largeMs), ratio: Number(ratioOf(smallMs, largeMs).toFixed(1)), measuredOnly: true };
  }, 3_600_000);

  it('through the CLI with the default --max-article-bytes: a clear too-large error record, quickly', async () => {
    const file = join(tmp.dir, 'fifty.txt');
    writeFileSync(file, pathologicalBodies['ordinary paragraphs (baseline)']!(50_000_000));
    const result = await runCli(['analyze', file, '-j', '1'], { timeoutMs: 120_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    const records = parseJsonl(result.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ schema: 'framelens/error@1', error: { code: 'too-large' } });
  });
});

describe('an article too large for a worker thread\'s heap', () => {
  // Worker threads run with heap limits (src/pipeline/run-analysis.ts) to keep memory
  // flat; an article of megabytes exhausts them. Its batch must then be analysed again in
  // the main thread: the same records as with one thread, nothing lost, nothing failed.
  it('12 MB of text between two small articles: analysed, in order, identical to -j 1', async () => {
    const file = join(tmp.dir, 'huge-in-jsonl.jsonl');
    const body = pathologicalBodies['ordinary paragraphs (baseline)']!(12_000_000);
    writeFileSync(file, [
      JSON.stringify({ id: 'before', title: 'A small story', text: 'Officials said the talks would resume on Monday.' }),
      JSON.stringify({ id: 'huge', title: 'A huge story', text: body }),
      JSON.stringify({ id: 'after', title: 'Another small story', text: 'The minister told reporters he was "deeply concerned".' }),
    ].join('\n') + '\n');
    const parallel = await runCli(['analyze', file, '-j', '2', '-q'], { timeoutMs: 600_000 });
    expect(parallel.signal).toBeNull();
    expect(parallel.stderr).toContain('3 records: 3 analyzed, 0 failed');
    const records = parseJsonl(parallel.stdout);
    expect(records.map((record) => [record.id, record.schema])).toEqual([
      ['before', ANALYSIS_SCHEMA_ID], ['huge', ANALYSIS_SCHEMA_ID], ['after', ANALYSIS_SCHEMA_ID],
    ]);
    const single = await runCli(['analyze', file, '-j', '1', '-q'], { timeoutMs: 600_000 });
    expect(single.stdout === parallel.stdout).toBe(true);
  }, 1_500_000);
});

describe('a one-million-line JSONL file', () => {
  function writeLines(path: string, count: number): void {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
      lines.push(i % 1000 === 999 ? '{"id": "broken", "text": ' : JSON.stringify({ id: `n${i}`, text: `Officials said on Monday that talks would resume, according to a statement. Item ${i}.` }));
    }
    writeFileSync(path, lines.join('\n') + '\n');
  }

  it('every line accounted for, memory flat, time linear (250,000 vs 1,000,000 lines)', async () => {
    const small = join(tmp.dir, 'quarter.jsonl');
    const large = join(tmp.dir, 'million.jsonl');
    writeLines(small, 250_000);
    writeLines(large, 1_000_000);
    const run = async (path: string): Promise<{ count: number; failed: number; peakHeapMB: number }> => {
      let count = 0;
      let failed = 0;
      let peak = 0;
      for await (const line of analyzeInputLines([path], { workers: 1 })) {
        count++;
        if (!line.ok) failed++;
        if (count % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
      return { count, failed, peakHeapMB: Math.round(peak / 1e6) };
    };
    let smallResult = { count: 0, failed: 0, peakHeapMB: 0 };
    let largeResult = { count: 0, failed: 0, peakHeapMB: 0 };
    const smallMs = await bestOfAsync(1, async () => {
      smallResult = await run(small);
    });
    const largeMs = await bestOfAsync(1, async () => {
      largeResult = await run(large);
    });
    measurements['1M-line JSONL'] = { ms: Math.round(largeMs), recordsPerSecond: Math.round(1_000_000 / (largeMs / 1000)), peakHeapMB: largeResult.peakHeapMB, quarterPeakHeapMB: smallResult.peakHeapMB };
    expect(smallResult).toMatchObject({ count: 250_000, failed: 250 });
    expect(largeResult).toMatchObject({ count: 1_000_000, failed: 1_000 });
    // Streaming: four times the input must not need anywhere near four times the heap.
    expect(largeResult.peakHeapMB).toBeLessThan(Math.max(2 * smallResult.peakHeapMB, 400));
    expectLinear('1M-line JSONL (250k vs 1M lines)', smallMs, largeMs);
  });
});

describe('huge and deep HTML', () => {
  async function timeHtml(name: string, html: string): Promise<number> {
    const file = join(tmp.dir, name);
    writeFileSync(file, html);
    let records: Awaited<ReturnType<typeof collectRecords>> = [];
    const ms = await bestOfAsync(2, async () => {
      records = await collectRecords([file]);
    });
    expect(records).toHaveLength(1);
    expect(outputProblems(records[0]!)).toEqual([]);
    return ms;
  }
  const page = (body: string) => `<!DOCTYPE html><html><head><title>T</title></head><body><nav><a href="/">Home</a></nav><article><h1>T</h1>${body}</article><footer>© 2025</footer></body></html>`;
  const paragraphs = (n: number) => page(Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: officials said on Monday that the talks would resume, according to a statement.</p>`).join('\n'));

  it('2,500 vs 10,000 paragraphs', async () => {
    expectLinear('HTML paragraphs (2,500 vs 10,000)', await timeHtml('p-small.html', paragraphs(2_500)), await timeHtml('p-large.html', paragraphs(10_000)));
  });

  it('2,500 vs 10,000 nested tags', async () => {
    const nested = (n: number) => page(`<p>Officials said the convoy was hit.</p>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`);
    expectLinear('HTML nested tags (2,500 vs 10,000)', await timeHtml('n-small.html', nested(2_500)), await timeHtml('n-large.html', nested(10_000)));
  });

  it('2,500 vs 10,000 unclosed nested tags', async () => {
    const unclosed = (n: number) => page(`<p>Officials said the convoy was hit.</p>${'<div><b>'.repeat(n / 2)}deep text`);
    expectLinear('HTML unclosed tags (2,500 vs 10,000)', await timeHtml('u-small.html', unclosed(2_500)), await timeHtml('u-large.html', unclosed(10_000)));
  });
});

describe('one line without spaces', () => {
  it('256 KB vs 1 MB, in a text file', async () => {
    const time = async (n: number): Promise<number> => {
      const file = join(tmp.dir, `line-${n}.txt`);
      writeFileSync(file, `Headline\n\n${'x'.repeat(n)}\n`);
      let records: Awaited<ReturnType<typeof collectRecords>> = [];
      const ms = await bestOfAsync(2, async () => {
        records = await collectRecords([file]);
      });
      expect(records[0]?.schema).toBe(ANALYSIS_SCHEMA_ID);
      return ms;
    };
    expectLinear('1 MB line without spaces (256 KB vs 1 MB)', await time(262_144), await time(1_048_576));
  });
});

describe('regular expressions in src/ scale linearly', () => {
  // Regexes that only ever see trusted, small data (evaluation datasets, the registry build
  // tool) are measured and reported but not held to the bound.
  const trusted = (where: string) => where.startsWith('src/eval/') || where.startsWith('src/tools/');
  // Pinned elsewhere with their own test (none at present).
  const pinned = (_where: string) => false;

  it('each regex on its adversarial inputs, 8,000 vs 32,000 characters', () => {
    const slow: string[] = [];
    const perRegex: Record<string, unknown> = {};
    for (const regex of findSourceRegexes().found) {
      const run = (length: number): number => {
        const re = new RegExp(regex.source, regex.flags);
        const inputs = adversarialInputs(regex.source, length);
        let worst = 0;
        for (const input of inputs) {
          const start = performance.now();
          re.lastIndex = 0;
          if (re.global || re.sticky) input.replace(re, '');
          else re.exec(input);
          worst = Math.max(worst, performance.now() - start);
        }
        return worst;
      };
      let small = run(8_000);
      let large = run(32_000);
      if (large >= 100 && large / Math.max(small, 0.5) > LINEAR_BOUND) {
        // Confirm on a second look: a garbage collection or a busy neighbour can fake one.
        small = Math.min(small, run(8_000), run(8_000));
        large = Math.min(large, run(32_000));
        const label = `${regex.where} /${regex.source}/${regex.flags}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms`;
        if (large >= 100 && large / Math.max(small, 0.5) > LINEAR_BOUND) {
          perRegex[label] = trusted(regex.where) ? 'super-linear (trusted input only)' : pinned(regex.where) ? 'super-linear (pinned)' : 'SUPER-LINEAR';
          if (!trusted(regex.where) && !pinned(regex.where)) slow.push(label);
        }
      }
    }
    measurements['regexes flagged (worst input, 8k vs 32k)'] = perRegex;
    expect(slow).toEqual([]);
  });

  it('report file names: sanitizeStem is linear in the id length', () => {
    const id = (n: number) => `x${'-'.repeat(n)}x`;
    // 8× the input: linear is about 8×, quadratic 64×; the bound is 20×.
    const smallMs = bestOf(3, () => sanitizeStem(id(10_000)));
    const largeMs = bestOf(1, () => sanitizeStem(id(80_000)));
    measurements['sanitizeStem ("x" + 10k vs 80k "-" + "x")'] = { smallMs: Math.round(smallMs), largeMs: Math.round(largeMs) };
    expect(ratioOf(smallMs, largeMs)).toBeLessThanOrEqual(20);
  });
});
