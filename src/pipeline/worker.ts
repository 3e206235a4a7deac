/**
 * A worker thread of the analysis pool: compiles the lexicons once, then analyses the
 * batches it is given and hands them back as JSONL bytes. Loaded by piscina from
 * `run-analysis.ts`.
 */
import { workerData } from 'piscina';
import type { Article } from '../input/article.js';
import { loadLexicons } from '../lexicon/load.js';
import { analyzeBatch, type EncodedBatch } from './analyze-batch.js';
import { createArticleAnalyzer } from './analyze-article.js';

const { lexiconFiles } = workerData as { lexiconFiles: string[] };
const analyze = createArticleAnalyzer(loadLexicons({ extraFiles: lexiconFiles }));

export default function run(articles: Article[]): EncodedBatch {
  return analyzeBatch(analyze, articles);
}
