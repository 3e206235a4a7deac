/**
 * The record's `entities`: every gazetteer actor the article mentions or aims a loaded
 * term at, with its mentions, the mean AFINN valence of the sentences that mention it,
 * and the labels aimed at it (rule, words, count, and how many in the outlet's own voice
 * and how many in quoted or reported speech). Ordered by first appearance.
 */
import type { Document } from '../document/types.js';
import type { EntitiesEntry } from '../lexicon/kinds/entities.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { Entity, Finding } from '../schema/record.js';
import { sortInPlace } from '../util/sort-in-place.js';
import type { EntityMention, SentimentResult } from './types.js';

const OWN = new Set(['headline', 'narration']);
const QUOTED = new Set(['quoted', 'reported']);

interface Label {
  readonly rule: string;
  readonly text: string;
  count: number;
  ownVoice: number;
  quoted: number;
  readonly first: number;
}

interface Accumulator {
  readonly id: string;
  readonly entry: EntitiesEntry;
  first: number;
  readonly mentions: { start: number; end: number }[];
  /** The distinct sentences mentioning the entity, in order of first mention. */
  readonly sentences: number[];
  /** In first-seen order. */
  readonly labels: Label[];
}

/** Ordered by first appearance, then id. */
function byFirstThenId(x: Accumulator, y: Accumulator): number {
  return x.first - y.first || (x.id < y.id ? -1 : 1);
}

/** Most used first, then first appearance. */
function byCountThenFirst(x: Label, y: Label): number {
  return y.count - x.count || x.first - y.first;
}

/**
 * Adds `sentence` unless the list has it. Mentions come in text order, so a new sentence is
 * almost always past the last one and the list is only scanned when it is not.
 */
function addDistinct(sentences: number[], sentence: number): void {
  const last = sentences.length > 0 ? (sentences[sentences.length - 1] as number) : -1;
  if (sentence === last || (sentence < last && sentences.includes(sentence))) return;
  sentences.push(sentence);
}

/** The mean valence of the sentences that carry one, or null. */
function meanSentiment(sentences: readonly number[], sentiment: SentimentResult): number | null {
  let sum = 0;
  let counted = 0;
  for (const s of sentences) {
    // A sentence with no valenced word says nothing about the entity's sentiment.
    if (sentiment.scoredBySentence && !sentiment.scoredBySentence[s]) continue;
    sum += sentiment.bySentence[s] ?? 0;
    counted++;
  }
  return counted ? Math.round((sum / counted) * 1e4) / 1e4 : null;
}

export function createEntityRecordBuilder(
  lexicons: LexiconSet,
): (doc: Document, mentions: readonly EntityMention[], findings: readonly Finding[], sentiment: SentimentResult) => Entity[] {
  const byId = new Map(lexicons.entities.entries.map((e) => [e.id, e]));
  return (doc, mentions, findings, sentiment) => {
    const acc = new Map<string, Accumulator>();
    const order: Accumulator[] = [];
    const labels = new Map<string, Label>();
    const get = (entry: EntitiesEntry, at: number): Accumulator => {
      let a = acc.get(entry.id);
      if (!a) {
        a = { id: entry.id, entry, first: at, mentions: [], sentences: [], labels: [] };
        acc.set(entry.id, a);
        order.push(a);
      }
      a.first = Math.min(a.first, at);
      return a;
    };
    for (const m of mentions) {
      const entry = byId.get(m.entity);
      if (entry === undefined) continue;
      const a = get(entry, m.start);
      a.mentions.push({ start: m.start, end: m.end });
      const token = doc.tokens[m.tokenStart];
      if (token) addDistinct(a.sentences, token.sentence);
    }
    for (const f of findings) {
      if (f.analyzer !== 'loaded-language' || !f.target) continue;
      const entry = byId.get(f.target);
      if (entry === undefined) continue;
      const a = get(entry, f.start);
      const text = f.text.toLowerCase();
      // One map for the article's labels, not one per entity: most entities have none.
      const key = `${a.id}\u0000${f.rule}\u0000${text}`;
      let label = labels.get(key);
      if (!label) {
        labels.set(key, (label = { rule: f.rule, text, count: 0, ownVoice: 0, quoted: 0, first: f.start }));
        a.labels.push(label);
      }
      label.count++;
      if (OWN.has(f.voice)) label.ownVoice++;
      if (QUOTED.has(f.voice)) label.quoted++;
    }
    const entities: Entity[] = [];
    for (const a of sortInPlace(order, byFirstThenId)) {
      entities.push({
        id: a.id,
        name: a.entry.name,
        kind: a.entry.kind,
        mentions: a.mentions,
        sentiment: meanSentiment(a.sentences, sentiment),
        labels: sortInPlace(a.labels, byCountThenFirst).map(({ rule, text, count, ownVoice, quoted }) => ({ rule, text, count, ownVoice, quoted })),
      });
    }
    return entities;
  };
}
