/**
 * One batch of articles → one JSON line per article (an analysis or an error record).
 * Shared by the main thread (1 worker) and the worker threads, so both produce
 * byte-identical output. Serialising in the thread that analysed keeps the main thread
 * free to read and write.
 */
import type { Article } from '../input/article.js';
import { ERROR_SCHEMA_ID, type AnalysisRecord, type ErrorRecord } from '../schema/record.js';

export interface BatchResultLine {
  /** The record as one JSON line (no newline). */
  readonly json: string;
  readonly ok: boolean;
}

export function analysisFailure(article: Pick<Article, 'source' | 'id'>, error: unknown): ErrorRecord {
  return {
    schema: ERROR_SCHEMA_ID,
    source: article.source,
    id: article.id,
    error: { code: 'internal', message: `analysis failed: ${error instanceof Error ? error.message : String(error)}` },
  };
}

export function analyzeBatch(analyze: (article: Article) => AnalysisRecord, articles: readonly Article[]): BatchResultLine[] {
  return articles.map((article) => {
    try {
      return { json: JSON.stringify(analyze(article)), ok: true };
    } catch (error) {
      // One bad article never takes the others down with it.
      return { json: JSON.stringify(analysisFailure(article, error)), ok: false };
    }
  });
}
