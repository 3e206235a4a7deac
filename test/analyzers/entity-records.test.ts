import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '../../src/analyzers/entities.js';
import { createEntityRecordBuilder } from '../../src/analyzers/entity-records.js';
import { createLoadedLanguageAnalyzer } from '../../src/analyzers/loaded-language.js';
import { createSentimentScorer } from '../../src/analyzers/sentiment.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import type { Part } from '../../src/input/article.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { EntitySchema, type Quote } from '../../src/schema/record.js';

const lexicons = loadLexicons();
const build = createDocumentBuilder(lexicons);
const findEntities = createEntityFinder(lexicons);
const findLoaded = createLoadedLanguageAnalyzer(lexicons);
const scoreSentiment = createSentimentScorer();
const buildEntities = createEntityRecordBuilder(lexicons);

function entitiesOf(parts: Part[], quotesOf: (text: string) => Quote[] = () => []) {
  const doc = build({ id: 't', source: 'test', outlet: null, title: null, byline: null, url: null, published: null, fields: {}, removed: [], inputRepairs: [], parts });
  const mentions = findEntities(doc);
  const findings = findLoaded(doc, mentions, { quotes: quotesOf(doc.text), voices: [], findings: [] });
  return { doc, entities: buildEntities(doc, mentions, findings, scoreSentiment(doc)) };
}

describe('entity records', () => {
  it('lists mentioned actors in order of appearance with mentions, sentiment and labels by voice', () => {
    const quoted = 'The evil US must leave,';
    const { doc, entities } = entitiesOf(
      [
        { kind: 'headline', text: 'Evil US blamed for unrest' },
        { kind: 'paragraph', text: '"The evil US must leave," the official said in Tehran. Iran welcomed the peaceful talks.' },
      ],
      (text) => [{ start: text.indexOf(quoted), end: text.indexOf(quoted) + quoted.length, kind: 'direct', speaker: 'official', cue: null, inferredOpen: false }],
    );
    expect(entities.map((e) => e.id)).toEqual(['us', 'iran']);
    const us = entities[0];
    expect(us).toMatchObject({ id: 'us', name: 'United States', kind: 'country', labels: [{ rule: 'loaded-language/evil', text: 'evil', count: 2, ownVoice: 1, quoted: 1 }] });
    expect(us?.mentions.map((m) => doc.text.slice(m.start, m.end))).toEqual(['US', 'US']);
    // The headline scores "evil" (-3) and "blamed" (-2); the quoted sentence "evil" (-3) and "leave" (-1): mean -4.5.
    expect(us?.sentiment).toBe(-4.5);
    const iran = entities[1];
    expect(iran?.labels).toEqual([]);
    expect(iran?.mentions).toHaveLength(2);
    for (const entity of entities) expect(EntitySchema.parse(entity)).toBeTruthy();
  });

  it('gives a null sentiment when no sentence about the actor carries a valence', () => {
    const { entities } = entitiesOf([{ kind: 'paragraph', text: 'The delegation flew to Baghdad on Tuesday.' }]);
    expect(entities).toEqual([{ id: 'iraq', name: 'Iraq', kind: 'country', mentions: [{ start: 23, end: 30 }], sentiment: null, labels: [] }]);
  });

  it('lists nothing for an article without gazetteer actors', () => {
    expect(entitiesOf([{ kind: 'paragraph', text: 'Rain is expected on Tuesday.' }]).entities).toEqual([]);
  });
});
