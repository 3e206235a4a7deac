/**
 * Reports from hostile articles: nothing from an article runs in the browser (text,
 * title, outlet, byline, URL are escaped; no javascript: links), file names made from
 * article ids stay inside the output folder, and an existing report is not overwritten
 * without `--force`. The page-level checks run the built binary (`npm run build`).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createNameAllocator, sanitizeStem } from '../../src/report/safe-names.js';
import { hostileText, fuzzRuns } from './arbitraries.js';
import { runCli, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;
const HOSTILE_IDS = ['../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', '..', '.', '', 'CON', 'con.txt', 'NUL', 'lpt1', 'COM9.html', 'a/b/c', '..\\..\\x', '\u0000', '%2e%2e%2fescape', '．．／fullwidth', 'index', 'INDEX', 'index.html', '.hidden', 'x'.repeat(5000), 'ا'.repeat(10), '\uD800', 'assets/chart.umd.min'];

function insideFolder(dir: string, name: string): boolean {
  const target = resolve(dir, name);
  const rel = relative(dir, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.includes('/') && !rel.includes('\\');
}

describe('file names from article ids', () => {
  it('hostile ids: plain names inside the folder, never reserved, unique', () => {
    const allocate = createNameAllocator();
    const names = HOSTILE_IDS.map((id) => allocate(id));
    for (const [i, name] of names.entries()) {
      expect(insideFolder('/out/articles', name), `${JSON.stringify(HOSTILE_IDS[i])} → ${name}`).toBe(true);
      expect(name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*\.html$/);
      expect(RESERVED.test(name.split('.')[0]!)).toBe(false);
      expect(name.length).toBeLessThanOrEqual(100);
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('arbitrary ids (property): inside the folder and unique case-insensitively', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), hostileText(8), fc.constantFrom(...HOSTILE_IDS)), { maxLength: 30 }), (ids) => {
        const allocate = createNameAllocator();
        const names = ids.map((id) => allocate(id));
        for (const name of names) {
          expect(insideFolder('/out/articles', name)).toBe(true);
          expect(RESERVED.test(name.split('.')[0]!)).toBe(false);
        }
        expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });

  it('sanitizeStem is deterministic', () => {
    for (const id of HOSTILE_IDS) expect(sanitizeStem(id)).toBe(sanitizeStem(id));
  });
});

const PAYLOADS = [
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'); alert(1); //",
  '</script><script>alert(1)</script>',
  '<!--',
  ']]>',
  '{{constructor.constructor("alert(1)")()}}',
  '\u2028\u2029',
];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

describe('framelens report on hostile articles (built binary)', () => {
  const input = join(tmp.dir, 'hostile.jsonl');
  writeFileSync(
    input,
    HOSTILE_IDS.slice(0, 12)
      .map((id, i) =>
        JSON.stringify({
          id,
          title: `Minister: ${PAYLOADS[i % PAYLOADS.length]} is “evil”`,
          outlet: `Outlet ${PAYLOADS[(i + 1) % PAYLOADS.length]}`,
          byline: PAYLOADS[(i + 2) % PAYLOADS.length],
          url: i % 2 ? 'javascript:alert(1)' : 'https://example.com/"><script>alert(1)</script>',
          published: '2025-03-03',
          text: `TEHRAN - The regime's ${PAYLOADS[i % PAYLOADS.length]} thugs were evil, officials said.\n\n“${PAYLOADS[(i + 3) % PAYLOADS.length]} is terror,” he said.\n\n${PAYLOADS.join(' ')}`,
        }),
      )
      .join('\n') + '\n',
  );
  const out = join(tmp.dir, 'report');

  it('writes pages only inside the folder, and nothing from an article becomes markup or a link', async () => {
    const result = await runCli(['report', input, '-o', out, '-j', '1', '-q'], { timeoutMs: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    const files = listFiles(out);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(relative(out, file).startsWith('..')).toBe(false);
    // Nothing was written next to the folder (../../etc/passwd and friends).
    expect(readdirSync(tmp.dir).sort()).toEqual(['hostile.jsonl', 'report']);
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toContain('<script>alert');
      expect(html, file).not.toContain('<img src=x onerror');
      expect(html, file).not.toContain('<svg onload');
      expect(html, file).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
      expect(html, file).toMatch(/Content-Security-Policy/);
      // Code scripts are the report's own; data blocks hold article text only as JSON that
      // cannot close the element (no "<" at all) and parses whole (no break-out).
      for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const [, attrs = '', body = ''] = match;
        if (/type=["']application\/(?:ld\+)?json["']/.test(attrs)) {
          expect(body, file).not.toContain('<');
          expect(() => JSON.parse(body), file).not.toThrow();
        } else {
          expect(body, file).not.toContain('alert(');
        }
      }
    }
  }, 180_000);

  it('an existing report is kept without --force, replaced with it', async () => {
    const index = join(out, 'index.html');
    const before = readFileSync(index, 'utf8');
    const mtime = statSync(index).mtimeMs;
    const refused = await runCli(['report', input, '-o', out, '-j', '1', '-q'], { timeoutMs: 120_000 });
    expect(refused.status).toBe(2);
    expect(readFileSync(index, 'utf8')).toBe(before);
    expect(statSync(index).mtimeMs).toBe(mtime);
    const forced = await runCli(['report', input, '-o', out, '--force', '-j', '1', '-q'], { timeoutMs: 120_000 });
    expect(forced.status).toBe(0);
  }, 240_000);
});
