/**
 * Random and hostile HTML through the HTML reader: malformed trees, unclosed and stray
 * tags, bad entities, comments and CDATA, event-handler attributes and scripts. Each page
 * gives exactly one sound record, and nothing in a page ever runs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ANALYSIS_SCHEMA_ID } from '../../src/schema/record.js';
import { hostileText, fuzzRuns } from './arbitraries.js';
import { readAndAnalyze, outputProblems, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

type Pwned = { __framelensPwned?: unknown };
afterEach(() => {
  // Any script, handler or javascript: URL that ran would have set this.
  expect((globalThis as Pwned).__framelensPwned).toBeUndefined();
});

const PAYLOAD = 'globalThis.__framelensPwned=1';
const TAGS = ['p', 'div', 'span', 'article', 'main', 'section', 'nav', 'footer', 'header', 'aside', 'figure', 'figcaption', 'h1', 'h2', 'a', 'b', 'i', 'em', 'blockquote', 'q', 'ul', 'li', 'table', 'tr', 'td', 'noscript', 'template', 'svg', 'math', 'form', 'button', 'select', 'textarea', 'time', 'address'];
const VOID = ['br', 'img', 'hr', 'meta', 'link', 'input', 'source', 'wbr'];
const ATTRS = [
  `onload="${PAYLOAD}"`, `onerror="${PAYLOAD}"`, `onclick="${PAYLOAD}"`, `href="javascript:${PAYLOAD}"`, `src="javascript:${PAYLOAD}"`,
  'class="share-bar"', 'class="byline"', 'class="ad"', 'id="main"', 'itemprop="articleBody"', 'rel="author"', 'style="display:none"',
  'data-x="<p>not a tag</p>"', 'title="a &quot;b&quot; c"', 'lang="ar" dir="rtl"', 'unterminated="', "x='\u0000'",
];
const JUNK = [
  `<script>${PAYLOAD}</script>`, `<script type="module">${PAYLOAD}</script>`, `<style>body{background:url("javascript:${PAYLOAD}")}</style>`,
  `<iframe src="javascript:${PAYLOAD}"></iframe>`, `<object data="javascript:${PAYLOAD}"></object>`, `<svg><script>${PAYLOAD}</script></svg>`,
  `<img src=x onerror=${PAYLOAD}>`, `<body onload="${PAYLOAD}">`, `<meta http-equiv="refresh" content="0;url=javascript:${PAYLOAD}">`,
  '<!-- a comment -->', '<!-- unterminated comment', '<![CDATA[ cdata ]]>', '<!DOCTYPE html>', '<?xml version="1.0"?>',
  '</p>', '</div></div></div>', '<p', '<', '>', '&', '&#0;', '&#xD800;', '&#x110000;', '&#99999999999;', '&nbsp;', '&bogus;', '&amp', '&#x202E;',
  '<meta property="og:site_name" content="Hostile &lt;Site&gt;">', '<title>T</title>', '<link rel="canonical" href="file:///etc/passwd">',
  '<meta property="article:published_time" content="not a date">', '<time datetime="2025-99-99">x</time>',
];

interface Node {
  readonly tag: string;
  readonly attrs: readonly string[];
  readonly children: readonly (Node | string)[];
  readonly close: boolean;
}

const leaf: fc.Arbitrary<string> = fc.oneof(hostileText(12), fc.constantFrom(...JUNK), fc.constantFrom(...VOID).map((tag) => `<${tag}>`));
const { tree } = fc.letrec<{ tree: Node | string; node: Node }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('node')),
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    attrs: fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 }),
    children: fc.array(tie('tree'), { maxLength: 5 }),
    close: fc.boolean(),
  }),
}));

function render(node: Node | string): string {
  if (typeof node === 'string') return node;
  const attrs = node.attrs.length ? ` ${node.attrs.join(' ')}` : '';
  return `<${node.tag}${attrs}>${node.children.map(render).join('')}${node.close ? `</${node.tag}>` : ''}`;
}

const page = fc.tuple(fc.array(tree, { maxLength: 4 }), fc.array(tree, { maxLength: 8 }), fc.boolean()).map(
  ([head, body, wrap]) => (wrap ? `<!DOCTYPE html><html><head>${head.map(render).join('')}</head><body>${body.map(render).join('')}</body></html>` : body.map(render).join('')),
);

describe('random HTML', () => {
  it('every page gives exactly one sound record and runs nothing', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(page, async (html) => {
        const file = join(tmp.dir, `p${n++}.html`);
        writeFileSync(file, html, 'utf8');
        const records = await readAndAnalyze([file]);
        expect(records).toHaveLength(1);
        expect(outputProblems(records[0]!)).toEqual([]);
      }),
      { numRuns: fuzzRuns(80) },
    );
  });

  it('a hostile page: scripts, handlers and javascript: URLs neither run nor reach the text', async () => {
    const html = `<!DOCTYPE html><html><head><title>Ministry: “Peace” is near</title>
<meta property="og:site_name" content="Caspian State News">
<script>${PAYLOAD}; document.write('<p>INJECTED-BY-SCRIPT</p>')</script></head>
<body onload="${PAYLOAD}"><nav><a href="/">Home</a><a href="/world">World</a></nav>
<article><h1>Ministry: “Peace” is near</h1>
<p>TEHRAN - The foreign minister said on Monday that talks would resume next week, according to officials.</p>
<img src="x" onerror="${PAYLOAD}"><figure><img src="y.jpg"><figcaption>The minister in Tehran on Monday. ANA</figcaption></figure>
<p>Critics say the talks have stalled. <a href="javascript:${PAYLOAD}">Read more</a></p>
<svg><script>${PAYLOAD}</script></svg><iframe srcdoc="<script>${PAYLOAD}</script>"></iframe>
<p>“We are ready,” the minister said.</p></article>
<footer>© 2025 Caspian State News</footer><script>${PAYLOAD}</script></body></html>`;
    const file = join(tmp.dir, 'hostile.html');
    writeFileSync(file, html, 'utf8');
    const [record] = await readAndAnalyze([file]);
    expect(record?.schema).toBe(ANALYSIS_SCHEMA_ID);
    if (record?.schema !== ANALYSIS_SCHEMA_ID) return;
    expect(outputProblems(record)).toEqual([]);
    expect(record.text).toContain('talks would resume');
    expect(record.text).not.toContain('__framelensPwned');
    expect(record.text).not.toContain('INJECTED-BY-SCRIPT');
    expect(record.text).not.toContain('javascript:');
  });

  it('10,000 nested tags do not overflow the stack', async () => {
    const depth = 10_000;
    const html = `<html><body><article><p>BAGHDAD - Officials said the convoy was hit.</p>${'<div><span>'.repeat(depth / 2)}deep text${'</span></div>'.repeat(depth / 2)}<p>The ministry said it would investigate.</p></article></body></html>`;
    const file = join(tmp.dir, 'nested.html');
    writeFileSync(file, html, 'utf8');
    const records = await readAndAnalyze([file]);
    expect(records).toHaveLength(1);
    expect(outputProblems(records[0]!)).toEqual([]);
  });

  it('10,000 unclosed nested tags do not overflow the stack', async () => {
    const html = `<html><body><article><p>Officials said the convoy was hit.</p>${'<div><b><i>'.repeat(3_400)}deep text</article></body></html>`;
    const file = join(tmp.dir, 'unclosed.html');
    writeFileSync(file, html, 'utf8');
    const records = await readAndAnalyze([file]);
    expect(records).toHaveLength(1);
    expect(outputProblems(records[0]!)).toEqual([]);
  });
});
