/**
 * Runs the analysis over a stream of inputs, yielding one output record per input
 * record, in input order. (Sequential for now; worker threads come with the speed work.)
 */
import { readInputs, type ReadOptions } from '../input/read-inputs.js';
import { loadLexicons } from '../lexicon/load.js';
import { ERROR_SCHEMA_ID, type OutputRecord } from '../schema/record.js';
import { createArticleAnalyzer } from './analyze-article.js';

export interface AnalysisRunOptions extends ReadOptions {
  /** User lexicon and registry files layered over the bundled ones. */
  readonly lexiconFiles?: readonly string[];
  /** Worker threads (default: the number of cores; 1 analyzes in this thread). */
  readonly workers?: number;
  /** `i/n`: keep only the records whose position modulo n is i. */
  readonly shard?: { readonly index: number; readonly count: number };
}

export async function* analyzeInputs(inputs: readonly string[], options: AnalysisRunOptions = {}): AsyncGenerator<OutputRecord> {
  const analyze = createArticleAnalyzer(loadLexicons({ extraFiles: options.lexiconFiles ?? [] }));
  for await (const item of readInputs(inputs, options)) {
    if (item.kind === 'error') {
      yield item.error;
      continue;
    }
    try {
      yield analyze(item.article);
    } catch (error) {
      yield {
        schema: ERROR_SCHEMA_ID,
        source: item.article.source,
        id: item.article.id,
        error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
      };
    }
  }
}
