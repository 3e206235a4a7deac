/**
 * Content-Security-Policy for report pages: nothing loads or runs but the page's own
 * inline scripts (by hash) and, for large reports, the shared Chart.js file next to it.
 */
import { createHash } from 'node:crypto';

const hashes = new Map<string, string>();

/** Hashes are cached: every page of a report carries the same few scripts. */
export function sha256Source(code: string): string {
  let hash = hashes.get(code);
  if (hash === undefined) {
    hash = `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
    hashes.set(code, hash);
  }
  return hash;
}

export interface CspOptions {
  readonly inlineScripts: readonly string[];
  readonly inlineStyles: readonly string[];
  /** Allow scripts and styles from the report folder itself (the shared files in assets/). */
  readonly self: boolean;
}

export function buildCsp(options: CspOptions): string {
  const self = options.self ? ["'self'"] : [];
  const scripts = [...self, ...options.inlineScripts.map(sha256Source)];
  const styles = [...self, ...options.inlineStyles.map(sha256Source)];
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
    `style-src ${styles.join(' ') || "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
