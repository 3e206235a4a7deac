/** Every evaluation suite, in the order the table prints them. */
import type { EvalSuite } from './types.js';

export const EVAL_SUITES: EvalSuite[] = [];
