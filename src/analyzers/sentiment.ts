/** STUB (owned by the loaded-language helper): AFINN valence on framelens tokens. */
import type { Document } from '../document/types.js';
import type { SentimentResult } from './types.js';

export function createSentimentScorer(): (doc: Document) => SentimentResult {
  return (doc) => ({ bySentence: new Float64Array(doc.sentences.length), total: 0, scoredTokens: 0 });
}
