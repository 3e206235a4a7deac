/**
 * One JSON object or CSV row → an article (or an error record). Column names follow the
 * common dataset exports (Media Cloud, AllSides/Article-Bias-Prediction, news-please,
 * BASIL); `ColumnMap` names others.
 *
 * Each role takes the first recognised column present with a non-empty value, in the
 * order below. `content_original` comes before `content` because datasets with both keep
 * a lower-cased, tokenised copy in `content`. The other recognised columns of a role are
 * consumed (not copied into `fields`). Remaining columns with short scalar values
 * (strings, numbers, booleans; at most 1,000 characters) are kept in `fields` as strings
 * for grouping (`topic`, `bias_text`, `bias`).
 */
import type { Article } from './article.js';
import { formatBytes, inputError, type InputItem } from './input-error.js';
import { parseDate, parseTimestamp } from './parse-date.js';
import { readHtml } from './read-html.js';

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

type Role = keyof ColumnMap;

const RECOGNISED: Readonly<Record<Role, readonly string[]>> = {
  text: ['text', 'content_original', 'body', 'content', 'story', 'maintext', 'article_text', 'full_text', 'body-paragraphs', 'paragraphs'],
  title: ['title', 'headline'],
  outlet: ['outlet', 'media_name', 'source', 'publisher', 'site_name'],
  published: ['published', 'publish_date', 'date', 'date_publish', 'published_at', 'pubdate'],
  url: ['url', 'link', 'canonical_url'],
  byline: ['byline', 'authors', 'author'],
  id: ['id', 'ID', 'stories_id', 'article_id', 'uuid'],
};
const ROLES = Object.keys(RECOGNISED) as Role[];
const MAX_FIELD_CHARS = 1000;

export interface RecordContext {
  readonly source: string;
  /** Used when the record has no id column. */
  readonly derivedId: string;
  readonly columns?: ColumnMap | undefined;
  readonly maxArticleBytes?: number | undefined;
  readonly inputRepairs?: Article['inputRepairs'];
}

/** Strings, numbers and lists of strings (authors, paragraphs of sentences) as one string. */
function stringValue(value: unknown, role: Role): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    if (role === 'text') {
      // Paragraphs, each a string or a list of sentences (BASIL's `body-paragraphs`).
      return value
        .map((p) => (typeof p === 'string' ? p : Array.isArray(p) ? p.filter((s) => typeof s === 'string').join(' ') : ''))
        .filter((p) => p.trim())
        .join('\n\n');
    }
    const names = value
      .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string' ? (v as { name: string }).name : ''))
      .filter((v) => v.trim());
    return names.length ? names.join(', ') : null;
  }
  if (role === 'outlet' && value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
    return (value as { name: string }).name;
  }
  return null;
}

/** Lower-cased column name → its role and rank (lower is tried first); mapped names rank first. */
type ColumnIndex = ReadonlyMap<string, { readonly role: Role; readonly rank: number }>;

const defaultIndex = buildColumnIndex(undefined);
const indexCache = new WeakMap<ColumnMap, ColumnIndex>();

function buildColumnIndex(columns: ColumnMap | undefined): ColumnIndex {
  const index = new Map<string, { role: Role; rank: number }>();
  for (const role of ROLES) {
    const mapped = columns?.[role];
    if (mapped !== undefined) index.set(mapped.toLowerCase(), { role, rank: -1 });
  }
  for (const role of ROLES) {
    RECOGNISED[role].forEach((name, rank) => {
      if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), { role, rank });
    });
  }
  return index;
}

function columnIndex(columns: ColumnMap | undefined): ColumnIndex {
  if (!columns) return defaultIndex;
  let index = indexCache.get(columns);
  if (!index) {
    index = buildColumnIndex(columns);
    indexCache.set(columns, index);
  }
  return index;
}

function looksLikeHtml(text: string): boolean {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  return head.startsWith('<!doctype') || head.startsWith('<html') || ((head.startsWith('<p') || head.startsWith('<div') || head.startsWith('<article')) && text.includes('</'));
}

/** HTML in a text column; null (read it as plain text instead) if the markup defeats the reader. */
function readHtmlSafely(text: string, context: Parameters<typeof readHtml>[1]): Article | null {
  try {
    const article = readHtml(text, context);
    return article.parts?.length ? article : null;
  } catch {
    return null;
  }
}

/** Maps one record; every record yields exactly one item. */
export function recordToArticle(record: Record<string, unknown>, context: RecordContext): InputItem {
  // One pass over the record's columns; per role, the lowest-ranked column with a value wins.
  // Among names equal but for case, the first in the record wins.
  const values: Partial<Record<Role, string>> = {};
  const rawValues: Partial<Record<Role, unknown>> = {};
  const ranks: Partial<Record<Role, number>> = {};
  const consumed = new Set<string>();
  const index = columnIndex(context.columns);
  for (const key of Object.keys(record)) {
    const known = index.get(key.toLowerCase());
    if (!known) continue;
    consumed.add(key);
    const { role, rank } = known;
    if ((ranks[role] ?? Number.POSITIVE_INFINITY) <= rank) continue;
    const value = stringValue(record[key], role);
    if (value !== null && value.trim()) {
      values[role] = value;
      rawValues[role] = record[key];
      ranks[role] = rank;
    }
  }
  const fields: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) {
    if (consumed.has(key)) continue;
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      const text = String(value);
      if (text.length <= MAX_FIELD_CHARS) fields[key] = text;
    }
  }
  const givenId = values.id?.trim();
  const id = givenId || context.derivedId;
  const text = values.text;
  if (text === undefined) {
    const known = RECOGNISED.text.slice(0, 5).join(', ');
    return inputError(context.source, id, 'no-text', `The record at ${context.source} has no article text (looked for a column named ${context.columns?.text ?? known}).`);
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (context.maxArticleBytes !== undefined && bytes > context.maxArticleBytes) {
    return inputError(context.source, id, 'too-large', `The article at ${context.source} is ${formatBytes(bytes)}, over the limit of ${formatBytes(context.maxArticleBytes)}.`);
  }
  const rawDate = values.published;
  const published = rawDate === undefined ? null : typeof rawValues.published === 'number' ? parseTimestamp(rawValues.published) : parseDate(rawDate);
  if (rawDate !== undefined && published === null) fields.date_unparsed = rawDate.slice(0, MAX_FIELD_CHARS);
  const base = {
    id,
    ...(givenId ? {} : { idDerived: true }),
    source: context.source,
    fields,
    inputRepairs: context.inputRepairs ?? [],
  };
  const title = values.title?.trim() || null;
  const outlet = values.outlet?.trim() || null;
  const byline = values.byline?.trim() || null;
  const url = values.url?.trim() || null;
  const fromHtml = looksLikeHtml(text) ? readHtmlSafely(text, { id, idDerived: !givenId, source: context.source, url, fields, inputRepairs: base.inputRepairs }) : null;
  if (fromHtml) {
    return {
      kind: 'article',
      article: {
        ...fromHtml,
        title: title ?? fromHtml.title,
        outlet: outlet ?? fromHtml.outlet,
        byline: byline ?? fromHtml.byline,
        url: url ?? fromHtml.url,
        published: published ?? fromHtml.published,
      },
    };
  }
  const article: Article = {
    id, source: context.source, outlet, title, byline, url, published, fields, body: text, parts: null, removed: [], inputRepairs: base.inputRepairs,
  };
  if (!givenId) article.idDerived = true;
  return { kind: 'article', article };
}
