// The public API of framelens. Only re-exports: everything else is internal.
export { createArticleAnalyzer } from './pipeline/analyze-article.js';
export { analyzeInputs, analyzeInputLines, analyzeInputBatches, type AnalysisRunOptions, type Shard } from './pipeline/run-analysis.js';
export { decodeLines, type EncodedBatch, type BatchResultLine } from './pipeline/analyze-batch.js';
export { readInputs, type InputItem, type ReadOptions, type ColumnMap } from './input/read-inputs.js';
export { ArticleSchema, type Article } from './input/article.js';
export { loadLexicons, LexiconError, type LexiconSet, type LexiconProblem } from './lexicon/load.js';
export * from './schema/record.js';
export { renderAnalysisText, renderRecordText } from './render/text.js';
export { csvHeader, csvRow } from './render/csv.js';
export { FRAMELENS_VERSION } from './version.js';
