/**
 * Pathological shapes at a size that runs in seconds: each must give one sound record.
 * (Their scaling, at full size and 4× size, is measured in `pathological.slow.test.ts`.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_SCHEMA_ID } from '../../src/schema/record.js';
import { articleFromBody, bundledAnalyzer, readAndAnalyze, outputProblems, recordProblems, tempDir } from './helpers.js';
import { pathologicalBodies } from './pathological-inputs.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const analyze = bundledAnalyzer();

describe('pathological article bodies (50,000 characters each; 200,000 and 50 MB in the slow suite)', () => {
  for (const [name, make] of Object.entries(pathologicalBodies)) {
    it(name, () => {
      const record = analyze(articleFromBody(make(50_000)));
      expect(recordProblems(record)).toEqual([]);
    });
  }
});

describe('pathological files', () => {
  it('a 1 MB line without spaces in a text file, a JSONL line and a CSV field', async () => {
    const line = 'x'.repeat(1_000_000);
    const txt = join(tmp.dir, 'long.txt');
    const jsonl = join(tmp.dir, 'long.jsonl');
    const csv = join(tmp.dir, 'long.csv');
    writeFileSync(txt, `Headline\n\n${line}\n`);
    writeFileSync(jsonl, `${JSON.stringify({ id: 'long', text: line })}\n${JSON.stringify({ id: 'after', text: 'Officials said the talks would resume.' })}\n`);
    writeFileSync(csv, `id,text\nlong,${line}\nafter,Officials said the talks would resume.\n`);
    const records = await readAndAnalyze([txt, jsonl, csv]);
    expect(records).toHaveLength(5);
    for (const record of records) expect(outputProblems(record)).toEqual([]);
    expect(records.map((record) => record.id).slice(-1)).toEqual(['after']);
  });

  it('a 2,000-paragraph HTML page keeps its paragraphs', async () => {
    const paragraphs = Array.from({ length: 2_000 }, (_, i) => `<p>Paragraph ${i}: officials said on Monday that the talks would resume, according to a statement.</p>`).join('\n');
    const file = join(tmp.dir, 'many.html');
    writeFileSync(file, `<!DOCTYPE html><html><head><title>Many</title></head><body><nav><a href="/">Home</a></nav><article><h1>Many</h1>${paragraphs}</article><footer>© 2025</footer></body></html>`);
    const [record] = await readAndAnalyze([file]);
    expect(record?.schema).toBe(ANALYSIS_SCHEMA_ID);
    if (record?.schema !== ANALYSIS_SCHEMA_ID) return;
    expect(recordProblems(record)).toEqual([]);
    expect(record.text).toContain('Paragraph 1999:');
    expect(record.blocks.filter((block) => block.kind === 'paragraph').length).toBeGreaterThanOrEqual(2_000);
  });
});
