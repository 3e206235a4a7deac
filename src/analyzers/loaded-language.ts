/** STUB (owned by the loaded-language helper). */
import type { Document } from '../document/types.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { Finding } from '../schema/record.js';
import type { AttributionResult, EntityMention } from './types.js';

export function createLoadedLanguageAnalyzer(
  _lexicons: LexiconSet,
): (doc: Document, mentions: readonly EntityMention[], attribution: AttributionResult) => Finding[] {
  return () => [];
}
