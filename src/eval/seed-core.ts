/**
 * Core rows on the seed article (issue 2): the text is read and structured as a user would
 * see it, and its damaged quotation marks are all accounted for. Probes are a few words
 * long on purpose: the seed's text stays in ../shared, never in the repository.
 */
import { join } from 'node:path';
import { createDocumentBuilder } from '../document/build-document.js';
import type { Document } from '../document/types.js';
import { createArticleStructurer } from '../input/structure-article.js';
import type { AnalysisRecord } from '../schema/record.js';
import type { EvalContext, EvalRow, EvalSuite } from './types.js';

const SEED = 'seed/000_5bd232881ca3315c.txt';
const SUITE = 'seed-core';

/** Words that only page chrome contains. */
const CHROME_PROBES = ['Security Key', 'Captcha', 'Page Generated'];
const HEADLINE_PROBE = 'must join hands';
/** The two quoted sentences issue 2 names: how each starts, and words near its end. */
const QUOTE_PROBES = [
  { name: 'quote "Cooperation and joint action … such evil acts"', first: 'Cooperation and joint action', last: 'such evil acts' },
  { name: 'quote "We believe that the region … achieve stability …"', first: 'We believe that', last: 'achieve stability' },
] as const;

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

function recovered(text: string, spans: readonly { start: number; end: number }[], first: string, last: string): boolean {
  return spans.some((span) => {
    const quoted = text.slice(span.start, span.end);
    return quoted.startsWith(first) && quoted.includes(last);
  });
}

/** Offsets of closing double marks that no quote span accounts for. */
function unaccountedClosingMarks(doc: Document): number[] {
  const closed = new Set<number>();
  for (const quote of doc.quotes) if (quote.closeMark !== null) closed.add(quote.closeMark);
  const missing: number[] = [];
  for (let i = doc.text.indexOf('\u201d'); i >= 0; i = doc.text.indexOf('\u201d', i + 1)) {
    if (!closed.has(i)) missing.push(i);
  }
  return missing;
}

async function run(context: EvalContext): Promise<EvalRow[]> {
  const article = await context.readArticleFile(join(context.sharedDir, SEED));
  const record: AnalysisRecord = context.analyze(article);
  // The document itself (what every analyzer reads), built the way the pipeline builds it.
  const doc = createDocumentBuilder(context.lexicons)(createArticleStructurer(context.lexicons['text-cleaning'])(article));
  const rows: EvalRow[] = [];
  const chromeLeft = CHROME_PROBES.filter((probe) => record.text.includes(probe));
  rows.push({ suite: SUITE, metric: 'page chrome removed', value: chromeLeft.length === 0, target: true, ...(chromeLeft.length ? { note: `still in text: ${chromeLeft.join(', ')}` } : {}) });
  const headlineCount = count(record.text, HEADLINE_PROBE);
  const headlineBlocks = record.blocks.filter((b) => b.kind === 'headline');
  rows.push({
    suite: SUITE, metric: 'headline once', value: headlineCount === 1 && headlineBlocks.length === 1, target: true,
    note: `${headlineCount} in text, ${headlineBlocks.length} headline block(s)`,
  });
  rows.push({ suite: SUITE, metric: 'published 2020-07-22', value: (record.published ?? '').startsWith('2020-07-22'), target: true, note: String(record.published) });
  const captions = record.blocks.filter((b) => b.kind === 'caption');
  const creditBlock = record.blocks.some((b) => b.kind === 'credit' && record.text.slice(b.start, b.end).includes('IRNA'));
  const photoCredit = record.provenance.credits.some((c) => c.kind === 'photo' && /IRNA/i.test(c.source));
  rows.push({
    suite: SUITE, metric: 'caption and its credit found', value: captions.length >= 1 && (creditBlock || photoCredit), target: true,
    note: `${captions.length} caption block(s); credit ${creditBlock ? 'block' : photoCredit ? 'in provenance' : 'missing'}`,
  });
  const closing = count(doc.text, '\u201d');
  const missing = unaccountedClosingMarks(doc);
  rows.push({
    suite: SUITE, metric: 'closing quotation marks paired or inferred', value: closing > 0 && missing.length === 0, target: true, n: closing,
    note: `${doc.quotes.filter((q) => q.inferredOpen).length} inferred, ${doc.quotes.filter((q) => !q.inferredOpen).length} paired${missing.length ? `; unaccounted at ${missing.join(', ')}` : ''}`,
  });
  for (const probe of QUOTE_PROBES) {
    rows.push({ suite: SUITE, metric: `document ${probe.name}`, value: recovered(doc.text, doc.quotes, probe.first, probe.last), target: true });
    rows.push({ suite: SUITE, metric: `record ${probe.name}`, value: recovered(record.text, record.quotes, probe.first, probe.last), target: true });
  }
  const lost = doc.repairs.filter((r) => r.kind === 'lost-apostrophe').length;
  rows.push({ suite: SUITE, metric: 'lost apostrophes read as possessives', value: lost, note: 'Irans, Baghdads, Washingtons, …' });
  rows.push({ suite: SUITE, metric: 'sentences', value: doc.sentences.length, n: doc.tokens.length, note: 'n = tokens' });
  return rows;
}

export const suites: EvalSuite[] = [{ name: SUITE, requires: SEED, run }];
