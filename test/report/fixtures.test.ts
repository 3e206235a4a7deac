import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OutputRecordSchema } from '../../src/schema/record.js';
import { errorRecord, fixtureRecords } from '../fixtures/records/fixtures.js';

const JSONL = new URL('../fixtures/records/fixtures.jsonl', import.meta.url);

describe('fixture records', () => {
  it('keep fixtures.jsonl in sync with fixtures.ts (UPDATE_FIXTURES=1 rewrites it)', () => {
    const expected = [...fixtureRecords, errorRecord].map((r) => JSON.stringify(r)).join('\n') + '\n';
    if (process.env.UPDATE_FIXTURES) writeFileSync(JSONL, expected);
    expect(readFileSync(JSONL, 'utf8')).toBe(expected);
  });

  it('satisfy the output schema, with every span equal to its text', () => {
    for (const record of fixtureRecords) {
      expect(OutputRecordSchema.safeParse(record).success).toBe(true);
      for (const f of record.findings) expect(record.text.slice(f.start, f.end)).toBe(f.text);
    }
  });
});
