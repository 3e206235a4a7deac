/**
 * Builds the offset-exact document every analyzer reads: the cleaned text (parts joined by
 * blank lines, one block per part), tokens, sentences, quotation spans and the repairs made
 * on the way. Cleaning happens here and only here; after this the text is never rewritten.
 */
import type { StructuredArticle } from '../input/article.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { Block, Repair } from '../schema/record.js';
import { compileAbbreviations } from './abbreviations.js';
import { cleanPart } from './clean-text.js';
import { compileNameIndex, repairLostApostrophes } from './lost-apostrophes.js';
import { findQuotes } from './quotes.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';
import type { Document } from './types.js';

const PART_SEPARATOR = '\n\n';

export function createDocumentBuilder(lexicons: LexiconSet): (article: StructuredArticle) => Document {
  const abbreviations = compileAbbreviations(lexicons.abbreviations.entries);
  const names = compileNameIndex(lexicons.entities.entries);
  return (article) => {
    const repairs: Repair[] = article.inputRepairs.map((r) => ({ kind: r.kind, start: 0, end: 0, note: r.note }));
    const pieces: string[] = [];
    const blocks: Block[] = [];
    let length = 0;
    for (const part of article.parts) {
      if (pieces.length) {
        pieces.push(PART_SEPARATOR);
        length += PART_SEPARATOR.length;
      }
      const cleaned = cleanPart(part.text, length, repairs);
      pieces.push(cleaned);
      blocks.push({ kind: part.kind, start: length, end: length + cleaned.length });
      length += cleaned.length;
    }
    const text = pieces.join('');
    const breaks: number[] = [];
    const capitalized: number[] = [];
    const tokens = tokenize(text, { abbreviations, breaks, capitalized });
    const sentences = splitSentences(text, tokens, blocks, abbreviations, breaks);
    repairLostApostrophes(text, tokens, names, repairs, capitalized);
    const quotes = findQuotes(text, tokens, sentences, blocks, repairs);
    // Build repairs come out in text order; input repairs (offset 0) stay first.
    repairs.sort((a, b) => a.start - b.start || a.end - b.end);
    return { article, text, blocks, removed: [...article.removed], repairs, tokens, sentences, quotes };
  };
}
