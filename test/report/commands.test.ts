import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateCommand } from '../../src/cli/commands/aggregate.js';
import { compareCommand } from '../../src/cli/commands/compare.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { UsageError, type CliIO, type Command } from '../../src/cli/io.js';
import { buildReport } from '../../src/report/build-report.js';
import { parseGroupBy } from '../../src/aggregate/group-key.js';
import { openReportFolder } from '../../src/report/write-files.js';
import type { OutputRecord } from '../../src/schema/record.js';
import { collidingRecords, errorRecord, fixtureRecords, stateMediaRecord, wireRecord } from '../fixtures/records/fixtures.js';
import { rmSync } from 'node:fs';

const work = mkdtempSync(join(tmpdir(), 'framelens-report-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function jsonl(name: string, records: readonly OutputRecord[]): string {
  const path = join(work, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

async function run(command: Command, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const io: CliIO = { stdout: out, stderr: err, stdin: new PassThrough(), cwd: work, stderrIsTTY: false };
  const status = await command.run(args, io);
  return { status, stdout, stderr };
}

const all: OutputRecord[] = [...fixtureRecords, ...collidingRecords, errorRecord];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('framelens report', () => {
  it('writes a dashboard, a page per article with safe names, and CSVs; prints only the index path', async () => {
    const input = jsonl('all.jsonl', all);
    const { status, stdout, stderr } = await run(reportCommand, [input, '-o', 'out1']);
    expect(status).toBe(1);
    const dir = join(work, 'out1');
    expect(stdout).toBe(`${join(dir, 'index.html')}\n`);
    expect(stderr).toBe('framelens: 8 records: 7 analyzed, 1 failed; 7 article pages\n');
    expect(listFiles(dir)).toEqual([
      'actor-labels.csv',
      'articles',
      'articles.csv',
      'articles/_CON.html',
      'articles/_con.html.html',
      'articles/a_b-2.html',
      'articles/a_b.html',
      'articles/etc_passwd.html',
      'articles/nbw-88213.html',
      'articles/tc-2026-0412.html',
      'distinctive-words.csv',
      'groups.csv',
      'index.html',
    ]);
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(index).toContain('"tc-2026-0412.html"');
    expect(index).toContain('1</b> record could not be analysed');
    // The dashboard lists articles but holds none of their text.
    expect(index).not.toContain('brotherly nations');
    expect(readFileSync(join(dir, 'articles.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,title,outlet,outlet,published/u);
  });

  it('refuses to overwrite an earlier report without --force, and overwrites with it', async () => {
    const input = jsonl('two.jsonl', [stateMediaRecord, wireRecord]);
    expect((await run(reportCommand, [input, '-o', 'out2'])).status).toBe(0);
    await expect(run(reportCommand, [input, '-o', 'out2'])).rejects.toThrow(/already holds a report.*--force/u);
    const first = readFileSync(join(work, 'out2', 'articles', 'tc-2026-0412.html'), 'utf8');
    const firstIndex = readFileSync(join(work, 'out2', 'index.html'), 'utf8');
    expect((await run(reportCommand, [input, '-o', 'out2', '--force'])).status).toBe(0);
    expect(readFileSync(join(work, 'out2', 'index.html'), 'utf8')).toBe(firstIndex);
    // Deterministic: the same input gives the same bytes.
    expect(readFileSync(join(work, 'out2', 'articles', 'tc-2026-0412.html'), 'utf8')).toBe(first);
    expect(listFiles(join(work, 'out2')).some((f) => f.includes('.partial'))).toBe(false);
  });

  it('reads the JSON array written by analyze --format json', async () => {
    const path = join(work, 'records.json');
    writeFileSync(path, `[\n${JSON.stringify(stateMediaRecord)},\n${JSON.stringify(wireRecord)}\n]\n`);
    const { status, stderr } = await run(reportCommand, [path, '-o', 'from-json']);
    expect(status).toBe(0);
    expect(stderr).toContain('2 records: 2 analyzed, 0 failed');
  });

  it('analyses plain article inputs on the fly', async () => {
    const path = join(work, 'draft.txt');
    writeFileSync(path, 'Harbour talks resume\n\nOfficials from both ports met on Monday to discuss the harbour agreement, a spokesman said.\n');
    const { status, stdout } = await run(reportCommand, [path, '-o', 'raw', '-j', '1']);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe(join(work, 'raw', 'index.html'));
    expect(listFiles(join(work, 'raw', 'articles'))).toHaveLength(1);
  });

  it('explains what is missing', async () => {
    await expect(run(reportCommand, [])).rejects.toThrow(UsageError);
    await expect(run(reportCommand, ['x.jsonl'])).rejects.toThrow(/-o DIR is required/u);
  });

  it('counts lines that are not valid records as failures', async () => {
    const path = join(work, 'broken.jsonl');
    writeFileSync(path, `${JSON.stringify(wireRecord)}\n{"schema":"framelens/analysis@1","id":3}\nnot json\n`);
    const { status, stderr } = await run(reportCommand, [path, '-o', 'out3']);
    expect(status).toBe(1);
    expect(stderr).toContain('3 records: 1 analyzed, 2 failed');
  });

  it('shares one Chart.js file between pages in large reports', async () => {
    const records = Array.from({ length: 4 }, (_, i) => ({ ...wireRecord, id: `w${i}` }));
    async function* items() {
      for (const record of records) yield { kind: 'record' as const, record };
    }
    const folder = openReportFolder(join(work, 'out4'));
    const result = await buildReport(items(), folder, { by: parseGroupBy('outlet'), title: 't', articlePages: true, inlineLimit: 2 });
    expect(result.pages).toBe(4);
    expect(existsSync(join(work, 'out4', 'assets', 'chart.umd.min.js'))).toBe(true);
    const page = readFileSync(join(work, 'out4', 'articles', 'w0.html'), 'utf8');
    expect(page).toContain('<script src="../assets/chart.umd.min.js"></script>');
    expect(page).toContain('<script src="../assets/report.js"></script>');
    expect(page).toContain('<link rel="stylesheet" href="../assets/report.css">');
    for (const asset of ['report.js', 'report.css']) expect(existsSync(join(work, 'out4', 'assets', asset))).toBe(true);
    const csp = parseHTML(page).document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toMatch(/script-src 'self'; style-src 'self';/u);
    // Linked pages carry no inline code at all.
    expect(page).not.toMatch(/<script>|<style>/u);
    expect(page.length).toBeLessThan(30_000);
  });
});

describe('framelens compare', () => {
  it('groups by month, with no article pages', async () => {
    const input = jsonl('cmp.jsonl', all);
    const { status, stdout } = await run(compareCommand, [input, '--by', 'month', '-o', 'cmp']);
    expect(status).toBe(1);
    expect(stdout.trim()).toBe(join(work, 'cmp', 'index.html'));
    const html = readFileSync(join(work, 'cmp', 'index.html'), 'utf8');
    expect(html).toContain('<h1>framelens comparison by month</h1>');
    expect(html).toContain('>2026-04<');
    expect(existsSync(join(work, 'cmp', 'articles'))).toBe(false);
  });

  it('rejects an unknown grouping', async () => {
    await expect(run(compareCommand, ['x', '--by', 'colour', '-o', 'c'])).rejects.toThrow(/--by must be/u);
  });
});

describe('framelens aggregate', () => {
  it('merges shard aggregates into the same bytes as the whole corpus', async () => {
    const whole = jsonl('whole.jsonl', all);
    const shardA = jsonl('a.jsonl', all.filter((_, i) => i % 3 === 0));
    const shardB = jsonl('b.jsonl', all.filter((_, i) => i % 3 !== 0));
    expect((await run(aggregateCommand, [whole, '-o', 'whole.agg.jsonl'])).status).toBe(1);
    await run(aggregateCommand, [shardA, '-o', 'a.agg.jsonl']);
    await run(aggregateCommand, [shardB, '-o', 'b.agg.jsonl']);
    const merged = await run(aggregateCommand, [join(work, 'b.agg.jsonl'), join(work, 'a.agg.jsonl')]);
    expect(merged.stderr).toContain('8 records: 7 analyzed, 1 failed');
    expect(merged.stdout).toBe(readFileSync(join(work, 'whole.agg.jsonl'), 'utf8'));
  });

  it('shards analysis files with --shard i/n, and the shards merge into the whole', async () => {
    const whole = jsonl('whole3.jsonl', all);
    await run(aggregateCommand, [whole, '-o', 'w3.agg.jsonl']);
    for (const i of [0, 1, 2]) await run(aggregateCommand, [whole, '--shard', `${i}/3`, '-o', `w3-${i}.agg.jsonl`]);
    const part = readFileSync(join(work, 'w3-0.agg.jsonl'), 'utf8');
    expect(part).not.toBe(readFileSync(join(work, 'w3.agg.jsonl'), 'utf8'));
    const merged = await run(aggregateCommand, [0, 1, 2].map((i) => join(work, `w3-${i}.agg.jsonl`)));
    expect(merged.stdout).toBe(readFileSync(join(work, 'w3.agg.jsonl'), 'utf8'));
  });

  it('feeds report and compare, which then show groups but no article list', async () => {
    const whole = jsonl('whole2.jsonl', all);
    await run(aggregateCommand, [whole, '-o', 'w2.agg.jsonl']);
    const { status } = await run(compareCommand, [join(work, 'w2.agg.jsonl'), '-o', 'from-agg']);
    expect(status).toBe(1);
    const html = readFileSync(join(work, 'from-agg', 'index.html'), 'utf8');
    expect(html).toContain('Tehran Courier');
    expect(html).not.toContain('id="articles"');
    await expect(run(compareCommand, [join(work, 'w2.agg.jsonl'), '--by', 'year', '-o', 'bad'])).rejects.toThrow(/grouped by outlet/u);
  });
});
