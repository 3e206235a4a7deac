import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeWindows1252, looksBinary, normalizeLineEndings, StreamTextDecoder } from '../../src/input/decode.js';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe('decodeBytes', () => {
  it('reads UTF-8 without a byte order mark and records nothing', () => {
    expect(decodeBytes(Buffer.from('Iran’s envoy'))).toEqual({ text: 'Iran’s envoy', encoding: 'utf-8', repairs: [] });
  });

  it('strips a UTF-8 byte order mark and records it', () => {
    const out = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Talks “stall”')]));
    expect(out.text).toBe('Talks “stall”');
    expect(out.repairs).toEqual([{ kind: 'encoding', note: 'UTF-8 byte order mark removed' }]);
  });

  it('reads UTF-16LE and UTF-16BE with a byte order mark', () => {
    expect(decodeBytes(utf16le('Selm — “port”')).text).toBe('Selm — “port”');
    expect(decodeBytes(utf16be('Selm — “port”')).text).toBe('Selm — “port”');
    expect(decodeBytes(utf16be('x')).repairs[0]?.note).toBe('decoded as UTF-16BE (byte order mark)');
  });

  it('falls back to Windows-1252, including curly quotes and the euro sign in 0x80–0x9F', () => {
    const bytes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x92, 0x20, 0x80, 0x35, 0x20, 0xe9, 0x97]);
    const out = decodeBytes(bytes);
    expect(out.text).toBe('“Hi” ’ €5 é—');
    expect(out.encoding).toBe('windows-1252');
    expect(out.repairs).toEqual([{ kind: 'encoding', note: 'not valid UTF-8; decoded as Windows-1252' }]);
  });

  it('uses a declared charset for bytes that are not UTF-8', () => {
    expect(decodeBytes(Buffer.from([0x93, 0x41, 0x94]), { fallback: 'iso-8859-1' }).text).toBe('“A”');
  });

  it('tells binary from UTF-16', () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))).toBe(true);
    expect(looksBinary(utf16le('text'))).toBe(false);
    expect(looksBinary(Buffer.from('plain text'))).toBe(false);
  });

  it('decodes Windows-1252 for every byte without throwing', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(decodeWindows1252(all)).toHaveLength(256);
  });
});

describe('normalizeLineEndings', () => {
  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeLineEndings('a\r\nb\rc\nd\r\n\r\ne')).toBe('a\nb\nc\nd\n\ne');
  });
});

describe('StreamTextDecoder', () => {
  it('gives the same text as decoding at once, wherever the chunks are cut', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (text, cuts, crlf) => {
      const source = crlf ? text.replace(/\n/g, '\r\n') : text;
      const bytes = Buffer.from(source);
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const decoder = new StreamTextDecoder();
      let out = '';
      let last = 0;
      for (const point of points) {
        out += decoder.decode(bytes.subarray(last, point));
        last = point;
      }
      out += decoder.decode(bytes.subarray(last), true);
      expect(out).toBe(normalizeLineEndings(source));
    }), { numRuns: 300 });
  });
});
