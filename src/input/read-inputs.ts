/** STUB (owned by the input helper): reading every input kind into articles. */
import { readFileSync } from 'node:fs';
import type { ErrorRecord } from '../schema/record.js';
import type { Article } from './article.js';

export type InputItem = { readonly kind: 'article'; readonly article: Article } | { readonly kind: 'error'; readonly error: ErrorRecord };

/** Column names mapped by `--text-column` and friends. */
export interface ColumnMap {
  readonly text?: string;
  readonly title?: string;
  readonly outlet?: string;
  readonly published?: string;
  readonly url?: string;
  readonly byline?: string;
  readonly id?: string;
}

export interface ReadOptions {
  readonly columns?: ColumnMap;
  /** Articles longer than this become error records (`too-large`). */
  readonly maxArticleBytes?: number;
  readonly fetchTimeoutMs?: number;
  readonly maxFetchBytes?: number;
  /** Standard input, for `-`. */
  readonly stdin?: NodeJS.ReadableStream;
}

/** Reads inputs in order, streaming JSONL and CSV; never throws for a bad record. */
export async function* readInputs(inputs: readonly string[], _options: ReadOptions = {}): AsyncGenerator<InputItem> {
  for (const input of inputs) {
    yield { kind: 'article', article: await readArticleFile(input) };
  }
}

/** Reads one text or HTML file into an article (used by eval on the seed). */
export async function readArticleFile(path: string): Promise<Article> {
  const body = readFileSync(path, 'utf8');
  return { id: path, source: path, outlet: null, title: null, byline: null, url: null, published: null, fields: {}, body, parts: null, removed: [], inputRepairs: [] };
}
