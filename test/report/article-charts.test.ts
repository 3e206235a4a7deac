import { describe, expect, it } from 'vitest';
import { articleCharts, loadedByCategoryChart, quotedWordsChart, targetsChart, verbsLabel } from '../../src/report/article-charts.js';
import { blockSentiment, scoreSpan } from '../../src/report/paragraph-sentiment.js';
import { collidingRecords, stateMediaRecord, wireRecord } from '../fixtures/records/fixtures.js';

describe('article charts', () => {
  it('counts loaded terms per category, split by voice', () => {
    const chart = loadedByCategoryChart(stateMediaRecord)!;
    expect(chart.data.labels).toEqual(['conspiracy', 'delegitimizing', 'demonizing', 'fear', 'glorifying', 'terror-label']);
    const series = Object.fromEntries(chart.data.datasets.map((d) => [d.label, d.data]));
    expect(series).toEqual({
      'Headline (own voice)': [0, 0, 1, 0, 0, 0],
      'Narration (own voice)': [0, 1, 0, 0, 1, 0],
      'Direct quotes': [0, 1, 0, 1, 1, 1],
      'Reported speech': [1, 2, 1, 0, 1, 0],
    });
  });

  it('colours quoted words by affiliation, one legend entry each, with cue verbs under the name', () => {
    const chart = quotedWordsChart(stateMediaRecord)!;
    expect(chart.data.labels[0]).toEqual(['Darius Kamali', '(point out, say, stress)']);
    expect(chart.data.datasets.map((d) => d.label)).toEqual(['Iran', 'Oman', 'no affiliation']);
    const iran = chart.data.datasets[0]!;
    expect(iran.data[0]).toBe(stateMediaRecord.voices[0]!.quotedWords);
    expect(iran.data.slice(1)).toEqual([null, null]);
  });

  it('lists cue verbs by use', () => {
    expect(verbsLabel({ say: 1, claim: 3, add: 1 })).toBe('(claim ×3, add, say)');
    expect(verbsLabel({})).toBe('');
  });

  it('shows the labels aimed at each target by voice', () => {
    const chart = targetsChart(stateMediaRecord)!;
    expect(chart.data.labels).toEqual(['United States']);
    expect(chart.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['In the outlet’s own voice', [2]],
      ['In quotes or reported speech', [5]],
    ]);
  });

  it('has no chart where there is nothing to show', () => {
    const charts = articleCharts(collidingRecords[0]!);
    expect(charts.loadedByCategory).toBeNull();
    expect(charts.quotedWords).toBeNull();
    expect(charts.targets).toBeNull();
    expect(charts.sentiment).toBeNull();
  });
});

describe('sentiment along the article', () => {
  it('scores AFINN words with a one-word negation', () => {
    expect(scoreSpan('a good day')).toEqual({ total: 3, words: 3 });
    expect(scoreSpan('not good')).toEqual({ total: -3, words: 2 });
  });

  it('gives one point per block, labelled by kind and paragraph number', () => {
    const points = blockSentiment(wireRecord);
    expect(points.map((p) => p.label)).toEqual(['headline', 'dateline', '¶1', '¶2', '¶3', '¶4']);
    for (const p of points) expect(Number.isFinite(p.valence)).toBe(true);
  });
});
