/**
 * AFINN-165 valences as shipped in `sentiment` 5.0.2 (`languages/en/labels.json`), read
 * once as data and frozen in a map of our own. `sentiment`'s `extras` option writes into
 * its shared label object, so custom words leak between calls; framelens never calls
 * `sentiment` at run time and never passes `extras`.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface AfinnLexicon {
  /** Single-word valences, keyed by lower-case word with straight apostrophes. */
  readonly words: ReadonlyMap<string, number>;
  /** Multi-word entries ("not working", "fed up"), keyed by their first word; longest first. */
  readonly phrases: ReadonlyMap<string, readonly { readonly words: readonly string[]; readonly valence: number }[]>;
  /** Words that open a negation scope (sentiment's English negators plus a few it misses). */
  readonly negators: ReadonlySet<string>;
  /** Everything above under one key, so the scoring loop probes one map per word. */
  readonly slots: ReadonlyMap<string, AfinnSlot>;
}

export interface AfinnSlot {
  readonly valence: number | undefined;
  readonly phrases: readonly { readonly words: readonly string[]; readonly valence: number }[] | undefined;
  readonly negator: boolean;
}

let cached: AfinnLexicon | null = null;

/** Extra negators beyond sentiment's list; each is a deliberate difference with a test. */
const EXTRA_NEGATORS = ['never', 'nor', 'cannot', "n't", "aren't", "wasn't", "weren't", "didn't", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", 'without'];

export function loadAfinn(): AfinnLexicon {
  if (cached) return cached;
  const labels = require('sentiment/languages/en/labels.json') as Record<string, number>;
  const negatorLabels = require('sentiment/languages/en/negators.json') as Record<string, number>;
  const words = new Map<string, number>();
  const phrases = new Map<string, { words: string[]; valence: number }[]>();
  for (const key of Object.keys(labels).sort()) {
    const valence = labels[key] as number;
    const parts = key.toLowerCase().split(' ').filter(Boolean);
    if (parts.length === 1) words.set(parts[0] as string, valence);
    else if (parts.length > 1) {
      const first = parts[0] as string;
      let bucket = phrases.get(first);
      if (!bucket) phrases.set(first, (bucket = []));
      bucket.push({ words: parts, valence });
    }
  }
  for (const bucket of phrases.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  const negators = new Set([...Object.keys(negatorLabels), ...EXTRA_NEGATORS]);
  const slots = new Map<string, AfinnSlot>();
  for (const key of new Set([...words.keys(), ...phrases.keys(), ...negators])) {
    slots.set(key, Object.freeze({ valence: words.get(key), phrases: phrases.get(key), negator: negators.has(key) }));
  }
  cached = Object.freeze({ words, phrases, negators, slots });
  return cached;
}
