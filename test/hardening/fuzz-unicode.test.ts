/**
 * Fuzzing the analyzer over hostile Unicode: whatever the text, the analyzer returns a
 * record (no throw), and every offset in it is valid with `text.slice(start, end) ===
 * finding.text`. Runs through `createArticleAnalyzer` directly (bodies, pre-structured
 * parts and metadata) and through the file readers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Part } from '../../src/input/article.js';
import { BlockKindSchema } from '../../src/schema/record.js';
import { hostileArticleText, hostileText, fuzzRuns } from './arbitraries.js';
import { articleFromBody, articleFromParts, bundledAnalyzer, readAndAnalyze, outputProblems, recordProblems, tempDir } from './helpers.js';

const analyze = bundledAnalyzer();
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('hostile Unicode through createArticleAnalyzer', () => {
  it('plain-text bodies: no throw, every span valid', () => {
    fc.assert(
      fc.property(hostileArticleText(), (body) => {
        const record = analyze(articleFromBody(body));
        expect(recordProblems(record)).toEqual([]);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('pre-structured parts of every kind (HTML and JSON readers produce these)', () => {
    const part: fc.Arbitrary<Part> = fc.record({ kind: fc.constantFrom(...BlockKindSchema.options), text: hostileText(40) });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }), (parts) => {
        const record = analyze(articleFromParts(parts));
        expect(recordProblems(record)).toEqual([]);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('hostile metadata (title, byline, outlet, url, published) next to a hostile body', () => {
    const nullable = fc.option(hostileText(15), { nil: null });
    fc.assert(
      fc.property(hostileArticleText(), nullable, nullable, nullable, nullable, nullable, (body, title, byline, outlet, url, published) => {
        const record = analyze(articleFromBody(body, { title, byline, outlet, url, published }));
        expect(recordProblems(record)).toEqual([]);
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it('the damaged-quote shapes of saved state media, at random', () => {
    const piece = fc.constantFrom('Irans', 'malicious,”', '“terrorist”', 'destabilizing”', ' actions', ',” he pointed out.', '”', '“', ' said', '.', ' ', '\n\n', 'Washingtons', 'evil acts');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), (pieces) => {
        const record = analyze(articleFromBody(pieces.join('')));
        expect(recordProblems(record)).toEqual([]);
        for (const quote of record.quotes) expect(quote.start).toBeLessThanOrEqual(quote.end);
      }),
      { numRuns: fuzzRuns(200) },
    );
  });

  it('a record built from a body with no text at all is still well-formed', () => {
    for (const body of ['', ' ', '\n\n\n', '\u0000', '\uFEFF', '\u200B\u200B', '”', '“']) {
      expect(recordProblems(analyze(articleFromBody(body)))).toEqual([]);
    }
  });
});

describe('hostile Unicode through the readers', () => {
  it('a .txt file of hostile text gives exactly one sound record', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostileArticleText(), async (body) => {
        const file = join(tmp.dir, `u${n++}.txt`);
        writeFileSync(file, body, 'utf8');
        const records = await readAndAnalyze([file]);
        expect(records).toHaveLength(1);
        expect(outputProblems(records[0]!)).toEqual([]);
      }),
      { numRuns: fuzzRuns(60) },
    );
  });

  it('a JSONL file whose lines carry hostile text gives one sound record per line', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ title: hostileText(10), text: hostileArticleText() }), { minLength: 1, maxLength: 6 }), async (rows) => {
        const file = join(tmp.dir, `u${n++}.jsonl`);
        // JSON.stringify escapes lone surrogates (well-formed JSON.stringify), so each line stays one line.
        writeFileSync(file, rows.map((row, i) => JSON.stringify({ id: `r${i}`, ...row })).join('\n') + '\n', 'utf8');
        const records = await readAndAnalyze([file]);
        expect(records).toHaveLength(rows.length);
        for (const record of records) expect(outputProblems(record)).toEqual([]);
      }),
      { numRuns: fuzzRuns(40) },
    );
  });
});
