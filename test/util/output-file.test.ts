import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countCompleteLines, openFileSink } from '../../src/util/output-file.js';

function tempFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'framelens-out-')), name);
}

describe('openFileSink', () => {
  it('writes to a .partial file and renames it only when finished', async () => {
    const path = tempFile('out.jsonl');
    const { sink } = openFileSink(path, { force: false, resume: false, headerLines: 0 });
    await sink.write('{"a":1}\n');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(true);
    await sink.finish();
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('resumes after the last complete line and drops a torn one', async () => {
    const path = tempFile('out.csv');
    writeFileSync(`${path}.partial`, 'id,score\n1,2\n2,3\n3,');
    const { sink, recordsDone } = openFileSink(path, { force: false, resume: true, headerLines: 1 });
    expect(recordsDone).toBe(2);
    await sink.write('3,4\n');
    await sink.finish();
    expect(readFileSync(path, 'utf8')).toBe('id,score\n1,2\n2,3\n3,4\n');
  });
});

describe('countCompleteLines', () => {
  it('counts newline-terminated lines and truncates the rest', () => {
    const path = tempFile('x.jsonl');
    writeFileSync(path, 'a\nb\nc');
    expect(countCompleteLines(path)).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('a\nb\n');
  });
});

describe('countCompleteLines on CSV', () => {
  it('counts records, not physical lines, when quoted fields hold line breaks', () => {
    const path = tempFile('x.csv');
    writeFileSync(path, 'id,title\n1,"two\nlines"\n2,"say ""hi""\nthere"\n3,"torn');
    expect(countCompleteLines(path, { csv: true })).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe('id,title\n1,"two\nlines"\n2,"say ""hi""\nthere"\n');
  });
});
