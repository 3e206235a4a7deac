/**
 * Builds and merges group aggregates (`framelens/aggregate@1`). Building adds one record
 * at a time into mutable group states; merging adds states together. Everything added is
 * an integer, so addition is exact and order-free: shards merge into byte-identical output.
 */
import type { AnalysisRecord, OutputRecord } from '../schema/record.js';
import { formatGroupBy, groupKeyOf, UNREADABLE, type GroupBy } from './group-key.js';
import { bootstrapWeights } from './random.js';
import { AGGREGATE_SCHEMA_ID, ARTICLE_STATS, FIXED_POINT, type ArticleStat, type GroupAggregate, type StatSums } from './schema.js';
import { addWordCounts } from './word-counts.js';

export const DEFAULT_BOOTSTRAP_SEED = 2008;
export const DEFAULT_REPLICATES = 200;

export interface AggregateOptions {
  readonly by: GroupBy;
  readonly seed?: number;
  readonly replicates?: number;
}

interface EntityState {
  readonly names: Map<string, number>;
  kind: string;
  articles: number;
  sentimentFixed: number;
  sentimentCount: number;
  /** text → [count, ownVoice, quoted] */
  readonly labels: Map<string, [number, number, number]>;
}

interface GroupState {
  readonly group: string;
  errors: number;
  readonly totals: Float64Array;
  /** stat-major: `boot[stat * replicates + b]`. */
  readonly boot: Float64Array;
  readonly registry: Map<string, number>;
  readonly loaded: Map<string, number>;
  readonly cues: Map<string, number>;
  readonly credits: Map<string, number>;
  readonly entities: Map<string, EntityState>;
  readonly words: Map<string, number>;
}

const OWN = new Set(['headline', 'narration']);
const QUOTED = new Set(['quoted', 'reported']);
const STAT_INDEX = new Map<ArticleStat, number>(ARTICLE_STATS.map((s, i) => [s, i]));

function numberScore(record: AnalysisRecord, key: string): number | null {
  const value = record.scores[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function fixed(value: number): number {
  return Math.round(value * FIXED_POINT);
}

/** The per-article values summed in `totals`, in `ARTICLE_STATS` order. */
export function articleStats(record: AnalysisRecord): number[] {
  const words = record.scores.words;
  const quotedWords = Math.min(words, numberScore(record, 'quotedWords') ?? Math.round(words * record.scores.quotedWordShare));
  let ownLoaded = 0;
  let quotedLoaded = 0;
  let headlineLoaded = 0;
  let cueVerbs = 0;
  let distancing = 0;
  for (const f of record.findings) {
    if (f.analyzer === 'loaded-language') {
      if (OWN.has(f.voice)) ownLoaded++;
      else if (QUOTED.has(f.voice)) quotedLoaded++;
      if (f.voice === 'headline') headlineLoaded++;
    } else if (f.analyzer === 'attribution' && f.rule.startsWith('attribution/verb-')) {
      cueVerbs++;
      if (f.category === 'doubt-verb') distancing++;
    }
  }
  const stateCredits = record.provenance.credits.filter((c) => c.stateAffiliated).length;
  const sentimentTotal = numberScore(record, 'sentimentTotal') ?? record.scores.sentiment * words;
  let entitySentiment = 0;
  let entityCount = 0;
  for (const entity of record.entities) {
    if (entity.sentiment === null || !Number.isFinite(entity.sentiment)) continue;
    entitySentiment += fixed(entity.sentiment);
    entityCount++;
  }
  const values: Record<ArticleStat, number> = {
    articles: 1,
    words,
    ownWords: words - quotedWords,
    quotedWords,
    ownLoaded,
    quotedLoaded,
    headlineLoaded,
    headlineLoadedArticles: headlineLoaded > 0 ? 1 : 0,
    voices: record.voices.length,
    anonymousVoices: record.voices.filter((v) => v.anonymous).length,
    cueVerbs,
    distancingCues: distancing,
    stateCredits,
    stateCreditArticles: stateCredits > 0 ? 1 : 0,
    sentimentFixed: fixed(sentimentTotal),
    entitySentimentFixed: entitySentiment,
    entitySentimentCount: entityCount,
  };
  return ARTICLE_STATS.map((s) => values[s]);
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export interface Aggregator {
  add(record: OutputRecord): void;
  /** Adds an aggregate (from another shard) into this one. */
  merge(aggregate: GroupAggregate): void;
  /**
   * Groups sorted by key, in canonical form. `canonicalWords: false` leaves word tallies
   * in insertion order (for reports, whose statistics do not depend on it; sorting a large
   * vocabulary is the slowest part of building a dashboard).
   */
  result(options?: { readonly canonicalWords?: boolean }): GroupAggregate[];
}

export function createAggregator(options: AggregateOptions): Aggregator {
  const by = formatGroupBy(options.by);
  const seed = options.seed ?? DEFAULT_BOOTSTRAP_SEED;
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const groups = new Map<string, GroupState>();

  const stateOf = (group: string): GroupState => {
    let state = groups.get(group);
    if (!state) {
      state = {
        group,
        errors: 0,
        totals: new Float64Array(ARTICLE_STATS.length),
        boot: new Float64Array(ARTICLE_STATS.length * replicates),
        registry: new Map(),
        loaded: new Map(),
        cues: new Map(),
        credits: new Map(),
        entities: new Map(),
        words: new Map(),
      };
      groups.set(group, state);
    }
    return state;
  };

  const entityOf = (state: GroupState, id: string, kind: string): EntityState => {
    let entity = state.entities.get(id);
    if (!entity) {
      entity = { names: new Map(), kind, articles: 0, sentimentFixed: 0, sentimentCount: 0, labels: new Map() };
      state.entities.set(id, entity);
    }
    // Kinds can disagree across articles; keep the smallest so the result is order-free.
    if (kind < entity.kind) entity.kind = kind;
    return entity;
  };

  const addRecord = (record: AnalysisRecord): void => {
    const state = stateOf(groupKeyOf(record, options.by));
    const values = articleStats(record);
    const weights = bootstrapWeights(`${record.source}\u0000${record.id}`, seed, replicates);
    for (let s = 0; s < values.length; s++) {
      const value = values[s] as number;
      state.totals[s] = (state.totals[s] as number) + value;
      if (value === 0) continue;
      const base = s * replicates;
      for (let b = 0; b < replicates; b++) state.boot[base + b] = (state.boot[base + b] as number) + value * (weights[b] as number);
    }
    const outlet = record.provenance.outlet;
    if (outlet && (outlet.type || outlet.country)) bump(state.registry, [outlet.type, outlet.country].filter(Boolean).join(' · '));
    for (const f of record.findings) {
      if (f.analyzer === 'loaded-language') bump(state.loaded, `${f.category}|${f.voice}`);
    }
    for (const q of record.quotes) if (q.cue && q.kind !== 'scare') bump(state.cues, q.cue.verb);
    for (const c of record.provenance.credits) bump(state.credits, `${c.source}|${c.stateAffiliated ? 1 : 0}`);
    for (const e of record.entities) {
      const entity = entityOf(state, e.id, e.kind);
      bump(entity.names, e.name);
      entity.articles++;
      if (e.sentiment !== null && Number.isFinite(e.sentiment)) {
        entity.sentimentFixed += fixed(e.sentiment);
        entity.sentimentCount++;
      }
      for (const label of e.labels) {
        const key = label.text.toLowerCase();
        const tally = entity.labels.get(key) ?? [0, 0, 0];
        tally[0] += label.count;
        tally[1] += label.ownVoice;
        tally[2] += label.quoted;
        entity.labels.set(key, tally);
      }
    }
    addWordCounts(record.text, state.words);
  };

  return {
    add(record) {
      if (record.schema === 'framelens/error@1') stateOf(UNREADABLE).errors++;
      else addRecord(record);
    },
    merge(aggregate) {
      if (aggregate.by !== by) throw new Error(`cannot merge an aggregate by ${aggregate.by} into one by ${by}`);
      if (aggregate.bootstrap.seed !== seed || aggregate.bootstrap.replicates !== replicates) {
        throw new Error(
          `cannot merge aggregates with different bootstrap settings (seed ${aggregate.bootstrap.seed}, ${aggregate.bootstrap.replicates} replicates; expected seed ${seed}, ${replicates})`,
        );
      }
      const state = stateOf(aggregate.group);
      state.errors += aggregate.errors;
      ARTICLE_STATS.forEach((stat, s) => {
        state.totals[s] = (state.totals[s] as number) + aggregate.totals[stat];
        const sums = aggregate.bootstrap.sums[stat];
        const base = s * replicates;
        for (let b = 0; b < replicates; b++) state.boot[base + b] = (state.boot[base + b] as number) + (sums[b] ?? 0);
      });
      for (const [k, v] of aggregate.registry) bump(state.registry, k, v);
      for (const [k, v] of aggregate.loaded) bump(state.loaded, k, v);
      for (const [k, v] of aggregate.cues) bump(state.cues, k, v);
      for (const [k, v] of aggregate.credits) bump(state.credits, k, v);
      for (const [k, v] of aggregate.words) bump(state.words, k, v);
      for (const e of aggregate.entities) {
        const entity = entityOf(state, e.id, e.kind);
        for (const [name, n] of e.names) bump(entity.names, name, n);
        entity.articles += e.articles;
        entity.sentimentFixed += e.sentimentFixed;
        entity.sentimentCount += e.sentimentCount;
        for (const [text, c, o, q] of e.labels) {
          const tally = entity.labels.get(text) ?? [0, 0, 0];
          tally[0] += c;
          tally[1] += o;
          tally[2] += q;
          entity.labels.set(text, tally);
        }
      }
    },
    result(resultOptions = {}) {
      const canonicalWords = resultOptions.canonicalWords ?? true;
      return [...groups.values()].sort((a, b) => compareStrings(a.group, b.group)).map((state) => toAggregate(state, by, seed, replicates, canonicalWords));
    },
  };
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedTally(map: Map<string, number>): [string, number][] {
  // The built-in sort without a comparator orders strings by UTF-16 code units, as
  // compareStrings does, and is much faster on large vocabularies.
  return [...map.keys()].sort().map((key) => [key, map.get(key) as number]);
}

function toAggregate(state: GroupState, by: string, seed: number, replicates: number, canonicalWords: boolean): GroupAggregate {
  const totals = {} as StatSums;
  const sums = {} as Record<ArticleStat, number[]>;
  for (const stat of ARTICLE_STATS) {
    const s = STAT_INDEX.get(stat) as number;
    totals[stat] = state.totals[s] as number;
    sums[stat] = Array.from(state.boot.subarray(s * replicates, (s + 1) * replicates));
  }
  return {
    schema: AGGREGATE_SCHEMA_ID,
    by,
    group: state.group,
    errors: state.errors,
    totals,
    bootstrap: { seed, replicates, sums },
    registry: sortedTally(state.registry),
    loaded: sortedTally(state.loaded),
    cues: sortedTally(state.cues),
    credits: sortedTally(state.credits),
    entities: [...state.entities.entries()]
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([id, e]) => ({
        id,
        names: sortedTally(e.names),
        kind: e.kind,
        articles: e.articles,
        sentimentFixed: e.sentimentFixed,
        sentimentCount: e.sentimentCount,
        labels: [...e.labels.entries()].sort((a, b) => compareStrings(a[0], b[0])).map(([text, [c, o, q]]) => [text, c, o, q] as [string, number, number, number]),
      })),
    words: canonicalWords ? sortedTally(state.words) : [...state.words.entries()],
  };
}

/** Merges aggregates (from shards) into one canonical list; all must share `by` and bootstrap settings. */
export function mergeAggregates(aggregates: readonly GroupAggregate[], by: GroupBy): GroupAggregate[] {
  const first = aggregates[0];
  const aggregator = createAggregator({ by, ...(first ? { seed: first.bootstrap.seed, replicates: first.bootstrap.replicates } : {}) });
  for (const aggregate of aggregates) aggregator.merge(aggregate);
  return aggregator.result();
}

/** One JSON line per group; key order is fixed by construction, so equal aggregates serialise identically. */
export function serializeAggregates(aggregates: readonly GroupAggregate[]): string {
  return aggregates.map((a) => JSON.stringify(a)).join('\n') + (aggregates.length ? '\n' : '');
}
