/**
 * Sentiment along the article, for the chart: the record carries one sentiment score for
 * the whole text, so the report scores each block itself with the AFINN labels that ship
 * with `sentiment` (used as data only). It is a rough shape of the tone, labelled as such.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { forEachWord } from '../aggregate/word-counts.js';
import type { AnalysisRecord } from '../schema/record.js';

let afinn: Map<string, number> | null = null;

function labels(): Map<string, number> {
  if (!afinn) {
    const path = createRequire(import.meta.url).resolve('sentiment/languages/en/labels.json');
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, number>;
    afinn = new Map(Object.entries(raw));
  }
  return afinn;
}

const NEGATORS = new Set(['not', 'no', 'never', 'without', "don't", "doesn't", "didn't", "won't", "isn't", "aren't", "wasn't", 'cannot', "can't"]);

export interface BlockSentiment {
  readonly label: string;
  readonly start: number;
  /** AFINN valence per 100 words of the block. */
  readonly valence: number;
  readonly words: number;
}

export function scoreSpan(text: string): { total: number; words: number } {
  const lexicon = labels();
  let total = 0;
  let words = 0;
  let previous = '';
  forEachWord(text.toLowerCase(), (raw) => {
    const word = raw.includes('’') ? raw.replace('’', "'") : raw;
    words++;
    const value = lexicon.get(word);
    if (value !== undefined) total += NEGATORS.has(previous) ? -value : value;
    previous = word;
  });
  return { total, words };
}

/** One point per paragraph-like block (headline and captions included), in text order. */
export function blockSentiment(record: AnalysisRecord): BlockSentiment[] {
  const blocks = [...record.blocks].sort((a, b) => a.start - b.start);
  const spans = blocks.length ? blocks : paragraphSpans(record.text);
  const points: BlockSentiment[] = [];
  let paragraph = 0;
  for (const block of spans) {
    const { total, words } = scoreSpan(record.text.slice(block.start, block.end));
    if (!words) continue;
    const label = block.kind === 'paragraph' ? `¶${++paragraph}` : block.kind;
    points.push({ label, start: block.start, valence: Math.round((total / words) * 10_000) / 100, words });
  }
  return points;
}

function paragraphSpans(text: string): { kind: 'paragraph'; start: number; end: number }[] {
  const spans: { kind: 'paragraph'; start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const next = text.indexOf('\n\n', start);
    const end = next < 0 ? text.length : next;
    if (text.slice(start, end).trim()) spans.push({ kind: 'paragraph', start, end });
    if (next < 0) break;
    start = next + 2;
  }
  return spans;
}
