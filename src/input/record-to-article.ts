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

/** The column names of the record in the order they are tried for a role, case-insensitive after exact. */
function lookupKeys(record: Record<string, unknown>, role: Role, columns: ColumnMap | undefined): string[] {
  const keys: string[] = [];
  const mapped = columns?.[role];
  if (mapped !== undefined) keys.push(mapped);
  for (const name of RECOGNISED[role]) keys.push(name);
  const lowerIndex = new Map<string, string>();
  for (const key of Object.keys(record)) {
    const lower = key.toLowerCase();
    if (!lowerIndex.has(lower)) lowerIndex.set(lower, key);
  }
  const resolved: string[] = [];
  for (const key of keys) {
    const actual = Object.hasOwn(record, key) ? key : lowerIndex.get(key.toLowerCase());
    if (actual !== undefined && !resolved.includes(actual)) resolved.push(actual);
  }
  return resolved;
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
  const values: Partial<Record<Role, string>> = {};
  const rawValues: Partial<Record<Role, unknown>> = {};
  const consumed = new Set<string>();
  for (const role of ROLES) {
    for (const key of lookupKeys(record, role, context.columns)) {
      consumed.add(key);
      if (values[role] !== undefined) continue;
      const value = stringValue(record[key], role);
      if (value !== null && value.trim()) {
        values[role] = value;
        rawValues[role] = record[key];
      }
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
  return {
    kind: 'article',
    article: { ...base, outlet, title, byline, url, published, body: text, parts: null, removed: [] },
  };
}
