/** Every evaluation suite, in the order the table prints them. */
import { suites as articleBias } from './article-bias.js';
import { suites as babe } from './babe.js';
import { suites as basil } from './basil.js';
import { suites as basilSpeaker } from './basil-speaker.js';
import { suites as polnearAttribution } from './polnear-attribution.js';
import { suites as polnearProvenance } from './polnear-provenance.js';
import { suites as ptc } from './ptc.js';
import { suites as seedAttribution } from './seed-attribution.js';
import { suites as seedCore } from './seed-core.js';
import { suites as seedLoaded } from './seed-loaded.js';
import { suites as seedProvenance } from './seed-provenance.js';
import type { EvalSuite } from './types.js';

export const EVAL_SUITES: readonly EvalSuite[] = [
  ...seedCore,
  ...seedLoaded,
  ...seedAttribution,
  ...seedProvenance,
  ...ptc,
  ...babe,
  ...basil,
  ...basilSpeaker,
  ...polnearAttribution,
  ...polnearProvenance,
  ...articleBias,
];
