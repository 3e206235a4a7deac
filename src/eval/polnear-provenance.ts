/**
 * PolNeAR metadata (Newell, Margolin & Ruths 2018): the `wire` field names the agency
 * whose copy an article is (AP, UPI, AFP, Reuters), the `credit` field an "h/t" source.
 * Scored per article against the credits framelens finds in the text: precision and
 * recall over (article, source) pairs, and the share of articles read exactly right.
 *
 * `wire` is "NA" for every Western Journal article (not annotated): those are left out of
 * the wire scores. Most "h/t" credits are not in the article texts as distributed (the
 * credit line was cut), so credit recall is bounded by what the text still holds; the
 * row's note says how many gold credits occur in the text at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProvenanceAnalyzer } from '../analyzers/provenance.js';
import { compileRegistry } from '../analyzers/provenance/registry.js';
import { nameKey } from '../analyzers/provenance/names.js';
import { createDocumentBuilder } from '../document/build-document.js';
import type { Part, StructuredArticle } from '../input/article.js';
import type { EvalRow, EvalSuite } from './types.js';
import { isHeldOut, prf } from './types.js';

const WIRE_IDS: Readonly<Record<string, string>> = { ap: 'ap', upi: 'upi', afp: 'afp', reuters: 'reuters' };

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  exact: number;
  articles: number;
}

function tally(): Tally {
  return { tp: 0, fp: 0, fn: 0, exact: 0, articles: 0 };
}

function score(t: Tally, gold: ReadonlySet<string>, found: ReadonlySet<string>): void {
  let tp = 0;
  for (const id of found) if (gold.has(id)) tp++;
  t.tp += tp;
  t.fp += found.size - tp;
  t.fn += gold.size - tp;
  t.articles++;
  if (tp === gold.size && tp === found.size) t.exact++;
}

function rowsOf(metric: string, part: string, t: Tally, note?: string): EvalRow[] {
  const { p, r, f1 } = prf(t.tp, t.tp + t.fp, t.tp, t.tp + t.fn);
  const n = t.articles;
  const base = { suite: 'polnear-provenance', n };
  return [
    { ...base, metric: `${metric} precision (${part})`, value: p, ...(note ? { note } : {}) },
    { ...base, metric: `${metric} recall (${part})`, value: r },
    { ...base, metric: `${metric} F1 (${part})`, value: f1 },
    { ...base, metric: `${metric} articles exact (${part})`, value: n ? t.exact / n : 0, note: `tp ${t.tp}, fp ${t.fp}, fn ${t.fn}` },
  ];
}

/** Title on line 1, then paragraphs split at blank lines, as the dataset lays them out. */
export function polnearParts(raw: string): Part[] {
  const newline = raw.indexOf('\n');
  const title = (newline < 0 ? raw : raw.slice(0, newline)).trim();
  const body = newline < 0 ? '' : raw.slice(newline + 1);
  const parts: Part[] = title ? [{ kind: 'headline', text: title }] : [];
  for (const paragraph of body.split(/\n\s*\n/)) {
    const text = paragraph.trim();
    if (text) parts.push({ kind: 'paragraph', text });
  }
  return parts;
}

export const suites: EvalSuite[] = [
  {
    name: 'polnear-provenance',
    requires: 'data/polnear/metadata.tsv',
    async run(context) {
      const dir = join(context.sharedDir, 'data', 'polnear');
      const lines = readFileSync(join(dir, 'metadata.tsv'), 'utf8').split('\n').filter(Boolean);
      const header = (lines.shift() ?? '').split('\t');
      const col = (name: string): number => header.indexOf(name);
      const buildDocument = createDocumentBuilder(context.lexicons);
      const findProvenance = createProvenanceAnalyzer(context.lexicons);
      const registry = compileRegistry(context.lexicons.outlets);
      const wire = { tune: tally(), held: tally() };
      const credit = { tune: tally(), held: tally() };
      let creditGold = 0;
      let creditInText = 0;
      let failed = 0;
      let hatTipLines = 0;
      let goldLineInText = 0;
      let hatTipFound = 0;
      for (const line of lines) {
        const cells = line.split('\t');
        const compartment = cells[col('compartment')] ?? '';
        const filename = cells[col('filename')] ?? '';
        const wireField = (cells[col('wire')] ?? '').trim();
        const creditField = (cells[col('credit')] ?? '').trim();
        let raw: string;
        try {
          raw = readFileSync(join(dir, compartment, 'text', `${filename}.txt`), 'utf8');
        } catch {
          failed++;
          continue;
        }
        const article: StructuredArticle = {
          id: filename, source: `${compartment}/${filename}`, outlet: null, title: null, byline: null, url: null, published: null,
          fields: {}, removed: [], inputRepairs: [], parts: polnearParts(raw),
        };
        const doc = buildDocument(article);
        const result = findProvenance(doc);
        const part = isHeldOut(filename) ? 'held' : 'tune';
        if (wireField !== 'NA') {
          const gold = new Set<string>();
          const id = WIRE_IDS[wireField.toLowerCase()];
          if (id) gold.add(id);
          // An agency's copy shows as its dateline, byline or contributor line; photo credits and citations do not make it wire copy.
          const found = new Set(
            result.provenance.credits
              .filter((c) => c.registryId && (c.kind === 'wire' || c.kind === 'byline' || c.kind === 'contributor'))
              .map((c) => c.registryId as string)
              .filter((rid) => Object.values(WIRE_IDS).includes(rid)),
          );
          score(wire[part], gold, found);
        }
        // h/t credits: compared by registry id where the name is registered, else by name.
        const gold = new Set<string>();
        if (creditField && creditField !== 'None') {
          const name = creditField.replace(/^h\/t:?/i, '').trim().replace(/\.$/, '');
          const hit = registry.field.lookup(name);
          gold.add(hit !== null ? (registry.entries[hit]?.id ?? name) : nameKey(name));
          creditGold++;
          if (raw.toLowerCase().includes(name.toLowerCase())) creditInText++;
          if (/\bh\/t\b/i.test(raw)) goldLineInText++;
        }
        // Only credits on an "h/t" line answer the `credit` field (other contributor lines are not annotated).
        const text = result.provenance.credits.length ? doc.text : '';
        const found = new Set(
          result.provenance.credits
            .filter((c) => c.kind === 'contributor' && /h\/t|hat tip/i.test(text.slice(Math.max(0, c.start - 40), c.start)))
            .map((c) => c.registryId ?? nameKey(c.source)),
        );
        score(credit[part], gold, found);
        hatTipLines += (raw.match(/\bh\/t\b/gi) ?? []).length;
        hatTipFound += found.size;
      }
      return [
        ...rowsOf('wire agency', 'tune', wire.tune, 'per (article, agency) over articles with a wire field (West Journal "NA" left out)'),
        ...rowsOf('wire agency', 'held-out', wire.held),
        ...rowsOf('h/t credit', 'tune', credit.tune, `${creditGold} gold h/t credits; ${goldLineInText} of their articles still hold an h/t line, ${creditInText} name the source anywhere`).slice(0, 2),
        ...rowsOf('h/t credit', 'held-out', credit.held).slice(0, 2),
        { suite: 'polnear-provenance', metric: 'h/t lines in the texts read as credits', value: hatTipLines ? hatTipFound / hatTipLines : 0, n: hatTipLines, note: 'all articles; the metadata misses most of these lines' },
        ...(failed ? [{ suite: 'polnear-provenance', metric: 'unreadable articles', value: failed }] : []),
      ];
    },
  },
];
