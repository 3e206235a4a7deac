import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLines, encodeLines, type BatchResultLine } from '../../src/pipeline/analyze-batch.js';

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

  it('round-trip any JSON lines, nothing dropped (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.jsonValue(), ok: fc.boolean() }), { maxLength: 20 }), (items) => {
        const lines = items.map((item) => ({ json: JSON.stringify(item.value) ?? 'null', ok: item.ok }));
        const decoded = decodeLines(encodeLines(lines));
        expect(decoded).toEqual(lines);
      }),
    );
  });
});
