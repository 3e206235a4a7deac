import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { createArticleAnalyzer } from '../../src/pipeline/analyze-article.js';
import type { Article } from '../../src/input/article.js';

const analyze = createArticleAnalyzer(loadLexicons());

function article(body: string, title: string): Article {
  return { id: 't', source: 't.txt', outlet: null, title, byline: null, url: null, published: null, fields: {}, body, parts: null, removed: [], inputRepairs: [] };
}

describe('computeScores', () => {
  const record = analyze(article(
    'The interior minister said on Monday that the border would reopen next week.\n\n' +
      'Opposition leader Farid Nasser claimed the closure had cost farmers millions.\n\n' +
      '"This government has failed us," Nasser told reporters.',
    'Border to reopen, minister says',
  ));
  const s = record.scores;

  it('counts words and splits them between own voice and quotes', () => {
    expect(s.words).toBeGreaterThan(30);
    expect(s.quotedWordShare).toBeGreaterThan(0);
    expect(s.quotedWordShare).toBeLessThan(1);
  });

  it('sums quoted words by affiliation from the voices', () => {
    const byAffiliation = s.quotedWordsByAffiliation as Record<string, number>;
    const total = Object.values(byAffiliation).reduce((a, b) => a + b, 0);
    expect(total).toBe(record.voices.reduce((sum, v) => sum + v.quotedWords, 0));
  });

  it('marks a doubt verb as distancing for the voice it introduces', () => {
    const byVoice = s.distancingShareByVoice as Record<string, number>;
    const nasser = record.voices.find((v) => v.name?.includes('Nasser'));
    expect(nasser).toBeDefined();
    expect(byVoice[nasser!.id]).toBeGreaterThan(0);
    expect(s.distancingCues).toBeGreaterThanOrEqual(1);
  });

  it('derives every loaded-term rate from counted findings', () => {
    const loaded = record.findings.filter((f) => f.analyzer === 'loaded-language');
    expect(s.loadedTerms).toBe(loaded.length);
    expect(s.loadedPer1k).toBeCloseTo((loaded.length * 1000) / s.words, 3);
  });
});
