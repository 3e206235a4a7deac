/** Every lexicon kind framelens reads, and the schema its entries must satisfy. */
import type { z } from 'zod';
import { AbbreviationsEntrySchema } from './kinds/abbreviations.js';
import { EntitiesEntrySchema } from './kinds/entities.js';
import { LoadedTermsEntrySchema } from './kinds/loaded-terms.js';
import { OutletsEntrySchema } from './kinds/outlets.js';
import { SpeechVerbsEntrySchema } from './kinds/speech-verbs.js';
import { TextCleaningEntrySchema } from './kinds/text-cleaning.js';

export const LEXICON_KINDS = {
  'text-cleaning': TextCleaningEntrySchema,
  abbreviations: AbbreviationsEntrySchema,
  'loaded-terms': LoadedTermsEntrySchema,
  entities: EntitiesEntrySchema,
  'speech-verbs': SpeechVerbsEntrySchema,
  outlets: OutletsEntrySchema,
} as const;

export type LexiconKind = keyof typeof LEXICON_KINDS;
export type LexiconEntries = { [K in LexiconKind]: z.infer<(typeof LEXICON_KINDS)[K]> };
