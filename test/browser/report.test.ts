/**
 * The reports in a real browser (Debian's Chromium through playwright-core): pages load
 * from file:// with no console errors and no network requests, every chart canvas draws,
 * highlights show their tooltip on hover and on keyboard focus, tables sort and filter,
 * and the hostile article runs nothing. Screenshots go to test-artifacts/ for a human look.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGroupBy } from '../../src/aggregate/group-key.js';
import { buildReport } from '../../src/report/build-report.js';
import { readReportSources, type SourceItem } from '../../src/report/read-sources.js';
import { createNameAllocator } from '../../src/report/safe-names.js';
import { openReportFolder } from '../../src/report/write-files.js';
import type { OutputRecord } from '../../src/schema/record.js';
import { collidingRecords, errorRecord, fixtureRecords, hostileRecord, stateMediaRecord, wireRecord } from '../fixtures/records/fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const artifacts = join(root, 'test-artifacts');
const out = join(artifacts, 'browser-report');
const seed = join(root, '..', 'shared', 'seed', '000_5bd232881ca3315c.txt');
const examples = join(root, 'examples');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;

async function* fromRecords(records: readonly OutputRecord[]): AsyncGenerator<SourceItem> {
  for (const record of records) yield { kind: 'record', record };
}

interface Opened {
  readonly page: Page;
  readonly problems: string[];
  readonly requests: string[];
}

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  await page.route(/^(?!file:)/u, (route) => route.abort());
  await page.goto(pathToFileURL(path).href);
  await page.waitForLoadState('load');
  return { page, problems, requests };
}

/** For each chart canvas: how many pixels are not transparent. */
// Page-side code is passed as source text: the test tsconfig has no DOM types.
const CANVAS_INK = `[...document.querySelectorAll('canvas')].map((canvas) => {
  const context = canvas.getContext('2d');
  if (!context || !canvas.width || !canvas.height) return { id: canvas.getAttribute('data-chart') || '?', ink: 0 };
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) ink++;
  return { id: canvas.getAttribute('data-chart') || '?', ink };
})`;

async function canvasInk(page: Page): Promise<{ id: string; ink: number }[]> {
  return page.evaluate<{ id: string; ink: number }[]>(CANVAS_INK);
}

async function expectChartsDrawn(page: Page, atLeast: number): Promise<void> {
  const canvases = await canvasInk(page);
  expect(canvases.length).toBeGreaterThanOrEqual(atLeast);
  for (const canvas of canvases) expect(canvas.ink, `canvas ${canvas.id} is blank`).toBeGreaterThan(200);
}

const pageOf = createNameAllocator();
const names = new Map<string, string>();

beforeAll(async () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const records: OutputRecord[] = [...fixtureRecords, ...collidingRecords, errorRecord];
  for (const record of records) if (record.schema === 'framelens/analysis@1') names.set(record.id, pageOf(record.id));
  await buildReport(fromRecords(records), openReportFolder(join(out, 'small')), { by: parseGroupBy('outlet'), title: 'Fixture corpus', articlePages: true });
  // Past the inline limit (50), pages link the shared files in assets/ ('self' in the CSP),
  // and past 200 rows the dashboard's article table draws a page at a time.
  const many = [stateMediaRecord, ...Array.from({ length: 260 }, (_, i) => ({ ...wireRecord, id: `w-${String(i).padStart(3, '0')}`, source: `many.jsonl:${i + 1}` }))];
  await buildReport(fromRecords(many), openReportFolder(join(out, 'many')), { by: parseGroupBy('outlet'), title: 'Many articles', articlePages: true });
  if (existsSync(seed)) {
    await buildReport(readReportSources([seed], { workers: 1 }), openReportFolder(join(out, 'seed')), { by: parseGroupBy('outlet'), title: 'Seed', articlePages: true });
  }
  if (existsSync(join(examples, 'articles'))) {
    // The demo corpus, as `npm start` reads it: the articles folder and the CSV and JSONL beside it.
    const demo = [join(examples, 'articles'), ...readdirSync(examples).filter((name) => /\.(csv|jsonl)$/u.test(name)).sort().map((name) => join(examples, name))];
    await buildReport(readReportSources(demo, { workers: 1 }), openReportFolder(join(out, 'demo')), { by: parseGroupBy('outlet'), title: 'Demo corpus', articlePages: true });
    await buildReport(readReportSources(demo, { workers: 1 }), openReportFolder(join(out, 'demo-compare')), { by: parseGroupBy('outlet'), title: 'Demo corpus by outlet', articlePages: false });
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

describe('article page', () => {
  it('loads offline with no errors, draws every chart and shows tooltips on hover and focus', async () => {
    const { page, problems, requests } = await open(join(out, 'small', 'articles', names.get(stateMediaRecord.id)!));
    await expectChartsDrawn(page, 5);
    await page.screenshot({ path: join(artifacts, 'article-state-media.png'), fullPage: true });

    const criminal = page.locator('mark.hl', { hasText: 'criminal' }).first();
    await criminal.hover();
    const tip = page.locator('#fl-tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = await tip.innerText();
    for (const field of ['Rule', 'loaded-language/criminal', 'Category', 'demonizing', 'Voice', 'Headline (own voice)', 'Speaker', 'Target', 'United States', 'Note']) expect(text).toContain(field);
    await page.screenshot({ path: join(artifacts, 'article-tooltip-hover.png') });

    await page.mouse.move(0, 0);
    await page.locator('mark.hl', { hasText: 'terrorist' }).first().focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toContain('Darius Kamali');
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);

    // Keyboard users reach highlights with Tab.
    await page.locator('mark.hl').first().focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement && document.activeElement.tagName')).toBe('MARK');
    await page.locator('mark.hl', { hasText: 'terrorist' }).first().focus();
    await page.screenshot({ path: join(artifacts, 'article-tooltip-focus.png') });

    // What cleaning removed is there, collapsed.
    expect(await page.locator('details summary', { hasText: 'What cleaning removed' }).isVisible()).toBe(true);
    expect(await page.locator('details li', { hasText: 'Captcha refresh' }).isVisible()).toBe(false);

    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('loads the shared script, styles and Chart.js of a large report under the CSP', async () => {
    const { page, problems, requests } = await open(join(out, 'many', 'articles', 'tc-2026-0412.html'));
    await expectChartsDrawn(page, 5);
    // The linked stylesheet applied (highlights have their background).
    const background = await page.evaluate<string>('getComputedStyle(document.querySelector("mark.c-demonizing")).backgroundColor');
    expect(background).toBe('rgb(246, 209, 204)');
    await page.locator('mark.hl', { hasText: 'criminal' }).first().hover();
    await expect.poll(() => page.locator('#fl-tip').isVisible()).toBe(true);
    await page.close();
    const wire = await open(join(out, 'many', 'articles', 'w-000.html'));
    await expectChartsDrawn(wire.page, 4);
    problems.push(...wire.problems);
    requests.push(...wire.requests);
    await wire.page.screenshot({ path: join(artifacts, 'article-wire.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await wire.page.close();
  });

  it('runs nothing from a hostile article', async () => {
    const { page, problems, requests } = await open(join(out, 'small', 'articles', names.get(hostileRecord.id)!));
    await page.locator('mark.hl').first().hover();
    await page.locator('a', { hasText: '← corpus dashboard' }).hover();
    expect(await page.evaluate<string>('typeof window.__pwned')).toBe('undefined');
    expect(await page.locator('h1').innerText()).toContain('</script><script>window.__pwned=1</script>');
    expect(await page.locator('img, iframe, svg:not(canvas svg)').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'article-hostile.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('works on the seed article, analysed by the pipeline', async (context) => {
    if (!existsSync(join(out, 'seed', 'index.html'))) return context.skip();
    const { page, problems, requests } = await open(join(out, 'seed', 'index.html'));
    const link = page.locator('#articles a').first();
    const href = await link.getAttribute('href');
    await page.close();
    const opened = await open(join(out, 'seed', href!));
    await opened.page.screenshot({ path: join(artifacts, 'article-seed.png'), fullPage: true });
    await expectChartsDrawn(opened.page, 0);
    expect([...problems, ...opened.problems]).toEqual([]);
    expect([...requests, ...opened.requests]).toEqual([]);
    await opened.page.close();
  });
});

describe('dashboard', () => {
  it('draws every chart, sorts and filters the tables, and links to the article pages', async () => {
    const { page, problems, requests } = await open(join(out, 'small', 'index.html'));
    await expectChartsDrawn(page, 6);
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });

    const counter = page.locator('[data-count="articles"]');
    expect(await counter.innerText()).toBe('7 of 7 shown');
    await page.locator('input[data-filter="articles"]').fill('gulf ministers');
    expect(await counter.innerText()).toBe('1 of 1 matching articles shown (7 in all)');
    await page.locator('input[data-filter="articles"]').fill('');
    await page.locator('select[data-filter="articles"]').selectOption('Tehran Courier');
    expect(await counter.innerText()).toBe('1 of 1 matching articles shown (7 in all)');
    await page.locator('select[data-filter="articles"]').selectOption('');

    const wordsHeader = page.locator('#articles th', { hasText: 'Words' });
    await wordsHeader.locator('button').click();
    expect(await wordsHeader.getAttribute('aria-sort')).toBe('ascending');
    await wordsHeader.locator('button').click();
    expect(await wordsHeader.getAttribute('aria-sort')).toBe('descending');
    const firstWords = await page.locator('#articles tbody tr:first-child td:nth-child(4)').innerText();
    expect(Number(firstWords)).toBe(stateMediaRecord.scores.words);

    const link = page.locator('#articles a', { hasText: 'criminal Washington' });
    await link.click();
    await page.waitForLoadState('load');
    expect(page.url()).toContain('/articles/');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('draws a long article table a page at a time', async () => {
    const { page, problems, requests } = await open(join(out, 'many', 'index.html'));
    const counter = page.locator('[data-count="articles"]');
    expect(await counter.innerText()).toBe('200 of 261 shown');
    expect(await page.locator('#articles tbody tr').count()).toBe(200);
    await page.locator('button[data-more="articles"]').click();
    expect(await counter.innerText()).toBe('261 of 261 shown');
    expect(await page.locator('button[data-more="articles"]').isVisible()).toBe(false);
    await page.locator('input[data-filter="articles"]').fill('criminal');
    expect(await counter.innerText()).toBe('1 of 1 matching articles shown (261 in all)');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('renders the demo corpus dashboard', async (context) => {
    if (!existsSync(join(out, 'demo', 'index.html'))) return context.skip();
    const { page, problems, requests } = await open(join(out, 'demo', 'index.html'));
    await expectChartsDrawn(page, 1);
    await page.screenshot({ path: join(artifacts, 'dashboard-demo.png'), fullPage: true });
    await page.close();
    const compare = await open(join(out, 'demo-compare', 'index.html'));
    await expectChartsDrawn(compare.page, 6);
    await compare.page.screenshot({ path: join(artifacts, 'compare-demo.png'), fullPage: true });
    expect([...problems, ...compare.problems]).toEqual([]);
    expect([...requests, ...compare.requests]).toEqual([]);
    await compare.page.close();
  });
});
