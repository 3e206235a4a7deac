import { describe, expect, it } from 'vitest';
import { createAggregator } from '../../src/aggregate/build-aggregate.js';
import { parseGroupBy } from '../../src/aggregate/group-key.js';
import { buildCorpusModel, intervalChart } from '../../src/report/corpus-model.js';
import { groupsCsv } from '../../src/report/corpus-page.js';
import { errorRecord, stateMediaRecord, wireRecord } from '../fixtures/records/fixtures.js';

function model() {
  const aggregator = createAggregator({ by: parseGroupBy('outlet') });
  for (let i = 0; i < 12; i++) {
    aggregator.add({ ...stateMediaRecord, id: `s${i}`, source: `x:${i}` });
    aggregator.add({ ...wireRecord, id: `w${i}`, source: `y:${i}` });
  }
  aggregator.add(errorRecord);
  return buildCorpusModel(aggregator.result());
}

describe('buildCorpusModel', () => {
  it('orders groups by articles and leaves error-only groups out, counting the failures', () => {
    const m = model();
    expect(m.groups.map((g) => g.group)).toEqual(['Northbridge Wire', 'Tehran Courier']);
    expect(m.failed).toBe(1);
    expect(m.articles).toBe(24);
    const courier = m.groups[1]!;
    expect(courier.registry).toBe('state-controlled · Iran');
    expect(courier.stateAffiliated).toBe(true);
    expect(courier.estimates['stateCreditShare']?.value).toBe(1);
    expect(m.groups[0]!.estimates['stateCreditShare']?.value).toBe(0);
    // "United States" in a private outlet's registry entry is not "state".
    expect(m.groups[0]!.registry).toBe('United Kingdom');
    expect(m.groups[0]!.stateAffiliated).toBe(false);
  });

  it('marks only state or captured registry types as state-affiliated', () => {
    const aggregator = createAggregator({ by: parseGroupBy('outlet'), replicates: 10 });
    aggregator.add(wireRecord);
    const [group] = aggregator.result();
    const flag = (registry: string) => buildCorpusModel([{ ...group!, registry: [[registry, 1]] }]).groups[0]!.stateAffiliated;
    expect(flag('private · United States')).toBe(false);
    expect(flag('state-controlled · Iran')).toBe(true);
    expect(flag('captured-public · Hungary')).toBe(true);
  });

  it('puts the labels each outlet gives the same actor side by side', () => {
    const us = model().actors.find((a) => a.id === 'us')!;
    expect(us.name).toBe('United States');
    expect(us.groups.map((g) => g.group)).toEqual(['Northbridge Wire', 'Tehran Courier']);
    const courier = us.groups[1]!;
    expect(courier.labels[0]).toEqual(['arrogant', 12, 0, 12]);
    expect(courier.labels.find(([t]) => t === 'criminal')).toEqual(['criminal', 12, 12, 0]);
    expect(courier.sentiment).toBeCloseTo(-2.4, 10);
  });

  it('finds the words that set each outlet apart', () => {
    const words = model().distinctive.find((d) => d.group === 'Tehran Courier')!.words.map((w) => w.word);
    expect(words).toContain('courier');
    expect(words).not.toContain('northbridge');
  });

  it('draws intervals as floating bars and estimates as points, in percent for shares', () => {
    const m = model();
    const chart = intervalChart(m.groups, 'stateCreditShare');
    expect(chart.data.labels).toEqual(['Northbridge Wire', 'Tehran Courier']);
    expect(chart.data.datasets[1]!.data).toEqual([0, 100]);
    expect(chart.data.datasets[0]!.data[1]).toEqual([100, 100]);
    expect(Object.keys(m.charts)).toContain('loaded-category');
  });

  it('exports the group table as CSV with intervals', () => {
    const [header, first] = groupsCsv(model(), 'outlet').split('\r\n');
    expect(header).toMatch(/^outlet,registry,articles,words,loadedPer1kOwnVoice,loadedPer1kOwnVoice_low,loadedPer1kOwnVoice_high,/u);
    expect(first).toMatch(/^Northbridge Wire,United Kingdom,12,/u);
  });
});
