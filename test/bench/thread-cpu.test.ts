import { describe, expect, it } from 'vitest';
import { parseSchedstat, parseThreadStat, threadCpuSeconds } from '../../src/bench/thread-cpu.js';

/** A stat line as Linux writes it: pid, (name), state, then numeric fields; utime and stime are fields 14 and 15. */
function statLine(name: string, utime: number, stime: number): string {
  const numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, utime, stime, 0, 0, 20, 0, 9, 0, 1234];
  return `4242 (${name}) R ${numbers.join(' ')}\n`;
}

describe('parseThreadStat', () => {
  it('adds user and system ticks and converts them to seconds', () => {
    expect(parseThreadStat(statLine('node', 250, 30))).toBeCloseTo(2.8, 10);
  });

  it('counts fields from the last parenthesis, whatever the thread calls itself', () => {
    expect(parseThreadStat(statLine('V8 Worker) (2 3', 100, 0))).toBe(1);
  });

  it('returns null for a line without the times', () => {
    expect(parseThreadStat('4242 (node) R 1 2')).toBeNull();
    expect(parseThreadStat('no name here')).toBeNull();
  });
});

describe('parseSchedstat', () => {
  it('reads the nanoseconds on CPU, the first of the three fields', () => {
    expect(parseSchedstat('2697401000 198829 10\n')).toBeCloseTo(2.697401, 9);
  });

  it('returns null when the first field is not a count', () => {
    expect(parseSchedstat('')).toBeNull();
    expect(parseSchedstat('n/a 0 0')).toBeNull();
  });
});

describe('threadCpuSeconds', () => {
  it('grows with work done in this thread, where /proc exists', () => {
    const before = threadCpuSeconds();
    if (before === null) return;
    // Spin until this thread has used 50 ms more (not a timing check: the deadline only
    // stops a broken clock from hanging the test).
    let x = 0;
    let now = before;
    const deadline = Date.now() + 10_000;
    while (now < before + 0.05 && Date.now() < deadline) {
      for (let i = 0; i < 100_000; i++) x += Math.sqrt(x + i);
      now = threadCpuSeconds() as number;
    }
    expect(x).toBeGreaterThan(0);
    expect(now).toBeGreaterThanOrEqual(before + 0.05);
  });
});
