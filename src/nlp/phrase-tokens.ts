/**
 * Lexicon phrases are tokenized by the document builder itself, so a phrase and the
 * article text it should match are split the same way ("so-called", "U.S.", "Iran's"),
 * whatever the tokenizer decides about hyphens, dots and apostrophes.
 */
import { createDocumentBuilder } from '../document/build-document.js';
import type { StructuredArticle } from '../input/article.js';
import type { LexiconSet } from '../lexicon/load.js';

export interface PhraseToken {
  /** The token's `base` (lower-cased, possessive ending removed): the matching key. */
  readonly base: string;
  /** The token as written in the phrase, for case-sensitive checks. */
  readonly surface: string;
}

export type PhraseTokenizer = (phrase: string) => PhraseToken[];

export function createPhraseTokenizer(lexicons: LexiconSet): PhraseTokenizer {
  const build = createDocumentBuilder(lexicons);
  const cache = new Map<string, PhraseToken[]>();
  return (phrase) => {
    const known = cache.get(phrase);
    if (known) return known;
    const article: StructuredArticle = {
      id: 'lexicon-phrase', source: 'lexicon', outlet: null, title: null, byline: null, url: null, published: null,
      fields: {}, removed: [], inputRepairs: [], parts: [{ kind: 'paragraph', text: phrase }],
    };
    const doc = build(article);
    const tokens = doc.tokens.map((t) => ({ base: t.base, surface: doc.text.slice(t.start, t.end) }));
    cache.set(phrase, tokens);
    return tokens;
  };
}
