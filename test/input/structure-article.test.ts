import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partLines, readFixture, removedLines, structure, textArticle } from './helpers.js';

describe('createArticleStructurer on a saved state-media page', () => {
  const result = structure(textArticle(readFixture('state-media-article.txt')));

  it('reads the header lines: id, publication time', () => {
    expect(result.id).toBe('88412');
    expect(result.published).toBe('2021-03-03T09:12:00Z');
  });

  it('finds headline, caption with its credit, dek, paragraphs and the credit line, in order', () => {
    expect(result.parts.map((p) => `${p.kind}: ${p.text.slice(0, 40)}`)).toEqual([
      'headline: Arvena: Western pressure will only stren',
      'caption: Foreign Minister Lara Venn (R) greets he',
      'dek: Minister: Sanctions won’t break our econ',
      'paragraph: ARVENA — Northlands top diplomat said th',
      'paragraph: Meeting Kestrian Foreign Minister Tomas ',
      'paragraph: Referring to the coalitions hostile,” “i',
      'paragraph: The sanctions have failed to achieve any',
      'paragraph: Edde, for his part, said his government ',
      'credit: Harbor TV and Coast Radio contributed to',
    ]);
    expect(result.parts[1]?.text.endsWith('on Monday. AFP')).toBe(true);
  });

  it('keeps the original characters (NBSP, damaged quotes, lost apostrophes)', () => {
    expect(result.parts[3]?.text).toContain('coalitions\u00a0sanctions are a “failed policy,”');
  });

  it('records everything it removed, with a reason', () => {
    expect(removedLines(result)).toEqual([
      'metadata: Story ID: 88412',
      'metadata: Published: 0912 GMT March 3, 2021',
      'duplicate-headline: Arvena: Western pressure will only strengthen regional unity',
      'page-chrome: Share on Facebook',
      'page-chrome: Security Key:',
      'page-chrome: Captcha refresh',
      'page-chrome: Page Generated in 0/2214 sec',
      'page-chrome: Copyright © 2021 Northland Daily. All rights reserved.',
    ]);
  });
});

describe('createArticleStructurer, case by case', () => {
  const cases: [string, string, string[]][] = [
    ['byline after the headline', 'Ports reopen across the north\nBy Jane Roe, Meridian Wire\n\nThe ports reopened on Monday.', [
      'headline: Ports reopen across the north', 'byline: By Jane Roe, Meridian Wire', 'paragraph: The ports reopened on Monday.',
    ]],
    ['caption credited "Photo: …"', 'Floods hit the delta\nRescuers carry a child to safety in Selm. Photo: Coast Radio\n\nHeavy rain flooded the delta.', [
      'headline: Floods hit the delta', 'caption: Rescuers carry a child to safety in Selm. Photo: Coast Radio', 'paragraph: Heavy rain flooded the delta.',
    ]],
    ['caption credited "(AP Photo/…)" anywhere in the body', 'Storm nears coast\n\nThe storm strengthened overnight.\n\nWaves break on the pier in Selm. (AP Photo/Ines Marr)\n\nOfficials urged calm.', [
      'headline: Storm nears coast', 'paragraph: The storm strengthened overnight.', 'caption: Waves break on the pier in Selm. (AP Photo/Ines Marr)', 'paragraph: Officials urged calm.',
    ]],
    ['wire credit lines', 'Grain deal signed\n\nThe deal was signed in Selm.\n\nReporting by Dana Okafor; Editing by Paul Serra', [
      'headline: Grain deal signed', 'paragraph: The deal was signed in Selm.', 'credit: Reporting by Dana Okafor; Editing by Paul Serra',
    ]],
    ['"With inputs from agencies"', 'Talks resume\n\nTalks resumed on Friday.\n\nWith inputs from agencies', [
      'headline: Talks resume', 'paragraph: Talks resumed on Friday.', 'credit: With inputs from agencies',
    ]],
    ['no blank lines: each line is a paragraph', 'Markets fall\nShares fell sharply on Monday.\nAnalysts blamed the sanctions.', [
      'headline: Markets fall', 'paragraph: Shares fell sharply on Monday.', 'paragraph: Analysts blamed the sanctions.',
    ]],
    ['hard-wrapped paragraphs are joined with a space', 'Markets fall\n\nShares fell sharply on Monday as traders reacted to the\nnew sanctions announced in Arvena over the weekend.\n\nAnalysts were divided.', [
      'headline: Markets fall',
      'paragraph: Shares fell sharply on Monday as traders reacted to the new sanctions announced in Arvena over the weekend.',
      'paragraph: Analysts were divided.',
    ]],
    ['a dateline stays in its paragraph', 'Talks stall\n\nSELM (Meridian) — Talks stalled on Thursday.', [
      'headline: Talks stall', 'paragraph: SELM (Meridian) — Talks stalled on Thursday.',
    ]],
    ['a lede ending in a full stop is not a headline', 'Officials said the talks would resume next week.\n\nNo date was set.', [
      'paragraph: Officials said the talks would resume next week.', 'paragraph: No date was set.',
    ]],
    ['a one-line text is a paragraph', 'The harbor reopened', ['paragraph: The harbor reopened']],
    ['CRLF and CR line endings', 'Markets fall\r\n\r\nShares fell.\r\rAnalysts shrugged.', [
      'headline: Markets fall', 'paragraph: Shares fell.', 'paragraph: Analysts shrugged.',
    ]],
  ];
  it.each(cases)('%s', (_name, body, expected) => {
    expect(partLines(structure(textArticle(body)))).toEqual(expected);
  });

  it('uses the input title as headline and removes the same first line', () => {
    const result = structure(textArticle('Envoy hails “brotherly” ties\n\nThe envoy spoke on Friday.', { title: 'Envoy hails "brotherly" ties', idDerived: false }));
    expect(partLines(result)).toEqual(['headline: Envoy hails "brotherly" ties', 'paragraph: The envoy spoke on Friday.']);
    expect(removedLines(result)).toEqual(['duplicate-headline: Envoy hails “brotherly” ties']);
  });

  it('passes through every field it does not structure, and the derived-id flag only when given', () => {
    const fields = { topic: 'trade', bias_text: 'center' };
    const inputRepairs = [{ kind: 'encoding', note: 'decoded as windows-1252' }];
    const given = textArticle('Markets fall\n\nShares fell.', {
      source: 'feed.jsonl:7', outlet: 'Harbour Gazette', title: 'Markets fall', url: 'https://example.org/a', fields, inputRepairs, idDerived: true,
    });
    const result = structure(given);
    expect(result).toMatchObject({ source: 'feed.jsonl:7', outlet: 'Harbour Gazette', title: 'Markets fall', url: 'https://example.org/a', fields, inputRepairs, idDerived: true });
    expect(result).not.toHaveProperty('body');
    const { idDerived: _dropped, ...withoutFlag } = given;
    expect(structure(withoutFlag)).not.toHaveProperty('idDerived');
  });

  it('keeps an id given by the input even when the text prints one', () => {
    const result = structure(textArticle('News ID: 555\n\nMarkets fall\n\nShares fell.', { id: 'from-input', idDerived: false }));
    expect(result.id).toBe('from-input');
    expect(removedLines(result)).toEqual(['metadata: News ID: 555']);
  });

  it('keeps the input date over a header line, and fills bylines', () => {
    const result = structure(textArticle('By Jane Roe\nPublished: 22 July 2020\n\nMarkets fall\n\nShares fell.', { published: '2020-07-21' }));
    expect(result.published).toBe('2020-07-21');
    expect(result.byline).toBe('Jane Roe');
  });

  it('drops chrome parts from HTML and reclassifies credits and bylines', () => {
    const result = structure({
      ...textArticle(''),
      body: null,
      title: 'Port talks stall',
      parts: [
        { kind: 'paragraph', text: 'Port talks stall' },
        { kind: 'paragraph', text: 'By Dana Okafor' },
        { kind: 'paragraph', text: 'Talks stalled on Thursday.' },
        { kind: 'paragraph', text: 'Share on Facebook' },
        { kind: 'caption', text: 'Cranes stand idle. (Reuters Photo/Ines Marr)' },
        { kind: 'paragraph', text: 'Reporting by Dana Okafor; Editing by Paul Serra' },
      ],
    });
    expect(partLines(result)).toEqual([
      'headline: Port talks stall',
      'byline: By Dana Okafor',
      'paragraph: Talks stalled on Thursday.',
      'caption: Cranes stand idle. (Reuters Photo/Ines Marr)',
      'credit: Reporting by Dana Okafor; Editing by Paul Serra',
    ]);
    expect(removedLines(result)).toEqual(['duplicate-headline: Port talks stall', 'page-chrome: Share on Facebook']);
  });

  it('reads a standfirst before the story in HTML parts as a dek', () => {
    const result = structure({
      ...textArticle(''),
      body: null,
      title: 'Harbor reopens',
      parts: [
        { kind: 'paragraph', text: 'Ships queue as grain exports resume' },
        { kind: 'paragraph', text: 'The harbor reopened on Monday.' },
        { kind: 'paragraph', text: 'More ships are due' },
      ],
    });
    expect(partLines(result)).toEqual([
      'headline: Harbor reopens', 'dek: Ships queue as grain exports resume', 'paragraph: The harbor reopened on Monday.', 'paragraph: More ships are due',
    ]);
  });

  it('reads a name alone under the headline as a byline', () => {
    const result = structure(textArticle('Harbor reopens\nDana Okafor\n\nThe harbor reopened on Monday.'));
    expect(partLines(result)).toEqual(['headline: Harbor reopens', 'byline: Dana Okafor', 'paragraph: The harbor reopened on Monday.']);
    expect(result.byline).toBe('Dana Okafor');
  });

  it('does not take ordinary short paragraphs for chrome', () => {
    const body = 'Markets fall\n\nShare prices fell 3 percent.\n\nRead the statement in full, he told reporters.\n\nFollow the money, the minister said.';
    expect(structure(textArticle(body)).removed).toEqual([]);
  });
});

describe('createArticleStructurer properties', () => {
  const lineArb = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('', ' ', 'News ID: 42', 'Published: 0137 GMT July 22, 2020', 'By Jane Roe', 'Security Key:', 'Captcha refresh',
      'Share on Facebook', 'Press TV contributed to this story.', 'A man waves. AFP', 'Minister: No retreat', 'March 4, 2021', '\u00a0', '\r'),
  );
  const bodyArb = fc.array(lineArb, { maxLength: 30 }).map((lines) => lines.join('\n'));

  it('never throws on arbitrary Unicode, and every part is trimmed and non-empty', () => {
    fc.assert(fc.property(bodyArb, fc.option(fc.string({ maxLength: 40 }), { nil: null }), (body, title) => {
      const result = structure(textArticle(body, { title }));
      for (const part of result.parts) {
        expect(part.text).toBe(part.text.trim());
        expect(part.text.length).toBeGreaterThan(0);
      }
    }), { numRuns: 300 });
  });

  it('loses no text silently: every non-blank line is in a part or in removed', () => {
    fc.assert(fc.property(bodyArb, (body) => {
      const result = structure(textArticle(body));
      const kept = [...result.parts.map((p) => p.text), ...result.removed.map((r) => r.text)];
      for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
        const line = raw.trim();
        if (line) expect(kept.some((text) => text.includes(line))).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('is deterministic', () => {
    fc.assert(fc.property(bodyArb, (body) => {
      expect(structure(textArticle(body))).toEqual(structure(textArticle(body)));
    }), { numRuns: 100 });
  });
});
