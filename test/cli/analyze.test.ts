import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { AnalysisRecordSchema, ErrorRecordSchema, OutputRecordSchema } from '../../src/schema/record.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(root, 'test', 'fixtures', 'cli');
const articlesJsonl = join(fixtures, 'articles.jsonl');
const binary = join(root, 'dist', 'cli', 'main.js');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd = root): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const status = await runCli(args, { stdout, stderr, stdin: new PassThrough(), cwd, stderrIsTTY: false });
  return { status, stdout: out, stderr: err };
}

function jsonLines(text: string): unknown[] {
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
}

describe('framelens analyze (in process)', () => {
  it('writes one record per input record, in order, with errors in place', async () => {
    const result = await run(['analyze', articlesJsonl, '-j', '1']);
    expect(result.status).toBe(1);
    const records = jsonLines(result.stdout).map((line) => OutputRecordSchema.parse(line));
    expect(records.map((r) => r.source)).toEqual([1, 2, 3, 4, 5, 6].map((line) => `${articlesJsonl}:${line}`));
    expect(records.map((r) => r.schema)).toEqual([
      'framelens/analysis@1', 'framelens/analysis@1', 'framelens/error@1', 'framelens/error@1', 'framelens/analysis@1', 'framelens/analysis@1',
    ]);
    expect(ErrorRecordSchema.parse(records[3]).error.code).toBe('invalid-json');
    expect(result.stderr).toContain('6 records: 4 analyzed, 2 failed');
  });

  it('records the tool and lexicon versions in every analysis', async () => {
    const result = await run(['analyze', join(fixtures, 'plain-article.txt')]);
    expect(result.status).toBe(0);
    const record = AnalysisRecordSchema.parse(jsonLines(result.stdout)[0]);
    expect(record.meta.framelens).toMatch(/^\d+\.\d+\.\d+/);
    expect(record.meta.lexicons.map((l) => l.id)).toContain('loaded-terms');
    expect(record.published).toBe('2025-03-03T09:15:00Z');
  });

  it('writes CSV with a header and one row per record', async () => {
    const result = await run(['analyze', articlesJsonl, '--format', 'csv', '-j', '1']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id,source,outlet,title,/);
    expect(lines).toHaveLength(7);
  });

  it('writes a JSON array', async () => {
    const result = await run(['analyze', articlesJsonl, '--format', 'json', '-j', '1']);
    const parsed = JSON.parse(result.stdout) as unknown[];
    expect(parsed).toHaveLength(6);
  });

  it('splits input into disjoint shards that cover it', async () => {
    const all = jsonLines((await run(['analyze', articlesJsonl, '-j', '1'])).stdout) as { source: string }[];
    const first = jsonLines((await run(['analyze', articlesJsonl, '--shard', '0/2', '-j', '1'])).stdout) as { source: string }[];
    const second = jsonLines((await run(['analyze', articlesJsonl, '--shard', '1/2', '-j', '1'])).stdout) as { source: string }[];
    expect([...first, ...second].map((r) => r.source).sort()).toEqual(all.map((r) => r.source).sort());
    expect(first.map((r) => r.source)).toEqual([1, 3, 5].map((line) => `${articlesJsonl}:${line}`));
  });

  it('resumes an interrupted run without analysing a record twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-cli-'));
    const full = join(dir, 'full.jsonl');
    expect((await run(['analyze', articlesJsonl, '-o', full, '-j', '1'])).status).toBe(1);
    const complete = readFileSync(full, 'utf8');
    const lines = complete.split('\n');
    // A killed run: two complete lines and half of the third.
    const out = join(dir, 'out.jsonl');
    writeFileSync(`${out}.partial`, `${lines[0]}\n${lines[1]}\n${lines[2]!.slice(0, 20)}`);
    const resumed = await run(['analyze', articlesJsonl, '-o', out, '--resume', '-j', '1']);
    expect(resumed.stderr).toContain('2 already in');
    expect(readFileSync(out, 'utf8')).toBe(complete);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('refuses to overwrite an existing output without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-cli-'));
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, 'keep me\n');
    const result = await run(['analyze', articlesJsonl, '-o', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/already exists; pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
  });

  it.each([
    [['analyze'], /no inputs given/],
    [['analyze', 'x.txt', '--format', 'yaml'], /--format must be one of/],
    [['analyze', 'x.txt', '--shard', '3/2'], /--shard takes I\/N/],
    [['analyze', 'x.txt', '--workers', 'many'], /--workers takes a positive whole number/],
    [['analyze', 'x.txt', '--frobnicate'], /Unknown option/],
    [['nonsense'], /unknown command "nonsense"/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const result = await run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the file, entry and field of a broken user lexicon and analyses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-cli-'));
    const lexicon = join(dir, 'my-terms.json');
    writeFileSync(lexicon, JSON.stringify({ id: 'my-terms', kind: 'loaded-terms', version: '1', entries: [{ id: 'x', weight: 'heavy' }] }));
    const result = await run(['analyze', articlesJsonl, '--lexicon', lexicon]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/my-terms\.json, entry 0 \("x"\), field "/);
  });

  it('prints the analysis record JSON Schema', async () => {
    const result = await run(['schema']);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schema', 'id', 'text', 'findings', 'quotes', 'voices', 'provenance', 'meta']));
  });
});

describe('the framelens binary', () => {
  beforeAll(() => {
    // The binary runs from dist/: build it so these tests exercise the current source.
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'ignore' });
    } catch {
      // Type errors still emit JavaScript; the checks below fail if the build did not.
    }
  }, 120_000);

  it('keeps stdout pure JSONL and gives byte-identical output with 1 and 2 workers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framelens-bin-'));
    const input = join(dir, 'many.jsonl');
    const lines = readFileSync(articlesJsonl, 'utf8').trimEnd().split('\n');
    // Enough records for several batches in each worker.
    writeFileSync(input, `${Array.from({ length: 40 }, () => lines.join('\n')).join('\n')}\n`);
    const one = spawnSync(process.execPath, [binary, 'analyze', input, '-j', '1'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const two = spawnSync(process.execPath, [binary, 'analyze', input, '-j', '2'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const records = jsonLines(one.stdout);
    expect(records).toHaveLength(240);
    expect(one.stderr).toContain('240 records: 160 analyzed, 80 failed');
  });

  it('reads JSONL on standard input, as a streaming mapper', () => {
    const input = readFileSync(articlesJsonl, 'utf8');
    const result = spawnSync(process.execPath, [binary, 'analyze', '-', '-j', '1'], { input, encoding: 'utf8' });
    expect(jsonLines(result.stdout)).toHaveLength(6);
  });
});
