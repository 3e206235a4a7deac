/**
 * BASIL (Fan et al. 2019, EMNLP): phrase annotations inside quotes carry the speaker
 * (`quote` = yes, `speaker` like `Donald_Trump` or `House_Republicans`; `other_*` labels
 * name no one and are left out). For each named span: does framelens credit a quote that
 * overlaps it to a voice (coverage), and does that voice's name or role share a word with
 * the annotated speaker (agreement)?
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAttributionAnalyzer } from '../analyzers/attribution.js';
import { createEntityFinder } from '../analyzers/entities.js';
import { createDocumentBuilder } from '../document/build-document.js';
import type { Part, StructuredArticle } from '../input/article.js';
import type { EvalRow, EvalSuite } from './types.js';
import { isHeldOut } from './types.js';

interface BasilArticle {
  readonly title?: string;
  readonly 'body-paragraphs'?: readonly (readonly string[])[];
}

interface BasilPhrase {
  readonly id?: string;
  readonly txt?: string;
  readonly quote?: string;
  readonly speaker?: string;
}

const STOP = new Set(['the', 'of', 'and', 'house', 'senate', 'white', 'state', 'department', 'mr', 'ms', 'mrs']);

function words(value: string): Set<string> {
  return new Set(value.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP.has(w)));
}

/** Singular and plural count as one ("Republicans" ~ "Republican"). */
function sharesWord(a: Set<string>, b: Set<string>): boolean {
  for (const word of a) {
    if (b.has(word)) return true;
    if (word.endsWith('s') && b.has(word.slice(0, -1))) return true;
    if (b.has(`${word}s`)) return true;
  }
  return false;
}

export const suites: EvalSuite[] = [
  {
    name: 'basil-speaker',
    requires: 'data/basil',
    async run({ sharedDir, lexicons }) {
      const root = join(sharedDir, 'data', 'basil');
      const build = createDocumentBuilder(lexicons);
      const findEntities = createEntityFinder(lexicons);
      const attribute = createAttributionAnalyzer(lexicons);
      const totals = {
        tune: { spans: 0, covered: 0, agreed: 0, unlocated: 0 },
        heldOut: { spans: 0, covered: 0, agreed: 0, unlocated: 0 },
      };
      for (const year of readdirSync(join(root, 'annotations')).sort()) {
        for (const file of readdirSync(join(root, 'annotations', year)).filter((f) => f.endsWith('_ann.json')).sort()) {
          const base = file.slice(0, -'_ann.json'.length);
          let article: BasilArticle;
          let phrases: BasilPhrase[];
          try {
            article = JSON.parse(readFileSync(join(root, 'articles', year, `${base}.json`), 'utf8')) as BasilArticle;
            const annotation = JSON.parse(readFileSync(join(root, 'annotations', year, file), 'utf8')) as { 'phrase-level-annotations'?: BasilPhrase[] };
            phrases = annotation['phrase-level-annotations'] ?? [];
          } catch {
            continue;
          }
          const named = phrases.filter((p) => p.quote === 'yes' && p.speaker && !p.speaker.startsWith('other') && p.id?.startsWith('p') && p.txt);
          if (!named.length) continue;
          // Sentence pN of the flattened body: remember which paragraph holds it.
          const sentenceParagraph: number[] = [];
          const parts: Part[] = [{ kind: 'headline', text: article.title ?? 'Untitled' }];
          (article['body-paragraphs'] ?? []).forEach((paragraph) => {
            for (let k = 0; k < paragraph.length; k++) sentenceParagraph.push(parts.length);
            parts.push({ kind: 'paragraph', text: paragraph.join(' ') });
          });
          const structured: StructuredArticle = {
            id: base, source: file, outlet: null, title: null, byline: null, url: null, published: null, fields: {},
            parts, removed: [], inputRepairs: [],
          };
          const doc = build(structured);
          const result = attribute(doc, findEntities(doc));
          const voices = new Map(result.voices.map((v) => [v.id, v] as const));
          const split = isHeldOut(base.split('_')[0] ?? base) ? totals.heldOut : totals.tune;
          for (const phrase of named) {
            split.spans++;
            const block = doc.blocks[sentenceParagraph[Number((phrase.id as string).slice(1))] ?? -1];
            const needle = (phrase.txt as string).trim();
            const at = block ? doc.text.slice(block.start, block.end).indexOf(needle) : -1;
            if (!block || at < 0) {
              split.unlocated++;
              continue;
            }
            const start = block.start + at;
            const end = start + needle.length;
            let best: { speaker: string | null; size: number } | null = null;
            for (const quote of result.quotes) {
              if (quote.kind === 'scare' || !quote.speaker || quote.start >= end || quote.end <= start) continue;
              const size = quote.end - quote.start;
              if (!best || size < best.size) best = { speaker: quote.speaker, size };
            }
            const voice = best?.speaker ? voices.get(best.speaker) : undefined;
            if (!voice) continue;
            split.covered++;
            const label = words((phrase.speaker as string).replace(/_/g, ' '));
            if (sharesWord(label, words(`${voice.name ?? ''} ${voice.role ?? ''} ${voice.affiliation ?? ''}`))) split.agreed++;
          }
        }
      }
      const rows: EvalRow[] = [];
      for (const [label, t] of [['held-out', totals.heldOut], ['tune', totals.tune]] as const) {
        const located = t.spans - t.unlocated;
        rows.push({
          suite: 'basil-speaker', metric: `speaker agreement where credited (${label})`, value: t.covered ? Number((t.agreed / t.covered).toFixed(4)) : 0,
          n: t.covered, note: `annotated speaker shares a word with the voice's name or role`,
        });
        rows.push({
          suite: 'basil-speaker', metric: `speaker accuracy over named spans (${label})`, value: located ? Number((t.agreed / located).toFixed(4)) : 0,
          n: located, note: `${t.covered} of ${located} spans credited to a voice${t.unlocated ? `; ${t.unlocated} spans not found in the text` : ''}`,
        });
      }
      return rows;
    },
  },
];
