import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexiconError, loadLexicons } from '../../src/lexicon/load.js';

function writeLexicon(dir: string, name: string, body: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
}

describe('loadLexicons', () => {
  it('loads every bundled kind and records versions', () => {
    const set = loadLexicons();
    expect(Object.keys(set).sort()).toEqual(['abbreviations', 'entities', 'loaded-terms', 'outlets', 'speech-verbs', 'text-cleaning']);
  });

  it('names the file and reason when a user lexicon is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-lex-'));
    const file = writeLexicon(dir, 'broken.json', '{ "id": ');
    expect(() => loadLexicons({ extraFiles: [file] })).toThrow(/broken\.json: not valid JSON/);
  });

  it('rejects an unknown kind by naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-lex-'));
    const file = writeLexicon(dir, 'mine.json', { id: 'mine', kind: 'nonsense', version: '1', entries: [] });
    try {
      loadLexicons({ extraFiles: [file] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LexiconError);
      expect((error as LexiconError).problems[0]).toMatchObject({ field: 'kind' });
    }
  });
});
