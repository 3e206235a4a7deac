/**
 * The demo corpus in `examples/` is what a newcomer runs first (`npm start`), so it must
 * load cleanly: the example user lexicon validates, and every example article yields an
 * analysis record (not an error record) with the outlet taken from its metadata.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/input/read-inputs.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { analyzeInputs } from '../../src/pipeline/run-analysis.js';
import { ANALYSIS_SCHEMA_ID, type OutputRecord } from '../../src/schema/record.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const articleFiles = [
  'articles/alborz-daily-convoy-strike.txt',
  'articles/alborz-daily-summit.txt',
  'articles/alborz-daily-sanctions-vote.txt',
  'articles/volga-international-sanctions-vote.txt',
  'articles/meridian-wire-militias-vow-response.txt',
  'articles/vigilant-watch-convoy-strike.html',
  'stories.csv',
  'feed.jsonl',
].map((file) => examples + file);

async function collect(inputs: readonly string[]): Promise<OutputRecord[]> {
  const out: OutputRecord[] = [];
  for await (const record of analyzeInputs(inputs, { workers: 1 })) out.push(record);
  return out;
}

describe('examples/', () => {
  it('the example user lexicon loads over the bundled ones', () => {
    const set = loadLexicons({ extraFiles: [examples + 'lexicons/my-terms.json'] });
    const ids = set['loaded-terms'].entries.map((entry) => entry.id);
    expect(ids).toContain('my-vassal');
    expect(ids).toContain('my-kiev-regime');
    expect(set['loaded-terms'].version).toContain('my-terms@2025.03.1');
  });

  it('reads 15 articles: 5 text, 1 HTML, 7 CSV rows, 2 JSONL lines', async () => {
    let count = 0;
    for await (const item of readInputs(articleFiles)) {
      expect(item.kind).toBe('article');
      count += 1;
    }
    expect(count).toBe(15);
  });

  it('analyzes every example into an analysis record with outlets from metadata', async () => {
    const records = await collect(articleFiles);
    expect(records).toHaveLength(15);
    for (const record of records) expect(record.schema).toBe(ANALYSIS_SCHEMA_ID);
    const outlets = new Set(records.map((record) => ('outlet' in record ? record.outlet : null)));
    for (const outlet of ['Meridian Wire', 'The Lakeshore Courier', 'The Vigilant Watch', 'Volga International']) {
      expect(outlets).toContain(outlet);
    }
  });
});
