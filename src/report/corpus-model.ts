/**
 * What the dashboard and the comparison page show, computed from group aggregates (and,
 * for the dashboard, one small row per article). Pure and unit-tested; the page only
 * renders it. Groups are ordered by article count, then name, so output is stable.
 */
import { compareStrings } from '../aggregate/build-aggregate.js';
import type { GroupAggregate } from '../aggregate/schema.js';
import { distinctiveWords, estimate, METRICS, type DistinctiveWord, type Estimate, type MetricDefinition } from '../aggregate/statistics.js';
import { FIXED_POINT } from '../aggregate/schema.js';
import type { ChartSpec, Dataset } from './chart-spec.js';
import { barChart } from './chart-spec.js';
import { seriesColour, VOICE_COLOURS, VOICE_LABELS, VOICE_ORDER } from './palette.js';

export interface ArticleRow {
  readonly file: string | null;
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly outlet: string;
  readonly published: string;
  readonly words: number;
  readonly loadedOwn: number;
  readonly loadedQuoted: number;
  readonly headlineLoaded: number;
  readonly voices: number;
  readonly anonymous: number;
  readonly stateCredits: number;
  readonly sentiment: number;
}

export interface GroupRow {
  readonly group: string;
  readonly registry: string | null;
  readonly stateAffiliated: boolean;
  readonly articles: number;
  readonly words: number;
  readonly estimates: Readonly<Record<string, Estimate>>;
}

export interface LabelCell {
  readonly group: string;
  readonly articles: number;
  readonly sentiment: number | null;
  /** `[text, count, ownVoice, quoted]`, most used first. */
  readonly labels: readonly [string, number, number, number][];
}

export interface ActorRow {
  readonly id: string;
  readonly name: string;
  readonly groups: readonly LabelCell[];
}

export interface CorpusModel {
  readonly groups: readonly GroupRow[];
  readonly failed: number;
  readonly articles: number;
  readonly charts: Readonly<Record<string, ChartSpec>>;
  readonly actors: readonly ActorRow[];
  readonly distinctive: readonly { readonly group: string; readonly words: readonly DistinctiveWord[] }[];
  readonly replicates: number;
  readonly seed: number;
}

/** Charts show at most this many groups (the tables show all). */
export const CHART_GROUPS = 15;
export const INTERVAL_METRICS = ['loadedPer1kOwnVoice', 'loadedPer1kQuoted', 'anonymousShare', 'stateCreditShare', 'headlineLoadedShare', 'distancingShare'];

function byArticles(a: GroupAggregate, b: GroupAggregate): number {
  return b.totals.articles - a.totals.articles || compareStrings(a.group, b.group);
}

function mostCommon(tally: readonly [string, number][]): string | null {
  let best: [string, number] | null = null;
  for (const entry of tally) if (!best || entry[1] > best[1]) best = entry;
  return best ? best[0] : null;
}

function metric(id: string): MetricDefinition {
  return METRICS.find((m) => m.id === id) as MetricDefinition;
}

/** A floating bar per group for the 95% interval and a point for the estimate. */
export function intervalChart(groups: readonly GroupRow[], metricId: string): ChartSpec {
  const shown = groups.slice(0, CHART_GROUPS);
  const m = metric(metricId);
  const scale = m.unit === 'share' ? 100 : 1;
  const value = (e: Estimate | undefined, key: 'value' | 'low' | 'high'): number | null => {
    const v = e?.[key];
    return v === null || v === undefined ? null : Math.round(v * scale * 1000) / 1000;
  };
  const intervals: Dataset = {
    label: '95% bootstrap interval',
    type: 'bar',
    data: shown.map((g) => {
      const low = value(g.estimates[metricId], 'low');
      const high = value(g.estimates[metricId], 'high');
      return low === null || high === null ? null : [low, high];
    }),
    backgroundColor: 'rgba(47,93,138,0.25)',
    borderColor: 'rgba(47,93,138,0.6)',
    borderWidth: 1,
    order: 2,
  };
  const points: Dataset = {
    label: 'estimate',
    type: 'line',
    data: shown.map((g) => value(g.estimates[metricId], 'value')),
    showLine: false,
    pointRadius: 5,
    pointStyle: 'rectRot',
    backgroundColor: '#1f2430',
    borderColor: '#1f2430',
    order: 1,
  };
  return barChart(
    shown.map((g) => g.group),
    [intervals, points],
    { horizontal: true, xTitle: m.unit === 'share' ? `${m.label} (%)` : m.label },
  );
}

function loadedChart(aggregates: readonly GroupAggregate[], split: 'category' | 'voice'): ChartSpec | null {
  const shown = aggregates.slice(0, CHART_GROUPS);
  const totals = new Map<string, number>();
  for (const g of shown) {
    for (const [key, n] of g.loaded) {
      const [category, voice] = key.split('|') as [string, string];
      const k = split === 'category' ? category : voice;
      totals.set(k, (totals.get(k) ?? 0) + n);
    }
  }
  if (!totals.size) return null;
  const keys =
    split === 'voice'
      ? VOICE_ORDER.filter((v) => totals.has(v))
      : [...totals.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).slice(0, 9).map(([k]) => k).sort(compareStrings);
  const datasets: Dataset[] = keys.map((key, i) => ({
    label: split === 'voice' ? (VOICE_LABELS[key] ?? key) : key,
    data: shown.map((g) => {
      // Per 1,000 words of the group, so outlets of different size compare.
      let n = 0;
      for (const [k, c] of g.loaded) if ((split === 'category' ? k.split('|')[0] : k.split('|')[1]) === key) n += c;
      return g.totals.words ? Math.round((n * 1e6) / g.totals.words) / 1000 : 0;
    }),
    backgroundColor: split === 'voice' ? (VOICE_COLOURS[key] as string) : seriesColour(i),
  }));
  return barChart(
    shown.map((g) => g.group),
    datasets,
    { horizontal: true, stacked: true, xTitle: 'loaded terms per 1,000 words' },
  );
}

export function buildCorpusModel(all: readonly GroupAggregate[]): CorpusModel {
  const failed = all.reduce((n, g) => n + g.errors, 0);
  const aggregates = all.filter((g) => g.totals.articles > 0).sort(byArticles);
  const groups: GroupRow[] = aggregates.map((g) => {
    const registry = mostCommon(g.registry);
    return {
      group: g.group,
      registry: registry,
      // The tally key is `type · country`; only the registry type says state-affiliated.
      stateAffiliated: registry !== null && /^(state|captured)/iu.test(registry.split(' · ')[0] ?? ''),
      articles: g.totals.articles,
      words: g.totals.words,
      estimates: Object.fromEntries(METRICS.map((m) => [m.id, estimate(g, m)])),
    };
  });
  const charts: Record<string, ChartSpec> = {};
  if (groups.length) for (const id of INTERVAL_METRICS) charts[`ci-${id}`] = intervalChart(groups, id);
  const byCategory = loadedChart(aggregates, 'category');
  if (byCategory) charts['loaded-category'] = byCategory;
  const byVoice = loadedChart(aggregates, 'voice');
  if (byVoice) charts['loaded-voice'] = byVoice;

  // What each group calls the same actor: actors covered by at least two groups.
  const actors = new Map<string, { names: Map<string, number>; cells: LabelCell[]; articles: number }>();
  for (const g of aggregates) {
    for (const e of g.entities) {
      const actor = actors.get(e.id) ?? { names: new Map<string, number>(), cells: [] as LabelCell[], articles: 0 };
      for (const [name, n] of e.names) actor.names.set(name, (actor.names.get(name) ?? 0) + n);
      actor.articles += e.articles;
      actor.cells.push({
        group: g.group,
        articles: e.articles,
        sentiment: e.sentimentCount ? e.sentimentFixed / FIXED_POINT / e.sentimentCount : null,
        labels: [...e.labels].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])),
      });
      actors.set(e.id, actor);
    }
  }
  const actorRows: ActorRow[] = [...actors.entries()]
    .filter(([, a]) => a.cells.length >= 2 && a.cells.some((c) => c.labels.length))
    .map(([id, a]) => ({
      id,
      name: mostCommon([...a.names.entries()].sort((x, y) => compareStrings(x[0], y[0]))) ?? id,
      groups: [...a.cells].sort((x, y) => y.articles - x.articles || compareStrings(x.group, y.group)),
      weight: a.articles,
    }))
    .sort((x, y) => y.weight - x.weight || compareStrings(x.id, y.id))
    .map(({ weight: _weight, ...row }) => row);

  const words = distinctiveWords(aggregates);
  const first = all[0];
  return {
    groups,
    failed,
    articles: groups.reduce((n, g) => n + g.articles, 0),
    charts,
    actors: actorRows,
    distinctive: aggregates.map((g) => ({ group: g.group, words: words.get(g.group) ?? [] })),
    replicates: first?.bootstrap.replicates ?? 0,
    seed: first?.bootstrap.seed ?? 0,
  };
}
