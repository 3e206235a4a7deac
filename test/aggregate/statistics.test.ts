import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../src/aggregate/build-aggregate.js';
import { parseGroupBy } from '../../src/aggregate/group-key.js';
import { distinctiveWords, estimate, METRICS, quantile } from '../../src/aggregate/statistics.js';
import type { GroupAggregate } from '../../src/aggregate/schema.js';
import { stateMediaRecord, wireRecord } from '../fixtures/records/fixtures.js';

function metric(id: string) {
  return METRICS.find((m) => m.id === id)!;
}

function wordsGroup(group: string, words: [string, number][]): GroupAggregate {
  const aggregator = createAggregator({ by: parseGroupBy('outlet'), replicates: 10 });
  aggregator.add({ ...wireRecord, outlet: group, text: '' });
  const [result] = aggregator.result();
  return { ...result!, words };
}

describe('estimate', () => {
  it('is a ratio of sums with an interval around it', () => {
    const aggregator = createAggregator({ by: parseGroupBy('outlet') });
    for (let i = 0; i < 30; i++) aggregator.add({ ...stateMediaRecord, id: `c${i}`, source: `s:${i}` });
    for (let i = 0; i < 30; i++) aggregator.add({ ...stateMediaRecord, id: `d${i}`, source: `s:${i}`, findings: [] });
    const [courier] = aggregator.result();
    const own = estimate(courier!, metric('loadedPer1kOwnVoice'));
    const t = courier!.totals;
    expect(own.value).toBeCloseTo((t.ownLoaded / t.ownWords) * 1000, 10);
    expect(own.low!).toBeLessThan(own.value!);
    expect(own.high!).toBeGreaterThan(own.value!);
    expect(estimate(courier!, metric('headlineLoadedShare')).value).toBe(0.5);
  });

  it('has no value when the denominator is empty', () => {
    const aggregator = createAggregator({ by: parseGroupBy('outlet') });
    aggregator.add({ ...wireRecord, voices: [] });
    expect(estimate(aggregator.result()[0]!, metric('anonymousShare'))).toEqual({ value: null, low: null, high: null });
  });

  it('interpolates quantiles like R type 7', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.9)).toBe(10);
  });
});

describe('distinctiveWords', () => {
  it('ranks the words one outlet uses far more than the other first, with a large z', () => {
    const a = wordsGroup('A', [['martyr', 40], ['minister', 50], ['talks', 30]]);
    const b = wordsGroup('B', [['killed', 40], ['minister', 50], ['talks', 31]]);
    const result = distinctiveWords([a, b]);
    const top = result.get('A')![0]!;
    expect(top.word).toBe('martyr');
    expect(top.z).toBeGreaterThan(3);
    const minister = result.get('A')!.find((w) => w.word === 'minister')!;
    expect(Math.abs(minister.z)).toBeLessThan(1);
    expect(result.get('B')![0]!.word).toBe('killed');
  });

  it('is symmetric: a word over-represented in A is under-represented in B by the same delta', () => {
    const a = wordsGroup('A', [['x', 10], ['y', 5]]);
    const b = wordsGroup('B', [['x', 2], ['y', 9]]);
    const result = distinctiveWords([a, b], { minCount: 1 });
    const ax = result.get('A')!.find((w) => w.word === 'x')!;
    const bx = result.get('B')!.find((w) => w.word === 'x')!;
    expect(ax.delta).toBeCloseTo(-bx.delta, 10);
  });
});
