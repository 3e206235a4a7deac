/** Evaluation suites in this file: filled in by the document work. */
import type { EvalSuite } from './types.js';

export const suites: EvalSuite[] = [];
