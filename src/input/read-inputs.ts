/**
 * Reading every input kind into articles, in input order, one item per input record.
 *
 * - `.txt` `.text` `.md`: one plain-text article (structured later by `structureArticle`);
 * - `.html` `.htm`: one HTML page (see `read-html.ts`);
 * - `.json`: one article object, or an array of them (`file:N`, N the 1-based element);
 * - `.jsonl` `.ndjson`: streamed line by line (`file:line`, 1-based physical line; blank
 *   lines are not records);
 * - `.csv` `.tsv`: streamed (`file:row`, see `read-csv.ts`);
 * - directories: recursively, files with the extensions above, sorted by path (code-unit
 *   order, so the same on every machine); names starting with "." and symbolic links to
 *   directories are skipped;
 * - `-`: standard input, JSONL when its first non-space character is `{`, else a JSON
 *   array (`[`), an HTML page (`<`) or plain text;
 * - `http://` and `https://` URLs (see `fetch-url.ts`); other schemes are refused.
 *
 * Derived ids (when the input gives none) are the file name without extension for a file
 * named on the command line, its path inside the folder (without extension) for a file
 * found in a folder, `base:line` for JSONL, `base:row` for CSV and `base:N` for JSON
 * arrays; a base already used in this run gets `~2`, `~3`, … so ids stay unique.
 *
 * Nothing here throws for a bad file or record: each becomes an error record in place.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import type { Article } from './article.js';
import { decodeBytes, looksBinary, normalizeLineEndings, StreamTextDecoder, streamEncoding, type InputRepair } from './decode.js';
import { fetchArticle, looksLikeUrl } from './fetch-url.js';
import { describeFsError, formatBytes, inputError, type InputItem } from './input-error.js';
import { readCsv } from './read-csv.js';
import { readHtml } from './read-html.js';
import { firstNonSpaceByte, jsonlLineItem, parseJsonlBytes, type JsonlFile, type JsonlLineItem } from './jsonl-line.js';
import { decodeChunks, peek, splitLines, splitUtf8Lines } from './read-lines.js';
import { recordToArticle, type ColumnMap } from './record-to-article.js';

export type { InputItem } from './input-error.js';
export type { ColumnMap } from './record-to-article.js';

export interface ReadOptions {
  readonly columns?: ColumnMap;
  /** Articles longer than this become error records (`too-large`). Default: no limit. */
  readonly maxArticleBytes?: number;
  /** Timeout of a URL fetch (default 15 s). */
  readonly fetchTimeoutMs?: number;
  /** Largest body a URL may send (default 10 MB). */
  readonly maxFetchBytes?: number;
  /** Standard input, for `-`. */
  readonly stdin?: NodeJS.ReadableStream;
}

type FileKind = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'csv' | 'tsv';

const EXTENSIONS: Readonly<Record<string, FileKind>> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.html': 'html', '.htm': 'html', '.json': 'json',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv', '.tsv': 'tsv',
};

/** A JSONL line longer than this many characters is skipped unread (`too-large`), bounding memory. */
function maxLineChars(options: ReadOptions): number {
  const max = options.maxArticleBytes;
  return max === undefined ? Number.POSITIVE_INFINITY : max * 2 + 1024 * 1024;
}

/** Hands out derived-id bases, unique within one run. */
class IdBases {
  private readonly used = new Map<string, number>();
  take(base: string): string {
    const count = this.used.get(base) ?? 0;
    this.used.set(base, count + 1);
    return count === 0 ? base : `${base}~${count + 1}`;
  }
}

function stripExtension(path: string): string {
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Plain text (or markdown) into an article, after the checks every text input shares. */
function textArticle(text: string, context: { source: string; id: string; repairs: InputRepair[]; markdown: boolean }): Article {
  // Markdown heading markers are syntax, not words: "# Headline" reads as "Headline".
  const body = context.markdown ? text.replace(/^#{1,6}[ \t]+/gm, '') : text;
  return {
    id: context.id, idDerived: true, source: context.source, outlet: null, title: null, byline: null, url: null,
    published: null, fields: {}, body, parts: null, removed: [], inputRepairs: context.repairs,
  };
}

function sniffKind(text: string): 'html' | 'json' | 'jsonl' | 'text' {
  const head = text.trimStart();
  if (head.startsWith('<')) return 'html';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) return 'jsonl';
  return 'text';
}

function* readJsonDocument(text: string, context: { name: string; base: string; options: ReadOptions; repairs: InputRepair[] }): Generator<InputItem> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    yield inputError(context.name, context.base, 'invalid-json', `${context.name} is not valid JSON (${reason}).`);
    return;
  }
  const asRecord = (item: unknown, source: string, derivedId: string): InputItem => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      return inputError(source, derivedId, 'invalid-record', `The record at ${source} is not a JSON object.`);
    }
    return recordToArticle(item as Record<string, unknown>, {
      source, derivedId, columns: context.options.columns, maxArticleBytes: context.options.maxArticleBytes, inputRepairs: context.repairs,
    });
  };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield asRecord(value[i], `${context.name}:${i + 1}`, `${context.base}:${i + 1}`);
    return;
  }
  yield asRecord(value, context.name, context.base);
}

/**
 * A JSONL stream, line by line, one item per non-blank line. UTF-8 (the usual case) is
 * split into lines as bytes: a line of at most `rawUpTo` bytes is then handed on as those
 * bytes (a `JsonlLineItem`, parsed by a worker), any other line is decoded and parsed
 * here. UTF-16 and Windows-1252 streams are decoded first, then split.
 */
async function* readJsonl(source: AsyncIterable<Uint8Array>, context: { name: string; base: string; options: ReadOptions; rawUpTo: number | undefined }): AsyncGenerator<InputItem | JsonlLineItem> {
  const { first, all } = await peek(source);
  if (first === null) return;
  const { options, rawUpTo } = context;
  const maxChars = maxLineChars(options);
  const start = streamEncoding(first);
  const file: JsonlFile = { name: context.name, base: context.base, repairs: start.repairs, columns: options.columns, maxArticleBytes: options.maxArticleBytes };
  if (start.encoding !== 'utf-8') {
    const decoder = new StreamTextDecoder();
    for await (const line of splitLines(decodeChunks(all, decoder), maxChars)) {
      const item = jsonlLineItem(line, file);
      if (item) yield item;
    }
    return;
  }
  for await (const line of splitUtf8Lines(withoutBom(all, start.bomLength), maxChars)) {
    if (!('bytes' in line)) {
      const item = jsonlLineItem(line, file);
      if (item) yield item;
      continue;
    }
    const { bytes, number } = line;
    if (rawUpTo !== undefined && bytes.length <= rawUpTo) {
      const opening = firstNonSpaceByte(bytes);
      if (opening === -1) continue;
      // Opening with an ASCII character, the line is not blank once decoded; one that
      // opens with other bytes (a no-break space?) is decoded here to decide.
      if ((bytes[opening] as number) < 0x80) {
        yield { kind: 'jsonl-line', file, number, bytes };
        continue;
      }
    }
    const item = parseJsonlBytes(bytes, number, file);
    if (item) yield item;
  }
}

/** The stream without the byte order mark that opens its first chunk. */
async function* withoutBom(chunks: AsyncIterable<Uint8Array>, bomLength: number): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    yield first ? chunk.subarray(bomLength) : chunk;
    first = false;
  }
}

/** The regular files with known extensions under a folder, sorted by path. */
async function listFolder(root: string): Promise<{ files: string[]; problems: { path: string; error: unknown }[] }> {
  const files: string[] = [];
  const problems: { path: string; error: unknown }[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, error });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (EXTENSIONS[extname(entry.name).toLowerCase()]) {
        if (entry.isFile()) files.push(path);
        else if (entry.isSymbolicLink()) {
          // Linked files are read; linked folders are not followed (no loops).
          try {
            if ((await stat(path)).isFile()) files.push(path);
          } catch (error) {
            problems.push({ path, error });
          }
        }
      }
    }
  }
  files.sort(compareCodeUnits);
  problems.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, problems };
}

interface FileContext {
  readonly path: string;
  /** Base of derived ids for this file. */
  readonly base: string;
  readonly options: ReadOptions;
  /** JSONL lines of at most this many bytes are left undecoded (`readInputItems`). */
  readonly rawJsonlUpTo: number | undefined;
}

async function* readFileInput(context: FileContext, kindHint: FileKind | null): AsyncGenerator<InputItem | JsonlLineItem> {
  const { path, base, options } = context;
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      yield inputError(path, base, 'unreadable', `${path} is a directory.`);
      return;
    }
    size = info.size;
  } catch (error) {
    const { code, reason } = describeFsError(error);
    yield inputError(path, null, code, `${path} cannot be read: ${reason}.`);
    return;
  }
  const kind = kindHint;
  if (kind === 'jsonl' || kind === 'csv' || kind === 'tsv') {
    // Sniff the first bytes for binary content before streaming.
    const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
    const chunks = binaryGuard(stream);
    try {
      if (kind === 'jsonl') {
        yield* readJsonl(chunks, { name: path, base, options, rawUpTo: context.rawJsonlUpTo });
      } else {
        yield* readCsv(chunks, { name: path, base, delimiter: kind === 'tsv' ? '\t' : ',', columns: options.columns, maxArticleBytes: options.maxArticleBytes });
      }
    } catch (error) {
      if (error instanceof BinaryInputError) yield inputError(path, base, 'binary', `${path} looks like a binary file (it contains NUL bytes), not text.`);
      else {
        const { code, reason } = describeFsError(error);
        yield inputError(path, base, code, `${path} could not be read to the end: ${reason}.`);
      }
    } finally {
      stream.destroy();
    }
    return;
  }
  const limit = options.maxArticleBytes;
  if (kind !== 'json' && limit !== undefined && size > limit) {
    yield inputError(path, base, 'too-large', `${path} is ${formatBytes(size)}, over the limit of ${formatBytes(limit)}.`);
    return;
  }
  let bytes: Buffer;
  try {
    // Read with a cap, not by the size stat() reports: a pipe or a device reports 0 and may never end.
    const read = await readBounded(path, kind === 'json' ? undefined : limit);
    if (read === null) {
      yield inputError(path, base, 'too-large', `${path} is over the limit of ${formatBytes(limit ?? 0)}; stopped reading there.`);
      return;
    }
    bytes = read;
  } catch (error) {
    const { code, reason } = describeFsError(error);
    yield inputError(path, base, code, `${path} cannot be read: ${reason}.`);
    return;
  }
  if (looksBinary(bytes)) {
    yield inputError(path, base, 'binary', `${path} looks like a binary file (it contains NUL bytes), not text.`);
    return;
  }
  const decoded = decodeBytes(bytes);
  if (decoded.text.includes('\u0000')) {
    yield inputError(path, base, 'binary', `${path} looks like a binary file (it contains NUL characters), not text.`);
    return;
  }
  const text = normalizeLineEndings(decoded.text);
  yield* readTextContent(text, { name: path, base, options, repairs: decoded.repairs }, kind);
}

/** Whole-text inputs (files and standard input): JSON, HTML or plain text. */
function* readTextContent(text: string, context: { name: string; base: string; options: ReadOptions; repairs: InputRepair[] }, kindHint: FileKind | null): Generator<InputItem> {
  const { name, base } = context;
  if (!text.trim()) {
    yield inputError(name, base, 'empty', `${name} is empty.`);
    return;
  }
  let kind: FileKind = kindHint ?? 'text';
  if (kindHint === null) {
    const sniffed = sniffKind(text);
    kind = sniffed === 'jsonl' ? 'json' : sniffed;
  }
  if (kind === 'json') {
    yield* readJsonDocument(text, context);
    return;
  }
  if (kind === 'html') {
    let article: Article;
    try {
      article = readHtml(text, { id: base, idDerived: true, source: name, url: null, inputRepairs: context.repairs });
    } catch {
      yield inputError(name, base, 'unreadable', `${name} could not be read as an HTML page.`);
      return;
    }
    if (!article.parts?.length && !article.title) {
      yield inputError(name, base, 'empty', `${name} has no readable article text.`);
      return;
    }
    yield { kind: 'article', article };
    return;
  }
  yield { kind: 'article', article: textArticle(text, { source: name, id: base, repairs: context.repairs, markdown: kind === 'markdown' }) };
}

class BinaryInputError extends Error {}

/** Reads a whole file, or returns null as soon as it passes `limit` bytes. */
async function readBounded(path: string, limit: number | undefined): Promise<Buffer | null> {
  if (limit === undefined) return readFile(path);
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) return null;
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

/**
 * NUL bytes in the first 8 KB of a record stream that make it a binary file rather than
 * text with a stray NUL in one record: compressed or image data has about 32 per 8 KB.
 */
const BINARY_NUL_COUNT = 8;

/**
 * Passes chunks through, failing when the first chunk looks binary (several NUL bytes and
 * no UTF-16 byte order mark). A single NUL only costs the record that holds it: the JSONL
 * line fails to parse, the CSV field keeps it, and every other record is read.
 */
async function* binaryGuard(source: AsyncIterable<Buffer | string>): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (first) {
      first = false;
      const head = bytes.subarray(0, 8192);
      if (looksBinary(head)) {
        let nuls = 0;
        for (let i = 0; i < head.length && nuls < BINARY_NUL_COUNT; i++) if (head[i] === 0) nuls++;
        if (nuls >= BINARY_NUL_COUNT) throw new BinaryInputError();
      }
    }
    yield bytes;
  }
}

async function* readStdin(options: ReadOptions, base: string, rawJsonlUpTo: number | undefined): AsyncGenerator<InputItem | JsonlLineItem> {
  const stream = options.stdin ?? process.stdin;
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let firstChar: string | null = null;
  let done = false;
  // Read until the first non-space character decides between JSONL (streamed) and a whole text.
  while (firstChar === null) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const bytes = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(bytes);
    const sample = Buffer.concat(head).subarray(0, 4096).toString('latin1').replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart();
    if (sample) firstChar = sample[0] as string;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  if (firstChar === '{') {
    yield* readJsonl(all(), { name: 'stdin', base, options, rawUpTo: rawJsonlUpTo });
    return;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const limit = options.maxArticleBytes;
  for await (const chunk of all()) {
    total += chunk.byteLength;
    if (limit !== undefined && total > limit * 2 + 1024 * 1024) {
      yield inputError('stdin', base, 'too-large', `Standard input is over the limit of ${formatBytes(limit)}.`);
      return;
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  if (looksBinary(bytes)) {
    yield inputError('stdin', base, 'binary', 'Standard input looks like binary data (it contains NUL bytes), not text.');
    return;
  }
  const decoded = decodeBytes(bytes);
  if (limit !== undefined && firstChar !== '[' && Buffer.byteLength(decoded.text) > limit) {
    yield inputError('stdin', base, 'too-large', `Standard input is over the limit of ${formatBytes(limit)}.`);
    return;
  }
  yield* readTextContent(normalizeLineEndings(decoded.text), { name: 'stdin', base, options, repairs: decoded.repairs }, null);
}

/** Reads inputs in order, streaming JSONL and CSV; never throws for a bad record. */
export function readInputs(inputs: readonly string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  // Without a byte limit for raw lines, every JSONL line is parsed here: only InputItems come out.
  return readInputItems(inputs, options, undefined) as AsyncGenerator<InputItem>;
}

/**
 * `readInputs` for the analysis pool: UTF-8 JSONL lines of at most `rawJsonlUpTo` bytes
 * come out as their bytes (`JsonlLineItem`), one per non-blank line, for the worker threads
 * to decode and parse (`jsonlBatchItems`); everything else as `readInputs` reads it.
 */
export async function* readInputItems(inputs: readonly string[], options: ReadOptions, rawJsonlUpTo: number | undefined): AsyncGenerator<InputItem | JsonlLineItem> {
  const bases = new IdBases();
  for (const input of inputs) {
    // A last safety net: a failure nobody foresaw ends this input with one error record, and the run goes on.
    yield* guarded(readInput(input, options, bases, rawJsonlUpTo), input);
  }
}

/** Ends an input with one `internal` error record if reading it fails in a way nobody foresaw. */
async function* guarded<T>(items: AsyncGenerator<T>, source: string): AsyncGenerator<T | InputItem> {
  try {
    yield* items;
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : String(error);
    yield inputError(source, null, 'internal', `${source} could not be read to the end (${reason}).`);
  }
}

async function* readInput(input: string, options: ReadOptions, bases: IdBases, rawJsonlUpTo: number | undefined): AsyncGenerator<InputItem | JsonlLineItem> {
  if (input === '-') {
    yield* readStdin(options, bases.take('stdin'), rawJsonlUpTo);
    return;
  }
  if (looksLikeUrl(input)) {
    yield await fetchArticle(input, options);
    return;
  }
  let isDirectory = false;
  try {
    isDirectory = (await stat(input)).isDirectory();
  } catch (error) {
    const { code, reason } = describeFsError(error);
    yield inputError(input, null, code, `${input} cannot be read: ${reason}.`);
    return;
  }
  if (!isDirectory) {
    const kind = EXTENSIONS[extname(input).toLowerCase()] ?? null;
    yield* readFileInput({ path: input, base: bases.take(stripExtension(basename(input))), options, rawJsonlUpTo }, kind);
    return;
  }
  const { files, problems } = await listFolder(input);
  for (const problem of problems) {
    const { code, reason } = describeFsError(problem.error);
    yield inputError(problem.path, null, code, `${problem.path} cannot be read: ${reason}.`);
  }
  if (!files.length && !problems.length) {
    yield inputError(input, null, 'empty', `The folder ${input} holds no article files (${Object.keys(EXTENSIONS).join(' ')}).`);
    return;
  }
  for (const file of files) {
    const base = bases.take(stripExtension(relative(input, file).split('\\').join('/')));
    yield* guarded(readFileInput({ path: file, base, options, rawJsonlUpTo }, EXTENSIONS[extname(file).toLowerCase()] ?? null), file);
  }
}

/** Reads one text or HTML file into an article (used by eval on the seed); throws when it cannot. */
export async function readArticleFile(path: string, options: ReadOptions = {}): Promise<Article> {
  for await (const item of readInputs([path], options)) {
    if (item.kind === 'article') return item.article;
    throw new Error(item.error.error.message);
  }
  throw new Error(`${path} holds no article.`);
}
