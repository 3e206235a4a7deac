import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classToken, escapeHtml, jsonForScript, safeHref } from '../../src/report/html.js';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["it's & done", 'it&#39;s &amp; done'],
    [null, ''],
  ])('%s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('never lets a markup character through', () => {
    fc.assert(fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/u);
      }));
  });
});

describe('jsonForScript', () => {
  it('cannot close the script block or open a comment, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, s) => {
        const data = { value, s: `${s}</script><!--` };
        const out = jsonForScript(data);
        expect(out).not.toMatch(/<\/?script|<!--/iu);
        expect(out).not.toContain('<');
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['http://x.example', 'http://x.example'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['//evil.example', null],
    ['https://a b', null],
  ])('%s', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});

describe('classToken', () => {
  it('keeps only lower-case letters, digits and dashes', () => {
    expect(classToken('demonizing</span>')).toBe('demonizing-span-');
    fc.assert(fc.property(fc.string(), (s) => {
        expect(classToken(s)).toMatch(/^[a-z0-9-]+$/u);
      }));
  });
});
