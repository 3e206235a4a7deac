import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAttributionAnalyzer } from '../../src/analyzers/attribution.js';
import { createEntityFinder } from '../../src/analyzers/entities.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import { datasetArticle } from '../../src/eval/types.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { analyze, analyzeBody, findingLines, quoteLines } from './attribution-helpers.js';

describe('attribution: reported speech, quotes and cues', () => {
  const cases: { name: string; body: string; headline?: string; quotes: string[] }[] = [
    {
      name: 'X said that …, with the title kept as the role',
      body: 'Foreign Minister Jane Holloway said that the border would reopen next week.',
      quotes: ['indirect jane-holloway say «the border would reopen next week»'],
    },
    {
      name: 'X said … without "that"',
      body: 'Jane Holloway said the border would reopen next week.',
      quotes: ['indirect jane-holloway say «the border would reopen next week»'],
    },
    {
      name: "X's office said in a statement …",
      body: "Senator Mark Ruiz's office said in a statement that he would vote against the bill.",
      quotes: ['indirect mark-ruiz say «he would vote against the bill»'],
    },
    {
      name: 'a trailing attribution without marks, resolved by pronoun',
      body: 'Ambassador Leila Farouk met the envoys on Sunday. Western governments have stayed silent about the raids, she noted.',
      quotes: ['indirect leila-farouk note «Western governments have stayed silent about the raids»'],
    },
    {
      name: '"according to X" before the claim',
      body: 'According to the Defense Ministry, three drones were shot down overnight.',
      quotes: ['indirect defense-ministry according to «three drones were shot down overnight»'],
    },
    {
      name: '"according to X" after the claim, with unnamed officials',
      body: 'Three drones were shot down overnight, according to local officials.',
      quotes: ['indirect anonymous-1 according to «Three drones were shot down overnight»'],
    },
    {
      name: 'a quoted phrase inside reported speech is mixed',
      body: 'Finance Minister Omar Reyes called the plan "dead on arrival" and said he would not support it.',
      quotes: [
        'indirect omar-reyes call «the plan "dead on arrival»',
        'mixed omar-reyes - «dead on arrival»',
        'indirect omar-reyes say «he would not support it»',
      ],
    },
    {
      name: 'a quoted phrase with no speaker is a scare quote',
      body: 'The so-called "peace plan" was published on Friday.',
      quotes: ['scare - - «peace plan»'],
    },
    {
      name: 'inversion after a direct quote',
      body: '“We will not back down,” said Interior Minister Karl Stein.',
      quotes: ['direct karl-stein say «We will not back down,»'],
    },
    {
      name: 'a role reference ("the premier") resolves to the person introduced with the title',
      body: 'Prime Minister Anna Berg toured the plant on Monday. The premier said the jobs were safe.',
      quotes: ['indirect anna-berg say «the jobs were safe»'],
    },
    {
      name: 'a surname resolves to the full name',
      body: 'Defense Secretary Tom Hale arrived in the capital. Hale said the exercise would go ahead.',
      quotes: ['indirect tom-hale say «the exercise would go ahead»'],
    },
    {
      name: 'a pronoun follows the gender a title gives',
      body: 'Spokeswoman Ana Cole stood beside Mr. Bo Reed at the podium. Reed spoke briefly. She said the talks would resume.',
      quotes: ['indirect ana-cole say «the talks would resume»'],
    },
    {
      name: 'a participial continuation keeps the speaker',
      body: 'Mayor Rosa Diaz thanked the volunteers, saying the city owed them a debt.',
      quotes: ['indirect rosa-diaz say «the city owed them a debt»'],
    },
    {
      name: 'a lower-case organisation is a voice of its own',
      body: 'The company said profits fell.',
      quotes: ['indirect company say «profits fell»'],
    },
    {
      name: 'a transcript line credits the words after the colon to the name before it',
      body: 'Maria Lopez: We never agreed to those terms.',
      quotes: ['indirect maria-lopez : «We never agreed to those terms»'],
    },
    {
      name: 'a verb that needs a clause is no cue before an object',
      body: 'At the college, Amy Park found a group of friends.',
      quotes: [],
    },
    {
      name: 'the same verb before a clause is a cue',
      body: 'Amy Park found that the survey had undercounted renters.',
      quotes: ['indirect amy-park find «the survey had undercounted renters»'],
    },
    {
      name: 'an infinitive is not a cue; the trailing attribution is',
      body: 'Governor Ann Lee arrived on Monday. The plan is to defend the port first, she added.',
      quotes: ['indirect ann-lee add «The plan is to defend the port first»'],
    },
    {
      name: 'a noun that looks like a verb is not a cue',
      body: 'The report was published on Friday and its claims were disputed.',
      quotes: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(quoteLines(analyzeBody(c.body, c.headline))).toEqual(c.quotes);
    });
  }

  it('reads a headline colon as an attribution to the role before it', () => {
    const record = analyzeBody('Interior Minister Karl Stein spoke in parliament on Tuesday.', 'Minister: Sanctions won’t break us');
    expect(quoteLines(record)).toEqual(['indirect karl-stein : «Sanctions won’t break us»']);
    expect(findingLines(record)).toEqual(['attribution/verb-colon neutral-verb «:» karl-stein']);
  });

  it('finds affiliation from a demonym in the title', () => {
    const record = analyzeBody('Iraqi Prime Minister Mustafa Hadi met the delegation. The premier said the visit would deepen trade ties.');
    expect(record.voices).toEqual([
      { id: 'mustafa-hadi', name: 'Mustafa Hadi', role: 'Iraqi Prime Minister', affiliation: 'iraq', anonymous: false, quotes: 1, quotedWords: 6, verbs: { say: 1 } },
    ]);
  });
});

describe('attribution: cue classes and unnamed sources', () => {
  const cases: { body: string; findings: string[] }[] = [
    { body: 'Sen. Lisa Grant claimed the report was biased.', findings: ['attribution/verb-claim doubt-verb «claimed» lisa-grant'] },
    { body: 'Defense Secretary Tom Hale slammed the decision as reckless.', findings: ['attribution/verb-slam aggressive-verb «slammed» tom-hale'] },
    { body: 'Governor Ann Lee admitted the budget was late.', findings: ['attribution/verb-admit concession-verb «admitted» ann-lee'] },
    { body: 'Governor Ann Lee stressed that the budget was balanced.', findings: ['attribution/verb-stress emphatic-verb «stressed» ann-lee'] },
    { body: 'Governor Ann Lee pointed out that the budget was balanced.', findings: ['attribution/verb-point-out credence-verb «pointed out» ann-lee'] },
    {
      body: 'Sources said the deal was close.',
      findings: ['attribution/anonymous-source anonymous-source «Sources» anonymous-1', 'attribution/verb-say neutral-verb «said» anonymous-1'],
    },
    {
      body: 'A senior official said the deal was close.',
      findings: ['attribution/anonymous-source anonymous-source «A senior official» anonymous-1', 'attribution/verb-say neutral-verb «said» anonymous-1'],
    },
    {
      body: 'Experts believe the drought will last another year.',
      findings: ['attribution/vague-source vague-source «Experts» anonymous-1', 'attribution/verb-believe neutral-verb «believe» anonymous-1'],
    },
    {
      body: 'Some argue that the tax is unfair.',
      findings: ['attribution/vague-source vague-source «Some» anonymous-1', 'attribution/verb-argue neutral-verb «argue» anonymous-1'],
    },
    {
      body: 'Critics say the plan favours large farms.',
      findings: ['attribution/vague-source vague-source «Critics» anonymous-1', 'attribution/verb-say neutral-verb «say» anonymous-1'],
    },
  ];
  for (const c of cases) {
    it(c.body, () => {
      expect(findingLines(analyzeBody(c.body))).toEqual(c.findings);
    });
  }
});

describe('attribution: a wire story with an anonymous source and a named spokesman', () => {
  const body = readFileSync(new URL('../fixtures/attribution/wire-port-strike.txt', import.meta.url), 'utf8');
  const record = analyze(datasetArticle({ id: 'wire-port-strike', source: 'wire-port-strike.txt', body }));
  const slice = (start: number, end: number): string => record.text.slice(start, end);

  it('reads every quote, with its speaker and cue', () => {
    expect(record.quotes.map((q) => ({ kind: q.kind, speaker: q.speaker, verb: q.cue?.verb ?? null, inferredOpen: q.inferredOpen, text: slice(q.start, q.end), cue: q.cue ? slice(q.cue.start, q.cue.end) : null }))).toEqual([
      { kind: 'indirect', speaker: 'anonymous-1', verb: 'say', inferredOpen: false, cue: 'said', text: "Talks to end a nine-day strike at the Harborton container port stalled on Monday after the Transport Ministry rejected the dockworkers' latest offer" },
      { kind: 'indirect', speaker: 'anonymous-1', verb: 'say', inferredOpen: false, cue: 'said', text: 'the ministry had asked the union to drop its demand for a shorter working week' },
      { kind: 'direct', speaker: 'daniel-okafor', verb: 'tell', inferredOpen: false, cue: 'told', text: 'We have put a fair offer on the table and we are still waiting for a serious answer,' },
      { kind: 'indirect', speaker: 'daniel-okafor', verb: 'say', inferredOpen: false, cue: 'said', text: 'the government would not reopen the pay agreement signed last year' },
      { kind: 'indirect', speaker: 'union', verb: 'claim', inferredOpen: false, cue: 'claimed', text: 'the ministry had never tabled a written proposal' },
      { kind: 'indirect', speaker: 'anonymous-2', verb: 'say', inferredOpen: false, cue: 'say', text: 'the strike has already cost exporters millions' },
      { kind: 'direct', speaker: 'daniel-okafor', verb: 'add', inferredOpen: false, cue: 'added', text: 'Nobody wants a long dispute,' },
    ]);
  });

  it('lists the voices: two unnamed groups, the spokesman and the union', () => {
    expect(record.voices).toEqual([
      { id: 'anonymous-1', name: null, role: 'two officials', affiliation: null, anonymous: true, quotes: 2, quotedWords: 38, verbs: { say: 2 } },
      { id: 'daniel-okafor', name: 'Daniel Okafor', role: 'ministry spokesman', affiliation: null, anonymous: false, quotes: 3, quotedWords: 34, verbs: { add: 1, say: 1, tell: 1 } },
      { id: 'union', name: 'union', role: null, affiliation: null, anonymous: false, quotes: 1, quotedWords: 8, verbs: { claim: 1 } },
      { id: 'anonymous-2', name: null, role: 'Critics', affiliation: null, anonymous: true, quotes: 1, quotedWords: 7, verbs: { say: 1 } },
    ]);
  });

  it('reports each cue and each unnamed source as a finding', () => {
    expect(findingLines(record)).toEqual([
      // Positions ("rejects", "rejected") are attitude findings; the ministry is not a voice, as it never speaks.
      'attribution/attitude-reject attitude-verb «rejects» -',
      'attribution/attitude-reject attitude-verb «rejected» -',
      'attribution/anonymous-source anonymous-source «two officials» anonymous-1',
      'attribution/verb-say neutral-verb «said» anonymous-1',
      'attribution/anonymous-source anonymous-source «The two officials» anonymous-1',
      'attribution/verb-say neutral-verb «said» anonymous-1',
      'attribution/verb-tell neutral-verb «told» daniel-okafor',
      'attribution/verb-say neutral-verb «said» daniel-okafor',
      'attribution/verb-claim doubt-verb «claimed» union',
      'attribution/vague-source vague-source «Critics» anonymous-2',
      'attribution/verb-say neutral-verb «say» anonymous-2',
      'attribution/verb-add neutral-verb «added» daniel-okafor',
    ]);
    const granted = record.findings.find((f) => f.text === 'The two officials');
    expect(granted).toMatchObject({ voice: 'narration', weight: 1, polarity: 'neutral', context: ['anonymity-granted'] });
    expect(granted?.note).toMatch(/anonymity/);
    const claimed = record.findings.find((f) => f.rule === 'attribution/verb-claim');
    expect(claimed).toMatchObject({ category: 'doubt-verb', weight: 2, polarity: 'negative', source: 'ggt' });
  });
});

describe('attribution: a state-media story with damaged quotation marks', () => {
  const body = readFileSync(new URL('../fixtures/attribution/state-media-visit.txt', import.meta.url), 'utf8');
  const record = analyze(datasetArticle({ id: 'state-media-visit', source: 'state-media-visit.txt', body }));

  it('credits headline labels, a lede description, pronouns and role references to the officials introduced', () => {
    expect(quoteLines(record)).toEqual([
      'indirect salim-harthi : «Gulf states must guard their own waters»',
      'indirect khalid-rawas : «Outside navies bring no calm to the Gulf»',
      'indirect salim-harthi say «tanker seizures in the Gulf are fuelled by foreign warships»',
      'indirect salim-harthi call «on coastal states to patrol the sea lanes together»',
      'direct salim-harthi point out «Joint patrols by the two navies can protect shipping and deter any repeat of such reckless seizures,»',
      'indirect nasser-sabah stress «the need for closer trade links between the two countries»',
      'indirect khalid-rawas tell «the fishing agreement should be renewed quickly»',
      'direct khalid-rawas say «We believe the Gulf will stay calm only when foreign fleets leave its waters,»',
      'direct khalid-rawas add «We also believe that trade between our peoples is the best guarantee of peace.»',
    ]);
    expect(record.quotes.filter((q) => q.kind === 'direct').every((q) => q.inferredOpen)).toBe(true);
  });

  it('lists three officials with roles and sides, and no unnamed voice', () => {
    expect(record.voices).toEqual([
      { id: 'salim-harthi', name: 'Salim Harthi', role: 'Chairman of Omans Maritime Security Council', affiliation: 'oman', anonymous: false, quotes: 4, quotedWords: 43, verbs: { ':': 1, call: 1, 'point out': 1, say: 1 } },
      { id: 'khalid-rawas', name: 'Khalid Rawas', role: 'Omans Parliament Speaker', affiliation: 'oman', anonymous: false, quotes: 4, quotedWords: 43, verbs: { ':': 1, add: 1, say: 1, tell: 1 } },
      { id: 'nasser-sabah', name: 'Nasser Sabah', role: 'Kuwaiti Prime Minister', affiliation: 'kuwait', anonymous: false, quotes: 1, quotedWords: 10, verbs: { stress: 1 } },
    ]);
  });
});

describe('attribution: invariants', () => {
  const lexicons = loadLexicons();
  const build = createDocumentBuilder(lexicons);
  const findEntities = createEntityFinder(lexicons);
  const attribute = createAttributionAnalyzer(lexicons);
  const words = ['said', 'he', 'she', 'officials', 'according', 'to', 'Minister', 'Jane', 'Doe', 'claimed', ',', '.', '"', '“', '”', ':', 'that', 'the', 'Iran', 'critics', 'say', 'pointed', 'out', '\n\n', 'adding', 'who', "'s"];
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom(...words), { maxLength: 60 }).map((parts) => parts.join(' ')),
  );

  it('keeps spans inside the text, cues inside it, and every speaker among the voices', () => {
    fc.assert(
      fc.property(text, text, (headline, body) => {
        const doc = build({
          id: 'p', source: 'p', outlet: null, title: null, byline: null, url: null, published: null, fields: {},
          parts: [{ kind: 'headline', text: headline || 'x' }, { kind: 'paragraph', text: body || 'y' }], removed: [], inputRepairs: [],
        });
        const result = attribute(doc, findEntities(doc));
        const ids = new Set(result.voices.map((v) => v.id));
        let previous = -1;
        for (const quote of result.quotes) {
          expect(quote.start).toBeGreaterThanOrEqual(0);
          expect(quote.end).toBeLessThanOrEqual(doc.text.length);
          expect(quote.start).toBeLessThanOrEqual(quote.end);
          expect(quote.start).toBeGreaterThanOrEqual(previous);
          previous = quote.start;
          if (quote.cue) {
            expect(quote.cue.start).toBeGreaterThanOrEqual(0);
            expect(quote.cue.end).toBeLessThanOrEqual(doc.text.length);
            expect(quote.cue.start).toBeLessThan(quote.cue.end);
          }
          if (quote.speaker) expect(ids.has(quote.speaker)).toBe(true);
        }
        for (const finding of result.findings) {
          expect(finding.text).toBe(doc.text.slice(finding.start, finding.end));
          if (finding.speaker) expect(ids.has(finding.speaker)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
