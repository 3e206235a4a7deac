/** One article's page: who published it, what it says about framing, and the evidence in the text. */
import type { AnalysisRecord, Credit, OutletMatch } from '../schema/record.js';
import { articleCharts, type ArticleCharts } from './article-charts.js';
import { renderArticleText } from './article-text.js';
import { escapeHtml, formatNumber, formatShare, safeHref } from './html.js';
import { renderPage, type ChartJsMode } from './page.js';

export interface ArticlePageOptions {
  readonly chartJs: ChartJsMode;
  /** Link back to the dashboard (relative), when the page is part of a report. */
  readonly backLink?: string;
}

export function registryBadge(outlet: OutletMatch | null | undefined): string {
  if (!outlet || (!outlet.type && !outlet.country)) return '';
  const text = [outlet.type, outlet.country].filter(Boolean).join(' · ');
  const state = outlet.stateAffiliated ?? /state|captured/iu.test(outlet.type ?? '');
  return `<span class="badge${state ? ' state' : ''}" title="outlet registry">${escapeHtml(text)}</span>`;
}

/** `2026-04-12T06:40:00Z` reads as `2026-04-12 06:40 UTC`; anything else is shown as given. */
export function formatDate(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/u.exec(value);
  if (!m) return value;
  return `${m[1] as string} ${m[2] as string}${m[3] ? ` ${m[3] === 'Z' ? 'UTC' : m[3]}` : ''}`;
}

function creditChip(credit: Credit): string {
  const parts = [credit.source, credit.country, credit.type ?? null, credit.stateAffiliated ? 'state-affiliated' : null].filter(Boolean);
  return `<span class="chip${credit.stateAffiliated ? ' state' : ''}"><span class="muted">${escapeHtml(credit.kind)}:</span> ${escapeHtml(parts.join(' · '))}</span>`;
}

function score(value: string, label: string, explain: string): string {
  return `<div class="score"><b>${escapeHtml(value)}</b>${escapeHtml(label)}<span>${escapeHtml(explain)}</span></div>`;
}

function scoresGrid(record: AnalysisRecord): string {
  const s = record.scores;
  return `<div class="scores">
${score(String(s.words), 'words', `${s.sentences} sentences after cleaning.`)}
${score(formatNumber(s.loadedPer1kOwnVoice), 'loaded per 1k, own voice', 'Loaded terms in the headline and narration per 1,000 of the outlet’s own words.')}
${score(formatNumber(s.loadedPer1kQuoted), 'loaded per 1k, quoted', 'Loaded terms inside quotes and reported speech per 1,000 quoted words.')}
${score(formatNumber(s.headlineLoaded, 0), 'loaded terms in headline', 'The headline is the outlet’s own voice and what most readers see.')}
${score(`${s.voices} (${s.anonymousVoices} anon.)`, 'voices', 'Speakers quoted or reported; anonymous ones cannot be checked.')}
${score(formatShare(s.quotedWordShare), 'quoted words', 'Share of the text that is other people’s words.')}
${score(String(s.stateAffiliatedCredits), 'state-affiliated credits', 'Credits (photos, contributors, wires, citations) to state-affiliated media.')}
${score(formatNumber(s.sentiment * 100, 2), 'sentiment per 100 words', 'AFINN valence of the whole text; below zero is hostile in tone.')}
</div>`;
}

/** Box height by the number of rows a horizontal chart has (inline styles are not allowed by the CSP). */
function sizeClass(rows: number): string {
  return rows <= 2 ? ' short' : rows > 8 ? ' tall' : '';
}

function chartBox(id: keyof ArticleCharts, charts: ArticleCharts, title: string, explain: string, empty: string, horizontal = true): string {
  const chart = charts[id];
  const body = chart
    ? `<div class="box${horizontal ? sizeClass(chart.data.labels.length) : ''}"><canvas data-chart="${id}" role="img" aria-label="${escapeHtml(title)}"></canvas></div>`
    : `<p class="muted small">${escapeHtml(empty)}</p>`;
  return `<section class="chart"><h3>${escapeHtml(title)}</h3>${body}<p class="muted small">${escapeHtml(explain)}</p></section>`;
}

function textLegend(speakers: ReturnType<typeof renderArticleText>['speakers']): string {
  const items = [
    `<span><span class="sw hl pol-negative">term</span>loaded, negative</span>`,
    `<span><span class="sw hl pol-positive">term</span>loaded, positive (glorifying)</span>`,
    `<span><span class="sw hl pol-neutral">term</span>neutral or other</span>`,
    `<span><span class="sw hl an-attribution">verb</span>attribution (cue verbs, anonymous sources)</span>`,
    `<span><span class="sw hl an-provenance">credit</span>provenance</span>`,
    `<span><b>bold</b> own voice · <span class="hl v-quoted">dashed</span> quoted or reported · <span class="hl v-scare">dotted</span> scare quote</span>`,
  ];
  const speakerItems = speakers.map((s) => `<span><span class="sw q ${escapeHtml(s.shade)}">&nbsp;</span>${escapeHtml(s.label)}</span>`);
  return `<div class="legend" aria-label="Legend for the highlights">${items.join('')}</div>${
    speakerItems.length ? `<div class="legend" aria-label="Quotes shaded by speaker"><span class="muted">Quotes by speaker:</span>${speakerItems.join('')}</div>` : ''
  }`;
}

function voicesTable(record: AnalysisRecord): string {
  if (!record.voices.length) return '<p class="muted small">Nobody is quoted.</p>';
  const rows = record.voices
    .map((v) => {
      const verbs = Object.entries(v.verbs)
        .map(([verb, n]) => `${verb}${n > 1 ? ` ×${n}` : ''}`)
        .join(', ');
      return `<tr><td>${escapeHtml(v.name ?? '(unnamed)')}</td><td>${escapeHtml(v.role ?? '')}</td><td>${escapeHtml(v.affiliation ?? '')}</td><td>${v.anonymous ? 'yes' : ''}</td><td class="n">${v.quotes}</td><td class="n">${v.quotedWords}</td><td>${escapeHtml(verbs)}</td></tr>`;
    })
    .join('\n');
  return `<div class="tablewrap"><table class="wrap"><thead><tr><th>Name</th><th>Role</th><th>Affiliation</th><th>Anonymous</th><th class="n">Quotes</th><th class="n">Words</th><th>Cue verbs</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function targetsList(record: AnalysisRecord): string {
  const targets = record.entities.filter((e) => e.labels.length);
  if (!targets.length) return '';
  return `<ul class="small">${targets
    .map((e) => {
      const labels = e.labels
        .map((l) => `<span class="${l.ownVoice ? 'lbl-own' : ''}">${escapeHtml(l.text)}</span>${l.count > 1 ? ` ×${l.count}` : ''}`)
        .join(', ');
      return `<li><b>${escapeHtml(e.name)}</b>: ${labels}</li>`;
    })
    .join('')}</ul><p class="muted small">Labels in bold were used in the outlet’s own voice.</p>`;
}

function removedDetails(record: AnalysisRecord): string {
  const parts: string[] = [];
  if (record.removed.length) {
    parts.push(
      `<details><summary>What cleaning removed (${record.removed.length})</summary><ul>${record.removed
        .map((r) => `<li><span class="chip kind">${escapeHtml(r.reason)}</span> ${escapeHtml(r.text)}</li>`)
        .join('')}</ul></details>`,
    );
  }
  if (record.repairs.length) {
    parts.push(
      `<details><summary>What was read differently from how it is written (${record.repairs.length})</summary><ul>${record.repairs
        .map((r) => `<li><span class="chip kind">${escapeHtml(r.kind)}</span> “${escapeHtml(record.text.slice(r.start, r.end))}” — ${escapeHtml(r.note)}</li>`)
        .join('')}</ul></details>`,
    );
  }
  return parts.join('\n');
}

/** The title as given, else the headline the structurer found, else the id. */
export function titleOf(record: AnalysisRecord): string {
  if (record.title?.trim()) return record.title;
  const headline = record.blocks.find((b) => b.kind === 'headline');
  const text = headline ? record.text.slice(headline.start, headline.end).trim() : '';
  return text || `Untitled article (${record.id})`;
}

export function renderArticlePage(record: AnalysisRecord, options: ArticlePageOptions): string {
  const text = renderArticleText(record);
  const charts = articleCharts(record);
  const outletName = record.outlet ?? record.provenance.outlet?.name ?? null;
  const href = safeHref(record.url);
  const meta = [
    outletName ? `<span><b>${escapeHtml(outletName)}</b> ${registryBadge(record.provenance.outlet)}</span>` : '<span>outlet unknown</span>',
    record.published ? `<span>${escapeHtml(formatDate(record.published))}</span>` : '',
    record.byline ? `<span>by ${escapeHtml(record.byline)}</span>` : '',
    href ? `<span><a href="${escapeHtml(href)}" rel="noopener noreferrer">original</a></span>` : record.url ? `<span class="muted">${escapeHtml(record.url)}</span>` : '',
    `<span class="small">source: ${escapeHtml(record.source)}</span>`,
  ].filter(Boolean);
  const credits = record.provenance.credits.length
    ? `<div class="chips" aria-label="Credits">${record.provenance.credits.map(creditChip).join('')}</div>`
    : '<p class="muted small">No credits found (no wire, photo, contributor or citation credits).</p>';
  const back = options.backLink ? `<p class="small"><a href="${escapeHtml(options.backLink)}">← corpus dashboard</a></p>` : '';
  const data: Record<string, unknown> = { 'fl-tips': text.tips, 'fl-charts': Object.fromEntries(Object.entries(charts).filter(([, c]) => c !== null)) };
  const body = `${back}
<header>
<h1>${escapeHtml(titleOf(record))}</h1>
<div class="meta">${meta.join('')}</div>
${credits}
</header>
<div class="summary">${escapeHtml(record.summary || 'No summary.')}</div>
${scoresGrid(record)}
<div class="layout">
<section aria-label="Article text">
<h2>The text, with the evidence</h2>
${textLegend(text.speakers)}
<div class="article">${text.html}</div>
${removedDetails(record)}
<h2>Voices</h2>
${voicesTable(record)}
</section>
<aside aria-label="Charts">
<h2>Charts</h2>
${chartBox('loadedByCategory', charts, 'Loaded terms by category and voice', 'Colours are voices: red shades are the outlet’s own, blue shades its sources.', 'No loaded terms found.')}
${chartBox('ownVsQuoted', charts, 'Own voice against quoted', 'Loaded terms per 1,000 words written by the outlet and per 1,000 quoted words.', 'No loaded terms or quotes found.', false)}
${chartBox('quotedWords', charts, 'Who gets to speak', 'Quoted words per voice, coloured by affiliation; cue verbs in brackets.', 'Nobody is quoted.')}
${chartBox('sentiment', charts, 'Tone along the article', 'AFINN valence of each block, in reading order (a rough shape, scored by the report).', 'Too little text to chart the tone.', false)}
${chartBox('targets', charts, 'Who the loaded terms are aimed at', 'Labels aimed at each actor, by voice.', 'No loaded term is aimed at a named actor.')}
${targetsList(record)}
</aside>
</div>
<footer>framelens ${escapeHtml(record.meta.framelens)} · lexicons ${escapeHtml(record.meta.lexicons.map((l) => `${l.id}@${l.version}`).join(', '))} · article id ${escapeHtml(record.id)}</footer>`;
  return renderPage({ title: `${titleOf(record)} — framelens`, body, data, chartJs: options.chartJs });
}
