import { describe, expect, it } from 'vitest';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import { loadLexicons } from '../../src/lexicon/load.js';

const lexicons = loadLexicons();
const lexicon = lexicons['speech-verbs'];
const build = createDocumentBuilder(lexicons);

/** Token norms of a phrase as the document builder would produce them. */
function norms(phrase: string): string[] {
  const doc = build({
    id: 'x', source: 'x', outlet: null, title: null, byline: null, url: null, published: null, fields: {},
    parts: [{ kind: 'paragraph', text: phrase }], removed: [], inputRepairs: [],
  });
  return doc.tokens.map((t) => t.norm);
}

/** Abbreviations are listed as written in text ("Sen."), so probe in title case. */
function titleCase(phrase: string): string {
  return phrase.replace(/(^|[\s-])([a-z])/g, (_, lead: string, letter: string) => `${lead}${letter.toUpperCase()}`);
}

describe('speech-verbs lexicon', () => {
  it('covers every connotation class and cites a known source for every entry', () => {
    const sources = new Set(lexicon.sources.map((s) => s.id));
    const classes = new Set<string>();
    for (const entry of lexicon.entries) {
      expect(entry.source === undefined || sources.has(entry.source), entry.id).toBe(true);
      if (entry.type === 'verb') classes.add(entry.class);
    }
    expect([...classes].sort()).toEqual(['aggressive', 'attitude', 'concession', 'credence', 'doubt', 'emphatic', 'neutral']);
  });

  it('gives each verb form to one entry only', () => {
    const owner = new Map<string, string>();
    for (const entry of lexicon.entries) {
      if (entry.type !== 'verb') continue;
      for (const form of entry.forms) {
        expect(owner.get(form) ?? entry.id, `${form} in ${entry.id} and ${owner.get(form)}`).toBe(entry.id);
        owner.set(form, entry.id);
      }
      for (const form of entry.nounForms ?? []) expect(entry.forms, entry.id).toContain(form);
    }
  });

  it('writes every phrase as the tokenizer splits it, so each can match', () => {
    for (const entry of lexicon.entries) {
      if (entry.type === 'verb' && entry.frame === 'colon') continue;
      // Followed by a name, as in text: an abbreviation ("Sen.") keeps its stop only before a word.
      for (const form of entry.forms) expect(norms(`${titleCase(form)} Alma`).slice(0, -1).join(' '), `${entry.id}: ${form}`).toBe(form);
    }
  });

  it('weights neutral and attitude cues 0 and charged ones 1–2', () => {
    for (const entry of lexicon.entries) {
      if (entry.type !== 'verb') continue;
      if (entry.class === 'neutral' || entry.class === 'attitude') expect(entry.weight, entry.id).toBe(0);
      else expect(entry.weight, entry.id).toBeGreaterThanOrEqual(1);
    }
  });
});
