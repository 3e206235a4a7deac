/**
 * Article-Bias-Prediction (Baly et al. 2020; AllSides outlets): is each article's
 * outlet identified and matched to the registry? Gold is the registry entry of the
 * outlet's own domain (`source_url`), so the rows cover "the outlets in it"; framelens
 * is given what a user's file would hold: `source` as the outlet field and the
 * article's `url` (not `source_url`, which is the gold). A second row uses the `source`
 * name alone, to show how far names get without a URL. The registry's curated part was
 * written with the most frequent outlets of this corpus in mind, so coverage is high by
 * construction; the identification rows are what measures the matching.
 *
 * The 64 MB file is streamed line by line. The same pass times the provenance analyzer
 * over the full texts (documents laid out as paragraphs split at blank lines).
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createProvenanceAnalyzer } from '../analyzers/provenance.js';
import { compileRegistry, hostOf } from '../analyzers/provenance/registry.js';
import type { Document } from '../document/types.js';
import type { StructuredArticle } from '../input/article.js';
import type { Block } from '../schema/record.js';
import type { EvalRow, EvalSuite } from './types.js';
import { isHeldOut } from './types.js';

const FILE = 'data/article-bias-prediction/articles-dev.jsonl';

interface Counts {
  articles: number;
  inRegistry: number;
  matched: number;
  matchedByName: number;
  wrong: number;
}

function counts(): Counts {
  return { articles: 0, inRegistry: 0, matched: 0, matchedByName: 0, wrong: 0 };
}

/** A document with paragraph blocks only: what the provenance analyzer reads. */
function documentOf(article: StructuredArticle, body: string): Document {
  let text = article.title ?? '';
  const blocks: Block[] = text ? [{ kind: 'headline', start: 0, end: text.length }] : [];
  for (const paragraph of body.split(/\n\s*\n|\n/)) {
    const trimmed = paragraph.trim();
    if (!trimmed) continue;
    if (text) text += '\n\n';
    blocks.push({ kind: 'paragraph', start: text.length, end: text.length + trimmed.length });
    text += trimmed;
  }
  return { article, text, blocks, removed: [], repairs: [], tokens: [], sentences: [], quotes: [] };
}

export const suites: EvalSuite[] = [
  {
    name: 'article-bias',
    requires: FILE,
    async run(context) {
      const registry = compileRegistry(context.lexicons.outlets);
      const findProvenance = createProvenanceAnalyzer(context.lexicons);
      const parts = { tune: counts(), held: counts() };
      const unmatched = new Map<string, number>();
      let chars = 0;
      let millis = 0;
      let withWire = 0;
      let withState = 0;
      let total = 0;
      let bad = 0;
      const lines = createInterface({ input: createReadStream(join(context.sharedDir, FILE), { encoding: 'utf8' }), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.trim()) continue;
        let item: Record<string, unknown>;
        try {
          item = JSON.parse(line) as Record<string, unknown>;
        } catch {
          bad++;
          continue;
        }
        const str = (key: string): string => (typeof item[key] === 'string' ? (item[key] as string) : '');
        const id = str('ID') || String(total);
        total++;
        const base: StructuredArticle = {
          id, source: `${FILE}:${total}`, outlet: str('source') || null, title: str('title') || null, byline: str('authors') || null,
          url: str('url') || null, published: str('date') || null, fields: {},
          removed: [], inputRepairs: [], parts: [],
        };
        const doc = documentOf(base, str('content_original') || str('content'));
        const started = performance.now();
        const full = findProvenance(doc);
        millis += performance.now() - started;
        chars += doc.text.length;
        if (full.provenance.credits.some((c) => c.kind === 'wire')) withWire++;
        if (full.provenance.credits.some((c) => c.stateAffiliated)) withState++;

        const c = parts[isHeldOut(id) ? 'held' : 'tune'];
        c.articles++;
        const host = hostOf(str('source_url'));
        const gold = host ? registry.byHost(host) : null;
        if (!gold) continue;
        c.inRegistry++;
        if (full.provenance.outlet?.registryId === gold.id) c.matched++;
        else if (full.provenance.outlet?.registryId) c.wrong++;
        const byName = findProvenance(documentOf({ ...base, url: null }, ''));
        if (byName.provenance.outlet?.registryId === gold.id) c.matchedByName++;
        else unmatched.set(str('source'), (unmatched.get(str('source')) ?? 0) + 1);
      }
      const rows: EvalRow[] = [];
      for (const [label, c] of [['tune', parts.tune], ['held-out', parts.held]] as const) {
        rows.push(
          { suite: 'article-bias', metric: `outlet in registry (${label})`, value: c.articles ? c.inRegistry / c.articles : 0, n: c.articles, note: 'share of articles whose source_url is a registry domain' },
          { suite: 'article-bias', metric: `outlet identified and matched (${label})`, value: c.inRegistry ? c.matched / c.inRegistry : 0, n: c.inRegistry, note: `source name + article url; ${c.wrong} matched to another entry` },
          { suite: 'article-bias', metric: `outlet matched from name only (${label})`, value: c.inRegistry ? c.matchedByName / c.inRegistry : 0, n: c.inRegistry },
        );
      }
      const misses = [...unmatched].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([name, n]) => `${name} ${n}`).join(', ');
      rows.push(
        { suite: 'article-bias', metric: 'name-only misses (top 5)', value: [...unmatched.values()].reduce((a, b) => a + b, 0), note: misses },
        { suite: 'article-bias', metric: 'articles with a wire credit', value: total ? withWire / total : 0, n: total },
        { suite: 'article-bias', metric: 'articles with a state-affiliated credit', value: total ? withState / total : 0, n: total },
        { suite: 'article-bias', metric: 'provenance analyzer MB/s', value: millis > 0 ? chars / 1e6 / (millis / 1000) : 0, n: total, note: `${(chars / 1e6).toFixed(1)} M chars; analyzer time only, varies with load` },
      );
      if (bad) rows.push({ suite: 'article-bias', metric: 'unparsable lines', value: bad });
      return rows;
    },
  },
];
