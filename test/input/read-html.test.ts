import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/input/article.js';
import { readHtml } from '../../src/input/read-html.js';
import { readFixture, removedLines, structure } from './helpers.js';

const context = { id: 'page', idDerived: true, source: 'page.html', url: null };

describe('readHtml on a wire-service page', () => {
  const article = readHtml(readFixture('wire-page.html'), context);

  it('never runs the page scripts', () => {
    expect((globalThis as { __framelensScriptRan?: boolean }).__framelensScriptRan).toBeUndefined();
    expect(JSON.stringify(article)).not.toContain('injected paragraph');
  });

  it('reads title, byline, site name, publication time and canonical URL from the metadata', () => {
    expect(article).toMatchObject({
      title: 'Port talks stall as both sides trade blame',
      byline: 'Dana Okafor',
      outlet: 'Meridian Wire',
      published: '2021-03-04T12:20:00Z',
      url: 'https://wire.example/world/port-talks-stall',
      body: null,
    });
  });

  it('keeps the main text as parts, with the figure caption, and decodes entities', () => {
    const structured = structure(article);
    expect(structured.parts.map((p) => p.kind)).toEqual(['headline', 'byline', 'caption', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'credit']);
    expect(structured.parts[0]?.text).toBe('Port talks stall as both sides trade blame');
    expect(structured.parts[3]?.text.startsWith('SELM (Meridian) — Negotiators from Northland')).toBe(true);
    expect(structured.parts[4]?.text.startsWith('Northland’s delegation said Kestria had “moved the goalposts”')).toBe(true);
    expect(structured.parts[7]?.text).toBe('Reporting by Dana Okafor; Editing by Paul Serra');
    expect(structured.parts[2]?.text).toBe('Container cranes stand idle at the port of Selm on Wednesday. (Reuters Photo/Ines Marr)');
  });

  it('drops navigation, share bar, related links and footer, noting them briefly', () => {
    const structured = structure(article);
    const text = structured.parts.map((p) => p.text).join('\n');
    for (const chrome of ['Subscribe', 'Share on Facebook', 'Grain prices climb', 'Privacy policy']) expect(text).not.toContain(chrome);
    expect(removedLines(structured)).toEqual([
      'boilerplate: Home World Business Subscribe',
      'boilerplate: Share on Facebook Share on X Email',
      'boilerplate: Related articles Grain prices climb Harbor workers strike',
      'boilerplate: © 2021 Meridian Wire. All rights reserved. Privacy policy',
      'metadata: March 4, 2021',
    ]);
  });
});

describe('readHtml, other pages', () => {
  it('resolves a relative canonical link against the page URL', () => {
    const html = '<html><head><link rel="canonical" href="/a/b"></head><body><p>Text of the page.</p></body></html>';
    expect(readHtml(html, { ...context, url: 'https://news.example/x?y=1' }).url).toBe('https://news.example/a/b');
  });

  it('reads JSON-LD dates, <time datetime> and fragments without <html>', () => {
    const withLd = '<html><head><script type="application/ld+json">[{"@graph":[{"@type":"NewsArticle","datePublished":"2020-07-22T01:37:00Z","publisher":{"name":"Coast Radio"}}]}]</script></head><body><p>Short item.</p></body></html>';
    expect(readHtml(withLd, context)).toMatchObject({ published: '2020-07-22T01:37:00Z', outlet: 'Coast Radio' });
    const fragment = '<p>First <b>bold</b> words.</p><p>Second.</p><time datetime="2021-01-02">Jan 2</time>';
    const article = readHtml(fragment, context);
    expect(article.published).toBe('2021-01-02');
    expect(article.parts?.map((p) => p.text)).toContain('First bold words.');
  });

  it('keeps non-breaking spaces (the document builder records them) but collapses HTML whitespace', () => {
    const article = readHtml('<p>United States’&nbsp;illegitimate\n   presence</p>', context);
    expect(article.parts?.[0]?.text).toBe('United States’\u00a0illegitimate presence');
  });

  it('survives 10,000 nested tags and a 10,000-paragraph page', () => {
    const nested = `<html><body>${'<div>'.repeat(10_000)}deep text${'</div>'.repeat(10_000)}</body></html>`;
    expect(readHtml(nested, context).parts?.map((p) => p.text)).toEqual(['deep text']);
    const long = `<html><body><article>${Array.from({ length: 10_000 }, (_, i) => `<p>Paragraph number ${i}, with a few words.</p>`).join('')}</article></body></html>`;
    expect(readHtml(long, context).parts?.length).toBe(10_000);
  });

  it('never throws on random markup, and structuring keeps parts trimmed', () => {
    const tag = fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<figcaption>', '</figcaption>', '<script>', '</script>', '<nav>', '<br>', '<!--', '-->', '<a href="x">', '</a>', '&amp;', '&#0;', '<');
    const html = fc.array(fc.oneof(tag, fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(fc.property(html, (page) => {
      const article: Article = readHtml(page, context);
      for (const part of structure(article).parts) expect(part.text).toBe(part.text.trim());
    }), { numRuns: 150 });
  });
});
