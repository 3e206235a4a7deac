import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleStats, createAggregator, mergeAggregates, serializeAggregates } from '../../src/aggregate/build-aggregate.js';
import { parseGroupBy } from '../../src/aggregate/group-key.js';
import { parseAggregate } from '../../src/aggregate/read-aggregate.js';
import { ARTICLE_STATS } from '../../src/aggregate/schema.js';
import type { OutputRecord } from '../../src/schema/record.js';
import { collidingRecords, errorRecord, fixtureRecords, stateMediaRecord, wireRecord } from '../fixtures/records/fixtures.js';

const corpus: OutputRecord[] = [...fixtureRecords, ...collidingRecords, errorRecord];

function aggregate(records: readonly OutputRecord[], by = 'outlet', replicates = 40) {
  const aggregator = createAggregator({ by: parseGroupBy(by), replicates });
  for (const record of records) aggregator.add(record);
  return aggregator.result();
}

/** Serialise, parse back (as a file round trip would) and merge. */
function mergeShards(shards: readonly OutputRecord[][], by = 'outlet'): string {
  const lines = shards.flatMap((shard) => serializeAggregates(aggregate(shard, by)).split('\n').filter(Boolean));
  const parsed = lines.map((line, i) => parseAggregate(JSON.parse(line), `line ${i + 1}`));
  return serializeAggregates(mergeAggregates(parsed, parseGroupBy(by)));
}

describe('aggregate', () => {
  it('sums the per-article statistics of each outlet', () => {
    const groups = aggregate([stateMediaRecord, wireRecord]);
    expect(groups.map((g) => g.group)).toEqual(['Northbridge Wire', 'Tehran Courier']);
    const courier = groups[1]!;
    expect(courier.totals.articles).toBe(1);
    expect(courier.totals.headlineLoaded).toBe(1);
    expect(courier.totals.ownLoaded).toBe(3);
    expect(courier.totals.stateCredits).toBe(3);
    expect(courier.totals.anonymousVoices).toBe(1);
    expect(courier.totals.sentimentFixed).toBe(-90_000);
    expect(courier.registry).toEqual([['state-controlled · Iran', 1]]);
    const us = courier.entities.find((e) => e.id === 'us')!;
    expect(us.labels.map((l) => l[0])).toContain('criminal');
    expect(courier.words.find(([w]) => w === 'washington')?.[1]).toBe(2);
    const wire = groups[0]!;
    expect(wire.totals.distancingCues).toBe(1);
    expect(wire.totals.cueVerbs).toBe(2);
  });

  it('counts error records in their own group', () => {
    const groups = aggregate([errorRecord, wireRecord]);
    expect(groups.find((g) => g.group === '(unreadable)')?.errors).toBe(1);
  });

  it('groups by month and by an input field', () => {
    expect(aggregate(fixtureRecords, 'month').map((g) => g.group)).toEqual(['2026-04', '2026-05']);
    expect(aggregate([stateMediaRecord, ...collidingRecords], 'field:topic').map((g) => g.group)).toEqual(['(no topic)', 'diplomacy']);
  });

  it('keeps every stat an integer, so sums are exact', () => {
    for (const record of fixtureRecords) {
      if (record.schema !== 'framelens/analysis@1') continue;
      const stats = articleStats(record);
      expect(stats).toHaveLength(ARTICLE_STATS.length);
      for (const value of stats) expect(Number.isInteger(value)).toBe(true);
    }
  });

  it('merges the aggregates of any split into shards byte-identically with the whole', () => {
    const whole = serializeAggregates(aggregate(corpus));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: corpus.length, maxLength: corpus.length }),
        fc.boolean(),
        (assignment, reverse) => {
          const shards: OutputRecord[][] = [[], [], [], []];
          corpus.forEach((record, i) => shards[assignment[i]!]!.push(record));
          if (reverse) shards.reverse();
          expect(mergeShards(shards)).toBe(whole);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('merges exactly for generated records with fractional sentiment and varied findings (property)', () => {
    const base = [stateMediaRecord, wireRecord];
    const recordArb = fc.record({
      from: fc.integer({ min: 0, max: 1 }),
      id: fc.string({ maxLength: 8 }),
      outlet: fc.constantFrom('A', 'B', 'C', '__proto__', 'constructor'),
      keep: fc.integer({ min: 0, max: 14 }),
      sentiment: fc.double({ min: -50, max: 50, noNaN: true }),
      entitySentiment: fc.double({ min: -5, max: 5, noNaN: true }),
      month: fc.constantFrom('2026-01-02', '2026-02-11', null),
    });
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 12, maxLength: 12 }), fc.constantFrom('outlet', 'month'), (specs, assignment, by) => {
        const records: OutputRecord[] = specs.map((spec, i) => {
          const record = base[spec.from]!;
          return {
            ...record,
            id: `${spec.id}#${i}`,
            outlet: spec.outlet,
            published: spec.month,
            findings: record.findings.slice(0, spec.keep),
            entities: record.entities.map((e) => ({ ...e, sentiment: spec.entitySentiment })),
            scores: { ...record.scores, sentimentTotal: spec.sentiment },
          };
        });
        const whole = serializeAggregates(aggregate(records, by, 20));
        const shards: OutputRecord[][] = [[], [], []];
        records.forEach((record, i) => shards[assignment[i]!]!.push(record));
        const lines = shards.flatMap((shard) => serializeAggregates(aggregate(shard, by, 20)).split('\n').filter(Boolean));
        const merged = serializeAggregates(mergeAggregates(lines.map((line, i) => parseAggregate(JSON.parse(line), `line ${i}`)), parseGroupBy(by)));
        expect(merged).toBe(whole);
      }),
      { numRuns: 80 },
    );
  });

  it('refuses to merge aggregates grouped differently', () => {
    const byMonth = aggregate([wireRecord], 'month');
    expect(() => mergeAggregates(byMonth, parseGroupBy('outlet'))).toThrow(/by month/);
  });

  it('rejects a malformed aggregate line naming the field', () => {
    const [group] = aggregate([wireRecord]);
    expect(() => parseAggregate({ ...group, totals: { ...group!.totals, words: 1.5 } }, 'shard.jsonl:1')).toThrow(/shard\.jsonl:1.*totals\.words/);
  });
});
