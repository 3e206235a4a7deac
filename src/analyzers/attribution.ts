/** STUB (owned by the attribution helper). */
import type { Document } from '../document/types.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { AttributionResult, EntityMention } from './types.js';

export function createAttributionAnalyzer(
  _lexicons: LexiconSet,
): (doc: Document, mentions: readonly EntityMention[]) => AttributionResult {
  return (doc) => ({
    quotes: doc.quotes.map((q) => ({ start: q.start, end: q.end, kind: q.phrase ? 'scare' as const : 'direct' as const, speaker: null, cue: null, inferredOpen: q.inferredOpen })),
    voices: [],
    findings: [],
  });
}
