/** Shared helpers for the input tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article, StructuredArticle } from '../../src/input/article.js';
import { readInputs, type InputItem, type ReadOptions } from '../../src/input/read-inputs.js';
import { createArticleStructurer } from '../../src/input/structure-article.js';
import { loadLexicons } from '../../src/lexicon/load.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/input/', import.meta.url));

export function fixture(name: string): string {
  return `${FIXTURES}${name}`;
}

export function readFixture(name: string): string {
  return readFileSync(fixture(name), 'utf8');
}

let structurer: ((article: Article) => StructuredArticle) | null = null;

/** The structurer over the bundled `text-cleaning` lexicon, compiled once per test file. */
export function structure(article: Article): StructuredArticle {
  structurer ??= createArticleStructurer(loadLexicons()['text-cleaning']);
  return structurer(article);
}

/** A plain-text article as a reader would produce it. */
export function textArticle(body: string, extra: Partial<Article> = {}): Article {
  return {
    id: 'test', idDerived: true, source: 'test.txt', outlet: null, title: null, byline: null, url: null, published: null,
    fields: {}, body, parts: null, removed: [], inputRepairs: [], ...extra,
  };
}

/** Parts as one-line strings (`kind: text`), the form most assertions compare. */
export function partLines(article: StructuredArticle): string[] {
  return article.parts.map((p) => `${p.kind}: ${p.text}`);
}

export function removedLines(article: StructuredArticle): string[] {
  return article.removed.map((r) => `${r.reason}: ${r.text}`);
}

export async function collect(inputs: readonly string[], options: ReadOptions = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

/** `source code` for errors, `source id` for articles: a compact view of a run. */
export function itemLines(items: readonly InputItem[]): string[] {
  return items.map((item) => (item.kind === 'error' ? `error ${item.error.source} ${item.error.error.code}` : `article ${item.article.source} ${item.article.id}`));
}
