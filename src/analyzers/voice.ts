/**
 * Whose voice a span is in: the outlet's own (headline, narration), a scare quote, or a
 * quoted or reported speaker. "Evil" in a headline and "evil" in a minister's quote are
 * different facts, and this is where they are told apart.
 */
import { blockAt } from '../document/lookup.js';
import type { Document } from '../document/types.js';
import type { FindingVoice, Quote } from '../schema/record.js';
import { lastStartingAtOrBefore } from '../util/sorted.js';
import { sortInPlace } from '../util/sort-in-place.js';

export interface SpanVoice {
  readonly voice: FindingVoice;
  readonly speaker: string | null;
}

const OWN_VOICE_BLOCKS = new Set(['headline', 'dek', 'caption']);

/**
 * Returns a lookup from a span to its voice. Quotes are searched innermost-first, so a
 * quoted phrase inside reported speech (a mixed quote) counts as the speaker's own words.
 */
export function createVoiceLookup(doc: Document, quotes: readonly Quote[]): (start: number, end: number) => SpanVoice {
  // A copy: the record keeps the attribution's order. Mostly in order already (no sort work array).
  const sorted = sortInPlace([...quotes], byStartLongerFirst);
  // reach[i]: the furthest end among sorted[0..i]. Walking back from the last quote that
  // starts before a span, we can stop as soon as no earlier quote reaches the span's end,
  // so a lookup costs O(log n + containing quotes), not O(n): thousands of unbalanced
  // quotation marks stay linear.
  const reach: number[] = [];
  for (const quote of sorted) reach.push(Math.max(quote.end, reach[reach.length - 1] ?? -1));
  return (start, end) => {
    let best: Quote | null = null;
    for (let i = lastStartingAtOrBefore(sorted, start); i >= 0 && (reach[i] as number) >= end; i--) {
      const quote = sorted[i] as Quote;
      if (quote.end >= end && (!best || quote.end - quote.start <= best.end - best.start)) best = quote;
    }
    if (best) {
      switch (best.kind) {
        case 'scare':
          return { voice: 'scare', speaker: best.speaker };
        case 'indirect':
          return { voice: 'reported', speaker: best.speaker };
        default:
          return { voice: 'quoted', speaker: best.speaker };
      }
    }
    const block = blockAt(doc, start);
    return { voice: block && OWN_VOICE_BLOCKS.has(block.kind) ? 'headline' : 'narration', speaker: null };
  };
}

/**
 * Sorted [start, end] spans of speech quotes (direct, mixed, indirect; scare quotes are the
 * outlet's own words), by start then longer first: what sentiment and the word counts
 * treat as reported speech.
 */
export function speechSpans(quotes: readonly Quote[]): [number, number][] {
  // A plain loop: an inlined filter/map deopts ("wrong map") when an empty quote array,
  // which has another elements kind, first comes along.
  const spans: [number, number][] = [];
  for (let q = 0; q < quotes.length; q++) {
    const quote = quotes[q] as Quote;
    if (quote.kind !== 'scare') spans.push([quote.start, quote.end]);
  }
  return sortInPlace(spans, spanByStartLongerFirst);
}

function byStartLongerFirst(a: Quote, b: Quote): number {
  return a.start - b.start || b.end - a.end;
}

function spanByStartLongerFirst(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || b[1] - a[1];
}
