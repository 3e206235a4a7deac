/**
 * Escaping for everything that came from an article. Every string that reaches a report
 * goes through one of these; templates never interpolate raw values.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Most strings need nothing: test once before paying for a replace with a callback.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => HTML_ESCAPES[c] as string) : text;
}

const NEEDS_ESCAPE = /[&<>"']/u;
const ESCAPE_ALL = /[&<>"']/gu;

/**
 * JSON for a `<script type="application/json">` data block: `<` becomes `\u003c` so no
 * `</script>` or `<!--` can end the block early; U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value).replaceAll('<', '\\u003c');
  return /[\u2028\u2029]/u.test(json) ? json.replace(/\u2028/gu, '\\u2028').replace(/\u2029/gu, '\\u2029') : json;
}

export function dataBlock(id: string, value: unknown): string {
  return `<script type="application/json" id="${escapeHtml(id)}">${jsonForScript(value)}</script>`;
}

/** Only http(s) URLs become links; anything else (`javascript:`, `data:`) is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  return /^https?:\/\/[^\s]+$/iu.test(trimmed) ? trimmed : null;
}

/** A CSS class fragment from open-ended data (categories, analyzers): `[a-z0-9-]` only. */
export function classToken(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9-]+/gu, '-').slice(0, 40) || 'x';
}

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toFixed(digits);
}

export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(0)}%`;
}
