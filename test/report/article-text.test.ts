import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { displayBlocks, renderArticleText } from '../../src/report/article-text.js';
import type { AnalysisRecord } from '../../src/schema/record.js';
import { stateMediaRecord, wireRecord } from '../fixtures/records/fixtures.js';

function textOf(html: string): string {
  const { document } = parseHTML(`<div id="root">${html}</div>`);
  const root = document.getElementById('root')!;
  for (const label of root.querySelectorAll('.blocklabel')) label.remove();
  for (const br of root.querySelectorAll('br')) br.replaceWith('\n');
  return root.textContent ?? '';
}

describe('renderArticleText', () => {
  it('highlights each finding with its analyzer, polarity and voice, and a focusable mark', () => {
    const { html, tips } = renderArticleText(stateMediaRecord);
    const { document } = parseHTML(`<div>${html}</div>`);
    const marks = [...document.querySelectorAll('mark[tabindex="0"]')];
    expect(marks).toHaveLength(stateMediaRecord.findings.length);
    const criminal = marks.find((m) => m.textContent === 'criminal')!;
    expect(criminal.className).toBe('hl an-loaded-language pol-negative v-headline c-demonizing');
    const tip = tips.f[Number(criminal.getAttribute('data-f'))]!;
    expect(Object.fromEntries(tip)).toMatchObject({ Rule: 'loaded-language/criminal', Category: 'demonizing', Voice: 'Headline (own voice)', Speaker: '–', Target: 'United States' });
    const terrorist = marks.find((m) => m.textContent === 'terrorist')!;
    expect(Object.fromEntries(tips.f[Number(terrorist.getAttribute('data-f'))]!)).toMatchObject({ Speaker: 'Darius Kamali — Foreign Minister of Iran, Iran', Voice: 'Direct quotes' });
  });

  it('shades quotes by speaker and keeps scare quotes apart', () => {
    const { html, speakers } = renderArticleText(stateMediaRecord);
    expect(speakers.map((s) => [s.id, s.shade])).toEqual([
      ['v1', 's0'],
      ['v2', 's1'],
      ['v3', 's2'],
    ]);
    const { document } = parseHTML(`<div>${html}</div>`);
    expect(document.querySelector('span.q.scare')?.textContent).toBe('"peace initiative"');
    expect(document.querySelectorAll('span.q.s0').length).toBeGreaterThanOrEqual(3);
  });

  it('reproduces the text exactly, whatever the overlaps', () => {
    for (const record of [stateMediaRecord, wireRecord]) {
      expect(textOf(renderArticleText(record).html).replace(/\n+/gu, '\n')).toBe(
        displayBlocks(record)
          .map((b) => record.text.slice(b.start, b.end))
          .join('\n'),
      );
    }
  });

  it('stays well-formed with crossing and nested spans (property)', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta';
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length)), { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length)), { maxLength: 4 }),
        (spans, quoteSpans) => {
          const findings = spans
            .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
            .map(([start, end], i) => ({
              id: `x/${i}@${start}-${end}`,
              analyzer: 'loaded-language',
              rule: `loaded-language/x${i}`,
              category: 'c',
              start,
              end,
              text: text.slice(start, end),
              voice: 'narration' as const,
              speaker: null,
              target: null,
              weight: 1,
              polarity: 'negative' as const,
              note: '',
            }));
          const quotes = quoteSpans
            .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
            .map(([start, end]) => ({ start, end, kind: 'direct' as const, speaker: null, cue: null, inferredOpen: false }));
          const record: AnalysisRecord = { ...wireRecord, text, blocks: [{ kind: 'paragraph', start: 0, end: text.length }], findings, quotes };
          const { html } = renderArticleText(record);
          expect(textOf(html)).toBe(text);
          // Every opened element is closed in order: the parser needs no repairs.
          const opens = (html.match(/<(mark|span)\b/gu) ?? []).length;
          const closes = (html.match(/<\/(mark|span)>/gu) ?? []).length;
          expect(opens).toBe(closes);
          const stack: string[] = [];
          for (const tag of html.matchAll(/<(\/?)(mark|span|p)\b/gu)) {
            if (tag[1]) expect(stack.pop()).toBe(tag[2]);
            else stack.push(tag[2]!);
          }
          expect(stack).toEqual([]);
          // Each non-empty finding has exactly one tab stop.
          expect((html.match(/tabindex="0"/gu) ?? []).length).toBe(findings.filter((f) => f.end > f.start).length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('renders text outside any block as paragraphs', () => {
    const record: AnalysisRecord = { ...wireRecord, blocks: [], findings: [], quotes: [] };
    expect(displayBlocks(record).length).toBe(wireRecord.text.split('\n\n').length);
  });
});
