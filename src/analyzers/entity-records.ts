/** STUB (owned by the loaded-language helper): the record's `entities`. */
import type { Document } from '../document/types.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { Entity, Finding } from '../schema/record.js';
import type { EntityMention, SentimentResult } from './types.js';

export function createEntityRecordBuilder(
  _lexicons: LexiconSet,
): (doc: Document, mentions: readonly EntityMention[], findings: readonly Finding[], sentiment: SentimentResult) => Entity[] {
  return () => [];
}
