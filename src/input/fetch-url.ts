/**
 * http(s) URLs, fetched with the global `fetch` under a timeout and a size limit enforced
 * while the body streams (a lying or missing Content-Length cannot get past it), then read
 * as HTML (or as plain text when the server says `text/plain`). Only `http:` and `https:`.
 */
import { decodeBytes, normalizeLineEndings } from './decode.js';
import { formatBytes, inputError, type InputItem } from './input-error.js';
import { readHtml } from './read-html.js';

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_FETCH_BYTES = 10 * 1024 * 1024;

export interface FetchOptions {
  readonly fetchTimeoutMs?: number | undefined;
  readonly maxFetchBytes?: number | undefined;
  readonly maxArticleBytes?: number | undefined;
}

/** True for strings that name a URL scheme (`https://…`, `ftp://…`), as opposed to a file path. */
export function looksLikeUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]{1,15}:\/\//i.test(input);
}

function charsetOf(contentType: string | null): string | undefined {
  if (!contentType) return undefined;
  for (const param of contentType.split(';').slice(1)) {
    const [key, value] = param.split('=');
    if (key?.trim().toLowerCase() === 'charset' && value) return value.trim().replace(/^"|"$/g, '');
  }
  return undefined;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `it did not answer within ${Math.round(timeoutMs / 100) / 10} seconds`;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (cause?.code) return `the connection failed (${cause.code})`;
  return 'the connection failed';
}

export async function fetchArticle(input: string, options: FetchOptions = {}): Promise<InputItem> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return inputError(input, input, 'fetch-failed', `${input} is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return inputError(input, input, 'unsupported', `Only http and https URLs can be read, not ${url.protocol.replace(/:$/, '')}.`);
  }
  const timeoutMs = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = Math.min(options.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES, options.maxArticleBytes ?? Number.POSITIVE_INFINITY);
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/html, text/plain;q=0.8, */*;q=0.1' } });
  } catch (error) {
    return inputError(input, input, 'fetch-failed', `${input} could not be fetched: ${describeFetchError(error, timeoutMs)}.`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return inputError(input, input, 'fetch-failed', `${input} could not be fetched: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return inputError(input, input, 'too-large', `${input} is ${formatBytes(declared)}, over the limit of ${formatBytes(maxBytes)}.`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel().catch(() => undefined);
          return inputError(input, input, 'too-large', `${input} sent more than the limit of ${formatBytes(maxBytes)}.`);
        }
        chunks.push(value);
      }
    }
  } catch (error) {
    return inputError(input, input, 'fetch-failed', `${input} could not be fetched: ${describeFetchError(error, timeoutMs)} while reading the page.`);
  }
  const bytes = Buffer.concat(chunks, total);
  const contentType = response.headers.get('content-type');
  const charset = charsetOf(contentType);
  const decoded = decodeBytes(bytes, charset ? { fallback: charset } : {});
  const text = normalizeLineEndings(decoded.text);
  if (!text.trim()) return inputError(input, input, 'empty', `${input} returned an empty page.`);
  const finalUrl = response.url || url.href;
  if (contentType?.toLowerCase().startsWith('text/plain')) {
    return {
      kind: 'article',
      article: {
        id: input, idDerived: true, source: input, outlet: null, title: null, byline: null, url: finalUrl, published: null,
        fields: {}, body: text, parts: null, removed: [], inputRepairs: decoded.repairs,
      },
    };
  }
  let article;
  try {
    article = readHtml(text, { id: input, idDerived: true, source: input, url: finalUrl, inputRepairs: decoded.repairs });
  } catch {
    return inputError(input, input, 'unreadable', `${input} could not be read as an HTML page.`);
  }
  if (!article.parts?.length && !article.title) return inputError(input, input, 'empty', `${input} has no readable article text.`);
  return { kind: 'article', article };
}
