import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildCorpusModel } from '../../src/report/corpus-model.js';
import { createAggregator } from '../../src/aggregate/build-aggregate.js';
import { parseGroupBy } from '../../src/aggregate/group-key.js';
import { renderArticlePage } from '../../src/report/article-page.js';
import { renderCorpusPage } from '../../src/report/corpus-page.js';
import { sha256Source } from '../../src/report/csp.js';
import { fixtureRecords, hostileRecord } from '../fixtures/records/fixtures.js';

/** Everything a page could run: scripts, event handlers, dangerous URLs, embedded documents. */
function auditPage(html: string): void {
  const { document } = parseHTML(html);
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  for (const script of document.querySelectorAll('script')) {
    const type = script.getAttribute('type');
    if (type === 'application/json') {
      expect(() => JSON.parse(script.textContent ?? '')).not.toThrow();
      continue;
    }
    expect(type).toBeNull();
    if (script.hasAttribute('src')) expect(script.getAttribute('src')).toMatch(/^(\.\.\/)?assets\/(chart\.umd\.min|report)\.js$/u);
    else expect(csp).toContain(sha256Source(script.textContent ?? ''));
  }
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.startsWith('on'), `${element.tagName} has ${attribute.name}`).toBe(false);
      if (attribute.name === 'href' || attribute.name === 'src') expect(attribute.value).not.toMatch(/^\s*(javascript|data|vbscript):/iu);
    }
  }
  expect(document.querySelectorAll('iframe, object, embed, svg, img, base, form').length).toBe(0);
}

describe('hostile articles', () => {
  it('render as text on the article page, with nothing that could run', () => {
    const html = renderArticlePage(hostileRecord, { chartJs: { kind: 'none' } });
    auditPage(html);
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')?.textContent).toBe(hostileRecord.title);
    expect(document.querySelector('.meta')?.textContent).toContain('<img src=x onerror="window.__pwned=2">');
    // The javascript: URL is shown, not linked.
    expect([...document.querySelectorAll('a')].some((a) => a.getAttribute('href')?.includes('pwned'))).toBe(false);
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('</script><script>window');
  });

  it('render as text on the dashboard', () => {
    const aggregator = createAggregator({ by: parseGroupBy('outlet'), replicates: 20 });
    for (const record of fixtureRecords) aggregator.add(record);
    const model = buildCorpusModel(aggregator.result());
    const html = renderCorpusPage(model, {
      title: '<script>t</script>',
      by: 'outlet',
      chartJs: { kind: 'none' },
      articles: [{ file: 'x.html', id: hostileRecord.id, title: hostileRecord.title!, group: hostileRecord.outlet!, outlet: hostileRecord.outlet!, published: hostileRecord.published!, words: 1, loadedOwn: 0, loadedQuoted: 0, headlineLoaded: 0, voices: 0, anonymous: 0, stateCredits: 0, sentiment: 0 }],
      version: '0',
    });
    auditPage(html);
    expect(parseHTML(html).document.querySelector('h1')?.textContent).toBe('<script>t</script>');
  });

  it('render safely on linked pages of large reports, which carry no inline code', () => {
    const html = renderArticlePage(hostileRecord, { chartJs: { kind: 'file', base: '../assets/' } });
    auditPage(html);
    expect(html).not.toMatch(/<script>|<style>/u);
  });

  it('data blocks keep hostile strings intact for the script, and cannot end early', () => {
    const html = renderArticlePage(hostileRecord, { chartJs: { kind: 'inline' } });
    auditPage(html);
    const { document } = parseHTML(html);
    const tips = JSON.parse(document.getElementById('fl-tips')?.textContent ?? 'null') as { f: [string, string][][] };
    expect(tips.f[0]!.find(([k]) => k === 'Note')![1]).toBe('"><img src=x onerror=window.__pwned=13>');
  });
});
