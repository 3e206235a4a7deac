/** Evaluation suites in this file: filled in by the attribution work. */
import type { EvalSuite } from './types.js';

export const suites: EvalSuite[] = [];
