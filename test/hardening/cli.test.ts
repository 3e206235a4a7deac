/**
 * The built binary under hostile use: bad inputs become error records in place (never a
 * stack trace), the final count reconciles, exit codes follow the contract, limits give
 * error records rather than hangs, output files are never half-written or overwritten
 * without `--force`, `--resume` loses nothing, and output is byte-identical across runs
 * and worker counts. Needs `npm run build` (the CI runs `npm ci`, which builds).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_SCHEMA_ID, ERROR_SCHEMA_ID, type ErrorRecord, type OutputRecord } from '../../src/schema/record.js';
import { cliBuilt, cliPath, outputProblems, parseJsonl, repoRoot, runCli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const STATE_ARTICLE = join(repoRoot, 'examples', 'articles', 'alborz-daily-convoy-strike.txt');
const BODY = 'BAGHDAD (Meridian Wire) - Officials said on Monday that the convoy was hit near al-Qaim.\n\n“We will respond,” a spokesman said.';

function file(name: string, content: string | Buffer): string {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
}

const STACK = /\n\s+at [^\n]+:\d+:\d+/;
const COUNT_LINE = /(\d+) records: (\d+) analyzed, (\d+) failed/;

function errorCodes(records: OutputRecord[]): string[] {
  return records.filter((r): r is ErrorRecord => r.schema === ERROR_SCHEMA_ID).map((r) => r.error.code);
}

describe('framelens analyze (built binary)', () => {
  it('is built', () => {
    expect(cliBuilt, `${cliPath} is missing: run npm run build`).toBe(true);
  });

  it('one clean record: exit 0, stdout is JSONL and nothing else, the count on stderr', async () => {
    const result = await runCli(['analyze', STATE_ARTICLE, '-j', '1']);
    expect(result.status).toBe(0);
    const records = parseJsonl(result.stdout);
    expect(records).toHaveLength(1);
    expect(records[0]!.schema).toBe(ANALYSIS_SCHEMA_ID);
    expect(outputProblems(records[0]!)).toEqual([]);
    expect(result.stderr).toMatch(COUNT_LINE);
  });

  it('missing, binary, empty and broken inputs: an error record each, in place; exit 1; count reconciles', async () => {
    const good = file('good.txt', BODY);
    const missing = join(tmp.dir, 'no-such-file.txt');
    const binary = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const empty = file('empty.txt', '');
    const jsonl = file('mixed.jsonl', [JSON.stringify({ id: 'j1', text: BODY }), '{"id": "j2", "text": "unterminated', JSON.stringify({ id: 'j3' }), JSON.stringify({ id: 'j4', text: BODY })].join('\n') + '\n');
    const csv = file('mixed.csv', `id,title,text\nc1,One,"${BODY.replace(/"/g, '""')}"\nc2,No text,\n`);
    const result = await runCli(['analyze', good, missing, binary, empty, jsonl, csv, '-j', '1']);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(STACK);
    const records = parseJsonl(result.stdout);
    // 1 + 1 + 1 + 1 + 4 JSONL lines + 2 CSV rows
    expect(records).toHaveLength(10);
    for (const record of records) expect(outputProblems(record)).toEqual([]);
    expect(records.map((r) => r.schema === ANALYSIS_SCHEMA_ID)).toEqual([true, false, false, false, true, false, false, true, true, false]);
    expect(errorCodes(records)).toEqual(['not-found', 'binary', 'empty', 'invalid-json', 'no-text', 'no-text']);
    expect(records[5]!.source).toMatch(/mixed\.jsonl:2$/);
    const [, total, analyzed, failed] = COUNT_LINE.exec(result.stderr) ?? [];
    expect([Number(total), Number(analyzed), Number(failed)]).toEqual([10, 4, 6]);
  });

  it('--max-article-bytes: an oversized article is a too-large error record, the others go on', async () => {
    const big = file('big.txt', `${BODY}\n\n${'Officials said the talks would resume. '.repeat(500)}`);
    const jsonl = file('big.jsonl', [JSON.stringify({ id: 'small', text: BODY }), JSON.stringify({ id: 'huge', text: 'word '.repeat(10_000) }), JSON.stringify({ id: 'small2', text: BODY })].join('\n'));
    const result = await runCli(['analyze', big, jsonl, '--max-article-bytes', '5000', '-j', '1']);
    expect(result.status).toBe(1);
    const records = parseJsonl(result.stdout);
    expect(records.map((r) => r.schema === ANALYSIS_SCHEMA_ID)).toEqual([false, true, false, true]);
    expect(errorCodes(records)).toEqual(['too-large', 'too-large']);
  });

  it('usage errors: exit 2, nothing on stdout, no stack trace', async () => {
    for (const args of [['analyze'], ['analyze', STATE_ARTICLE, '--format', 'xml'], ['analyze', STATE_ARTICLE, '--workers', 'many'], ['analyze', STATE_ARTICLE, '--no-such-flag'], ['analyze', STATE_ARTICLE, '--shard', '3/2'], ['no-such-command']]) {
      const result = await runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr).not.toMatch(STACK);
    }
  });

  it('a broken --lexicon: exit 2, nothing analysed, the message names file, entry and field', async () => {
    const lexicon = file('broken-terms.json', JSON.stringify({ id: 'broken', kind: 'loaded-terms', version: '1', entries: [{ id: 'my-term', match: ['tyrant'], category: 'demonizing', weight: 9, polarity: 'negative', pos: 'noun', note: 'x', source: 'x' }] }));
    const result = await runCli(['analyze', STATE_ARTICLE, '--lexicon', lexicon, '-j', '1']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('broken-terms.json');
    expect(result.stderr).toContain('"my-term"');
    expect(result.stderr).toContain('weight');
    expect(result.stderr).not.toMatch(STACK);
    const registry = file('broken-registry.json', JSON.stringify({ id: 'my-registry', kind: 'outlets', version: '1', entries: [{ id: 'caspian-state-news', name: 'Caspian State News', country: 'Caspia', type: 'state-run', stateAffiliated: 'yes', kind: 'outlet', source: 'x', asOf: '2025' }] }));
    const withRegistry = await runCli(['analyze', STATE_ARTICLE, '--registry', registry, '-j', '1']);
    expect(withRegistry.status).toBe(2);
    expect(withRegistry.stdout).toBe('');
    expect(withRegistry.stderr).toContain('broken-registry.json');
    expect(withRegistry.stderr).toContain('"caspian-state-news"');
    expect(withRegistry.stderr).toMatch(/field "type"/);
    expect(withRegistry.stderr).toMatch(/field "stateAffiliated"/);
  });

  it('standard input (-): JSONL records, one per line', async () => {
    const input = [JSON.stringify({ id: 's1', text: BODY }), JSON.stringify({ id: 's2', text: BODY })].join('\n') + '\n';
    const result = await runCli(['analyze', '-', '-j', '1'], { input });
    expect(result.status).toBe(0);
    expect(parseJsonl(result.stdout).map((r) => r.id)).toEqual(['s1', 's2']);
  });
});

describe('inputs that never end', () => {
  it('a pipe that keeps sending text stops at --max-article-bytes with a too-large error record (a FIFO or device has no size to check up front)', async () => {
    const fifo = join(tmp.dir, 'endless.txt');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.on('error', () => {});
    // 2 MB now, and the pipe stays open: a reader that waits for the end waits forever.
    const line = 'Officials said on Monday that the talks would resume. '.repeat(20) + '\n';
    const feeding = setInterval(() => writer.write(line), 50);
    for (let i = 0; i < 2_000; i++) writer.write(line);
    try {
      const result = await runCli(['analyze', fifo, '--max-article-bytes', '100000', '-j', '1'], { timeoutMs: 10_000 });
      expect(result.signal).toBeNull();
      expect(errorCodes(parseJsonl(result.stdout))).toEqual(['too-large']);
    } finally {
      clearInterval(feeding);
      writer.destroy();
    }
  }, 30_000);
});

describe('output files', () => {
  const input = () => file(`in-${Math.random().toString(36).slice(2)}.jsonl`, Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `${BODY} Paragraph ${i}.` })).join('\n') + '\n');

  it('an existing output is not overwritten without --force', async () => {
    const out = file('existing.jsonl', 'precious\n');
    const refused = await runCli(['analyze', input(), '-o', out, '-j', '1']);
    expect(refused.status).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('precious\n');
    const forced = await runCli(['analyze', input(), '-o', out, '--force', '-j', '1']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(parseJsonl(readFileSync(out, 'utf8'))).toHaveLength(6);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('--resume after a run killed mid-line: every record exactly once, in order', async () => {
    const source = input();
    const full = await runCli(['analyze', source, '-j', '1']);
    const lines = full.stdout.split('\n').filter(Boolean);
    const out = join(tmp.dir, 'resumed.jsonl');
    // What a killed run leaves: two complete lines and half of the third, under the .partial name.
    writeFileSync(`${out}.partial`, `${lines[0]}\n${lines[1]}\n${lines[2]!.slice(0, 40)}`);
    const resumed = await runCli(['analyze', source, '-o', out, '--resume', '-j', '1']);
    expect(resumed.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(full.stdout);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('--resume of CSV output whose fields hold newlines skips exactly the rows already written (records, not physical lines)', async () => {
    const source = file('titles.jsonl', Array.from({ length: 4 }, (_, i) => JSON.stringify({ id: `t${i}`, title: `Line one\nline two, "quoted" ${i}`, text: BODY })).join('\n') + '\n');
    const full = await runCli(['analyze', source, '--format', 'csv', '-j', '1']);
    expect(full.status).toBe(0);
    const out = join(tmp.dir, 'resumed.csv');
    const complete = full.stdout.slice(0, full.stdout.indexOf('\n', full.stdout.indexOf('t1')) + 1);
    writeFileSync(`${out}.partial`, complete);
    const resumed = await runCli(['analyze', source, '-o', out, '--resume', '-j', '1']);
    expect(resumed.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(full.stdout);
  });
});

describe('a run killed half-way', () => {
  it('leaves only FILE.partial (never a complete-looking FILE), and --resume then loses nothing', async () => {
    const source = file('long-run.jsonl', Array.from({ length: 4000 }, (_, i) => JSON.stringify({ id: `k${i}`, text: `${BODY} Item ${i}.` })).join('\n') + '\n');
    const out = join(tmp.dir, 'killed.jsonl');
    const child = spawn(process.execPath, [cliPath, 'analyze', source, '-o', out, '-j', '1', '-q'], { stdio: 'ignore' });
    // Kill it once some records are on disk.
    await new Promise<void>((resolvePromise) => {
      const poll = setInterval(() => {
        if (existsSync(`${out}.partial`) && statSync(`${out}.partial`).size > 200_000) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolvePromise();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(poll);
        resolvePromise();
      });
    });
    await new Promise((resolvePromise) => (child.exitCode !== null || child.signalCode !== null ? resolvePromise(null) : child.on('exit', resolvePromise)));
    expect(child.signalCode, 'the run finished before it could be killed: make the input larger').toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(true);
    const resumed = await runCli(['analyze', source, '-o', out, '--resume', '-j', '1', '-q'], { timeoutMs: 300_000 });
    expect(resumed.status).toBe(0);
    const ids = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: 4000 }, (_, i) => `k${i}`));
  }, 400_000);
});

describe('determinism', () => {
  it('the same input twice, and with 1 or 2 workers: byte-identical output', async () => {
    const inputs = [join(repoRoot, 'examples', 'articles'), join(repoRoot, 'examples', 'stories.csv'), join(repoRoot, 'examples', 'feed.jsonl')];
    const a = await runCli(['analyze', ...inputs, '-j', '1']);
    const b = await runCli(['analyze', ...inputs, '-j', '1']);
    const c = await runCli(['analyze', ...inputs, '-j', '2']);
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
  });

  it('messy JSONL, from a file or standard input: the same records with 1 or 2 workers (workers parse the lines)', async () => {
    // A byte order mark, CRLF and lone CR breaks, blank lines, broken and non-object lines,
    // a line over the article limit, one opening with a no-break space, invalid UTF-8: in
    // enough lines for several batches per worker.
    const good = (i: number): string => JSON.stringify({ id: `m${i}`, outlet: 'Meridian Wire', title: `Talks ${i}`, text: `Officials said on Monday that the talks would resume. The minister called the sanctions “economic terrorism.” ${i}` });
    const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
    for (let i = 0; i < 60; i++) {
      const line = i % 10 === 3 ? '{"text": "unterminated' : i % 10 === 5 ? '[1,2,3]' : i % 10 === 7 ? '' : i % 20 === 9 ? `\u00a0${good(i)}` : i === 11 ? JSON.stringify({ text: 'x'.repeat(6000) }) : good(i);
      parts.push(Buffer.from(line), i === 13 ? Buffer.from([0xc3, 0x28]) : Buffer.alloc(0), Buffer.from(i % 4 === 0 ? '\r\n' : i % 9 === 0 ? '\r' : '\n'));
    }
    const file = join(tmp.dir, 'messy.jsonl');
    writeFileSync(file, Buffer.concat(parts));
    const one = await runCli(['analyze', file, '--max-article-bytes', '5000', '-j', '1']);
    const two = await runCli(['analyze', file, '--max-article-bytes', '5000', '-j', '2']);
    expect(one.stdout.split('\n').length).toBeGreaterThan(50);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    const piped = await runCli(['analyze', '-', '--max-article-bytes', '5000', '-j', '2'], { input: Buffer.concat(parts) });
    expect(piped.stdout).toBe(one.stdout.split(file).join('stdin').split('"messy:').join('"stdin:'));
  });
});

describe('URL inputs (local server on 127.0.0.1)', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<html><head><title>Convoy hit</title><meta property="og:site_name" content="Meridian Wire"></head><body><article><h1>Convoy hit</h1><p>${BODY}</p></article></body></html>`);
      } else if (req.url === '/hang') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>never ends');
        // …and never ends: the client's timeout must end it.
      } else if (req.url === '/endless') {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1 << 20, 'a');
        const pump = (): void => {
          while (res.write(chunk)) { /* fill the socket */ }
          res.once('drain', pump);
        };
        res.on('error', () => {});
        pump();
      } else if (req.url === '/redirect-file') {
        res.writeHead(302, { location: 'file:///etc/passwd' });
        res.end();
      } else {
        res.writeHead(404);
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a page is fetched and read as HTML', async () => {
    const result = await runCli(['analyze', `${base}/article`, '-j', '1']);
    expect(result.status).toBe(0);
    const [record] = parseJsonl(result.stdout);
    expect(record?.schema).toBe(ANALYSIS_SCHEMA_ID);
    expect(record?.source).toBe(`${base}/article`);
  });

  it('a server that never finishes, one that never stops, a 404 and a redirect to file://: error records, no hang', async () => {
    const result = await runCli(['analyze', `${base}/hang`, `${base}/endless`, `${base}/missing`, `${base}/redirect-file`, `${base}/article`, '--fetch-timeout', '1500', '-j', '1'], { timeoutMs: 90_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    const records = parseJsonl(result.stdout);
    expect(records.map((r) => r.schema === ANALYSIS_SCHEMA_ID)).toEqual([false, false, false, false, true]);
    const codes = errorCodes(records);
    expect(codes[0]).toBe('fetch-failed');
    // An endless body is cut at the size limit: too-large or fetch-failed both say why.
    expect(['fetch-failed', 'too-large']).toContain(codes[1]);
    expect(codes.slice(2)).toEqual(['fetch-failed', 'fetch-failed']);
    expect(result.stdout).not.toContain('root:x:0:0');
  }, 120_000);

  it('only http(s): file:// and other schemes are never fetched or read', async () => {
    const result = await runCli(['analyze', 'file:///etc/passwd', 'ftp://127.0.0.1/x', 'javascript:alert(1)', '-j', '1']);
    expect(result.status).toBe(1);
    const records = parseJsonl(result.stdout);
    expect(records).toHaveLength(3);
    for (const record of records) expect(record.schema).toBe(ERROR_SCHEMA_ID);
    expect(result.stdout).not.toContain('root:x:0:0');
  });
});
