/**
 * HTML pages → articles, through `@mozilla/readability` (Firefox Reader View's extractor)
 * on a `linkedom` DOM. linkedom builds a DOM without a browsing context, so scripts never
 * run and nothing is fetched. No regular expression ever parses the HTML.
 *
 * Metadata is read from the untouched DOM first (readability mutates it): title, byline,
 * site name (og:site_name, JSON-LD publisher), publication time (article:published_time,
 * JSON-LD datePublished, <time datetime>) and canonical URL (<link rel=canonical>, og:url).
 * The main text becomes parts: block elements are paragraphs, <figcaption> captions. The
 * structurer then adds the headline from the title and removes chrome.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Removed } from '../schema/record.js';
import type { Article, Part } from './article.js';
import { parseDate } from './parse-date.js';

/** The few DOM members used here (the project compiles without the DOM lib). */
interface DomNode {
  readonly nodeType: number;
  readonly localName?: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  getAttribute?(name: string): string | null;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument {
  readonly title: string;
  readonly body: DomElement | null;
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'select', 'option', 'input', 'textarea', 'form', 'nav', 'footer', 'aside', 'object', 'embed', 'head', 'title', 'meta', 'link']);
/** Elements that start and end a block of text. */
const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'dd', 'dt', 'td', 'th', 'address', 'div', 'section',
  'article', 'main', 'figure', 'ul', 'ol', 'dl', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'header', 'hr', 'details', 'summary',
  'center', 'body', 'html',
]);
/** Site furniture recorded as removed boilerplate, not read as text. */
const BOILERPLATE_SELECTOR = 'nav, footer, aside, [role="navigation"], [role="contentinfo"], [role="banner"], [class*="share"], [class*="social"], [class*="cookie"], [class*="advert"], [id*="cookie"]';
const MAX_BOILERPLATE_ENTRIES = 20;
const MAX_BOILERPLATE_CHARS = 200;

/** HTML's own whitespace (not NBSP, which the document builder records as a repair). */
const HTML_SPACE = /[ \t\n\r\f]+/g;

function collapse(text: string): string {
  return text.replace(HTML_SPACE, ' ').trim();
}

function localName(node: DomNode): string {
  return (node.localName ?? '').toLowerCase();
}

/** Text of a subtree, iteratively (deeply nested pages must not overflow the stack), skipping scripts. */
function textOf(root: DomNode): string {
  const out: string[] = [];
  // `null` marks the end of a block element, which separates words like a space.
  const stack: (DomNode | null)[] = [root];
  while (stack.length) {
    const node = stack.pop() as DomNode | null;
    if (node === null) {
      out.push(' ');
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      out.push(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = localName(node);
    if (node !== root && SKIP.has(name)) continue;
    if (name === 'br') out.push(' ');
    if (BLOCKS.has(name) || name === 'figcaption') {
      out.push(' ');
      stack.push(null);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  return collapse(out.join(''));
}

/** Block elements → parts: paragraphs, and captions from <figcaption>. */
export function extractParts(root: DomNode): Part[] {
  const parts: Part[] = [];
  let buffer: string[] = [];
  const flush = () => {
    if (!buffer.length) return;
    const text = collapse(buffer.join(''));
    buffer = [];
    if (text) parts.push({ kind: 'paragraph', text });
  };
  // Explicit stack of [node, leaving] so 10,000 nested tags cannot overflow the call stack.
  const stack: [DomNode, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop() as [DomNode, boolean];
    if (leaving) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      buffer.push(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const name = localName(node);
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      buffer.push(' ');
      continue;
    }
    if (name === 'figcaption') {
      flush();
      const text = textOf(node);
      if (text) parts.push({ kind: 'caption', text });
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      stack.push([node, true]);
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i] as DomNode, false]);
  }
  flush();
  return parts;
}

interface PageMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  published: string | null;
  url: string | null;
}

function absoluteHttpUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface JsonLdFacts {
  datePublished: string | null;
  headline: string | null;
  author: string | null;
  publisher: string | null;
}

/** Looks through JSON-LD objects (arrays, @graph) for article facts, with bounded depth and breadth. */
function readJsonLd(doc: DomDocument): JsonLdFacts {
  const facts: JsonLdFacts = { datePublished: null, headline: null, author: null, publisher: null };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  let budget = 500;
  const nameOf = (value: unknown): string | null => {
    if (typeof value === 'string') return value.trim() || null;
    if (Array.isArray(value)) return value.map(nameOf).filter((v): v is string => !!v).join(', ') || null;
    if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return ((value as { name: string }).name).trim() || null;
    return null;
  };
  const visit = (value: unknown, depth: number): void => {
    if (budget-- <= 0 || depth > 6 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    if (typeof obj.datePublished === 'string') facts.datePublished ??= obj.datePublished;
    if (typeof obj.headline === 'string') facts.headline ??= obj.headline;
    if (obj.author !== undefined) facts.author ??= nameOf(obj.author);
    if (obj.publisher !== undefined) facts.publisher ??= nameOf(obj.publisher);
    if (obj['@graph'] !== undefined) visit(obj['@graph'], depth + 1);
  };
  for (let i = 0; i < scripts.length && i < 10; i++) {
    try {
      visit(JSON.parse((scripts[i] as DomElement).textContent ?? ''), 0);
    } catch {
      // Broken JSON-LD is common; the other metadata still counts.
    }
  }
  return facts;
}

function readMetadata(doc: DomDocument, baseUrl: string | null): PageMetadata {
  const meta = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i] as DomElement;
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content')?.trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
  }
  const ld = readJsonLd(doc);
  const firstDate = (...values: (string | null | undefined)[]): string | null => {
    for (const value of values) {
      const parsed = value ? parseDate(value) : null;
      if (parsed) return parsed;
    }
    return null;
  };
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  const author = meta.get('author') ?? meta.get('article:author') ?? meta.get('byl') ?? ld.author;
  return {
    title: meta.get('og:title') ?? meta.get('twitter:title') ?? ld.headline ?? null,
    byline: author && !/^https?:/i.test(author) ? author : null,
    siteName: meta.get('og:site_name') ?? ld.publisher ?? meta.get('application-name') ?? null,
    published: firstDate(
      meta.get('article:published_time'), meta.get('og:article:published_time'), ld.datePublished, meta.get('datepublished'),
      meta.get('pubdate'), meta.get('publishdate'), meta.get('parsely-pub-date'), meta.get('dc.date.issued'), meta.get('dc.date'),
      meta.get('date'), time,
    ),
    url: absoluteHttpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), baseUrl)
      ?? absoluteHttpUrl(meta.get('og:url'), baseUrl),
  };
}

/** Short notes of the navigation, footers, share bars and ads left out, capped in number and size. */
function collectBoilerplate(doc: DomDocument): Removed[] {
  const removed: Removed[] = [];
  const found = doc.querySelectorAll(BOILERPLATE_SELECTOR);
  const seen = new Set<string>();
  for (let i = 0; i < found.length && removed.length < MAX_BOILERPLATE_ENTRIES; i++) {
    const text = textOf(found[i] as DomElement);
    if (!text || seen.has(text)) continue;
    seen.add(text);
    removed.push({ text: text.length > MAX_BOILERPLATE_CHARS ? `${text.slice(0, MAX_BOILERPLATE_CHARS - 1)}…` : text, reason: 'boilerplate' });
  }
  return removed;
}

function cleanTitle(title: string | null, siteName: string | null): string | null {
  if (!title) return null;
  let text = collapse(title);
  if (siteName) {
    for (const separator of [' - ', ' | ', ' – ', ' — ', ' :: ']) {
      const suffix = `${separator}${siteName}`;
      if (text.toLowerCase().endsWith(suffix.toLowerCase()) && text.length > suffix.length) text = text.slice(0, -suffix.length).trim();
    }
  }
  return text || null;
}

function cleanByline(byline: string | null | undefined): string | null {
  if (!byline) return null;
  const text = collapse(byline).replace(/^by:?\s+/i, '').trim();
  return text && text.length <= 200 ? text : null;
}

export interface HtmlArticleContext {
  readonly id: string;
  readonly idDerived: boolean;
  readonly source: string;
  /** The page's own address (a fetched URL), used to resolve a relative canonical link. */
  readonly url: string | null;
  readonly inputRepairs?: Article['inputRepairs'];
  readonly fields?: Article['fields'];
}

/**
 * Readability recurses over the tree (a stack overflow at a few thousand nested tags) and
 * runs at well under 1 MB/s on linkedom for pages with thousands of blocks. Such pages take
 * the plain path: boilerplate elements removed, then `<article>`, `<main>` or the body walked.
 */
const READABILITY_MAX_ELEMENTS = 3000;
const READABILITY_MAX_DEPTH = 300;

function tooBigForReadability(doc: DomDocument): boolean {
  if (doc.querySelectorAll('*').length > READABILITY_MAX_ELEMENTS) return true;
  const root = doc.documentElement;
  if (!root) return false;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [DomNode, number];
    if (depth > READABILITY_MAX_DEPTH) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as DomNode;
      if (child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function extractLargePage(doc: DomDocument): Part[] {
  const found = doc.querySelectorAll(BOILERPLATE_SELECTOR);
  const doomed: DomElement[] = [];
  for (let i = 0; i < found.length; i++) doomed.push(found[i] as DomElement);
  for (const element of doomed) element.remove();
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  return root ? extractParts(root) : [];
}

/** Wraps a fragment in a document: linkedom only builds a body for whole documents. */
function asDocument(html: string): string {
  const head = html.slice(0, 4096).toLowerCase();
  return head.includes('<html') || head.includes('<body') ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}

/** Reads an HTML page into an article: metadata, main text as parts, boilerplate noted in `removed`. */
export function readHtml(html: string, context: HtmlArticleContext): Article {
  const { document } = parseHTML(asDocument(html)) as unknown as { document: DomDocument };
  const meta = readMetadata(document, context.url);
  const removed = collectBoilerplate(document);
  const documentTitle = collapse(document.title ?? '') || null;

  let parts: Part[] = [];
  let title: string | null = meta.title;
  let byline: string | null = meta.byline;
  let siteName: string | null = meta.siteName;
  let published: string | null = meta.published;
  if (tooBigForReadability(document)) {
    parts = extractLargePage(document);
  } else try {
    const reader = new Readability(document as never, { serializer: (node: unknown) => node });
    const result = reader.parse();
    if (result?.content) parts = extractParts(result.content as DomNode);
    title ??= result?.title ?? null;
    byline ??= result?.byline ?? null;
    siteName ??= result?.siteName ?? null;
    published ??= result?.publishedTime ? parseDate(result.publishedTime) : null;
  } catch {
    // Readability gives up on some pathological pages; the plain walk below still reads them.
  }
  if (!parts.length) {
    // Readability may have stripped the document; parse again for the plain walk.
    const fresh = parseHTML(asDocument(html)) as unknown as { document: DomDocument };
    const body = fresh.document.body;
    if (body) parts = extractParts(body);
  }
  title ??= documentTitle;
  return {
    id: context.id,
    ...(context.idDerived ? { idDerived: true } : {}),
    source: context.source,
    outlet: siteName ? collapse(siteName) || null : null,
    title: cleanTitle(title, siteName),
    byline: cleanByline(byline),
    url: meta.url ?? context.url,
    published,
    fields: context.fields ?? {},
    body: null,
    parts,
    removed,
    inputRepairs: context.inputRepairs ?? [],
  };
}
