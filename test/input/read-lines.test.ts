import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamTextDecoder } from '../../src/input/decode.js';
import { decodeChunks, splitLines, splitUtf8Lines, type ByteLine, type Line } from '../../src/input/read-lines.js';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

async function* chunksOf(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b)) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

/** Lines as the decoded-stream reader sees them: `text` decoded, `length` in UTF-16 code units. */
async function textLines(bytes: Uint8Array, cuts: readonly number[], maxChars: number): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of splitLines(decodeChunks(chunksOf(bytes, cuts), new StreamTextDecoder()), maxChars)) lines.push(line);
  return lines;
}

/** The byte lines, decoded afterwards, in the same shape. */
async function byteLines(bytes: Uint8Array, cuts: readonly number[], maxChars: number): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of splitUtf8Lines(chunksOf(bytes, cuts), maxChars)) {
    if ('bytes' in line) {
      const text = utf8.decode((line as ByteLine).bytes);
      lines.push({ text, number: line.number, length: text.length, tooLong: false });
    } else {
      lines.push(line);
    }
  }
  return lines;
}

describe('splitUtf8Lines', () => {
  it('ends lines at LF, CRLF and a lone CR, also when the break straddles two chunks', async () => {
    const bytes = Buffer.from('{"a":1}\r\n{"b":2}\r{"c":3}\n\n{"d":4}');
    // Cut between the CR and the LF of the first break.
    const lines = await byteLines(bytes, [8], Number.POSITIVE_INFINITY);
    expect(lines.map((line) => [line.number, line.text])).toEqual([[1, '{"a":1}'], [2, '{"b":2}'], [3, '{"c":3}'], [4, ''], [5, '{"d":4}']]);
  });

  it('keeps a line longer in bytes than the limit when its characters fit, and measures one that does not in UTF-16 units', async () => {
    // "é" is two bytes and one character: 30 of them are 60 bytes, 30 characters.
    const accents = 'é'.repeat(30);
    const bytes = Buffer.from(`${accents}\n${'x'.repeat(50)}\nshort`);
    const lines = await byteLines(bytes, [7, 33, 70], 40);
    expect(lines).toEqual([
      { text: accents, number: 1, length: 30, tooLong: false },
      { text: '', number: 2, length: 50, tooLong: true },
      { text: 'short', number: 3, length: 5, tooLong: false },
    ]);
  });

  it('hands lines within the limit over as bytes, without decoding them', async () => {
    const seen: (ByteLine | Line)[] = [];
    for await (const line of splitUtf8Lines(chunksOf(Buffer.from('{"text":"Tehran’s reply"}\n'), [5]))) seen.push(line);
    expect(seen).toHaveLength(1);
    expect('bytes' in seen[0]!).toBe(true);
    expect(Buffer.from((seen[0] as ByteLine).bytes).toString('utf8')).toBe('{"text":"Tehran’s reply"}');
  });

  it('finds the lines the decoded stream has, whatever the bytes and chunking (property)', async () => {
    // Line breaks, multi-byte characters, invalid and truncated UTF-8, all cut anywhere.
    const piece = fc.oneof(
      fc.constantFrom('\n', '\r', '\r\n', '\r\r\n', 'é', '“', '😀', '\u00a0', '{"text":"x"}', ' '),
      fc.string({ maxLength: 6 }),
      fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 30 }),
        fc.array(fc.nat({ max: 120 }), { maxLength: 6 }),
        fc.constantFrom(Number.POSITIVE_INFINITY, 3, 8, 20),
        async (pieces, cuts, maxChars) => {
          // A piece marked raw is its code units as bytes (invalid UTF-8 included), else UTF-8.
          const bytes = Buffer.concat(pieces.map(([text, raw]) => (raw ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8'))));
          // The stream's first chunk must be valid UTF-8 for both readers to read UTF-8.
          if (!isUtf8Start(chunkZero(bytes, cuts))) return;
          expect(await byteLines(bytes, cuts, maxChars)).toEqual(await textLines(bytes, cuts, maxChars));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function chunkZero(bytes: Uint8Array, cuts: readonly number[]): Uint8Array {
  const first = cuts.length ? Math.min(...cuts.map((c) => Math.min(c, bytes.length))) : bytes.length;
  return bytes.subarray(0, first);
}

function isUtf8Start(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff || bytes[0] === 0xfe || bytes[0] === 0xef) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
