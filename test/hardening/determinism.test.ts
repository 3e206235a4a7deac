/**
 * Determinism: the same article gives byte-identical JSON however often, by whichever
 * analyzer instance, and whatever was analysed before it (no state leaks between
 * articles, which is what makes output identical across worker counts). The CLI-level
 * check (runs and worker counts) is in `cli.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { createArticleAnalyzer } from '../../src/pipeline/analyze-article.js';
import { hostileArticleText, fuzzRuns } from './arbitraries.js';
import { articleFromBody, bundledAnalyzer, readAndAnalyze, repoRoot } from './helpers.js';

const analyze = bundledAnalyzer();
const seedLike = readFileSync(join(repoRoot, 'examples', 'articles', 'alborz-daily-convoy-strike.txt'), 'utf8');

describe('determinism', () => {
  it('the same article twice, and by a second analyzer instance: byte-identical JSON', () => {
    const other = createArticleAnalyzer(loadLexicons());
    const first = JSON.stringify(analyze(articleFromBody(seedLike)));
    expect(JSON.stringify(analyze(articleFromBody(seedLike)))).toBe(first);
    expect(JSON.stringify(other(articleFromBody(seedLike)))).toBe(first);
  });

  it('no state leaks between articles: a record does not depend on what was analysed before (property)', () => {
    fc.assert(
      fc.property(hostileArticleText(), hostileArticleText(), (a, b) => {
        const alone = JSON.stringify(analyze(articleFromBody(a)));
        analyze(articleFromBody(b));
        analyze(articleFromBody(seedLike));
        expect(JSON.stringify(analyze(articleFromBody(a)))).toBe(alone);
      }),
      { numRuns: fuzzRuns(100) },
    );
  });

  it('reading the demo corpus twice gives identical records', async () => {
    const inputs = [join(repoRoot, 'examples', 'articles'), join(repoRoot, 'examples', 'stories.csv'), join(repoRoot, 'examples', 'feed.jsonl')];
    const first = JSON.stringify(await readAndAnalyze(inputs));
    expect(JSON.stringify(await readAndAnalyze(inputs))).toBe(first);
  });

  it('key order is stable: findings sorted by start, end, rule in every example', async () => {
    const records = await readAndAnalyze([join(repoRoot, 'examples', 'stories.csv')]);
    for (const record of records) {
      if (!('findings' in record)) continue;
      const sorted = [...record.findings].sort((x, y) => x.start - y.start || x.end - y.end || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0));
      expect(record.findings.map((f) => f.id)).toEqual(sorted.map((f) => f.id));
    }
  });
});
