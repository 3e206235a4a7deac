import { describe, expect, it } from 'vitest';
import { cleanPart } from '../../src/document/clean-text.js';
import type { Repair } from '../../src/schema/record.js';
import { buildParts } from './helpers.js';

function clean(raw: string, offset = 0): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  return { text: cleanPart(raw, offset, repairs), repairs };
}

describe('cleanPart', () => {
  const cases: [string, string, string[]][] = [
    ['Oslo’s\u00a0envoy', 'Oslo’s envoy', ['whitespace']],
    ['a\u2009thin\u202fspace', 'a thin space', ['whitespace', 'whitespace']],
    ['zero\u200bwidth\ufeff', 'zerowidth', ['whitespace', 'whitespace']],
    ['the ministerâ€™s plan', 'the minister’s plan', ['mojibake']],
    ['â€œHalt,â€\u009d she said', '“Halt,” she said', ['mojibake', 'mojibake']],
    ['â€œHalt,â€ she said', '“Halt,” she said', ['mojibake', 'mojibake']],
    ['cafÃ© in MÃ¼nchen', 'café in München', ['mojibake', 'mojibake']],
    ['prices â€“ and wages â€” fell', 'prices – and wages — fell', ['mojibake', 'mojibake']],
    ['Â\u00a0spaced', 'spaced', []],
    ['line one\r\nline two\rthree', 'line one\nline two\nthree', ['whitespace']],
    ['plain ASCII stays as it is', 'plain ASCII stays as it is', []],
    ['Gdańsk and Zürich and São Paulo', 'Gdańsk and Zürich and São Paulo', []],
    ['  padded  ', 'padded', []],
  ];
  it.each(cases)('%j', (raw, expected, kinds) => {
    const result = clean(raw);
    expect(result.text).toBe(expected);
    expect(result.repairs.map((r) => r.kind)).toEqual(kinds);
  });

  it('records offsets into the cleaned text, shifted by the part offset', () => {
    const result = clean('the ministerâ€™s plan', 100);
    expect(result.repairs).toEqual([{ kind: 'mojibake', start: 112, end: 113, note: expect.stringContaining('’') as string }]);
    expect(result.text.slice(12, 13)).toBe('’');
  });

  it('passes input repairs through and keeps build repairs in text order', () => {
    const doc = buildParts(
      [{ kind: 'headline', text: 'Talks\u00a0resume' }, { kind: 'paragraph', text: 'The envoyâ€™s car arrived.' }],
      { inputRepairs: [{ kind: 'encoding', note: 'decoded as windows-1252' }] },
    );
    expect(doc.text).toBe('Talks resume\n\nThe envoy’s car arrived.');
    expect(doc.repairs.map((r) => [r.kind, r.start, r.end])).toEqual([
      ['encoding', 0, 0], ['whitespace', 5, 6], ['mojibake', 23, 24],
    ]);
  });
});
