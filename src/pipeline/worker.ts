/**
 * A worker thread of the analysis pool: compiles the lexicons once, then analyses the
 * batches it is given (articles, or JSONL lines it parses first) and hands them back as
 * JSONL bytes. Loaded by piscina from `run-analysis.ts`.
 */
import { workerData } from 'piscina';
import type { Article } from '../input/article.js';
import type { JsonlLineBatch } from '../input/jsonl-line.js';
import { loadLexicons } from '../lexicon/load.js';
import { analyzeBatch, analyzeJsonlLines, type EncodedBatch } from './analyze-batch.js';
import { createArticleAnalyzer } from './analyze-article.js';

const { lexiconFiles } = workerData as { lexiconFiles: string[] };
const analyze = createArticleAnalyzer(loadLexicons({ extraFiles: lexiconFiles }));

/** A batch of articles, or of JSONL lines to decode and parse first. */
export default function run(task: Article[] | JsonlLineBatch): EncodedBatch {
  return Array.isArray(task) ? analyzeBatch(analyze, task) : analyzeJsonlLines(analyze, task);
}
