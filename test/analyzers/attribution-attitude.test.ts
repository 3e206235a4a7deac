import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAttributionDetails } from '../../src/analyzers/attribution.js';
import { createEntityFinder } from '../../src/analyzers/entities.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { computeScores } from '../../src/pipeline/scores.js';
import { analyzeBody, findingLines, quoteLines } from './attribution-helpers.js';

const lexicons = loadLexicons();
const buildDocument = createDocumentBuilder(lexicons);
const findEntities = createEntityFinder(lexicons);
const attribute = createAttributionDetails(lexicons);

/** A headline and one paragraph, built as the pipeline builds a structured article. */
function docOf(body: string): ReturnType<typeof buildDocument> {
  return buildDocument({
    id: 't', source: 't', outlet: null, title: null, byline: null, url: null, published: null, fields: {},
    parts: [{ kind: 'headline', text: 'Officials meet for talks' }, { kind: 'paragraph', text: body }], removed: [], inputRepairs: [],
  });
}

/** Each attribution as `cue | source | content` over the document text. */
function spans(body: string): string[] {
  const doc = docOf(body);
  const details = attribute(doc, findEntities(doc));
  return details.attributions.map(({ attribution: a, quote }) => {
    const source = a.sourceStart !== null && a.sourceEnd !== null ? doc.text.slice(a.sourceStart, a.sourceEnd) : '-';
    const content = quote ? doc.text.slice(quote.start, quote.end) : doc.text.slice(a.contentStart, a.contentEnd);
    return `${doc.text.slice(a.cueStart, a.cueEnd)} | ${source} | ${content}`;
  });
}

describe('attribution: attitude cues (positions, wishes, findings)', () => {
  it('reports a position as an attitude finding, without a quote or a voice of its own', () => {
    const record = analyzeBody('Mayor Tom Varga wants to close the harbour road by June.');
    expect(findingLines(record)).toEqual(['attribution/attitude-want attitude-verb «wants» -']);
    expect(record.quotes).toEqual([]);
    expect(record.voices).toEqual([]);
    expect(spans('Mayor Tom Varga wants to close the harbour road by June.')).toEqual([
      'wants | Mayor Tom Varga | to close the harbour road by June',
    ]);
  });

  it('credits a position to a voice that also speaks, and keeps speech counts and the distancing share about speech', () => {
    const body = 'Mayor Tom Varga claimed the audit was rigged. Varga opposes the new toll, and he said the council would vote on Friday.';
    const record = analyzeBody(body);
    expect(findingLines(record)).toEqual([
      'attribution/verb-claim doubt-verb «claimed» tom-varga',
      'attribution/attitude-oppose attitude-verb «opposes» tom-varga',
      'attribution/verb-say neutral-verb «said» tom-varga',
    ]);
    expect(record.voices.map((v) => [v.id, v.quotes, v.verbs])).toEqual([['tom-varga', 2, { claim: 1, say: 1 }]]);
    const scores = computeScores(docOf(body), record, { bySentence: new Float64Array(0), total: 0, scoredTokens: 0 });
    expect(scores.cueVerbs).toBe(2);
    expect(scores.distancingCues).toBe(1);
  });

  it('reads documents and polls as holders of a finding', () => {
    expect(spans('Polls show the race tightening in the northern districts.')).toEqual([
      'show | Polls | the race tightening in the northern districts',
    ]);
    expect(spans('In a Harbour Tribune poll released Monday, 41% of voters backed the toll.')[0]).toBe(
      'In | a Harbour Tribune poll released Monday | 41% of voters backed the toll',
    );
  });

  it('needs the expected complement: "declined to comment", but not "shares declined 3 percent"', () => {
    expect(spans('The port authority declined to comment on the strike.')).toEqual([
      'declined | The port authority | to comment on the strike',
    ]);
    expect(spans('Shares in the ferry operator declined 3 percent on Monday.')).toEqual([]);
    expect(spans('The mayor appeared on a radio show on Monday.')).toEqual([]);
  });

  it('reads an expectation in the passive as unattributed', () => {
    expect(spans('The council is expected to approve the toll next week.')).toEqual([
      'expected | - | The council is expected to approve the toll next week',
    ]);
  });

  it('does not let a position swallow the speech that reports it', () => {
    const record = analyzeBody('Talks stalled after the ferry company rejected the latest offer, two union officials said.');
    expect(quoteLines(record)).toEqual([
      'indirect anonymous-1 say «Talks stalled after the ferry company rejected the latest offer»',
    ]);
  });
});

describe('attribution: sources and contents at the edges', () => {
  it('keeps the apposition in the source span, but the finding on the head', () => {
    expect(spans('Nora Lind, a spokeswoman for the port authority, said the cranes would restart.')).toEqual([
      'said | Nora Lind, a spokeswoman for the port authority, | the cranes would restart',
    ]);
  });

  it('reads a name before a parenthesis ("Sen. Ruth Amsel (D-Ore.) said")', () => {
    expect(spans('Sen. Ruth Amsel (D-Ore.) said the bill would pass.')[0]).toMatch(/^said \| .*Ruth Amsel \(D-Ore\.\) \| the bill would pass$/);
  });

  it('credits "aides to X" to the aides, not to X', () => {
    const record = analyzeBody('Aides to Mayor Tom Varga said the toll would be dropped.');
    expect(quoteLines(record)).toEqual(['indirect anonymous-1 say «the toll would be dropped»']);
    expect(record.voices.map((v) => [v.id, v.anonymous])).toEqual([['anonymous-1', true]]);
  });

  it('reads poll shares as sources ("47% say", "nearly half said")', () => {
    expect(spans('In the survey, 47% say the toll is too high.')).toContain('say | 47% | the toll is too high');
    expect(spans('Nearly half said they would use the ferry more often.')).toEqual([
      'said | Nearly half | they would use the ferry more often',
    ]);
  });

  it('reads a fronted question ("Asked whether …, X said") and a question cut off before its cue', () => {
    expect(spans('Asked whether she would run again, Lind said she had not decided.')).toEqual([
      'Asked | - | whether she would run again',
      'said | Lind | she had not decided',
    ]);
    const cut = spans('Mayor Tom Varga spoke at the pier. “Who pays for the cranes? Nobody asks that,” Varga asked.');
    expect(cut[cut.length - 1]).toMatch(/^asked \| Varga \| .*Nobody asks that/);
  });

  it('gives the participle of a continuation the subject of its clause ("…, adding …")', () => {
    expect(spans('Nora Lind said the cranes would restart, adding that the strike had cost millions.')).toEqual([
      'said | Nora Lind | the cranes would restart',
      'adding | Nora Lind | the strike had cost millions',
    ]);
  });

  it('ends a content before a trailing attribution ("Critics think “…,” she said")', () => {
    expect(spans('Critics think “the toll is a tax on workers,” she said.')).toEqual([
      'think | Critics | the toll is a tax on workers',
      'said | she | the toll is a tax on workers,',
    ]);
  });

  it('reads transcript labels in capitals as speakers', () => {
    expect(spans('HOST: Will the toll pass? VARGA: It will pass on Friday.')).toEqual([
      ': | HOST | Will the toll pass',
      ': | VARGA | It will pass on Friday',
    ]);
  });

  it('keeps every span inside the text for arbitrary attitude sentences', () => {
    const subject = fc.constantFrom('Mayor Tom Varga', 'The council', 'Polls', 'Two officials', 'She', 'Nearly half');
    const cue = fc.constantFrom('wants', 'opposes', 'declined', 'is expected', 'show', 'hopes', 'said', 'refused', 'sees');
    const rest = fc.constantFrom(' to close the road.', ' the toll.', ' that the vote would fail.', ' it as a mistake.', ', adding nothing.', '.');
    fc.assert(
      fc.property(fc.array(fc.tuple(subject, cue, rest), { minLength: 1, maxLength: 6 }), (parts) => {
        const body = parts.map(([s, c, r]) => `${s} ${c}${r}`).join(' ');
        const doc = docOf(body);
        for (const { attribution: a } of attribute(doc, findEntities(doc)).attributions) {
          expect(a.cueStart).toBeLessThan(a.cueEnd);
          expect(a.contentStart).toBeLessThanOrEqual(a.contentEnd);
          expect(a.contentEnd).toBeLessThanOrEqual(doc.text.length);
          if (a.sourceStart !== null && a.sourceEnd !== null) expect(a.sourceStart).toBeLessThan(a.sourceEnd);
        }
      }),
      { numRuns: 200 },
    );
  });
});
