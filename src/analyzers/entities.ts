/** STUB (owned by the loaded-language helper): finds gazetteer entities. */
import type { Document } from '../document/types.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { EntityMention } from './types.js';

export function createEntityFinder(_lexicons: LexiconSet): (doc: Document) => EntityMention[] {
  return () => [];
}
