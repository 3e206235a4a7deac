import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultWorkersFor, workersForBytes } from '../../src/pipeline/run-analysis.js';

const MB = 1e6;

describe('workersForBytes', () => {
  it('keeps a small corpus in this thread, where a worker would not repay its start', () => {
    expect(workersForBytes(6 * MB, 2)).toBe(1);
    expect(workersForBytes(30 * MB, 2)).toBe(1);
  });

  it('uses both cores of a 2-core machine on a corpus of 68 MB and more', () => {
    expect(workersForBytes(68 * MB, 2)).toBe(2);
    expect(workersForBytes(680 * MB, 2)).toBe(2);
  });

  it('uses every core on a large corpus, and some where compiling can run on spare cores', () => {
    expect(workersForBytes(2000 * MB, 8)).toBe(8);
    const medium = workersForBytes(20 * MB, 8);
    expect(medium).toBeGreaterThan(1);
    expect(medium).toBeLessThan(8);
  });

  it('is between 1 and the cores, and never falls as the input grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 64 }), (a, b, cores) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const fewer = workersForBytes(small * MB, cores);
        const more = workersForBytes(large * MB, cores);
        expect(fewer).toBeGreaterThanOrEqual(1);
        expect(more).toBeLessThanOrEqual(cores);
        expect(more).toBeGreaterThanOrEqual(fewer);
      }),
    );
  });
});

describe('defaultWorkersFor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-workers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const small = join(dir, 'small.jsonl');
  writeFileSync(small, '{"text":"The minister said the talks would resume."}\n');
  // Sparse: the size is what counts, not the bytes written.
  const large = join(dir, 'large.jsonl');
  writeFileSync(large, '');
  truncateSync(large, 200 * MB);

  it('analyses a small file in this thread', async () => {
    expect(await defaultWorkersFor([small], 1, 8)).toBe(1);
  });

  it('gives a large file every core', async () => {
    expect(await defaultWorkersFor([large], 1, 2)).toBe(2);
  });

  it('counts only the share of a sharded run', async () => {
    expect(await defaultWorkersFor([large], 100, 2)).toBe(1);
  });

  it('gives every core to inputs of unknown size: standard input and directories', async () => {
    expect(await defaultWorkersFor(['-'], 1, 4)).toBe(4);
    expect(await defaultWorkersFor([small, dir], 1, 4)).toBe(4);
  });

  it('adds nothing for URLs and unreadable paths', async () => {
    expect(await defaultWorkersFor(['https://example.org/a', join(dir, 'missing.jsonl'), small], 1, 4)).toBe(1);
  });
});
