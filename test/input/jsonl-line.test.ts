import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputItem } from '../../src/input/input-error.js';
import { firstNonSpaceByte, jsonlBatchItems, toJsonlLineBatch, type JsonlLineItem } from '../../src/input/jsonl-line.js';
import { readInputItems, type ReadOptions } from '../../src/input/read-inputs.js';
import { collect } from './helpers.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'framelens-jsonl-'));
}

/** What a run with workers makes of the inputs: raw lines parsed batch by batch, as a worker does. */
async function collectRaw(inputs: readonly string[], options: ReadOptions = {}, rawUpTo = 1 << 20): Promise<{ items: InputItem[]; raw: number }> {
  const items: InputItem[] = [];
  let pending: JsonlLineItem[] = [];
  let raw = 0;
  const flush = (): void => {
    if (pending.length) items.push(...jsonlBatchItems(toJsonlLineBatch(pending)));
    pending = [];
  };
  for await (const item of readInputItems(inputs, options, rawUpTo)) {
    if (item.kind === 'jsonl-line') {
      if (pending.length && pending[0]!.file !== item.file) flush();
      pending.push(item);
      raw++;
      if (pending.length === 3) flush();
    } else {
      flush();
      items.push(item);
    }
  }
  flush();
  return { items, raw };
}

describe('JSONL lines left as bytes for the workers', () => {
  it('become the same items as lines parsed while reading: errors in place, byte order mark and CRLF handled', async () => {
    const dir = tempDir();
    const file = join(dir, 'feed.jsonl');
    const lines = [
      '{"id":"a1","outlet":"Meridian Wire","text":"Officials said the talks would resume on Monday."}',
      '',
      '   ',
      '{"text":"Irans foreign minister called the sanctions “economic terrorism.”"}',
      'not json',
      '[1,2]',
      '\u00a0{"text":"A line that opens with a no-break space."}',
      '\u00a0',
      '{"title":"No text here"}',
    ];
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'))]));
    const { items, raw } = await collectRaw([file]);
    expect(items).toEqual(await collect([file]));
    // Lines opening with a non-ASCII character (the no-break spaces) are decoded while reading.
    expect(raw).toBe(5);
    expect(items.map((item) => (item.kind === 'error' ? `error ${item.error.error.code}` : `article ${item.article.id}`))).toEqual([
      'article a1', 'article feed:4', 'error invalid-json', 'error invalid-record', 'article feed:7', 'error no-text',
    ]);
    const first = items[0];
    expect(first?.kind === 'article' && first.article.inputRepairs).toEqual([{ kind: 'encoding', note: 'UTF-8 byte order mark removed' }]);
  });

  it('leave lines over the byte limit, and over the article limit, to the reader', async () => {
    const dir = tempDir();
    const file = join(dir, 'long.jsonl');
    writeFileSync(file, [`{"text":"${'Talks resumed. '.repeat(40)}"}`, `{"text":"${'x'.repeat(5000)}"}`, '{"text":"Short."}'].join('\n'));
    const options = { maxArticleBytes: 1000 };
    const { items, raw } = await collectRaw([file], options, 200);
    expect(items).toEqual(await collect([file], options));
    expect(raw).toBe(1);
    expect(items.map((item) => item.kind === 'error' && item.error.error.code)).toEqual([false, 'too-large', false]);
  });

  it('read standard input and Windows-1252 files the same way', async () => {
    const dir = tempDir();
    const legacy = join(dir, 'legacy.jsonl');
    writeFileSync(legacy, Buffer.from('{"text":"Caf\u00e9 owners said \u0093no\u0094."}\n', 'latin1'));
    const stdin = (): Readable => Readable.from([Buffer.from('{"text":"One."}\n{"te'), Buffer.from('xt":"Two."}\nnot json\n')]);
    expect((await collectRaw([legacy])).items).toEqual(await collect([legacy]));
    expect((await collectRaw([legacy])).raw).toBe(0);
    const fromStdin = await collectRaw(['-'], { stdin: stdin() });
    expect(fromStdin.raw).toBe(3);
    expect(fromStdin.items).toEqual(await collect(['-'], { stdin: stdin() }));
  });

  it('yield the items of lines parsed while reading, whatever the lines (property)', async () => {
    const dir = tempDir();
    let run = 0;
    const lineArb = fc.oneof(
      fc.record({ id: fc.string({ maxLength: 5 }), text: fc.string({ maxLength: 40 }), title: fc.option(fc.string({ maxLength: 10 })) }).map((r) => JSON.stringify(r)),
      fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n\u0000]/g, ' ')),
      fc.constantFrom('', ' \t', '\u00a0', '\ufeff{"text":"x"}', '{', 'null', '{"text":"Tehran’s “reply”"}'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r'), async (lines, newline) => {
        const file = join(dir, `p${run++}.jsonl`);
        writeFileSync(file, lines.join(newline));
        expect((await collectRaw([file])).items).toEqual(await collect([file]));
      }),
      { numRuns: 80 },
    );
  });
});

describe('firstNonSpaceByte', () => {
  it('skips the ASCII white space that trim removes, and no other byte', () => {
    expect(firstNonSpaceByte(Buffer.from(' \t\r\u000b\u000c{'))).toBe(5);
    expect(firstNonSpaceByte(Buffer.from('  \t'))).toBe(-1);
    expect(firstNonSpaceByte(Buffer.from('\u001c{'))).toBe(0);
    expect(firstNonSpaceByte(Buffer.from('\u00a0{'))).toBe(0);
  });
});
