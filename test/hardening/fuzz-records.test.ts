/**
 * Corrupted JSONL and CSV: every input record is accounted for (one analysis record or one
 * error record per line or row, in order, with its `file:line` or `file:row`), nothing
 * throws, and hostile keys (`__proto__`) pollute nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ANALYSIS_SCHEMA_ID, ERROR_SCHEMA_ID, type OutputRecord } from '../../src/schema/record.js';
import { hostileText, fuzzRuns } from './arbitraries.js';
import { readAndAnalyze, outputProblems, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
afterEach(() => {
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
});

let fileNumber = 0;
function write(ext: string, content: string | Buffer): string {
  const file = join(tmp.dir, `r${fileNumber++}.${ext}`);
  writeFileSync(file, content);
  return file;
}

const BODY = 'BAGHDAD (Meridian Wire) - Officials said on Monday that the convoy was hit near al-Qaim.\n\n“We will respond,” a spokesman said.';

/** A JSONL line and what it must produce: an analysis record, an error record, or either. */
type Expect = 'analysis' | 'error' | 'any';
interface Line {
  readonly text: string;
  readonly expect: Expect;
}

const jsonlLine: fc.Arbitrary<Line> = fc.oneof(
  fc.record({ id: fc.string({ maxLength: 8 }), title: hostileText(8) }).map((r) => ({ text: JSON.stringify({ ...r, text: BODY }), expect: 'analysis' as const })),
  hostileText(30).map((t) => ({ text: JSON.stringify({ text: `${BODY} ${t}` }), expect: 'analysis' as const })),
  fc.constantFrom(
    { text: '{"text": "unterminated', expect: 'error' as const },
    { text: '{"text": "a", ', expect: 'error' as const },
    { text: '{text: "no quotes on the key"}', expect: 'error' as const },
    { text: "{'text': 'single quotes'}", expect: 'error' as const },
    { text: '42', expect: 'error' as const },
    { text: '"just a string"', expect: 'error' as const },
    { text: 'null', expect: 'error' as const },
    { text: 'true', expect: 'error' as const },
    { text: '\u0001\u0002\u001b', expect: 'error' as const },
    { text: '}{', expect: 'error' as const },
    { text: `${'['.repeat(5000)}${']'.repeat(5000)}`, expect: 'error' as const },
    { text: `{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3001)}`, expect: 'error' as const },
    { text: '{"id": "no-text"}', expect: 'error' as const },
    { text: '{"text": 12345}', expect: 'any' as const },
    { text: '{"text": ""}', expect: 'error' as const },
    { text: '{"text": null}', expect: 'error' as const },
    { text: '{"text": ["a", "b"]}', expect: 'any' as const },
    { text: `{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "text": ${JSON.stringify(BODY)}}`, expect: 'analysis' as const },
    { text: `{"text": "\\ud800\\udc00\\udfff\\u0000", "title": "\\ud83d"}`, expect: 'any' as const },
    { text: `{"text": ${JSON.stringify(BODY)}, "text": "duplicate key"}`, expect: 'any' as const },
    { text: `{"id": {"nested": true}, "title": [1], "published": 5, "url": false, "text": ${JSON.stringify(BODY)}}`, expect: 'any' as const },
    { text: `{"text": ${JSON.stringify(BODY)}}\r`, expect: 'analysis' as const },
    { text: `\uFEFF{"text": ${JSON.stringify(BODY)}}`, expect: 'any' as const },
    { text: `   {"text": ${JSON.stringify(BODY)}}   `, expect: 'analysis' as const },
  ),
);

function lineNumberOf(record: OutputRecord): number | null {
  const match = /:(\d+)$/.exec(record.source);
  return match ? Number(match[1]) : null;
}

describe('corrupted JSONL', () => {
  it('one record per non-blank line, in order, each with its line number', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 8, arbitrary: jsonlLine }, { weight: 1, arbitrary: fc.constantFrom<Line>({ text: '', expect: 'any' }, { text: '   ', expect: 'any' }) }), { minLength: 1, maxLength: 12 }), fc.boolean(), async (lines, finalNewline) => {
        const file = write('jsonl', lines.map((line) => line.text).join('\n') + (finalNewline ? '\n' : ''));
        const records = await readAndAnalyze([file]);
        const expected = lines.map((line, i) => ({ ...line, lineNumber: i + 1 })).filter((line) => line.text.trim() !== '');
        expect(records).toHaveLength(expected.length);
        records.forEach((record, i) => {
          const want = expected[i]!;
          expect(outputProblems(record)).toEqual([]);
          expect(lineNumberOf(record), `record ${i} source ${record.source}`).toBe(want.lineNumber);
          if (want.expect === 'analysis') expect(record.schema, `line ${want.lineNumber}: ${want.text.slice(0, 60)}`).toBe(ANALYSIS_SCHEMA_ID);
          if (want.expect === 'error') expect(record.schema, `line ${want.lineNumber}: ${want.text.slice(0, 60)}`).toBe(ERROR_SCHEMA_ID);
        });
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it('random byte damage: no throw, one record per non-blank line', async () => {
    const good = Array.from({ length: 8 }, (_, i) => JSON.stringify({ id: `a${i}`, title: `Story ${i}`, text: `${BODY} Paragraph ${i}.` })).join('\n') + '\n';
    const bytes = Buffer.from(good, 'utf8');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), { maxLength: 12 }), fc.nat(bytes.length), async (flips, cut) => {
        const damaged = Buffer.from(bytes.subarray(0, Math.max(1, cut)));
        for (const [at, value] of flips) if (at < damaged.length && damaged[at] !== 0x0a && value !== 0x0a && value !== 0x0d) damaged[at] = value;
        const file = write('jsonl', damaged);
        const records = await readAndAnalyze([file]);
        // Lines as the reader sees them: split on LF (after a possible CRLF), blank ones skipped.
        const lines = damaged.toString('latin1').split('\n').filter((line) => line.trim() !== '');
        expect(records).toHaveLength(lines.length);
        for (const record of records) expect(outputProblems(record)).toEqual([]);
      }),
      { numRuns: fuzzRuns(60) },
    );
  });
});

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

interface Row {
  readonly cells: readonly string[];
  readonly expect: Expect;
}

const csvRow: fc.Arbitrary<Row> = fc.oneof(
  fc.tuple(fc.string({ maxLength: 6 }), hostileText(6), hostileText(30)).map(([id, title, extra]) => ({ cells: [id, title, 'Meridian Wire', `${BODY}\n\n${extra}`], expect: 'analysis' as const })),
  fc.constantFrom<Row>(
    { cells: ['x1', 'No text', 'Meridian Wire', ''], expect: 'error' },
    { cells: ['x2', 'Blank text', 'Meridian Wire', '   \n  '], expect: 'error' },
    { cells: ['x3', 'Short row'], expect: 'any' },
    { cells: ['x4'], expect: 'any' },
    { cells: ['x5', 'Long row', 'Meridian Wire', BODY, 'extra', 'cells', 'here'], expect: 'any' },
    { cells: ['x6', 'Quotes "inside" and, commas', 'Meridian Wire', `He said "yes", then “no”.\n${BODY}`], expect: 'analysis' },
    { cells: ['x7', '=cmd|"/c calc"!A1', '@SUM(1)', BODY], expect: 'analysis' },
    { cells: ['x8', 'CR inside\rfield', 'Meridian Wire', `${BODY}\r\n\r\nMore.`], expect: 'analysis' },
    { cells: ['', '', '', BODY], expect: 'analysis' },
  ),
);

describe('corrupted CSV', () => {
  it('one record per data row, in order: rows with no text become error records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(csvRow, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (rows, eol, bom) => {
        // Raw NUL bytes are covered by their own test below.
        const lines = ['id,title,media_name,text', ...rows.map((row) => row.cells.map((cell) => csvField(cell.replace(/\u0000/g, ''))).join(','))];
        const file = write('csv', (bom ? '\uFEFF' : '') + lines.join(eol) + eol);
        const records = await readAndAnalyze([file]);
        expect(records).toHaveLength(rows.length);
        records.forEach((record, i) => {
          expect(outputProblems(record)).toEqual([]);
          const want = rows[i]!.expect;
          if (want === 'analysis') expect(record.schema, `row ${i + 1}: ${JSON.stringify(rows[i]!.cells).slice(0, 80)}`).toBe(ANALYSIS_SCHEMA_ID);
          if (want === 'error') expect(record.schema, `row ${i + 1}: ${JSON.stringify(rows[i]!.cells).slice(0, 80)}`).toBe(ERROR_SCHEMA_ID);
        });
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it('truncation and byte damage (unbalanced quotes included): no throw, rows before the damage all kept', async () => {
    const rows = Array.from({ length: 8 }, (_, i) => ['s' + i, `Title ${i}`, 'Meridian Wire', `${BODY}\n\nParagraph "${i}".`]);
    const lines = ['stories_id,title,media_name,text', ...rows.map((row) => row.map(csvField).join(','))];
    const good = Buffer.from(lines.join('\n') + '\n', 'utf8');
    // Byte offset where each data row ends (after its newline).
    const rowEnds: number[] = [];
    let offset = Buffer.byteLength(lines[0]! + '\n');
    for (const line of lines.slice(1)) {
      offset += Buffer.byteLength(line + '\n');
      rowEnds.push(offset);
    }
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0xff, 0x41, 0xc3, 0x01)), { maxLength: 4 }), fc.nat(good.length), async (flips, cut) => {
        const damaged = Buffer.from(good.subarray(0, Math.max(1, cut)));
        let firstDamage = damaged.length;
        for (const [at, value] of flips) {
          if (at < damaged.length) {
            damaged[at] = value;
            firstDamage = Math.min(firstDamage, at);
          }
        }
        const file = write('csv', damaged);
        const records = await readAndAnalyze([file]);
        const intact = rowEnds.filter((end) => end <= firstDamage && end <= damaged.length).length;
        expect(records.length).toBeGreaterThanOrEqual(intact);
        for (const record of records) expect(outputProblems(record)).toEqual([]);
        records.slice(0, intact).forEach((record, i) => expect(record.schema, `intact row ${i + 1}`).toBe(ANALYSIS_SCHEMA_ID));
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it('a CSV with a header only, or nothing at all, gives no analysis record and no throw', async () => {
    for (const content of ['stories_id,title,text\n', '', '\uFEFF', '\n\n\n']) {
      const records = await readAndAnalyze([write('csv', content)]);
      for (const record of records) {
        expect(record.schema).toBe(ERROR_SCHEMA_ID);
        expect(outputProblems(record)).toEqual([]);
      }
    }
  });
});

describe('a stray NUL byte in a records file', () => {
  const good = (i: number) => JSON.stringify({ id: `g${i}`, text: `${BODY} Item ${i}.` });

  it('JSONL: a line holding a raw NUL (in the first 8 KB) is one error record; the valid lines around it are analysed', async () => {
    const file = write('jsonl', [good(1), `{"id": "nul", "text": "a\u0000b"}`, good(2), good(3)].join('\n') + '\n');
    const records = await readAndAnalyze([file]);
    expect(records.map((record) => record.schema === ANALYSIS_SCHEMA_ID)).toEqual([true, false, true, true]);
  });

  it('JSONL: the same NUL after the first 8 KB costs only its own line', async () => {
    const filler = Array.from({ length: 60 }, (_, i) => good(100 + i));
    const file = write('jsonl', [...filler, `{"id": "nul", "text": "a\u0000b"}`, good(2)].join('\n') + '\n');
    const records = await readAndAnalyze([file]);
    expect(records).toHaveLength(62);
    expect(records[61]!.schema).toBe(ANALYSIS_SCHEMA_ID);
  });

  it('CSV: a raw NUL inside one field does not cost the other rows', async () => {
    const file = write('csv', `id,title,text\nr1,One,"${BODY}"\nr2,Two\u0000,"${BODY}"\nr3,Three,"${BODY}"\n`);
    const records = await readAndAnalyze([file]);
    expect(records).toHaveLength(3);
    expect(records[0]!.schema).toBe(ANALYSIS_SCHEMA_ID);
    expect(records[2]!.schema).toBe(ANALYSIS_SCHEMA_ID);
  });
});

describe('JSON files (one article or an array)', () => {
  it('an array of mixed items: one record per item, in order', async () => {
    const items = [{ id: 'j1', text: BODY }, 42, { id: 'j3' }, null, { id: 'j5', text: BODY }, [1, 2], { id: 'j7', text: '' }, { id: 'j8', text: BODY }];
    const records = await readAndAnalyze([write('json', JSON.stringify(items))]);
    expect(records).toHaveLength(items.length);
    expect(records.map((record) => record.schema === ANALYSIS_SCHEMA_ID)).toEqual([true, false, false, false, true, false, false, true]);
    for (const record of records) expect(outputProblems(record)).toEqual([]);
  });

  it('deeply nested and truncated JSON: one error record, no throw', async () => {
    for (const content of [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`, '[{"id": "x", "text": "trunc', '', '\uFEFF']) {
      const records = await readAndAnalyze([write('json', content)]);
      expect(records.length).toBeGreaterThanOrEqual(1);
      for (const record of records) {
        expect(record.schema).toBe(ERROR_SCHEMA_ID);
        expect(outputProblems(record)).toEqual([]);
      }
    }
  });
});
