/** The evaluation harness's shapes: each suite reads one dataset and returns metric rows. */
import { articleFromFields, type Article } from '../input/article.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { AnalysisRecord } from '../schema/record.js';

export interface EvalRow {
  /** Dataset or case: `seed`, `ptc`, `babe`, … */
  readonly suite: string;
  readonly metric: string;
  /** A number (0–1 for rates) or a pass/fail. */
  readonly value: number | boolean;
  /** The target, when it states one. */
  readonly target?: number | boolean;
  /** How many items the metric was computed over. */
  readonly n?: number;
  readonly note?: string;
}

export interface EvalContext {
  /** `../shared` (or `$FRAMELENS_SHARED`), where the seed and datasets live. */
  readonly sharedDir: string;
  readonly lexicons: LexiconSet;
  readonly analyze: (article: Article) => AnalysisRecord;
  /** Reads a file the way `framelens analyze` would (for the seed and text datasets). */
  readonly readArticleFile: (path: string) => Promise<Article>;
}

export interface EvalSuite {
  readonly name: string;
  /** Relative to `sharedDir`: the suite is skipped (with a note) when it is missing. */
  readonly requires: string;
  run(context: EvalContext): Promise<EvalRow[]>;
}

/** Builds a plain article from text already split by the dataset (no cleaning needed). */
export function datasetArticle(fields: Partial<Article> & { id: string; source: string; body: string }): Article {
  return articleFromFields(fields);
}

/** Precision, recall and F1 from sums, guarding empty denominators. */
export function prf(precisionNum: number, precisionDen: number, recallNum: number, recallDen: number): { p: number; r: number; f1: number } {
  const p = precisionDen > 0 ? precisionNum / precisionDen : 0;
  const r = recallDen > 0 ? recallNum / recallDen : 0;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** Deterministic split: about one item in five is held out for measuring, never tuned on. */
export function isHeldOut(key: string): boolean {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) % 5 === 0;
}
