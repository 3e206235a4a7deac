import Sentiment from 'sentiment';
import { describe, expect, it } from 'vitest';
import { createSentimentScorer } from '../../src/analyzers/sentiment.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import type { Document } from '../../src/document/types.js';
import { loadLexicons } from '../../src/lexicon/load.js';

const lexicons = loadLexicons();
const build = createDocumentBuilder(lexicons);
const score = createSentimentScorer();
const oracle = new Sentiment();

function docOf(text: string): Document {
  return build({ id: 't', source: 'test', outlet: null, title: null, byline: null, url: null, published: null, fields: {}, removed: [], inputRepairs: [], parts: [{ kind: 'paragraph', text }] });
}

function total(text: string): number {
  return score(docOf(text)).total;
}

describe('sentiment: agrees with the sentiment package on simple one-clause sentences', () => {
  it.each([
    'The minister praised the agreement.',
    'Officials condemned the attack.',
    'The talks were a great success.',
    'Residents fear another disaster.',
    'The delegation met on Tuesday.',
    'Protesters were angry and frustrated.',
    'The envoy welcomed the peaceful outcome.',
  ])('%s', (text) => {
    expect(total(text)).toBe(oracle.analyze(text).score);
  });
});

describe('sentiment: deliberate differences from the sentiment package', () => {
  it('negation reaches to the end of the clause, not just the next word', () => {
    const text = 'The plan is not very good.';
    expect(oracle.analyze(text).score).toBe(3);
    expect(total(text)).toBe(-3);
  });

  it('negation stops at a comma', () => {
    expect(total('It was not over, and the outcome was good.')).toBe(3);
  });

  it('multi-word AFINN entries match across tokens', () => {
    const text = 'Voters are fed up with the delays.';
    // `sentiment` scores tokens one by one and can never see "fed up".
    expect(oracle.analyze(text).score).toBe(0);
    expect(total(text)).toBe(-3);
  });

  it('"not good" is scored as its own AFINN entry, not as a negated "good"', () => {
    const text = 'The ceasefire is not good.';
    expect(oracle.analyze(text).score).toBe(-3);
    expect(total(text)).toBe(-2);
  });

  it('a possessive is scored by its base word', () => {
    expect(total("The hero's welcome.")).toBe(2 + 2);
  });

  it("'never' negates", () => {
    expect(total('They never won.')).toBe(-3);
  });
});

describe('sentiment: per sentence', () => {
  it('scores each sentence and counts scored tokens', () => {
    const doc = docOf('The talks were a great success. Officials condemned the attack.');
    const result = score(doc);
    expect(Array.from(result.bySentence)).toEqual([3 + 2, -2 + -1]);
    expect(result.total).toBe(2);
    expect(result.scoredTokens).toBe(4);
    expect(Array.from(result.scoredBySentence ?? [])).toEqual([2, 2]);
  });

  it('splits the valence by voice when given the quotes', () => {
    const doc = docOf('The talks were a success. "This is a disaster," the minister said. Critics called it a "triumph".');
    const at = (words: string, kind: 'direct' | 'scare') => ({ start: doc.text.indexOf(words), end: doc.text.indexOf(words) + words.length, kind, speaker: null, cue: null, inferredOpen: false });
    const result = score(doc, [at('This is a disaster,', 'direct'), at('triumph', 'scare')]);
    // "success" (+2), "critics" (-2) and the scare-quoted "triumph" (+4) are the outlet's; "disaster" (-2) the minister's.
    expect(result.byVoice).toEqual({ own: { total: 4, scored: 3 }, quoted: { total: -2, scored: 1 } });
    expect(score(doc).byVoice).toBeUndefined();
  });

  it('gives the same result on repeated calls (no shared state)', () => {
    const doc = docOf('A peaceful and happy outcome.');
    expect(score(doc).total).toBe(score(doc).total);
  });
});
