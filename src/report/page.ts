/** The shell every report page shares: CSP, stylesheet, data blocks, Chart.js and the client script. */
import { chartJsSource } from './assets.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { buildCsp } from './csp.js';
import { dataBlock, escapeHtml } from './html.js';
import { REPORT_CSS } from './styles.js';

/**
 * How a page gets its script, styles and Chart.js: all inlined (a page that stands on its
 * own), linked from the shared files in the report's `assets/` folder at `base` (large
 * reports: no inline code at all), or inlined without Chart.js (pages with no charts, tests).
 */
export type ChartJsMode = { readonly kind: 'inline' } | { readonly kind: 'file'; readonly base: string } | { readonly kind: 'none' };

/** The shared files of linked pages, relative to the report folder. */
export const ASSET_FILES = { chartJs: 'assets/chart.umd.min.js', css: 'assets/report.css', script: 'assets/report.js' } as const;

export interface PageOptions {
  readonly title: string;
  /** Trusted markup built from escaped parts. */
  readonly body: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly chartJs: ChartJsMode;
}

export function renderPage(options: PageOptions): string {
  const mode = options.chartJs;
  const linked = mode.kind === 'file';
  const inlineScripts = linked ? [] : [CLIENT_SCRIPT];
  let chartTag = '';
  if (mode.kind === 'inline') {
    const source = chartJsSource();
    inlineScripts.unshift(source);
    chartTag = `<script>${source}</script>`;
  } else if (mode.kind === 'file') {
    chartTag = `<script src="${escapeHtml(mode.base)}chart.umd.min.js"></script>`;
  }
  const style = linked ? `<link rel="stylesheet" href="${escapeHtml(mode.base)}report.css">` : `<style>${REPORT_CSS}</style>`;
  const script = linked ? `<script src="${escapeHtml(mode.base)}report.js"></script>` : `<script>${CLIENT_SCRIPT}</script>`;
  const csp = buildCsp({ inlineScripts, inlineStyles: linked ? [] : [REPORT_CSS], self: linked });
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
${style}
</head>
<body>
${options.body}
<div class="tip" id="fl-tip" role="tooltip" hidden></div>
${blocks}
${chartTag}
${script}
</body>
</html>
`;
}
