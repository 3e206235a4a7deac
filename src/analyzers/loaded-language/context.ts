/**
 * How the words around a term change what it says: negated ("not a terrorist"), hedged
 * ("alleged terrorist"), distanced (the label is handed to someone else: "what it called
 * terrorism", "so-called experts", "branded a terrorist"), or a mention of the word
 * rather than a use ("the word 'terrorist'"). Each lowers the weight; `mention` zeroes it.
 * The scan stays inside the clause: a comma or "but" ends it.
 */
import type { Token } from '../../document/types.js';
import { CLAUSE_BREAKS, DETERMINERS, DISTANCING, HEDGES, MENTION_NOUNS, NEGATORS, isQuoteMark } from './words.js';

export type TermContext = 'negated' | 'hedged' | 'distanced' | 'mention';

const WINDOW = 4;
/** "called for", "called on": a request, not a label. */
const PARTICLES: ReadonlySet<string> = new Set(['for', 'on', 'upon', 'off', 'up', 'in', 'out', 'back']);

export function readContext(tokens: readonly Token[], start: number): TermContext[] {
  const anchor = tokens[start];
  if (!anchor) return [];
  // Four flags rather than a set: this runs for every matched term.
  let negated = false;
  let hedged = false;
  let distanced = false;
  let mention = false;
  // Immediately before (over quote marks and articles): hedges and mention nouns.
  let j = start - 1;
  let quoted = false;
  while (j >= 0 && isQuoteMark(tokens[j] as Token)) {
    quoted = true;
    j--;
  }
  if (j >= 0 && (tokens[j] as Token).sentence === anchor.sentence) {
    const before = tokens[j] as Token;
    if (MENTION_NOUNS.has(before.norm) && (quoted || before.norm === 'word' || before.norm === 'term')) mention = true;
    let k = j;
    while (k >= 0 && DETERMINERS.has((tokens[k] as Token).norm)) k--;
    if (k >= 0 && HEDGES.has((tokens[k] as Token).norm) && (tokens[k] as Token).sentence === anchor.sentence) hedged = true;
  }
  // A few words back within the clause: negation and distancing verbs.
  let words = 0;
  for (let i = start - 1, steps = 0; i >= 0 && words < WINDOW && steps < 4 * WINDOW; i--, steps++) {
    const token = tokens[i] as Token;
    if (token.sentence !== anchor.sentence) break;
    if (isQuoteMark(token)) continue;
    if (CLAUSE_BREAKS.has(token.norm) && token.norm !== '-') break;
    words++;
    if (NEGATORS.has(token.norm)) negated = true;
    else if (DISTANCING.has(token.norm) && !PARTICLES.has(tokens[i + 1]?.norm ?? '')) distanced = true;
  }
  // In this fixed order, as the record lists them.
  const context: TermContext[] = [];
  if (negated) context.push('negated');
  if (hedged) context.push('hedged');
  if (distanced) context.push('distanced');
  if (mention) context.push('mention');
  return context;
}

/** The entry's weight after its context: halved per lowering context, zero for a mention. */
export function weightInContext(weight: number, context: readonly TermContext[]): number {
  if (context.includes('mention')) return 0;
  let w = weight;
  for (const c of context) if (c !== 'mention') w /= 2;
  return Math.round(w * 100) / 100;
}
