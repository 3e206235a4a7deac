/** The shell every report page shares: CSP, stylesheet, data blocks, Chart.js and the client script. */
import { chartJsSource } from './assets.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildCsp } from './csp.js';
import { dataBlock, escapeHtml } from './html.js';
import { REPORT_CSS } from './styles.js';

/** How a page gets Chart.js: inlined, from the shared file at `src`, or not at all (no charts). */
export type ChartJsMode = { readonly kind: 'inline' } | { readonly kind: 'file'; readonly src: string } | { readonly kind: 'none' };

export interface PageOptions {
  readonly title: string;
  /** Trusted markup built from escaped parts. */
  readonly body: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly chartJs: ChartJsMode;
}

export function renderPage(options: PageOptions): string {
  const inlineScripts = [CLIENT_SCRIPT];
  let chartTag = '';
  if (options.chartJs.kind === 'inline') {
    const source = chartJsSource();
    inlineScripts.unshift(source);
    chartTag = `<script>${source}</script>`;
  } else if (options.chartJs.kind === 'file') {
    chartTag = `<script src="${escapeHtml(options.chartJs.src)}"></script>`;
  }
  const csp = buildCsp({ inlineScripts, inlineStyles: [REPORT_CSS], selfScripts: options.chartJs.kind === 'file' });
  const blocks = Object.entries(options.data)
    .map(([id, value]) => dataBlock(id, value))
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${options.body}
<div class="tip" id="fl-tip" role="tooltip" hidden></div>
${blocks}
${chartTag}
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
