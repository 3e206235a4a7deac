import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNameAllocator, sanitizeStem } from '../../src/report/safe-names.js';

describe('sanitizeStem', () => {
  it.each([
    ['../../etc/passwd', 'etc_passwd'],
    ['/abs/path', 'abs_path'],
    ['C:\\Windows\\x', 'C_Windows_x'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1', '_com1'],
    ['..', 'article'],
    ['', 'article'],
    ['a..b', 'a.b'],
    ['stories:123', 'stories_123'],
  ])('%s → %s', (id, stem) => {
    expect(sanitizeStem(id)).toBe(stem);
  });

  it('always gives a plain file name that cannot leave the folder', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (id) => {
        const stem = sanitizeStem(id);
        expect(stem).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/u);
        expect(stem).not.toContain('..');
        expect(stem.length).toBeLessThanOrEqual(81);
      }),
    );
  });
});

describe('createNameAllocator', () => {
  it('disambiguates collisions deterministically, case-insensitively, in call order', () => {
    const nameOf = createNameAllocator();
    expect(['a/b', 'a_b', 'A_B', 'a_b-2', 'CON', 'con'].map(nameOf)).toEqual(['a_b.html', 'a_b-2.html', 'A_B-3.html', 'a_b-2-2.html', '_CON.html', '_con-2.html']);
  });

  it('never hands out the same name twice', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 40 }), (ids) => {
        const nameOf = createNameAllocator();
        const names = ids.map(nameOf).map((n) => n.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
      }),
    );
  });
});
