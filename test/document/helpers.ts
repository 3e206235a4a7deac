/** Builds documents for the document tests from fictional articles, with a small gazetteer of our own. */
import { resolve } from 'node:path';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import type { Document } from '../../src/document/types.js';
import type { Part, StructuredArticle } from '../../src/input/article.js';
import type { Lexicon } from '../../src/lexicon/file.js';
import { EntitiesEntrySchema, type EntitiesEntry } from '../../src/lexicon/kinds/entities.js';
import { bundledLexiconDir, parseLexiconFile, type LexiconProblem, type LexiconSet } from '../../src/lexicon/load.js';

function emptyLexicon(kind: string): Lexicon<{ id: string }> {
  return { id: kind, kind, version: '0', file: `${kind}.json`, sources: [], entries: [] };
}

// Parsed through the schema so defaults (and fields added later) are filled in.
export const TEST_ENTITIES: EntitiesEntry[] = [
  { id: 'iran', name: 'Iran', kind: 'country', aliases: ['Islamic Republic'], metonyms: ['Tehran'], demonyms: ['Iranian', 'Iranians'] },
  { id: 'united-states', name: 'United States', kind: 'country', aliases: ['US', 'U.S.', 'America'], metonyms: ['Washington', 'the White House'], demonyms: ['American', 'Americans'] },
  { id: 'iraq', name: 'Iraq', kind: 'country', aliases: [], metonyms: ['Baghdad'], demonyms: ['Iraqi', 'Iraqis'] },
  { id: 'kurds', name: 'Kurds', kind: 'group', aliases: [], metonyms: [], demonyms: ['Kurdish', 'Kurd', 'Kurds'] },
  { id: 'daesh', name: 'Daesh', kind: 'armed-group', aliases: ['ISIS', 'ISIL'], metonyms: [], demonyms: [] },
  { id: 'hamas', name: 'Hamas', kind: 'armed-group', aliases: [], metonyms: [], demonyms: [] },
].map((entry) => EntitiesEntrySchema.parse(entry));

/** The bundled abbreviations (our own file) plus the test gazetteer; other kinds empty. */
export function testLexicons(entities: EntitiesEntry[] = TEST_ENTITIES): LexiconSet {
  const problems: LexiconProblem[] = [];
  const abbreviations = parseLexiconFile(resolve(bundledLexiconDir(), 'abbreviations.json'), problems);
  if (!abbreviations || problems.length) throw new Error(`abbreviations lexicon: ${JSON.stringify(problems)}`);
  return {
    abbreviations: abbreviations.lexicon,
    entities: { ...emptyLexicon('entities'), entries: entities },
    'text-cleaning': emptyLexicon('text-cleaning'),
    'loaded-terms': emptyLexicon('loaded-terms'),
    'speech-verbs': emptyLexicon('speech-verbs'),
    outlets: emptyLexicon('outlets'),
  } as unknown as LexiconSet;
}

export function article(parts: Part[], extra: Partial<StructuredArticle> = {}): StructuredArticle {
  return {
    id: 'test', source: 'test.txt', outlet: null, title: null, byline: null, url: null, published: null,
    fields: {}, removed: [], inputRepairs: [], parts, ...extra,
  };
}

const defaultBuilder = createDocumentBuilder(testLexicons());

/** One paragraph per string. */
export function buildDoc(...paragraphs: string[]): Document {
  return defaultBuilder(article(paragraphs.map((text) => ({ kind: 'paragraph' as const, text }))));
}

export function buildParts(parts: Part[], extra: Partial<StructuredArticle> = {}): Document {
  return defaultBuilder(article(parts, extra));
}

export function tokenTexts(doc: Document): string[] {
  return doc.tokens.map((t) => doc.text.slice(t.start, t.end));
}

export function sentenceTexts(doc: Document): string[] {
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
}

/** Quotes as one-line strings: `~` marks an inferred opening, `p` a phrase quote. */
export function quoteLines(doc: Document): string[] {
  return doc.quotes.map((q) => `${q.inferredOpen ? '~' : ''}${q.phrase ? 'p' : ''}[${doc.text.slice(q.start, q.end)}]`);
}
