/**
 * The corpus dashboard (`report`) and the comparison page (`compare`): per-group rates
 * with intervals, what each group calls the same actor, distinctive words, and (for the
 * dashboard) a sortable, filterable table of articles. The page holds one row per
 * article, never article text, so it stays small for large corpora.
 */
import { METRICS } from '../aggregate/statistics.js';
import type { ArticleRow, CorpusModel, GroupRow } from './corpus-model.js';
import { INTERVAL_METRICS } from './corpus-model.js';
import { toCsv } from './csv.js';
import { escapeHtml, formatNumber } from './html.js';
import { renderPage, type ChartJsMode } from './page.js';

export interface CorpusPageOptions {
  readonly title: string;
  /** What groups are: `outlet`, `month`, `field:topic` … */
  readonly by: string;
  readonly chartJs: ChartJsMode;
  /** Article rows (dashboard); null on the comparison page or when built from aggregates. */
  readonly articles: readonly ArticleRow[] | null;
  readonly version: string;
}

/** CSV files written next to the page, by name. */
export const CSV_FILES = {
  groups: 'groups.csv',
  actors: 'actor-labels.csv',
  words: 'distinctive-words.csv',
  articles: 'articles.csv',
} as const;

function groupNoun(by: string): string {
  return by === 'outlet' ? 'outlet' : by.startsWith('field:') ? by.slice('field:'.length) : by;
}

function estimateText(g: GroupRow, id: string): string {
  const e = g.estimates[id];
  const m = METRICS.find((x) => x.id === id);
  if (!e || e.value === null || !m) return '–';
  const f = (v: number | null): string => (v === null ? '–' : m.unit === 'share' ? `${(v * 100).toFixed(0)}%` : v.toFixed(m.unit === 'mean' && Math.abs(v) < 10 ? 2 : 1));
  return `${f(e.value)}${e.low !== null ? ` <span class="ci">${f(e.low)}–${f(e.high)}</span>` : ''}`;
}

function badge(g: GroupRow): string {
  return g.registry ? ` <span class="badge${g.stateAffiliated ? ' state' : ''}">${escapeHtml(g.registry)}</span>` : '';
}

function sortableHead(cells: readonly [string, boolean][]): string {
  return `<thead><tr>${cells.map(([label, numeric]) => `<th${numeric ? ' class="n"' : ''}><button type="button">${escapeHtml(label)}</button></th>`).join('')}</tr></thead>`;
}

function groupsTable(model: CorpusModel, noun: string): string {
  const head = sortableHead([[noun, false], ['Articles', true], ['Words', true], ...METRICS.map((m) => [m.label, true] as [string, boolean])]);
  const rows = model.groups
    .map((g) => {
      const metrics = METRICS.map((m) => {
        const v = g.estimates[m.id]?.value;
        return `<td class="n" data-v="${v === null || v === undefined ? '' : v}">${estimateText(g, m.id)}</td>`;
      }).join('');
      return `<tr><td>${escapeHtml(g.group)}${badge(g)}</td><td class="n" data-v="${g.articles}">${g.articles}</td><td class="n" data-v="${g.words}">${g.words}</td>${metrics}</tr>`;
    })
    .join('\n');
  const explain = METRICS.map((m) => `<li><b>${escapeHtml(m.label)}</b>: ${escapeHtml(m.explain)}</li>`).join('');
  return `<div class="tools"><input type="search" placeholder="Filter ${escapeHtml(noun)}s…" aria-label="Filter the ${escapeHtml(noun)} table" data-filter="groups"><span class="muted small" data-count="groups"></span><a href="${CSV_FILES.groups}" download>Download CSV</a></div>
<div class="tablewrap"><table id="groups" data-sortable>${head}<tbody>${rows}</tbody></table></div>
<p class="muted small">Small grey numbers are 95% bootstrap intervals over articles. Click a column to sort.</p>
<details><summary>What the columns count</summary><ul>${explain}</ul></details>`;
}

function chartSection(id: string, title: string, explain: string, tall: boolean, model: CorpusModel): string {
  if (!model.charts[id]) return '';
  return `<section class="chart"><h3>${escapeHtml(title)}</h3><div class="box${tall ? ' tall' : ''}"><canvas data-chart="${escapeHtml(id)}" role="img" aria-label="${escapeHtml(title)}"></canvas></div><p class="muted small">${escapeHtml(explain)}</p></section>`;
}

function actorsSection(model: CorpusModel, noun: string): string {
  if (!model.actors.length) return `<p class="muted small">No actor is labelled by two or more ${escapeHtml(noun)}s.</p>`;
  const shown = model.actors.slice(0, 20);
  const blocks = shown
    .map((actor) => {
      const labelled = actor.groups.filter((cell) => cell.labels.length);
      const cards = labelled
        .slice(0, 8)
        .map((cell) => {
          const labels = `<ul>${cell.labels
            .slice(0, 6)
            .map(([text, count, own]) => `<li><span class="${own ? 'lbl-own' : ''}">${escapeHtml(text)}</span> <span class="muted">×${count}${own ? `, ${own} own voice` : ''}</span></li>`)
            .join('')}</ul>`;
          return `<div class="card"><h4>${escapeHtml(cell.group)}</h4><p class="muted small">${cell.articles} article${cell.articles === 1 ? '' : 's'} · sentiment ${formatNumber(cell.sentiment, 2)}</p>${labels}</div>`;
        })
        .join('');
      // Groups that covered the actor without loaded labels are a fact too, kept to one line.
      const plain = actor.groups.filter((cell) => !cell.labels.length);
      const rest = plain.length
        ? `<p class="muted small">No loaded labels from: ${plain.map((cell) => `${escapeHtml(cell.group)} (${cell.articles} article${cell.articles === 1 ? '' : 's'}, sentiment ${formatNumber(cell.sentiment, 2)})`).join(' · ')}</p>`
        : '';
      return `<h3>${escapeHtml(actor.name)}</h3><div class="cards">${cards}</div>${rest}`;
    })
    .join('\n');
  return `<p class="muted small">Loaded labels aimed at each actor, per ${escapeHtml(noun)}, side by side. <b>Bold</b> labels were used in the ${escapeHtml(noun)}’s own voice; the others came from people it quoted. <a href="${CSV_FILES.actors}" download>Download CSV</a></p>${blocks}`;
}

function wordsSection(model: CorpusModel, noun: string): string {
  const shown = model.distinctive.filter((d) => d.words.length).slice(0, 24);
  if (!shown.length) return `<p class="muted small">Too little text to compare words.</p>`;
  const cards = shown
    .map(
      (d) =>
        `<div class="card"><h4>${escapeHtml(d.group)}</h4><ol>${d.words
          .slice(0, 12)
          .map((w) => `<li>${escapeHtml(w.word)} <span class="muted small">z ${w.z.toFixed(1)}${Math.abs(w.z) >= 1.96 ? '' : ' (n.s.)'} · ${w.count}×</span></li>`)
          .join('')}</ol></div>`,
    )
    .join('');
  return `<p class="muted small">Words each ${escapeHtml(noun)} uses more than the others: log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &amp; Quinn 2008), as z-scores; |z| ≥ 1.96 is unlikely by chance, n.s. marks the rest. <a href="${CSV_FILES.words}" download>Download CSV</a></p><div class="cards">${cards}</div>`;
}

/** Columns of the article table: label, numeric, digits. The rows travel as JSON and are drawn by the page script. */
const ARTICLE_COLUMNS: readonly [string, boolean, number][] = [
  ['Title', false, 0],
  ['', false, 0],
  ['Date', false, 0],
  ['Words', true, 0],
  ['Loaded/1k own', true, 1],
  ['Loaded/1k quoted', true, 1],
  ['Headline loaded', true, 0],
  ['Voices', true, 0],
  ['Anonymous', true, 0],
  ['State credits', true, 0],
  ['Sentiment', true, 2],
];

/**
 * The article table's data: one array per row (title, group, date, numbers…) and the page
 * file, so 10,000 articles cost a few hundred kilobytes and the browser draws only the
 * rows on screen instead of laying out a 100,000-cell table.
 */
export function articleTableData(rows: readonly ArticleRow[], noun: string): { columns: { label: string; numeric: boolean; digits: number }[]; rows: (string | number)[][]; files: (string | null)[] } {
  return {
    columns: ARTICLE_COLUMNS.map(([label, numeric, digits], i) => ({ label: i === 1 ? noun : label, numeric, digits })),
    rows: rows.map((r) => [r.title, r.group, r.published, r.words, r.loadedOwn, r.loadedQuoted, r.headlineLoaded, r.voices, r.anonymous, r.stateCredits, r.sentiment]),
    files: rows.map((r) => r.file),
  };
}

function articlesSection(rows: readonly ArticleRow[], noun: string): string {
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  const options = groups.map((g) => `<option value="${escapeHtml(g)}">${escapeHtml(g)}</option>`).join('');
  const head = sortableHead(ARTICLE_COLUMNS.map(([label, numeric], i) => [i === 1 ? noun : label, numeric] as [string, boolean]));
  return `<div class="tools"><input type="search" placeholder="Filter articles…" aria-label="Filter articles" data-filter="articles"><select data-filter="articles" aria-label="Only this ${escapeHtml(noun)}"><option value="">all ${escapeHtml(noun)}s</option>${options}</select><span class="muted small" data-count="articles" aria-live="polite"></span><a href="${CSV_FILES.articles}" download>Download CSV</a></div>
<div class="tablewrap"><table id="articles" data-rows="fl-articles">${head}<tbody></tbody></table></div>
<p><button type="button" class="more" data-more="articles" hidden>Show more articles</button></p>
<noscript><p class="muted small">The article list needs JavaScript; ${CSV_FILES.articles} has every row.</p></noscript>`;
}

export function renderCorpusPage(model: CorpusModel, options: CorpusPageOptions): string {
  const noun = groupNoun(options.by);
  const ci = (id: string, title: string): string => chartSection(`ci-${id}`, title, METRICS.find((m) => m.id === id)?.explain ?? '', model.groups.length > 6, model);
  const titles: Record<string, string> = {
    loadedPer1kOwnVoice: 'Loaded terms in the outlet’s own voice (per 1,000 words)',
    loadedPer1kQuoted: 'Loaded terms in quotes (per 1,000 quoted words)',
    anonymousShare: 'Anonymous voices (% of voices)',
    stateCreditShare: 'Articles crediting state-affiliated media (%)',
    headlineLoadedShare: 'Loaded headlines (% of articles)',
    distancingShare: 'Distancing verbs (% of attribution verbs)',
  };
  const failed = model.failed ? ` · <b>${model.failed}</b> record${model.failed === 1 ? '' : 's'} could not be analysed` : '';
  const more = model.groups.length > 15 ? ` Charts show the 15 ${noun}s with most articles; the table has all ${model.groups.length}.` : '';
  const body = `<header>
<h1>${escapeHtml(options.title)}</h1>
<div class="meta"><span><b>${model.articles}</b> articles</span><span><b>${model.groups.length}</b> ${escapeHtml(noun)}s</span>${failed ? `<span>${failed}</span>` : ''}</div>
</header>
<h2>${escapeHtml(noun[0]?.toUpperCase() ?? '')}${escapeHtml(noun.slice(1))}s side by side</h2>
${groupsTable(model, noun)}
<h2>Rates with 95% intervals</h2>
<p class="muted small">Each bar spans the interval, the diamond is the estimate. Where intervals do not overlap, the difference is unlikely to be chance.${escapeHtml(more)}</p>
<div class="grid2">${INTERVAL_METRICS.map((id) => ci(id, titles[id] ?? id)).join('\n')}</div>
<h2>Loaded language</h2>
<div class="grid2">
${chartSection('loaded-category', 'Loaded terms by category', 'Per 1,000 words; colours are lexicon categories.', model.groups.length > 6, model)}
${chartSection('loaded-voice', 'Whose voice carries the loaded terms', 'Per 1,000 words; red shades are the outlet’s own voice, blue shades its sources.', model.groups.length > 6, model)}
</div>
<h2>What each ${escapeHtml(noun)} calls the same actor</h2>
${actorsSection(model, noun)}
<h2>Distinctive words</h2>
${wordsSection(model, noun)}
${options.articles ? `<h2>Articles</h2>\n${articlesSection(options.articles, noun)}` : ''}
<footer>framelens ${escapeHtml(options.version)} · intervals: Poisson bootstrap over articles, ${model.replicates} replicates, seed ${model.seed} · rates are ratios of sums over articles, not averages of averages</footer>`;
  const data: Record<string, unknown> = { 'fl-charts': model.charts };
  if (options.articles) data['fl-articles'] = articleTableData(options.articles, noun);
  return renderPage({ title: `${options.title} — framelens`, body, data, chartJs: options.chartJs });
}

export function groupsCsv(model: CorpusModel, noun: string): string {
  const header = [noun, 'registry', 'articles', 'words', ...METRICS.flatMap((m) => [m.id, `${m.id}_low`, `${m.id}_high`])];
  const rows = model.groups.map((g) => [g.group, g.registry, g.articles, g.words, ...METRICS.flatMap((m) => {
    const e = g.estimates[m.id];
    return [e?.value ?? null, e?.low ?? null, e?.high ?? null];
  })]);
  return toCsv(header, rows);
}

export function actorsCsv(model: CorpusModel, noun: string): string {
  const rows: (string | number | null)[][] = [];
  for (const actor of model.actors) {
    for (const cell of actor.groups) {
      if (!cell.labels.length) rows.push([actor.id, actor.name, cell.group, cell.articles, cell.sentiment, null, null, null, null]);
      for (const [text, count, own, quoted] of cell.labels) rows.push([actor.id, actor.name, cell.group, cell.articles, cell.sentiment, text, count, own, quoted]);
    }
  }
  return toCsv(['entity_id', 'entity', noun, 'articles', 'sentiment', 'label', 'count', 'own_voice', 'quoted'], rows);
}

export function wordsCsv(model: CorpusModel, noun: string): string {
  return toCsv(
    [noun, 'rank', 'word', 'count', 'log_odds', 'z'],
    model.distinctive.flatMap((d) => d.words.map((w, i) => [d.group, i + 1, w.word, w.count, w.delta, w.z])),
  );
}

export function articlesCsv(rows: readonly ArticleRow[], noun: string): string {
  return toCsv(
    ['id', 'title', noun, 'outlet', 'published', 'words', 'loaded_per_1k_own_voice', 'loaded_per_1k_quoted', 'headline_loaded', 'voices', 'anonymous_voices', 'state_affiliated_credits', 'sentiment', 'page'],
    rows.map((r) => [r.id, r.title, r.group, r.outlet, r.published, r.words, r.loadedOwn, r.loadedQuoted, r.headlineLoaded, r.voices, r.anonymous, r.stateCredits, r.sentiment, r.file ? `articles/${r.file}` : null]),
  );
}
