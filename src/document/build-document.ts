/** STUB (owned by the document helper): builds the offset-exact document. */
import type { LexiconSet } from '../lexicon/load.js';
import type { StructuredArticle } from '../input/article.js';
import type { Document } from './types.js';

export function createDocumentBuilder(_lexicons: LexiconSet): (article: StructuredArticle) => Document {
  return (article) => {
    let text = '';
    const blocks = article.parts.map((part) => {
      if (text) text += '\n\n';
      const start = text.length;
      text += part.text;
      return { kind: part.kind, start, end: text.length };
    });
    return { article, text, blocks, removed: article.removed, repairs: [], tokens: [], sentences: [], quotes: [] };
  };
}
