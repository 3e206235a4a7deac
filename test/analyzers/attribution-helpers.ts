/** Test helpers for the attribution analyzer: articles in, one-line summaries out. */
import { loadLexicons } from '../../src/lexicon/load.js';
import { createArticleAnalyzer } from '../../src/pipeline/analyze-article.js';
import { datasetArticle } from '../../src/eval/types.js';
import type { AnalysisRecord } from '../../src/schema/record.js';

const lexicons = loadLexicons();
export const analyze = createArticleAnalyzer(lexicons);

/** Analyzes a body under a neutral headline (the structurer reads the first line as the headline). */
export function analyzeBody(body: string, headline = 'Officials meet for talks'): AnalysisRecord {
  return analyze(datasetArticle({ id: 'test', source: 'test', body: `${headline}\n\n${body}` }));
}

/** One line per quote: `kind speaker cue «words»`. */
export function quoteLines(record: AnalysisRecord): string[] {
  return record.quotes.map((q) => `${q.kind} ${q.speaker ?? '-'} ${q.cue?.verb ?? '-'} «${record.text.slice(q.start, q.end)}»`);
}

/** One line per attribution finding: `rule category «text» speaker`. */
export function findingLines(record: AnalysisRecord): string[] {
  return record.findings
    .filter((f) => f.analyzer === 'attribution')
    .map((f) => `${f.rule} ${f.category} «${f.text}» ${f.speaker ?? '-'}${f.target ? ` @${f.target}` : ''}`);
}
