/**
 * Encodings as they arrive from the web and from Windows desktops: byte order marks,
 * UTF-16, bytes that are not UTF-8 (read as Windows-1252), mojibake, mixed line endings.
 * The text must come out right, and every re-reading must be recorded in `repairs`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYSIS_SCHEMA_ID, ERROR_SCHEMA_ID, type AnalysisRecord, type OutputRecord } from '../../src/schema/record.js';
import { readAndAnalyze, outputProblems, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let n = 0;
function write(ext: string, bytes: Buffer): string {
  const file = join(tmp.dir, `e${n++}.${ext}`);
  writeFileSync(file, bytes);
  return file;
}

const ARTICLE = [
  'Minister: “We will respond” to the strike',
  '',
  'TEHRAN (Meridian Wire) - Iran’s foreign minister said on Monday that the strike was “a flagrant violation” of Iraq’s sovereignty.',
  '',
  '“We will respond at a time of our choosing,” he told reporters in Tehran — café owners nearby said they were not surprised.',
  '',
  'Reporting by Sara Nouri; Editing by Ruth Ellison',
].join('\n');

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) {
    const a = le[i]!;
    le[i] = le[i + 1]!;
    le[i + 1] = a;
  }
  return le;
}

const CP1252: Record<string, number> = { '“': 0x93, '”': 0x94, '‘': 0x91, '’': 0x92, '—': 0x97, '–': 0x96, '…': 0x85, 'é': 0xe9, '€': 0x80 };
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((ch) => CP1252[ch] ?? ch.charCodeAt(0)));
}

async function one(file: string): Promise<AnalysisRecord> {
  const records = await readAndAnalyze([file]);
  expect(records).toHaveLength(1);
  const record = records[0] as OutputRecord;
  expect(outputProblems(record)).toEqual([]);
  expect(record.schema, JSON.stringify(record).slice(0, 300)).toBe(ANALYSIS_SCHEMA_ID);
  return record as AnalysisRecord;
}

function expectArticleText(record: AnalysisRecord): void {
  expect(record.text).toContain('Iran’s foreign minister said on Monday');
  expect(record.text).toContain('“We will respond at a time of our choosing,” he told reporters in Tehran — café owners');
  expect(record.text).not.toContain('\uFEFF');
  expect(record.text).not.toContain('\uFFFD');
  expect(record.text).not.toContain('\r');
}

const encodingRepair = (record: AnalysisRecord) => record.repairs.some((repair) => repair.kind === 'encoding');

describe('text files', () => {
  it('UTF-8 with a byte order mark', async () => {
    const record = await one(write('txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')])));
    expectArticleText(record);
    expect(record.blocks[0]?.start).toBe(0);
  });

  it('UTF-16LE with a byte order mark, recorded as a repair', async () => {
    const record = await one(write('txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')])));
    expectArticleText(record);
    expect(encodingRepair(record)).toBe(true);
  });

  it('UTF-16BE with a byte order mark, recorded as a repair', async () => {
    const record = await one(write('txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ARTICLE)])));
    expectArticleText(record);
    expect(encodingRepair(record)).toBe(true);
  });

  it('Windows-1252 bytes (not valid UTF-8): curly quotes and dashes come out right, recorded as a repair', async () => {
    const record = await one(write('txt', windows1252(ARTICLE)));
    expectArticleText(record);
    expect(encodingRepair(record)).toBe(true);
  });

  it('one invalid byte in otherwise UTF-8 text: read without loss of the rest', async () => {
    const bytes = Buffer.concat([Buffer.from(ARTICLE, 'utf8'), Buffer.from([0x0a, 0x0a, 0xff, 0x41, 0x0a])]);
    const records = await readAndAnalyze([write('txt', bytes)]);
    expect(records).toHaveLength(1);
    expect(outputProblems(records[0]!)).toEqual([]);
    expect(records[0]!.schema).toBe(ANALYSIS_SCHEMA_ID);
  });

  it('mojibake (UTF-8 read as Windows-1252 and saved again) is repaired and recorded', async () => {
    const mojibake = ARTICLE.replace(/’/g, 'â€™').replace(/“/g, 'â€œ').replace(/”/g, 'â€\u009d').replace(/—/g, 'â€”').replace(/é/g, 'Ã©');
    const record = await one(write('txt', Buffer.from(mojibake, 'utf8')));
    expect(record.text).not.toContain('â€');
    expect(record.text).toContain('Iran’s foreign minister');
    expect(record.repairs.some((repair) => repair.kind === 'mojibake')).toBe(true);
  });

  it('CRLF, CR and mixed line endings give the same text and blocks as LF', async () => {
    const lf = await one(write('txt', Buffer.from(ARTICLE, 'utf8')));
    for (const variant of [ARTICLE.replace(/\n/g, '\r\n'), ARTICLE.replace(/\n/g, '\r'), ARTICLE.split('\n').map((line, i) => line + (['\n', '\r\n', '\r'][i % 3] ?? '\n')).join('')]) {
      const record = await one(write('txt', Buffer.from(variant, 'utf8')));
      expect(record.text).toBe(lf.text);
      expect(record.blocks.map((block) => block.kind)).toEqual(lf.blocks.map((block) => block.kind));
    }
  });

  it('a binary file is an error record, not an article of garbage', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
    const records = await readAndAnalyze([write('txt', png)]);
    expect(records).toHaveLength(1);
    expect(records[0]!.schema).toBe(ERROR_SCHEMA_ID);
    if (records[0]!.schema === ERROR_SCHEMA_ID) expect(records[0]!.error.code).toBe('binary');
  });
});

describe('records files', () => {
  const rows = [
    { id: 'a1', title: 'Iran’s envoy: “politically motivated”', text: ARTICLE },
    { id: 'a2', title: 'Second — with dash', text: ARTICLE.replace('Sara Nouri', 'Omar Haddad') },
  ];
  const csv = 'id,title,text\n' + rows.map((row) => [row.id, row.title, `"${row.text.replace(/"/g, '""')}"`].join(',')).join('\n') + '\n';
  const jsonl = rows.map((row) => JSON.stringify(row)).join('\n') + '\n';

  async function expectRows(file: string, requireRepair: boolean): Promise<void> {
    const records = await readAndAnalyze([file]);
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(outputProblems(record)).toEqual([]);
      expect(record.schema).toBe(ANALYSIS_SCHEMA_ID);
      if (record.schema !== ANALYSIS_SCHEMA_ID) continue;
      expectArticleText(record);
      if (requireRepair) expect(encodingRepair(record)).toBe(true);
    }
    const first = records[0] as AnalysisRecord;
    expect(first.title).toBe('Iran’s envoy: “politically motivated”');
  }

  it('CSV in UTF-8 with BOM (Excel): the first column name is still recognised', async () => {
    const file = write('csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    await expectRows(file, false);
    const records = await readAndAnalyze([file]);
    expect(records.map((record) => record.id)).toEqual(['a1', 'a2']);
  });

  it('CSV in UTF-16LE with BOM (Excel "Unicode text")', async () => {
    await expectRows(write('csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])), true);
  });

  it('CSV in Windows-1252', async () => {
    await expectRows(write('csv', windows1252(csv)), true);
  });

  it('CSV with CRLF row endings', async () => {
    await expectRows(write('csv', Buffer.from(csv.replace(/\n/g, '\r\n'), 'utf8')), false);
  });

  it('JSONL with a BOM and CRLF line endings', async () => {
    await expectRows(write('jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonl.replace(/\n/g, '\r\n'), 'utf8')])), false);
  });

  it('JSONL in UTF-16LE with BOM', async () => {
    await expectRows(write('jsonl', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(jsonl, 'utf16le')])), true);
  });

  it('invalid UTF-8 deep inside a large JSONL file does not lose the line or the rest', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `f${i}`, text: `Officials said on Monday that talks would resume. Paragraph ${i}.` })).join('\n');
    const bad = Buffer.concat([Buffer.from(filler + '\n', 'utf8'), Buffer.from('{"id":"bad","text":"Caf', 'utf8'), Buffer.from([0xe9]), Buffer.from(' owners said they were not surprised."}\n{"id":"after","text":"Officials said the talks resumed."}\n', 'utf8')]);
    const records = await readAndAnalyze([write('jsonl', bad)]);
    expect(records).toHaveLength(3002);
    expect(records[3000]!.id).toBe('bad');
    expect(records[3001]!.id).toBe('after');
    expect(records[3001]!.schema).toBe(ANALYSIS_SCHEMA_ID);
  });
});

describe('HTML', () => {
  it('a Windows-1252 page with a charset meta tag', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Minister: “We will respond”</title></head><body><article><h1>Minister: “We will respond”</h1>${ARTICLE.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const record = await one(write('html', windows1252(html)));
    expect(record.text).toContain('Iran’s foreign minister said on Monday');
    expect(record.text).toContain('café owners');
  });

  it('a UTF-16LE page with BOM', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-16"><title>T</title></head><body><article>${ARTICLE.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const record = await one(write('html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')])));
    expect(record.text).toContain('Iran’s foreign minister said on Monday');
  });
});
