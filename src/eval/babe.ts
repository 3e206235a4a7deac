/**
 * BABE (Spinde et al. 2021): word-level precision, recall and F1 of loaded-language
 * findings against the annotators' `biased_words`, and sentence level: how often a
 * `Biased` sentence scores higher than a `Non-biased` one (ROC AUC of the summed finding
 * weights). Sentences are split with `isHeldOut(id)`; the lexicon was tuned on the rest.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetArticle, isHeldOut, prf, type EvalContext, type EvalRow, type EvalSuite } from './types.js';

interface BabeRow {
  readonly id: string;
  readonly text: string;
  readonly label_bias: string;
  readonly biased_words: readonly string[];
}

/** Attribution cue classes that are word choice by the outlet (see the attribution analyzer). */
const CUE_CATEGORIES = new Set(['doubt-verb', 'aggressive-verb']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Lower-case words of a string, apostrophes straightened. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().replace(/’/g, "'").match(WORD) ?? []).map((w) => w.replace(/'s$/, ''));
}

/** ROC AUC by ranks (Mann–Whitney U), ties counted half. */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (!positives.length || !negatives.length) return 0;
  const all = [...positives.map((v) => ({ v, p: 1 })), ...negatives.map((v) => ({ v, p: 0 }))].sort((a, b) => a.v - b.v);
  let rankSum = 0;
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j < all.length && (all[j] as { v: number }).v === (all[i] as { v: number }).v) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if ((all[k] as { p: number }).p) rankSum += rank;
    i = j;
  }
  const n1 = positives.length;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * negatives.length);
}

async function run(context: EvalContext): Promise<EvalRow[]> {
  const lines = (await readFile(join(context.sharedDir, 'data', 'babe', 'babe-sg2-dev.jsonl'), 'utf8')).split('\n').filter((l) => l.trim());
  const empty = () => ({ tp: 0, predicted: 0, gold: 0, biased: [] as number[], neutral: [] as number[], cueTp: 0, cuePredicted: 0 });
  const splits = { tune: empty(), 'held-out': empty() };
  for (const line of lines) {
    const row = JSON.parse(line) as BabeRow;
    const split = splits[isHeldOut(row.id) ? 'held-out' : 'tune'];
    const record = context.analyze(datasetArticle({ id: row.id, source: 'babe', body: row.text, parts: [{ kind: 'paragraph', text: row.text }] }));
    const predicted = new Set<string>();
    let score = 0;
    for (const f of record.findings) {
      if (f.analyzer !== 'loaded-language' || f.weight <= 0) continue;
      score += f.weight;
      for (const w of wordsOf(f.text)) predicted.add(w);
    }
    const gold = new Set(row.biased_words.flatMap((w) => wordsOf(w)));
    for (const w of predicted) if (gold.has(w)) split.tp++;
    // With the attribution analyzer's loaded cue verbs ("claimed", "slammed"): BABE's
    // annotators mark those too, and they are the outlet's word choice.
    const withCues = new Set(predicted);
    for (const f of record.findings) if (f.analyzer === 'attribution' && CUE_CATEGORIES.has(f.category)) for (const w of wordsOf(f.text)) withCues.add(w);
    for (const w of withCues) if (gold.has(w)) split.cueTp++;
    split.cuePredicted += withCues.size;
    split.predicted += predicted.size;
    split.gold += gold.size;
    if (row.label_bias === 'Biased') split.biased.push(score);
    else if (row.label_bias === 'Non-biased') split.neutral.push(score);
  }
  const rows: EvalRow[] = [];
  for (const name of ['tune', 'held-out'] as const) {
    const s = splits[name];
    const { p, r, f1 } = prf(s.tp, s.predicted, s.tp, s.gold);
    const n = s.biased.length + s.neutral.length;
    rows.push({ suite: 'babe', metric: `${name} word precision`, value: p, n: s.predicted });
    rows.push({ suite: 'babe', metric: `${name} word recall`, value: r, n: s.gold });
    rows.push({ suite: 'babe', metric: `${name} word F1`, value: f1, n, note: 'distinct words per sentence vs biased_words', ...(name === 'held-out' ? { target: 0.45 } : {}) });
    const cue = prf(s.cueTp, s.cuePredicted, s.cueTp, s.gold);
    rows.push({ suite: 'babe', metric: `${name} word F1 with cue verbs`, value: cue.f1, n, note: `loaded terms plus attribution doubt and aggressive cue verbs (P ${cue.p.toFixed(3)}, R ${cue.r.toFixed(3)})` });
    rows.push({ suite: 'babe', metric: `${name} sentence AUC`, value: rocAuc(s.biased, s.neutral), n, note: `${s.biased.length} Biased vs ${s.neutral.length} Non-biased, score = summed finding weight` });
  }
  return rows;
}

export const suites: EvalSuite[] = [{ name: 'babe', requires: 'data/babe/babe-sg2-dev.jsonl', run }];
