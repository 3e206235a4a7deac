import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFromFields } from '../../src/input/article.js';
import type { Article } from '../../src/input/article.js';
import { toJsonlLineBatch } from '../../src/input/jsonl-line.js';
import { analyzeBatch, analyzeJsonlLines, decodeLines, encodeLines, type BatchResultLine } from '../../src/pipeline/analyze-batch.js';
import type { AnalysisRecord } from '../../src/schema/record.js';

describe('encodeLines / decodeLines', () => {
  it('encode a batch as UTF-8 JSONL with one flag per record', () => {
    const lines: BatchResultLine[] = [
      { json: JSON.stringify({ id: 'a', text: 'Irans “evil” plot\nsecond line' }), ok: true },
      { json: JSON.stringify({ schema: 'framelens/error@1', id: 'b' }), ok: false },
    ];
    const batch = encodeLines(lines);
    expect(Buffer.from(batch.bytes).toString('utf8')).toBe(`${lines[0]!.json}\n${lines[1]!.json}\n`);
    expect([...batch.ok]).toEqual([1, 0]);
    expect(decodeLines(batch)).toEqual(lines);
  });

  it('encode a batch larger than the reused buffer, and the batches after it, whole', () => {
    // Over 2 MB of two-byte text (3 bytes each in UTF-8): the buffer has to grow mid-batch.
    const big = { json: JSON.stringify({ text: '“quoted”—'.repeat(120_000) }), ok: true };
    const small = { json: JSON.stringify({ id: 'after', text: 'Tehran’s reply' }), ok: true };
    const first = encodeLines([small, big, small]);
    expect(Buffer.from(first.bytes).toString('utf8')).toBe(`${small.json}\n${big.json}\n${small.json}\n`);
    const second = encodeLines([small]);
    expect(Buffer.from(second.bytes).toString('utf8')).toBe(`${small.json}\n`);
    // Each batch owns its bytes: encoding the next one does not overwrite them.
    expect(decodeLines(first)).toEqual([small, big, small]);
  });

  it('round-trip any JSON lines, nothing dropped (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.jsonValue(), ok: fc.boolean() }), { maxLength: 20 }), (items) => {
        const lines = items.map((item) => ({ json: JSON.stringify(item.value) ?? 'null', ok: item.ok }));
        const decoded = decodeLines(encodeLines(lines));
        expect(decoded).toEqual(lines);
      }),
    );
  });

  it('analyse a batch record by record: an article that throws becomes an error record in its place', () => {
    const articles = ['Ministers met in Tehran.', 'BROKEN', 'The agency said the talks would resume.'].map((body, i) =>
      articleFromFields({ id: `a${i}`, source: `batch.jsonl:${i + 1}`, body }),
    );
    const analyze = (article: (typeof articles)[number]): AnalysisRecord => {
      if (article.body === 'BROKEN') throw new Error('lexicon slot missing');
      return { id: article.id } as unknown as AnalysisRecord;
    };
    const lines = decodeLines(analyzeBatch(analyze, articles));
    expect(lines.map((line) => line.ok)).toEqual([true, false, true]);
    expect(JSON.parse(lines[0]!.json)).toEqual({ id: 'a0' });
    expect(JSON.parse(lines[1]!.json)).toMatchObject({ id: 'a1', source: 'batch.jsonl:2', error: { code: 'internal', message: 'analysis failed: lexicon slot missing' } });
    expect(JSON.parse(lines[2]!.json)).toEqual({ id: 'a2' });
  });

  it('parse and analyse a batch of JSONL lines: lines that are no article yield their error records in place', () => {
    const lines = ['{"id":"k1","text":"Ministers met in Tehran."}', '{"id":"k2",', '{"id":"k3","text":"BROKEN"}', '"just a string"', '{"text":"The agency said the talks would resume."}'];
    const batch = toJsonlLineBatch(lines.map((json, i) => ({ kind: 'jsonl-line' as const, file: { name: 'feed.jsonl', base: 'feed', repairs: [] }, number: 2 * i + 1, bytes: Buffer.from(json) })));
    const analyze = (article: Article): AnalysisRecord => {
      if (article.body === 'BROKEN') throw new Error('lexicon slot missing');
      return { id: article.id, source: article.source } as unknown as AnalysisRecord;
    };
    const out = decodeLines(analyzeJsonlLines(analyze, batch)).map((line) => ({ ok: line.ok, ...(JSON.parse(line.json) as { id: string | null; source: string; error?: { code: string } }) }));
    expect(out.map((record) => [record.ok, record.source, record.id, record.error?.code ?? null])).toEqual([
      [true, 'feed.jsonl:1', 'k1', null],
      [false, 'feed.jsonl:3', 'feed:3', 'invalid-json'],
      [false, 'feed.jsonl:5', 'k3', 'internal'],
      [false, 'feed.jsonl:7', 'feed:7', 'invalid-record'],
      [true, 'feed.jsonl:9', 'feed:9', null],
    ]);
  });
});
