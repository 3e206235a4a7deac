/**
 * PTC (SemEval-2020 Task 11, Da San Martino et al.): loaded-language findings against the
 * `Loaded_Language` ∪ `Name_Calling,Labeling` spans, with the shared task's partial-overlap
 * span metric (a predicted span earns credit in proportion to its character overlap with
 * gold spans; overlapping spans on each side are merged first). Offsets in the labels
 * count code points in the raw file; findings are mapped back from the record's `text`.
 * Articles are split with `isHeldOut`: the lexicon was tuned on the rest only.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { alignTexts, codePointOffsets } from '../nlp/align-text.js';
import type { Part } from '../input/article.js';
import { datasetArticle, isHeldOut, prf, type EvalContext, type EvalRow, type EvalSuite } from './types.js';

export type Span = readonly [number, number];

const TECHNIQUES = new Set(['Loaded_Language', 'Name_Calling,Labeling']);

/** Sorts and merges overlapping or touching spans. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/** Sums for the partial-overlap metric: Σ|s∩t|/|s| over predictions, Σ|s∩t|/|t| over gold. */
export function partialOverlapSums(predicted: readonly Span[], gold: readonly Span[]): { pNum: number; pDen: number; rNum: number; rDen: number } {
  let pNum = 0;
  let rNum = 0;
  // Both lists are sorted and merged: a two-pointer sweep keeps this linear.
  let g = 0;
  for (const s of predicted) {
    while (g < gold.length && (gold[g] as Span)[1] <= s[0]) g++;
    for (let k = g; k < gold.length && (gold[k] as Span)[0] < s[1]; k++) {
      const t = gold[k] as Span;
      const o = overlap(s, t);
      pNum += o / (s[1] - s[0]);
      rNum += o / (t[1] - t[0]);
    }
  }
  return { pNum, pDen: predicted.length, rNum, rDen: gold.length };
}

/** The article as PTC gives it: title on line 1, then one sentence per line. */
export function ptcArticle(id: string, raw: string) {
  // One sentence per line is the dataset's own split, not the article's paragraphs: the
  // body stays one part so a quotation that runs over several sentences stays whole.
  const newline = raw.indexOf('\n');
  const title = newline < 0 ? raw : raw.slice(0, newline);
  const body = newline < 0 ? '' : raw.slice(newline + 1).trim();
  const parts: Part[] = [];
  if (title.trim()) parts.push({ kind: 'headline', text: title });
  if (body) parts.push({ kind: 'paragraph', text: body });
  return datasetArticle({ id, source: `ptc/article${id}.txt`, body: raw, parts });
}

/** Loaded-language findings of one article as merged code-point spans of the raw file. */
export function predictedSpans(context: EvalContext, id: string, raw: string): Span[] {
  const record = context.analyze(ptcArticle(id, raw));
  const toRaw = alignTexts(record.text, raw);
  const toCp = codePointOffsets(raw);
  const spans: Span[] = [];
  for (const f of record.findings) {
    if (f.analyzer !== 'loaded-language' || f.weight <= 0) continue;
    const s = toCp[toRaw[f.start] as number] as number;
    const e = toCp[toRaw[f.end] as number] as number;
    if (e > s) spans.push([s, e]);
  }
  return mergeSpans(spans);
}

export async function readGold(dir: string): Promise<Map<string, Span[]>> {
  const gold = new Map<string, Span[]>();
  const lines = (await readFile(join(dir, 'train-task2-TC.labels'), 'utf8')).split('\n');
  for (const line of lines) {
    const [id, technique, start, end] = line.split('\t');
    if (!id || !technique || !TECHNIQUES.has(technique)) continue;
    const list = gold.get(id) ?? [];
    list.push([Number(start), Number(end)]);
    gold.set(id, list);
  }
  for (const [id, spans] of gold) gold.set(id, mergeSpans(spans));
  return gold;
}

async function run(context: EvalContext): Promise<EvalRow[]> {
  const dir = join(context.sharedDir, 'data', 'ptc');
  const gold = await readGold(dir);
  const files = (await readdir(join(dir, 'train-articles'))).filter((f) => /^article\d+\.txt$/.test(f)).sort();
  const sums = { tune: { pNum: 0, pDen: 0, rNum: 0, rDen: 0, n: 0 }, 'held-out': { pNum: 0, pDen: 0, rNum: 0, rDen: 0, n: 0 } };
  for (const file of files) {
    const id = file.slice('article'.length, -'.txt'.length);
    const raw = await readFile(join(dir, 'train-articles', file), 'utf8');
    const part = sums[isHeldOut(id) ? 'held-out' : 'tune'];
    const s = partialOverlapSums(predictedSpans(context, id, raw), gold.get(id) ?? []);
    part.pNum += s.pNum;
    part.pDen += s.pDen;
    part.rNum += s.rNum;
    part.rDen += s.rDen;
    part.n++;
  }
  const rows: EvalRow[] = [];
  for (const split of ['tune', 'held-out'] as const) {
    const s = sums[split];
    const { p, r, f1 } = prf(s.pNum, s.pDen, s.rNum, s.rDen);
    const note = `${s.n} articles, ${s.pDen} predicted and ${s.rDen} gold spans (Loaded_Language ∪ Name_Calling,Labeling), partial overlap`;
    rows.push({ suite: 'ptc', metric: `${split} precision`, value: p, n: s.pDen });
    rows.push({ suite: 'ptc', metric: `${split} recall`, value: r, n: s.rDen });
    rows.push({ suite: 'ptc', metric: `${split} F1`, value: f1, n: s.n, note, ...(split === 'held-out' ? { target: 0.4 } : {}) });
  }
  return rows;
}

export const suites: EvalSuite[] = [{ name: 'ptc', requires: 'data/ptc/train-task2-TC.labels', run }];
