import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '../../src/analyzers/entities.js';
import { createLoadedLanguageAnalyzer } from '../../src/analyzers/loaded-language.js';
import type { AttributionResult } from '../../src/analyzers/types.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import type { Document } from '../../src/document/types.js';
import type { Part } from '../../src/input/article.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { createArticleAnalyzer } from '../../src/pipeline/analyze-article.js';
import { datasetArticle } from '../../src/eval/types.js';
import { FindingSchema, type Finding, type Quote } from '../../src/schema/record.js';

const lexicons = loadLexicons();
const build = createDocumentBuilder(lexicons);
const findEntities = createEntityFinder(lexicons);
const findLoaded = createLoadedLanguageAnalyzer(lexicons);

function docOf(parts: Part[]): Document {
  return build({ id: 't', source: 'test', outlet: null, title: null, byline: null, url: null, published: null, fields: {}, removed: [], inputRepairs: [], parts });
}

/** A quote over the first occurrence of `words` in the document's text. */
function quoteOver(doc: Document, words: string, kind: Quote['kind'], speaker: string | null): Quote {
  const start = doc.text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" not in text`);
  return { start, end: start + words.length, kind, speaker, cue: null, inferredOpen: false };
}

function analyze(parts: Part[] | string, quotes: (doc: Document) => Quote[] = () => []): Finding[] {
  const doc = docOf(typeof parts === 'string' ? [{ kind: 'paragraph', text: parts }] : parts);
  const attribution: AttributionResult = { quotes: quotes(doc), voices: [], findings: [] };
  return findLoaded(doc, findEntities(doc), attribution);
}

/** One line per finding: `text entry voice[/speaker] →target weight [context]`. */
function lines(findings: readonly Finding[]): string[] {
  return findings.map((f) => {
    const entry = f.rule.slice('loaded-language/'.length);
    const voice = f.speaker ? `${f.voice}/${f.speaker}` : f.voice;
    return `${f.text} ${entry} ${voice} →${f.target ?? '-'} ${f.weight}${f.context ? ` [${f.context.join(',')}]` : ''}`;
  });
}

describe('loaded language: matching', () => {
  it.each([
    ['The evil regime in Tehran has plotted again.', ['evil evil narration →iran 3', 'regime regime narration →iran 2']],
    ['They chose the lesser of two evils at the ballot box.', []],
    ['Officials discussed regime change and the sanctions regime on Tuesday.', []],
    ['The so-called experts spoke to reporters.', ['so-called doubt-so-called narration →- 2']],
    ['Critics said the massacred villagers were never counted.', []],
    ['The delegation held a meeting on trade relations during the visit on Tuesday.', []],
    ['Soldiers neutralized the gunmen near the border.', ['neutralized neutralized narration →- 2']],
    ['Rebels called it an act of terror by the US.', ['act of terror terror-phrase narration →us 1.5 [distanced]']],
  ])('%s', (text, expected) => {
    expect(lines(analyze(text))).toEqual(expected);
  });

  it('matches across case and apostrophe forms through the document tokenizer', () => {
    expect(lines(analyze('EVIL deeds and Heinous acts.'))).toEqual(['EVIL evil narration →- 3', 'Heinous heinous narration →- 2']);
  });

  it('prefers the longest phrase at a position', () => {
    expect(lines(analyze('Clerics praised the axis of resistance.'))).toEqual(['axis of resistance resistance narration →- 2']);
  });
});

describe('loaded language: targets', () => {
  it.each([
    ['Neighbors must expel the evil US from the region.', 'us', 'head'],
    ["They condemned Washington's malicious, reckless and destabilizing actions.", 'us', 'possessor'],
    ['The Iranian regime answered within hours.', 'iran', 'modifier'],
    ['Hezbollah, the terrorist group, denied it.', 'hezbollah', 'apposition'],
    ['Hamas is a terrorist group, the minister said.', 'hamas', 'subject'],
    ['The ministry branded Hezbollah a terrorist group.', 'hezbollah', 'object'],
  ])('%s → %s (%s)', (text, target) => {
    const findings = analyze(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.target === target)).toBe(true);
  });

  it('finds the possessor through a lost apostrophe repaired at build time', () => {
    const findings = analyze('He referred to Washingtons malicious and destabilizing actions in the region.');
    expect(lines(findings)).toEqual(['malicious malicious narration →us 2', 'destabilizing destabilizing narration →us 2']);
  });

  it('reads a possessive pronoun as the nearest earlier actor of a fitting kind in the sentence', () => {
    expect(lines(analyze('The smear came from Donald Trump and his henchmen.'))).toEqual(['smear smear narration →- 2', 'henchmen lackey narration →donald-trump 3']);
    expect(analyze('Trump met Iran and its puppets.')[0]?.target).toBe('iran');
  });

  it('leaves the target null where it cannot be told', () => {
    expect(analyze('Such evil acts must not happen again.')[0]?.target).toBeNull();
  });

  it('needs an actor for words that are neutral on their own', () => {
    expect(analyze('Crime rose and crimes were reported.')).toEqual([]);
    expect(lines(analyze("Washington's crimes were discussed."))).toEqual(["crimes crimes narration →us 2"]);
  });
});

describe('loaded language: context', () => {
  it.each([
    ['He is not a terrorist.', 'terrorist terrorist narration →- 1.5 [negated]'],
    ['The alleged terrorist appeared in court.', 'terrorist terrorist narration →- 1.5 [hedged]'],
    ['He rejected what it called terrorism by the US.', 'terrorism terrorism narration →us 1 [distanced]'],
    ['The word "terrorist" has lost its meaning.', 'terrorist terrorist narration →- 0 [mention]'],
  ])('%s', (text, expected) => {
    expect(lines(analyze(text))).toEqual([expected]);
  });

  it('weighs a terror label for a group on the UN sanctions lists as ordinary news wording', () => {
    expect(lines(analyze('The ISIS terrorist group lost ground. The Hezbollah terrorist group denied it.'))).toEqual([
      'terrorist group terror-phrase narration →isis 1 [designated]',
      'terrorist group terror-phrase narration →hezbollah 3',
    ]);
  });

  it('does not read a request ("called for") as distancing', () => {
    expect(lines(analyze('The minister called for an end to US aggression.'))).toEqual(['aggression aggression narration →us 2']);
  });
});

describe('loaded language: voice', () => {
  it('tells the headline, narration, quoted, reported and scare voices apart', () => {
    const parts: Part[] = [
      { kind: 'headline', text: 'Evil plot exposed' },
      { kind: 'paragraph', text: 'The minister said the brutal crackdown must end. "These are heinous crimes by the US," he said. Critics dismissed the plan as a "sham" vote.' },
    ];
    const findings = analyze(parts, (doc) => [
      quoteOver(doc, 'the brutal crackdown must end', 'indirect', 'minister'),
      quoteOver(doc, 'These are heinous crimes by the US,', 'direct', 'minister'),
      quoteOver(doc, 'sham', 'scare', null),
    ]);
    expect(lines(findings)).toEqual([
      'Evil evil headline →- 3',
      'brutal brutal reported/minister →- 2',
      'heinous heinous quoted/minister →us 2',
      'crimes crimes quoted/minister →us 2',
      'sham sham scare →- 2',
    ]);
  });

  it('keeps reported speech in a headline in the outlet\'s own voice', () => {
    const parts: Part[] = [{ kind: 'headline', text: 'Iran: neighbors must expel evil US from region' }];
    const findings = analyze(parts, (doc) => [quoteOver(doc, 'neighbors must expel evil US from region', 'indirect', 'official')]);
    expect(lines(findings)).toEqual(['evil evil headline →us 3']);
  });
});

describe('loaded language: findings explain themselves', () => {
  it('carries rule, category, note, source and alternatives (full object)', () => {
    const [finding] = analyze('They denounced the evil US.');
    expect(finding).toEqual({
      id: 'loaded-language/evil@19-23',
      analyzer: 'loaded-language',
      rule: 'loaded-language/evil',
      category: 'demonizing',
      start: 19,
      end: 23,
      text: 'evil',
      voice: 'narration',
      speaker: null,
      target: 'us',
      weight: 3,
      polarity: 'negative',
      note: expect.stringContaining('wicked') as string,
      source: 'framelens',
      alternatives: ['(describe the specific act)'],
    });
    expect(FindingSchema.parse(finding)).toBeTruthy();
  });

  it('runs through the whole pipeline with entities that carry the labels', () => {
    const analyzeArticle = createArticleAnalyzer(lexicons);
    const record = analyzeArticle(datasetArticle({ id: 'wire-1', source: 'test', body: 'The evil regime in Tehran rejected the talks. Officials in Baghdad met on Tuesday.', parts: [{ kind: 'paragraph', text: 'The evil regime in Tehran rejected the talks. Officials in Baghdad met on Tuesday.' }] }));
    const iran = record.entities.find((e) => e.id === 'iran');
    expect(iran?.labels.map((l) => l.rule)).toEqual(['loaded-language/evil', 'loaded-language/regime']);
    expect(record.scores.loadedTerms).toBe(2);
  });
});

describe('loaded language: words derived from annotated news (loaded-terms-corpus.json)', () => {
  it.each([
    ['The Harbor Board chair blasted the plan as a mess before the vote.', ['blasted corpus-blasted narration →- 2', 'mess corpus-mess narration →- 1']],
    ['Rival councillors lambasted the budget and mocked the mayor.', ['lambasted corpus-lambasted narration →- 1', 'mocked corpus-mocked narration →- 1']],
    ['The senator lashed out at the unrelenting partisans of the opposing party.', ['lashed out lashed-out narration →- 1', 'unrelenting corpus-unrelenting narration →- 1', 'partisans corpus-partisans narration →- 1']],
    ['Critics bashed the bill, and cronies of the governor cheered.', ['bashed bashed narration →- 1', 'cronies cronies narration →- 2']],
    // Words the derivation denies by name stay silent: literal, reported feelings, ordinary news.
    ['Firefighters said the explosive device was found after residents were terrified and frustrated by the harsh winter.', []],
    ['The partisan split on the master plan was striking, officials said at the meeting on Tuesday.', []],
  ])('%s', (text, expected) => {
    expect(lines(analyze(text))).toEqual(expected);
  });

  it('explains a derived finding with its statistics and cites the dataset', () => {
    const finding = analyze('The columnist called the deal a ruinous boondoggle and a tragic mess.').find((f) => f.text === 'tragic');
    expect(finding).toMatchObject({ rule: 'loaded-language/corpus-tragic', category: 'emotive-intensifier', source: 'ptc-train' });
    expect(finding?.note).toMatch(/^Subjective word .*: inside Loaded_Language or Name_Calling spans in \d+ of \d+ occurrences in the PTC tuning articles/);
  });
});

describe("loaded language: a researcher's own lexicon", () => {
  const write = (body: unknown): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'framelens-terms-')), 'my-terms.json');
    writeFileSync(file, JSON.stringify(body));
    return file;
  };
  const envelope = (entries: unknown[]) => ({ id: 'my-terms', kind: 'loaded-terms', version: '1', sources: [{ id: 'me', citation: 'My codebook' }], entries });

  it('adds terms (with inflections) and disables bundled ones by id', () => {
    const file = write(envelope([
      { id: 'junta', match: ['junta'], inflect: true, category: 'delegitimizing', weight: 2, polarity: 'negative', note: 'Calls a government a military clique.', source: 'me' },
      { id: 'evil', disabled: true },
    ]));
    const mine = loadLexicons({ extraFiles: [file] });
    const doc = build({ id: 't', source: 'test', outlet: null, title: null, byline: null, url: null, published: null, fields: {}, removed: [], inputRepairs: [], parts: [{ kind: 'paragraph', text: 'The evil juntas of the region met.' }] });
    const findings = createLoadedLanguageAnalyzer(mine)(doc, [], { quotes: [], voices: [], findings: [] });
    expect(findings.map((f) => `${f.text} ${f.rule} ${f.source ?? ''}`)).toEqual(['juntas loaded-language/junta me']);
  });

  it('names the entry and field of a mistake', () => {
    const file = write(envelope([{ id: 'shouting', match: ['Shouting  Match'], category: 'loud', weight: 5, polarity: 'negative', note: 'n', source: 'me' }]));
    expect(() => loadLexicons({ extraFiles: [file] })).toThrow(/my-terms\.json, entry 0 \("shouting"\), field "match\.0"/);
  });
});

describe('loaded language: invariants', () => {
  const words = ['the', 'evil', 'US', 'regime', 'in', 'Tehran', 'not', 'a', 'terrorist', '"', '’', 'Washingtons', 'so-called', 'brutal', ',', '.', '\n\n', 'é', '🙂', 'lesser', 'of', 'two', 'evils'];
  it('every finding is inside the text, equal to its span, sorted and unique', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string()), { maxLength: 40 }), (pieces) => {
        const text = pieces.join(' ');
        const doc = docOf([{ kind: 'paragraph', text }]);
        const findings = findLoaded(doc, findEntities(doc), { quotes: [], voices: [], findings: [] });
        const ids = new Set<string>();
        let last = -1;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(doc.text.length);
          expect(doc.text.slice(f.start, f.end)).toBe(f.text);
          expect(f.start).toBeGreaterThanOrEqual(last);
          last = f.start;
          expect(ids.has(f.id)).toBe(false);
          ids.add(f.id);
        }
      }),
      { numRuns: 150 },
    );
  });
});
