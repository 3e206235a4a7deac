import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/input/article.js';
import { readArticleFile, type InputItem } from '../../src/input/read-inputs.js';
import { ErrorRecordSchema } from '../../src/schema/record.js';
import { ArticleSchema } from '../../src/input/article.js';
import { collect, fixture, itemLines, partLines, structure } from './helpers.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'framelens-input-'));
}

function articles(items: readonly InputItem[]): Article[] {
  return items.flatMap((item) => (item.kind === 'article' ? [item.article] : []));
}

function errorOf(item: InputItem | undefined) {
  if (item?.kind !== 'error') throw new Error(`expected an error record, got ${JSON.stringify(item)}`);
  return item.error;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('readInputs: files', () => {
  it('reads a plain-text file with a derived id and an id from the text', async () => {
    const items = await collect([fixture('state-media-article.txt')]);
    expect(items).toHaveLength(1);
    const [article] = articles(items);
    expect(article?.id).toBe('state-media-article');
    expect(article?.idDerived).toBe(true);
    expect(structure(article as Article).id).toBe('88412');
  });

  it('reads a JSON array: ids, fields, dates, authors', async () => {
    const items = await collect([fixture('articles.json')]);
    expect(itemLines(items)).toEqual([
      `article ${fixture('articles.json')}:1 nd-2021-0311`,
      `article ${fixture('articles.json')}:2 articles:2`,
    ]);
    const [first, second] = articles(items);
    expect(first).toMatchObject({
      title: 'Coalition warships leave the strait', outlet: 'Northland Daily', published: '2021-03-11', byline: 'Ari Pell, Mina Sato',
      url: 'https://daily.example/nd-2021-0311', fields: { topic: 'security', bias_text: 'state' },
    });
    expect(second).toMatchObject({ title: 'Harbor reopens after six weeks', outlet: 'Meridian Wire', published: '2021-03-15T08:05:00', fields: { word_count: '14' } });
    for (const article of articles(items)) expect(ArticleSchema.safeParse(article).success).toBe(true);
  });

  it('streams JSONL: a bad line and a record without text become error records in place', async () => {
    const file = fixture('articles.jsonl');
    const items = await collect([file]);
    expect(itemLines(items)).toEqual([
      `article ${file}:1 hp-1`,
      `article ${file}:2 articles:2`,
      `error ${file}:3 invalid-json`,
      `error ${file}:5 no-text`,
      `article ${file}:6 hp-5`,
    ]);
    expect(errorOf(items[2]).error.message).toMatch(/^Line 3 of .*articles\.jsonl is not valid JSON \(/);
    expect(errorOf(items[3]).id).toBe('hp-4');
    for (const item of items) if (item.kind === 'error') expect(ErrorRecordSchema.safeParse(item.error).success).toBe(true);
  });

  it('streams CSV with a header row: recognised columns, multi-line cells, a row without text', async () => {
    const file = fixture('stories.csv');
    const items = await collect([file]);
    expect(itemLines(items)).toEqual([`article ${file}:1 9001`, `error ${file}:2 no-text`, `article ${file}:3 9003`]);
    const [first] = articles(items);
    expect(first).toMatchObject({ outlet: 'Northland Daily', published: '2021-03-05T06:30:00', title: 'Envoy hails “brotherly” ties', fields: { language: 'en' } });
    expect(partLines(structure(first as Article))).toEqual([
      'headline: Envoy hails “brotherly” ties',
      'paragraph: Northland’s envoy praised what he called brotherly ties with Kestria on Friday.',
      'paragraph: He said joint projects would continue despite "foreign meddling."',
    ]);
  });

  it('maps other column names with options.columns and reads TSV', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.tsv');
    writeFileSync(file, 'doc\theadline_text\tbody_text\tpaper\nx1\tHarbor reopens\tThe harbor reopened.\tCoast Gazette\n');
    const items = await collect([file], { columns: { id: 'doc', title: 'headline_text', text: 'body_text', outlet: 'paper' } });
    expect(articles(items)[0]).toMatchObject({ id: 'x1', title: 'Harbor reopens', body: 'The harbor reopened.', outlet: 'Coast Gazette', source: `${file}:1` });
  });

  it('reads directories recursively, sorted by path, by extension only', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, 'b', 'two.txt'), 'Second\n\nBody two.');
    writeFileSync(join(dir, 'a.txt'), 'First\n\nBody one.');
    writeFileSync(join(dir, 'c.md'), '# Third\n\nBody three.');
    writeFileSync(join(dir, 'notes.docx'), 'ignored');
    writeFileSync(join(dir, '.hidden', 'x.txt'), 'ignored');
    const items = await collect([dir]);
    expect(articles(items).map((a) => a.id)).toEqual(['a', 'b/two', 'c']);
    expect(partLines(structure(articles(items)[2] as Article))).toEqual(['headline: Third', 'paragraph: Body three.']);
  });

  it('keeps derived ids unique across inputs', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    writeFileSync(join(dir, 'x', 'story.txt'), 'One\n\nBody.');
    writeFileSync(join(dir, 'y', 'story.txt'), 'Two\n\nBody.');
    const items = await collect([join(dir, 'x', 'story.txt'), join(dir, 'y', 'story.txt')]);
    expect(articles(items).map((a) => a.id)).toEqual(['story', 'story~2']);
  });

  it('gives one clear error record per bad input and goes on', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blank.txt'), ' \n\n \n');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(dir, 'big.txt'), `Headline\n\n${'word '.repeat(400)}`);
    writeFileSync(join(dir, 'broken.json'), '{"title": "x", ');
    writeFileSync(join(dir, 'ok.txt'), 'Fine\n\nA fine article.');
    mkdirSync(join(dir, 'empty-folder'));
    const inputs = ['blank.txt', 'image.txt', 'big.txt', 'broken.json', 'missing.txt', 'empty-folder', 'ok.txt'].map((name) => join(dir, name));
    const items = await collect(inputs, { maxArticleBytes: 1000 });
    expect(items.map((item) => (item.kind === 'error' ? item.error.error.code : 'article'))).toEqual([
      'empty', 'binary', 'too-large', 'invalid-json', 'not-found', 'empty', 'article',
    ]);
    for (const item of items) {
      if (item.kind !== 'error') continue;
      expect(ErrorRecordSchema.safeParse(item.error).success).toBe(true);
      expect(item.error.error.message).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/);
      expect(item.error.error.message).toMatch(/\.$/);
    }
  });

  it('reads UTF-16 and Windows-1252 files and records how', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Talks resume\r\n\r\nThe envoy’s “offer” stands.', 'utf16le')]));
    writeFileSync(join(dir, 'legacy.txt'), Buffer.from([...Buffer.from('Talks resume\r\n\r\nThe envoy'), 0x92, ...Buffer.from('s '), 0x93, ...Buffer.from('offer'), 0x94, ...Buffer.from(' stands.')]));
    const items = await collect([join(dir, 'wide.txt'), join(dir, 'legacy.txt')]);
    const [wide, legacy] = articles(items);
    expect(wide?.body).toBe('Talks resume\n\nThe envoy’s “offer” stands.');
    expect(wide?.inputRepairs).toEqual([{ kind: 'encoding', note: 'decoded as UTF-16LE (byte order mark)' }]);
    expect(legacy?.body).toBe('Talks resume\n\nThe envoy’s “offer” stands.');
    expect(legacy?.inputRepairs).toEqual([{ kind: 'encoding', note: 'not valid UTF-8; decoded as Windows-1252' }]);
  });

  it('reads a Windows-1252 CSV and a UTF-8 JSONL with a byte order mark', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'legacy.csv'), Buffer.from([...Buffer.from('id,text\r\n7,The envoy'), 0x92, ...Buffer.from('s visit.\r\n')]));
    writeFileSync(join(dir, 'bom.jsonl'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"b1","text":"Body."}\r\n')]));
    const items = await collect([join(dir, 'legacy.csv'), join(dir, 'bom.jsonl')]);
    expect(articles(items).map((a) => [a.id, a.body])).toEqual([['7', 'The envoy’s visit.'], ['b1', 'Body.']]);
    expect(articles(items)[0]?.inputRepairs[0]?.note).toBe('not valid UTF-8; decoded as Windows-1252');
  });

  it('reads standard input: JSONL when it starts with "{", else text', async () => {
    const jsonl = await collect(['-'], { stdin: Readable.from([Buffer.from('  {"text":"One."}\n{"te'), Buffer.from('xt":"Two."}\nnot json\n')]) });
    expect(itemLines(jsonl)).toEqual(['article stdin:1 stdin:1', 'article stdin:2 stdin:2', 'error stdin:3 invalid-json']);
    const text = await collect(['-'], { stdin: Readable.from([Buffer.from('Headline here\n\nBody text.')]) });
    expect(articles(text)[0]).toMatchObject({ id: 'stdin', source: 'stdin', body: 'Headline here\n\nBody text.' });
    const html = await collect(['-'], { stdin: Readable.from(['<html><body><article><h1>Title</h1><p>Body paragraph.</p></article></body></html>']) });
    expect(articles(html)[0]?.parts).not.toBeNull();
  });

  it('refuses URL schemes other than http and https', async () => {
    const items = await collect(['file:///etc/passwd', 'ftp://example.test/a.txt']);
    expect(items.map((item) => errorOf(item).error.code)).toEqual(['unsupported', 'unsupported']);
  });

  it('readArticleFile returns the article of a text file', async () => {
    const article = await readArticleFile(fixture('state-media-article.txt'));
    expect(article.body).toContain('Harbor TV and Coast Radio contributed to this story.');
  });
});

describe('readInputs properties', () => {
  const valueArb = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constant(''));
  const recordArb = fc.record({ id: fc.option(valueArb, { nil: undefined }), title: fc.option(valueArb, { nil: undefined }), text: fc.option(valueArb, { nil: undefined }) }, { requiredKeys: [] });
  const lineArb = fc.oneof(
    recordArb.map((r) => JSON.stringify(r)),
    // Raw NUL bytes make the whole file binary (one error for the file), tested separately.
    fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\r\n\u0000]/g, ' ')),
    fc.constantFrom('[1,2]', 'null', '"text"', '{', '{"text": 5}'),
  );

  it('JSONL: every non-blank line yields exactly one item, in order', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(lineArb, { maxLength: 12 }), fc.boolean(), async (lines, crlf) => {
      const file = join(dir, `p${run++}.jsonl`);
      writeFileSync(file, lines.join(crlf ? '\r\n' : '\n'));
      const items = await collect([file]);
      const expected = lines.map((line, i) => [line, i + 1] as const).filter(([line]) => line.trim());
      expect(items.map((item) => (item.kind === 'error' ? item.error.source : item.article.source))).toEqual(expected.map(([, n]) => `${file}:${n}`));
    }), { numRuns: 60 });
  });

  it('CSV: every data row yields exactly one item, in order', async () => {
    const dir = tempDir();
    let run = 0;
    const rowArb = fc.tuple(valueArb, valueArb, valueArb);
    await fc.assert(fc.asyncProperty(fc.array(rowArb, { maxLength: 10 }), async (rows) => {
      const file = join(dir, `p${run++}.csv`);
      // Rows whose cells are all empty are blank lines, which CSV readers skip; keep one cell filled.
      // NUL bytes make a file binary (one error for the file), tested separately.
      const clean = (value: string) => value.replace(/\u0000/g, '');
      const filled = rows.map(([id, title, text]) => [`r${clean(id)}`, clean(title), clean(text)] as const);
      writeFileSync(file, ['id,title,text', ...filled.map((row) => row.map(csvCell).join(','))].join('\n'));
      const items = await collect([file]);
      expect(items.map((item) => (item.kind === 'error' ? item.error.source : item.article.source))).toEqual(filled.map((_, i) => `${file}:${i + 1}`));
      for (const [i, item] of items.entries()) {
        const [, , text] = filled[i] as readonly [string, string, string];
        expect(item.kind === 'article').toBe(text.trim() !== '');
      }
    }), { numRuns: 60 });
  });

  it('a binary file is one binary error, whatever its extension', async () => {
    const dir = tempDir();
    // Binary data: NUL bytes all through it (a single stray NUL in JSONL or CSV costs only its record).
    const binary = Buffer.concat([Buffer.from('{"text":"x"}\n'), Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 4 === 0 ? 1 : 0)))]);
    for (const name of ['a.jsonl', 'b.csv', 'c.txt', 'd.html']) writeFileSync(join(dir, name), binary);
    const items = await collect([dir]);
    expect(itemLines(items)).toEqual(['a.jsonl', 'b.csv', 'c.txt', 'd.html'].map((name) => `error ${join(dir, name)} binary`));
  });

  it('corrupted CSV never throws and yields at least one item per file', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 120 }), async (noise) => {
      const file = join(dir, `c${run++}.csv`);
      writeFileSync(file, `id,text\n1,"ok"\n${noise}`);
      const items = await collect([file]);
      expect(items.length).toBeGreaterThanOrEqual(1);
    }), { numRuns: 60 });
  });
});
