/**
 * Content-Security-Policy for report pages: nothing loads or runs but the page's own
 * inline scripts (by hash) and, for large reports, the shared Chart.js file next to it.
 */
import { createHash } from 'node:crypto';

export function sha256Source(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

export interface CspOptions {
  readonly inlineScripts: readonly string[];
  readonly inlineStyles: readonly string[];
  /** Allow scripts from the report folder itself (the shared Chart.js file). */
  readonly selfScripts: boolean;
}

export function buildCsp(options: CspOptions): string {
  const scripts = [...(options.selfScripts ? ["'self'"] : []), ...options.inlineScripts.map(sha256Source)];
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ') || "'none'"}`,
    `style-src ${options.inlineStyles.map(sha256Source).join(' ') || "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
