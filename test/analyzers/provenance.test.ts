import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProvenanceAnalyzer } from '../../src/analyzers/provenance.js';
import type { Part, StructuredArticle } from '../../src/input/article.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { docOf, STATE_STORY, WIRE_STORY } from './provenance-fixtures.js';

const analyze = createProvenanceAnalyzer(loadLexicons());

/** Credits as one-line strings: `kind "source" registryId country state`. */
function creditsOf(parts: Part[], article: Partial<StructuredArticle> = {}): string[] {
  return analyze(docOf(parts, article)).provenance.credits.map(
    (c) => `${c.kind} "${c.source}" ${c.registryId ?? '-'} ${c.country ?? '-'}${c.stateAffiliated ? ' state' : ''}`,
  );
}

function paragraph(text: string): Part[] {
  return [{ kind: 'paragraph', text }];
}

describe('provenance: a state-media story', () => {
  it('finds the caption credit, dateline, citations and contributors with registry facts', () => {
    const result = analyze(docOf(STATE_STORY));
    expect(result.provenance.credits).toEqual([
      expect.objectContaining({ kind: 'photo', source: 'IRNA', registryId: 'irna', country: 'Iran', stateAffiliated: true, type: 'state-controlled' }),
      expect.objectContaining({ kind: 'wire', source: 'Tasnim', registryId: 'tasnim', country: 'Iran', stateAffiliated: true }),
      expect.objectContaining({ kind: 'citation', source: 'Fars news agency', registryId: 'fars', stateAffiliated: true }),
      expect.objectContaining({ kind: 'citation', source: 'Al Mayadeen', registryId: 'al-mayadeen', country: 'Lebanon', stateAffiliated: false }),
      expect.objectContaining({ kind: 'citation', source: 'Syrian state media', registryId: null, country: 'Syria', stateAffiliated: true }),
      expect.objectContaining({ kind: 'contributor', source: 'Press TV', registryId: 'press-tv', country: 'Iran', stateAffiliated: true }),
      expect.objectContaining({ kind: 'contributor', source: 'Tasnim', registryId: 'tasnim', country: 'Iran', stateAffiliated: true }),
    ]);
  });

  it('gives one finding per credit, with rule, category, voice and weight', () => {
    const doc = docOf(STATE_STORY);
    const { findings, provenance } = analyze(doc);
    expect(findings.map((f) => `${f.rule} ${f.category} ${f.voice} ${f.weight} ${f.text}`)).toEqual([
      'provenance/photo state-media-credit headline 1 IRNA',
      'provenance/wire state-media-credit narration 1 Tasnim',
      'provenance/citation state-media-citation narration 1 Fars news agency',
      'provenance/citation citation narration 0 Al Mayadeen',
      'provenance/citation state-media-citation narration 1 Syrian state media',
      'provenance/contributor state-media-credit narration 1 Press TV',
      'provenance/contributor state-media-credit narration 1 Tasnim',
    ]);
    const first = findings[0];
    expect(first).toMatchObject({
      id: `provenance/photo@${provenance.credits[0]?.start}-${provenance.credits[0]?.end}`,
      analyzer: 'provenance', speaker: null, target: null, polarity: 'neutral',
    });
    expect(first?.note).toMatch(/IRNA .*Iran, state-controlled \(SC\); state-affiliated/);
    expect(first?.source).toMatch(/State Media Matrix/);
  });

  it('reads a credit block that follows a caption as the photo credit', () => {
    const parts: Part[] = [
      { kind: 'caption', text: 'The minister arrives in Tehran on Tuesday.' },
      { kind: 'credit', text: 'IRNA' },
      { kind: 'paragraph', text: 'The visit lasted two days.' },
    ];
    expect(creditsOf(parts)).toEqual(['photo "IRNA" irna Iran state']);
    // A caption read as a plain paragraph (no structure) still ends with its credit.
    expect(creditsOf(paragraph('The minister arrives in Tehran on Tuesday. IRNA'))).toEqual(['photo "IRNA" irna Iran state']);
    expect(creditsOf([{ kind: 'caption', text: 'Crowds at the rally on Sunday. (AP)' }])).toEqual(['photo "AP" ap United States']);
  });

  it('does not take "contributed to a fall in revenue" for a credit line', () => {
    expect(creditsOf(paragraph('The sanctions contributed to a sharp fall in revenue, Tehran contributed nothing.'))).toEqual([]);
  });
});

describe('provenance: a wire story', () => {
  it('reads bylines, photo credits, datelines, staff lines and h/t', () => {
    expect(creditsOf(WIRE_STORY)).toEqual([
      'byline "MARTA QUIRING" - -',
      'byline "Dev Anand" - -',
      'byline "Associated Press" ap United States',
      'photo "AP" ap United States',
      'wire "AP" ap United States',
      'citation "Reuters" reuters United Kingdom',
      'citation "Reuters" reuters United Kingdom',
      'photo "AFP" afp France',
      'photo "Getty Images" getty-images United States',
      'byline "Jane Okafor" - -',
      'byline "Tom Brandt" - -',
      'contributor "agencies" - -',
      'contributor "The Hill" the-hill United States',
    ]);
  });

  it.each([
    ['a dateline with a date', 'CAIRO, March 3 (Reuters) - Talks resumed on Sunday.', ['wire "Reuters" reuters United Kingdom']],
    ['a dateline at the line start', '(AFP) — The talks resumed on Sunday.', ['wire "AFP" afp France']],
    ['a Cyrillic dateline', 'МОСКВА (ТАСС) — Переговоры продолжились.', ['wire "ТАСС" tass Russia state']],
    ['a photo credit with a photographer', 'Crowds gather in the square. Photo: Lena Berg/Reuters', ['photo "Lena Berg" - -', 'photo "Reuters" reuters United Kingdom']],
    ['a contributing line after the story', 'Contributing: Rosa Pyle and Omar Haddad in Denver, Colorado; USA TODAY.', ['contributor "Rosa Pyle" - -', 'contributor "Omar Haddad" - -', 'contributor "USA TODAY" usa-today United States']],
    ['an h/t with an outlet name run on', '(h/t RCP Video.)', ['contributor "RCP" realclearpolitics United States']],
    ['additional reporting', '(Additional reporting by Kim Sato in Tokyo; Editing by Ann Lowe)', ['contributor "Kim Sato" - -', 'byline "Ann Lowe" - -']],
    ['"told" and "interview with"', 'He told Kayhan, and later said in an interview with RT that he was hopeful.', ['citation "Kayhan" kayhan Iran state', 'citation "RT" rt Russia state']],
    ['an agency that reported', 'The semi-official Mehr news agency reported the arrests; Xinhua said two more followed.', ['citation "Mehr news agency" mehr Iran state', 'citation "Xinhua" xinhua China state']],
    ['a poll by an agency', 'A Reuters/Ipsos poll and an AP-NORC survey found the same.', ['citation "Reuters" reuters United Kingdom', 'citation "AP" ap United States']],
    ['a possessive country before state TV', "Iran's state TV showed the launch.", ['citation "Iran\'s state TV" - Iran state']],
    ['a named agency after "state news agency"', "Syria's state news agency SANA reported the strike.", ['citation "SANA" sana Syria state']],
  ])('%s', (_label, text, expected) => {
    expect(creditsOf(paragraph(text))).toEqual(expected);
  });

  it.each([
    ['an outlet as a topic', 'Reuters is a news company based in London.'],
    ['a lower-case acronym', 'The ap said nothing, and neither did the tass.'],
    ['a party named like a paper', 'The Independent Party said nothing.'],
    ['a photo mid-sentence', 'She showed a photo by the river to friends.'],
    ['"head of state" television', 'The head of state television appearances were cancelled.'],
    ['a list compiled by a group', 'The cities topped a list compiled by the Council for Public Security.'],
    ['a vice president', 'He told Vice President Lane that the deal was done.'],
  ])('no credit for %s', (_label, text) => {
    expect(creditsOf(paragraph(text))).toEqual([]);
  });

  it('keeps "AP" and "Ap" apart: acronyms match only as written', () => {
    expect(creditsOf(paragraph('Lee told AP and Ap that it was over.'))).toEqual(['citation "AP" ap United States']);
  });
});

describe('provenance: the article\u2019s own outlet', () => {
  const body = paragraph('Officials met on Monday.');

  it.each([
    ['an exact outlet name', { outlet: 'Press TV' }, { registryId: 'press-tv', via: 'input', country: 'Iran', stateAffiliated: true }],
    ['an outlet name with a section suffix', { outlet: 'New York Times - News' }, { registryId: 'nyt', via: 'input' }],
    ['a native-script name', { outlet: 'خبرگزاری تسنیم' }, { registryId: 'tasnim', via: 'input' }],
    ['a name that is also a word, in an outlet field', { outlet: 'Iran' }, { registryId: 'iran-newspaper', via: 'input' }],
    ['a URL on a sub-domain', { url: 'https://money.cnn.com/2020/01/01/story.html' }, { registryId: 'cnn', via: 'domain' }],
    ['a bare domain in a kept field', { fields: { source_url: 'www.presstv.ir' } }, { registryId: 'press-tv', via: 'domain' }],
    ['an unknown name and a known URL', { outlet: 'Guest Writer', url: 'http://www.foxnews.com/opinion/x' }, { registryId: 'fox-news', via: 'domain' }],
  ] as const)('from %s', (_label, article, expected) => {
    expect(analyze(docOf(body, article)).provenance.outlet).toMatchObject(expected);
  });

  it('keeps an unregistered outlet name as given', () => {
    expect(analyze(docOf(body, { outlet: 'Harbour Town Gazette' })).provenance.outlet).toEqual({
      name: 'Harbour Town Gazette', registryId: null, country: null, type: null, via: 'input',
    });
  });

  it('falls back to the wire dateline, then to a copyright line', () => {
    expect(analyze(docOf(paragraph('ANKARA (Anadolu) - Talks resumed.'))).provenance.outlet).toMatchObject({ registryId: 'anadolu', via: 'dateline' });
    const removed = [{ text: '© 2024 Xinhua. All rights reserved.', reason: 'page-chrome' }];
    expect(analyze(docOf(body, { removed })).provenance.outlet).toMatchObject({ registryId: 'xinhua', via: 'header' });
    expect(analyze(docOf(body)).provenance.outlet).toBeNull();
  });
});

describe('provenance: invariants', () => {
  const fragments = [
    'Press TV', 'Tasnim', 'IRNA', ' contributed to this story.', 'according to ', 'told ', '(Reuters) - ', 'Photo: ', 'AFP/Getty Images',
    'h/t: ', 'By ', 'state media ', 'Syrian ', '\n\n', '. ', ', ', ' and ', 'Reporting by ', '; Editing by ', 'Xinhua’s ', 'AP',
    'ТАСС', 'خبرگزاری مهر', '“', '”', 'reported', ' news agency ',
  ];
  const textArb = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 }).map((xs) => xs.join(''));

  it('credit spans lie inside the text and equal their source; findings match credits', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom('paragraph', 'caption', 'credit', 'byline') as fc.Arbitrary<Part['kind']>, (text, kind) => {
        const doc = docOf([{ kind, text }]);
        const { provenance, findings } = analyze(doc);
        let previousEnd = -1;
        for (const credit of provenance.credits) {
          expect(credit.start).toBeGreaterThanOrEqual(0);
          expect(credit.end).toBeGreaterThan(credit.start);
          expect(credit.end).toBeLessThanOrEqual(doc.text.length);
          expect(doc.text.slice(credit.start, credit.end)).toBe(credit.source);
          expect(credit.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = credit.end;
        }
        expect(findings.map((f) => [f.start, f.end, f.text])).toEqual(provenance.credits.map((c) => [c.start, c.end, c.source]));
        for (const finding of findings) expect(doc.text.slice(finding.start, finding.end)).toBe(finding.text);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    const doc = docOf(WIRE_STORY);
    expect(JSON.stringify(analyze(doc))).toBe(JSON.stringify(analyze(doc)));
  });
});
