import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/input/article.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { createArticleAnalyzer, sortFindings } from '../../src/pipeline/analyze-article.js';
import { AnalysisRecordSchema, type AnalysisRecord, type Finding } from '../../src/schema/record.js';

const analyze = createArticleAnalyzer(loadLexicons());

function article(body: string, extra: Partial<Article> = {}): Article {
  return {
    id: 'prop', source: 'prop.txt', outlet: null, title: null, byline: null, url: null, published: null,
    fields: {}, body, parts: null, removed: [], inputRepairs: [], ...extra,
  };
}

/** Every invariant of the output contract that must hold for any input. */
function checkInvariants(record: AnalysisRecord): void {
  AnalysisRecordSchema.parse(record);
  const { text } = record;
  const inside = (start: number, end: number): boolean => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
  for (const block of record.blocks) expect(inside(block.start, block.end)).toBe(true);
  for (let i = 1; i < record.blocks.length; i++) expect(record.blocks[i]!.start).toBeGreaterThanOrEqual(record.blocks[i - 1]!.end);
  for (const repair of record.repairs) expect(inside(repair.start, repair.end)).toBe(true);
  const voiceIds = new Set(record.voices.map((v) => v.id));
  for (const quote of record.quotes) {
    expect(inside(quote.start, quote.end)).toBe(true);
    if (quote.cue) expect(inside(quote.cue.start, quote.cue.end)).toBe(true);
    if (quote.speaker) expect(voiceIds.has(quote.speaker)).toBe(true);
  }
  const entityIds = new Set(record.entities.map((e) => e.id));
  const ids = new Set<string>();
  let previous: Finding | null = null;
  for (const finding of record.findings) {
    expect(inside(finding.start, finding.end)).toBe(true);
    expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    expect(ids.has(finding.id)).toBe(false);
    ids.add(finding.id);
    if (finding.target) expect(entityIds.has(finding.target)).toBe(true);
    if (previous) {
      const order = previous.start - finding.start || previous.end - finding.end || (previous.rule < finding.rule ? -1 : previous.rule > finding.rule ? 1 : 0);
      expect(order).toBeLessThanOrEqual(0);
    }
    previous = finding;
  }
  for (const credit of record.provenance.credits) expect(inside(credit.start, credit.end)).toBe(true);
  for (const entity of record.entities) for (const mention of entity.mentions) expect(inside(mention.start, mention.end)).toBe(true);
}

/** Article-like text: words, names, loaded terms and every kind of quotation mark, damaged at random. */
const newsWord = fc.constantFrom(
  'the', 'minister', 'said', 'evil', 'terrorist', 'regime', 'Iran', 'Irans', 'Washington', 'US', 'claimed',
  'officials', 'so-called', 'not', 'a', 'Tehran', 'brotherly', 'nation', 'he', 'pointed', 'out', 'according', 'to',
  'Reuters', 'IRNA', 'contributed', 'story', 'Mr.', 'Gen.', 'U.S.', '2020', 'won’t', 'Iran’s',
);
const mark = fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', '„', ',', '.', ':', ' — ', '\n\n', '\n', ' ');
const articleText = fc.array(fc.oneof(newsWord, mark, newsWord), { maxLength: 120 }).map((parts) => parts.join(' '));

describe('createArticleAnalyzer', () => {
  it('keeps every contract invariant on article-like text with damaged quotes', () => {
    fc.assert(fc.property(articleText, (body) => checkInvariants(analyze(article(body)))), { numRuns: 200 });
  });

  it('never throws and keeps offsets valid on arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (body) => checkInvariants(analyze(article(body)))), { numRuns: 200 });
  });

  it('is deterministic: the same article gives byte-identical records', () => {
    fc.assert(
      fc.property(articleText, (body) => {
        expect(JSON.stringify(analyze(article(body)))).toBe(JSON.stringify(analyze(article(body))));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps the title as the headline and metadata as given', () => {
    const record = analyze(article('The talks ended on Friday.', { title: 'Talks end', outlet: 'Metro Post', published: '2025-01-02' }));
    expect(record.title).toBe('Talks end');
    expect(record.outlet).toBe('Metro Post');
    expect(record.blocks[0]).toMatchObject({ kind: 'headline' });
    expect(record.text.slice(record.blocks[0]!.start, record.blocks[0]!.end)).toBe('Talks end');
  });
});

describe('sortFindings', () => {
  it('orders by start, end, then rule and drops duplicate ids', () => {
    const base = { analyzer: 'x', category: 'c', text: '', voice: 'narration', speaker: null, target: null, weight: 1, polarity: 'negative', note: '' } as const;
    const sorted = sortFindings([
      { ...base, id: 'b', rule: 'x/b', start: 5, end: 9 },
      { ...base, id: 'a', rule: 'x/a', start: 5, end: 9 },
      { ...base, id: 'c', rule: 'x/c', start: 1, end: 2 },
      { ...base, id: 'a', rule: 'x/a', start: 5, end: 9 },
    ]);
    expect(sorted.map((f) => f.id)).toEqual(['c', 'a', 'b']);
  });
});
