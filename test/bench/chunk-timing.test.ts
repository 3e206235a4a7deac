import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fastestChunkSum, splitIntoChunks, timeChunkedPasses } from '../../src/bench/chunk-timing.js';

describe('splitIntoChunks', () => {
  it('keeps every item, in order, in chunks of the given size with a shorter last one', () => {
    expect(splitIntoChunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(splitIntoChunks([], 3)).toEqual([]);
  });

  it('loses nothing, whatever the sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 50 }), (items, size) => {
        const chunks = splitIntoChunks(items, size);
        expect(chunks.flat()).toEqual(items);
        expect(chunks.every((chunk) => chunk.length >= 1 && chunk.length <= size)).toBe(true);
      }),
    );
  });
});

describe('fastestChunkSum', () => {
  it('adds each chunk at its fastest pass, so a slow spell in one pass does not count', () => {
    // Pass 1 was slowed in its second chunk, pass 2 in its first: 1 + 1 + 2 s at the usual speed.
    const seconds = [
      [1, 2.5, 2],
      [1.9, 1, 2.2],
    ];
    expect(fastestChunkSum(seconds)).toBeCloseTo(4, 10);
  });

  it('is 0 for no passes', () => {
    expect(fastestChunkSum([])).toBe(0);
  });

  it('is never more than the fastest whole pass, nor negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((chunks) =>
          fc.array(fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: chunks, maxLength: chunks }), { minLength: 1, maxLength: 5 }),
        ),
        (seconds) => {
          const total = fastestChunkSum(seconds);
          const wholePasses = seconds.map((pass) => pass.reduce((sum, value) => sum + value, 0));
          expect(total).toBeLessThanOrEqual(Math.min(...wholePasses) + 1e-9);
          expect(total).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('timeChunkedPasses', () => {
  it('gives every chunk of every pass to each work in turn, and times each call', () => {
    const seen: string[] = [];
    const timed = timeChunkedPasses(3, 2, [(c) => seen.push(`a${c}`), (c) => seen.push(`b${c}`)]);
    // The works take turns chunk by chunk, so each is measured across the whole run.
    expect(seen).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2', 'a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    expect(timed).toHaveLength(2);
    for (const work of timed) {
      expect(work.chunkSeconds).toHaveLength(2);
      work.chunkSeconds.forEach((pass, p) => {
        expect(pass).toHaveLength(3);
        for (const seconds of pass) expect(seconds).toBeGreaterThanOrEqual(0);
        // A work's share of a pass is the sum of its chunks' times.
        expect((work.passes[p] as { processSeconds: number }).processSeconds).toBeCloseTo(pass.reduce((total, value) => total + value, 0), 9);
      });
    }
  });

  it('charges each work its own CPU time', () => {
    const spin = (milliseconds: number): void => {
      const until = process.cpuUsage().user + milliseconds * 1000;
      // Not a timing check: the loop only burns CPU, and the assertion compares the two works.
      while (process.cpuUsage().user < until);
    };
    const [busy, idle] = timeChunkedPasses(2, 1, [() => spin(20), () => undefined]);
    expect(busy?.passes[0]?.processSeconds).toBeGreaterThan(idle?.passes[0]?.processSeconds as number);
  });
});
