/**
 * The record's `entities`: every gazetteer actor the article mentions or aims a loaded
 * term at, with its mentions, the mean AFINN valence of the sentences that mention it,
 * and the labels aimed at it (rule, words, count, and how many in the outlet's own voice
 * and how many in quoted or reported speech). Ordered by first appearance.
 */
import type { Document } from '../document/types.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { Entity, Finding } from '../schema/record.js';
import type { EntityMention, SentimentResult } from './types.js';

const OWN = new Set(['headline', 'narration']);
const QUOTED = new Set(['quoted', 'reported']);

interface Accumulator {
  readonly id: string;
  first: number;
  readonly mentions: { start: number; end: number }[];
  readonly sentences: Set<number>;
  readonly labels: Map<string, { rule: string; text: string; count: number; ownVoice: number; quoted: number; first: number }>;
}

export function createEntityRecordBuilder(
  lexicons: LexiconSet,
): (doc: Document, mentions: readonly EntityMention[], findings: readonly Finding[], sentiment: SentimentResult) => Entity[] {
  const byId = new Map(lexicons.entities.entries.map((e) => [e.id, e]));
  return (doc, mentions, findings, sentiment) => {
    const acc = new Map<string, Accumulator>();
    const get = (id: string, at: number): Accumulator => {
      let a = acc.get(id);
      if (!a) acc.set(id, (a = { id, first: at, mentions: [], sentences: new Set(), labels: new Map() }));
      a.first = Math.min(a.first, at);
      return a;
    };
    for (const m of mentions) {
      if (!byId.has(m.entity)) continue;
      const a = get(m.entity, m.start);
      a.mentions.push({ start: m.start, end: m.end });
      const token = doc.tokens[m.tokenStart];
      if (token) a.sentences.add(token.sentence);
    }
    for (const f of findings) {
      if (f.analyzer !== 'loaded-language' || !f.target || !byId.has(f.target)) continue;
      const a = get(f.target, f.start);
      const text = f.text.toLowerCase();
      const key = `${f.rule}\u0000${text}`;
      let label = a.labels.get(key);
      if (!label) a.labels.set(key, (label = { rule: f.rule, text, count: 0, ownVoice: 0, quoted: 0, first: f.start }));
      label.count++;
      if (OWN.has(f.voice)) label.ownVoice++;
      if (QUOTED.has(f.voice)) label.quoted++;
    }
    const entities: Entity[] = [];
    for (const a of [...acc.values()].sort((x, y) => x.first - y.first || (x.id < y.id ? -1 : 1))) {
      const entry = byId.get(a.id);
      if (!entry) continue;
      let sum = 0;
      let counted = 0;
      for (const s of a.sentences) {
        // A sentence with no valenced word says nothing about the entity's sentiment.
        if (sentiment.scoredBySentence && !sentiment.scoredBySentence[s]) continue;
        sum += sentiment.bySentence[s] ?? 0;
        counted++;
      }
      entities.push({
        id: a.id,
        name: entry.name,
        kind: entry.kind,
        mentions: a.mentions,
        sentiment: counted ? Math.round((sum / counted) * 1e4) / 1e4 : null,
        labels: [...a.labels.values()]
          .sort((x, y) => y.count - x.count || x.first - y.first)
          .map(({ rule, text, count, ownVoice, quoted }) => ({ rule, text, count, ownVoice, quoted })),
      });
    }
    return entities;
  };
}
