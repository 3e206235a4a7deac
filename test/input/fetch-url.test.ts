import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, readFixture } from './helpers.js';

let server: Server;
let base = '';
const pending: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/story':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(readFixture('wire-page.html'));
        return;
      case '/legacy':
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
        res.end(Buffer.from([...Buffer.from('<html><head><title>Old page</title></head><body><p>The envoy'), 0x92, ...Buffer.from('s visit went ahead.</p></body></html>')]));
        return;
      case '/plain':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('Harbor reopens\n\nThe harbor reopened on Monday.');
        return;
      case '/moved':
        res.writeHead(302, { location: '/story' });
        res.end();
        return;
      case '/huge':
        // No Content-Length: the limit must hold while streaming.
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 64; i++) res.write(`<p>${'x'.repeat(1024)}</p>`);
        res.end();
        return;
      case '/slow':
        pending.push(() => res.end('<p>late</p>'));
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const finish of pending) finish();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('readInputs: http(s) URLs', () => {
  it('fetches a page and reads it as HTML, with the URL as source and id', async () => {
    const [item] = await collect([`${base}/story`]);
    expect(item?.kind).toBe('article');
    if (item?.kind !== 'article') return;
    expect(item.article).toMatchObject({ id: `${base}/story`, source: `${base}/story`, title: 'Port talks stall as both sides trade blame', outlet: 'Meridian Wire' });
    expect(item.article.parts?.length).toBeGreaterThan(3);
  });

  it('follows redirects, honours the declared charset, and reads text/plain as text', async () => {
    const items = await collect([`${base}/moved`, `${base}/legacy`, `${base}/plain`]);
    expect(items.map((item) => item.kind)).toEqual(['article', 'article', 'article']);
    const [moved, legacy, plain] = items.map((item) => (item.kind === 'article' ? item.article : null));
    // The relative canonical link resolves against the address the page was fetched from.
    expect(moved?.url).toBe(`${base}/world/port-talks-stall?ref=canonical`);
    expect(legacy?.parts?.map((p) => p.text)).toContain('The envoy’s visit went ahead.');
    expect(plain?.body).toBe('Harbor reopens\n\nThe harbor reopened on Monday.');
  });

  it('turns HTTP errors, size limits and timeouts into error records', async () => {
    const items = await collect([`${base}/missing`, `${base}/huge`, `${base}/slow`, 'http://127.0.0.1:1/closed'], { maxFetchBytes: 16 * 1024, fetchTimeoutMs: 300 });
    const errors = items.map((item) => (item.kind === 'error' ? [item.error.error.code, item.error.error.message] : ['article', '']));
    expect(errors.map(([code]) => code)).toEqual(['fetch-failed', 'too-large', 'fetch-failed', 'fetch-failed']);
    expect(errors[0]?.[1]).toMatch(/the server answered 404/);
    expect(errors[1]?.[1]).toMatch(/more than the limit of 16 KB/);
    expect(errors[2]?.[1]).toMatch(/did not answer within 0\.3 seconds/);
  });
});
