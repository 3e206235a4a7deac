/** STUB (owned by the input helper): plain-text structuring of an article body. */
import type { Lexicon } from '../lexicon/file.js';
import type { TextCleaningEntry } from '../lexicon/kinds/text-cleaning.js';
import type { Article, StructuredArticle } from './article.js';

export function createArticleStructurer(_lexicon: Lexicon<TextCleaningEntry>): (article: Article) => StructuredArticle {
  return (article) => {
    const { body, parts, ...rest } = article;
    const paragraphs = (body ?? '').split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean);
    return { ...rest, parts: parts ?? paragraphs.map((text) => ({ kind: 'paragraph' as const, text })) };
  };
}
