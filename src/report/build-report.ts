/**
 * Builds a report folder from a stream of records and aggregates, in one pass and flat in
 * memory: each article page is written as its record arrives, the dashboard keeps only
 * aggregates and one small row per article, and index.html is written last.
 *
 * Small reports inline Chart.js into every page, so a single page can be sent on its
 * own; above `inlineLimit` articles the pages share Chart.js, the stylesheet and the script
 * in `assets/` (allowed by `'self'` in the CSP), which keeps a 10,000-article report to a
 * sensible size.
 */
import { join } from 'node:path';
import { createAggregator, type Aggregator } from '../aggregate/build-aggregate.js';
import { formatGroupBy, groupKeyOf, outletOf, type GroupBy } from '../aggregate/group-key.js';
import { UsageError } from '../cli/io.js';
import type { AnalysisRecord } from '../schema/record.js';
import { FRAMELENS_VERSION } from '../version.js';
import { formatDate, renderArticlePage, titleOf } from './article-page.js';
import { chartJsSource } from './assets.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { REPORT_CSS } from './styles.js';
import { buildCorpusModel, type ArticleRow } from './corpus-model.js';
import { actorsCsv, articlesCsv, CSV_FILES, groupsCsv, renderCorpusPage, wordsCsv } from './corpus-page.js';
import { ASSET_FILES, type ChartJsMode } from './page.js';
import type { SourceItem } from './read-sources.js';
import { createNameAllocator } from './safe-names.js';
import type { ReportFolder } from './write-files.js';

export interface BuildReportOptions {
  readonly by: GroupBy;
  readonly title: string;
  /** Write a page per article and list articles on the index (report), or only compare groups. */
  readonly articlePages: boolean;
  readonly inlineLimit?: number;
  readonly seed?: number;
  readonly replicates?: number;
}

export interface BuildReportResult {
  readonly index: string;
  readonly articles: number;
  readonly failed: number;
  readonly pages: number;
  readonly fromAggregates: boolean;
}

export const DEFAULT_INLINE_LIMIT = 50;

function articleRow(record: AnalysisRecord, group: string, file: string | null): ArticleRow {
  const s = record.scores;
  return {
    file,
    id: record.id,
    title: titleOf(record),
    group,
    outlet: outletOf(record),
    published: record.published ? formatDate(record.published) : '',
    words: s.words,
    loadedOwn: s.loadedPer1kOwnVoice,
    loadedQuoted: s.loadedPer1kQuoted,
    headlineLoaded: s.headlineLoaded,
    voices: s.voices,
    anonymous: s.anonymousVoices,
    stateCredits: s.stateAffiliatedCredits,
    sentiment: Math.round(s.sentiment * 10_000) / 100,
  };
}

export async function buildReport(items: AsyncIterable<SourceItem>, folder: ReportFolder, options: BuildReportOptions): Promise<BuildReportResult> {
  const by = formatGroupBy(options.by);
  const inlineLimit = options.inlineLimit ?? DEFAULT_INLINE_LIMIT;
  let aggregator: Aggregator | null = null;
  const aggregatorFor = (seed?: number, replicates?: number): Aggregator => {
    aggregator ??= createAggregator({
      by: options.by,
      ...(seed ?? options.seed) !== undefined ? { seed: (seed ?? options.seed) as number } : {},
      ...(replicates ?? options.replicates) !== undefined ? { replicates: (replicates ?? options.replicates) as number } : {},
    });
    return aggregator;
  };
  const nameOf = createNameAllocator();
  const rows: ArticleRow[] = [];
  let buffer: AnalysisRecord[] | null = [];
  let mode: ChartJsMode = { kind: 'inline' };
  let articles = 0;
  let failed = 0;
  let pages = 0;
  let fromAggregates = false;

  const writePage = (record: AnalysisRecord, chartJs: ChartJsMode): void => {
    const file = nameOf(record.id);
    folder.write(`articles/${file}`, renderArticlePage(record, { chartJs, backLink: '../index.html' }));
    pages++;
    rows.push(articleRow(record, groupKeyOf(record, options.by), file));
  };
  const decide = (chartJs: ChartJsMode): void => {
    mode = chartJs;
    if (chartJs.kind === 'file') {
      folder.write(ASSET_FILES.chartJs, chartJsSource());
      folder.write(ASSET_FILES.css, REPORT_CSS);
      folder.write(ASSET_FILES.script, CLIENT_SCRIPT);
    }
    for (const record of buffer ?? []) writePage(record, chartJs);
    buffer = null;
  };

  for await (const item of items) {
    if (item.kind === 'aggregate') {
      const a = item.aggregate;
      if (a.by !== by) throw new UsageError(`an aggregate input is grouped by ${a.by}, not by ${by}; use --by ${a.by} (compare) or aggregate again`);
      aggregatorFor(a.bootstrap.seed, a.bootstrap.replicates).merge(a);
      articles += a.totals.articles;
      failed += a.errors;
      fromAggregates = true;
      continue;
    }
    const record = item.record;
    aggregatorFor().add(record);
    if (record.schema !== 'framelens/analysis@1') {
      failed++;
      continue;
    }
    articles++;
    if (!options.articlePages) continue;
    if (buffer) {
      buffer.push(record);
      if (buffer.length > inlineLimit) decide({ kind: 'file', base: '../assets/' });
    } else {
      writePage(record, mode);
    }
  }
  if (buffer) decide({ kind: 'inline' });

  const model = buildCorpusModel((aggregator as Aggregator | null)?.result({ canonicalWords: false }) ?? []);
  const noun = by === 'outlet' ? 'outlet' : by;
  folder.write(CSV_FILES.groups, groupsCsv(model, noun));
  folder.write(CSV_FILES.actors, actorsCsv(model, noun));
  folder.write(CSV_FILES.words, wordsCsv(model, noun));
  const listArticles = options.articlePages && !fromAggregates;
  if (listArticles) folder.write(CSV_FILES.articles, articlesCsv(rows, noun));
  const html = renderCorpusPage(model, {
    title: options.title,
    by,
    chartJs: { kind: 'inline' },
    articles: listArticles ? rows : null,
    version: FRAMELENS_VERSION,
  });
  folder.write('index.html', html);
  return { index: join(folder.dir, 'index.html'), articles, failed, pages, fromAggregates };
}
