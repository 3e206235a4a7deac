/**
 * The data behind an article page's charts, computed from the record alone (unit-tested
 * without a browser). A chart with nothing to show is null, and the page says so in words.
 */
import type { AnalysisRecord } from '../schema/record.js';
import { describeVoice } from './article-text.js';
import { barChart, type ChartSpec, type Dataset } from './chart-spec.js';
import { blockSentiment } from './paragraph-sentiment.js';
import { seriesColour, VOICE_COLOURS, VOICE_LABELS, VOICE_ORDER } from './palette.js';

export interface ArticleCharts {
  readonly loadedByCategory: ChartSpec | null;
  readonly ownVsQuoted: ChartSpec | null;
  readonly quotedWords: ChartSpec | null;
  readonly sentiment: ChartSpec | null;
  readonly targets: ChartSpec | null;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function loadedFindings(record: AnalysisRecord) {
  return record.findings.filter((f) => f.analyzer === 'loaded-language');
}

/** Loaded terms per category, one stacked series per voice. */
export function loadedByCategoryChart(record: AnalysisRecord): ChartSpec | null {
  const loaded = loadedFindings(record);
  if (!loaded.length) return null;
  const categories = [...new Set(loaded.map((f) => f.category))].sort(byText);
  const datasets: Dataset[] = [];
  for (const voice of VOICE_ORDER) {
    const data = categories.map((c) => loaded.filter((f) => f.category === c && f.voice === voice).length);
    if (data.some((n) => n > 0)) datasets.push({ label: VOICE_LABELS[voice] ?? voice, data, backgroundColor: VOICE_COLOURS[voice] as string });
  }
  return barChart(categories, datasets, { horizontal: true, stacked: true, xTitle: 'loaded terms', counts: true });
}

/** The outlet's own voice against quoted speakers: loaded terms per 1,000 words of each. */
export function ownVsQuotedChart(record: AnalysisRecord): ChartSpec | null {
  const loaded = loadedFindings(record);
  if (!loaded.length && !record.quotes.length) return null;
  const s = record.scores;
  const own = loaded.filter((f) => f.voice === 'headline' || f.voice === 'narration').length;
  const quoted = loaded.filter((f) => f.voice === 'quoted' || f.voice === 'reported').length;
  return barChart(
    [`Own voice (${own} terms)`, `Quoted (${quoted} terms)`],
    [{ label: 'Loaded terms per 1,000 words', data: [s.loadedPer1kOwnVoice, s.loadedPer1kQuoted], backgroundColor: [VOICE_COLOURS['narration'] as string, VOICE_COLOURS['quoted'] as string] }],
    { yTitle: 'per 1,000 words', legend: false },
  );
}

export function verbsLabel(verbs: Record<string, number>): string {
  const list = Object.entries(verbs)
    .sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))
    .map(([verb, n]) => (n > 1 ? `${verb} ×${n}` : verb));
  return list.length ? `(${list.join(', ')})` : '';
}

function shorten(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Quoted words per voice, one series per affiliation (so the legend names the colours), cue verbs in the labels. */
export function quotedWordsChart(record: AnalysisRecord): ChartSpec | null {
  const voices = record.voices.filter((v) => v.quotedWords > 0 || v.quotes > 0);
  if (!voices.length) return null;
  const sorted = [...voices].sort((a, b) => b.quotedWords - a.quotedWords || byText(a.id, b.id));
  // Two-line labels: the speaker, then the cue verbs used for them.
  const labels = sorted.map((v) => [shorten(describeVoice(v).split(' — ')[0] ?? v.id), shorten(verbsLabel(v.verbs), 34)].filter(Boolean));
  const affiliations = [...new Set(sorted.map((v) => v.affiliation ?? 'no affiliation'))].sort(byText);
  const datasets: Dataset[] = affiliations.map((aff, i) => ({
    label: aff,
    data: sorted.map((v) => ((v.affiliation ?? 'no affiliation') === aff ? v.quotedWords : null)),
    backgroundColor: seriesColour(i),
  }));
  return barChart(labels, datasets, { horizontal: true, stacked: true, xTitle: 'quoted words', counts: true });
}

/** Tone block by block (AFINN valence per 100 words), so a hostile passage stands out. */
export function sentimentChart(record: AnalysisRecord): ChartSpec | null {
  const points = blockSentiment(record);
  if (points.length < 2) return null;
  return {
    type: 'line',
    data: {
      labels: points.map((p) => p.label),
      datasets: [{ label: 'Valence per 100 words (AFINN)', data: points.map((p) => p.valence), borderColor: '#2f5d8a', backgroundColor: '#2f5d8a', pointRadius: 3, tension: 0.25, fill: false }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: true, position: 'bottom', labels: { boxWidth: 14 } } },
      scales: { y: { title: { display: true, text: 'valence per 100 words' } }, x: { title: { display: true, text: 'block, in reading order' } } },
    },
  };
}

/** The actors loaded terms are aimed at: own-voice and quoted labels per target. */
export function targetsChart(record: AnalysisRecord): ChartSpec | null {
  const targets = record.entities.filter((e) => e.labels.length);
  if (!targets.length) return null;
  const rows = targets
    .map((e) => ({
      name: e.name,
      own: e.labels.reduce((n, l) => n + l.ownVoice, 0),
      quoted: e.labels.reduce((n, l) => n + l.quoted, 0),
      other: e.labels.reduce((n, l) => n + l.count - l.ownVoice - l.quoted, 0),
    }))
    .sort((a, b) => b.own + b.quoted + b.other - (a.own + a.quoted + a.other) || byText(a.name, b.name));
  const datasets: Dataset[] = [
    { label: 'In the outlet’s own voice', data: rows.map((r) => r.own), backgroundColor: VOICE_COLOURS['narration'] as string },
    { label: 'In quotes or reported speech', data: rows.map((r) => r.quoted), backgroundColor: VOICE_COLOURS['quoted'] as string },
  ];
  if (rows.some((r) => r.other > 0)) datasets.push({ label: 'In scare quotes', data: rows.map((r) => r.other), backgroundColor: VOICE_COLOURS['scare'] as string });
  return barChart(
    rows.map((r) => shorten(r.name)),
    datasets,
    { horizontal: true, stacked: true, xTitle: 'labels aimed at the actor', counts: true },
  );
}

export function articleCharts(record: AnalysisRecord): ArticleCharts {
  return {
    loadedByCategory: loadedByCategoryChart(record),
    ownVsQuoted: ownVsQuotedChart(record),
    quotedWords: quotedWordsChart(record),
    sentiment: sentimentChart(record),
    targets: targetsChart(record),
  };
}
