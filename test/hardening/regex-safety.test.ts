/**
 * No regular expression in framelens backtracks catastrophically on hostile text.
 *
 * 1. Every regex literal and `new RegExp('…')` in `src/` (found with the TypeScript parser)
 *    is run against adversarial strings built from its own characters, in a worker that is
 *    terminated if a pattern does not finish: a hang fails the test and names the pattern.
 * 2. The static check lists patterns with nested quantifiers or repeated alternations;
 *    each one must also survive a longer, targeted attack.
 * 3. Regexes that come from data (text-cleaning lexicons) are validated at load time by
 *    `unsafeRegexReason`: that guard must reject the classic exponential shapes, and every
 *    bundled pattern must survive the attack too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadLexicons } from '../../src/lexicon/load.js';
import { unsafeRegexReason } from '../../src/lexicon/kinds/text-cleaning.js';
import { adversarialInputs, findSourceRegexes, nestedQuantifierReason } from './regex-inventory.js';
import { RegexHangChecker } from './regex-hang-check.js';

const checker = new RegexHangChecker();
afterAll(() => checker.close());

// Linear patterns finish these inputs in well under 50 ms; a catastrophic one never does.
const BUDGET_MS = 15_000;

describe('regular expressions in src/', () => {
  const { found } = findSourceRegexes();

  it('finds the regexes (the inventory itself works)', () => {
    expect(found.length).toBeGreaterThan(10);
    expect(found.every((regex) => regex.where.startsWith('src/'))).toBe(true);
  });

  it('the static check recognises the classic catastrophic shapes', () => {
    for (const bad of ['^(a+)+$', '(\\w*\\s)*x', '((a+)b)+', '(a|aa)+$', '(?:x|y\\d{1,3})*z', '(.*,)+$']) {
      expect(nestedQuantifierReason(bad), bad).not.toBeNull();
    }
    for (const fine of ['^\\d{1,9}\\/\\d{1,9}$', '[a-z]+\\.', '\\r\\n?', '^(?:www\\.)?example\\.com$', '(a)+', '(?:ab)+']) {
      expect(nestedQuantifierReason(fine), fine).toBeNull();
    }
  });

  it('every regex survives adversarial inputs of 2,500 characters (no hang)', async () => {
    const hung: string[] = [];
    for (const regex of found) {
      const result = await checker.check(regex.source, regex.flags, adversarialInputs(regex.source, 2_500), BUDGET_MS);
      if (result.hung) hung.push(`${regex.where} /${regex.source}/${regex.flags}`);
    }
    expect(hung).toEqual([]);
  }, 600_000);

  it('every regex the static check flags survives a longer targeted attack (20,000 characters)', async () => {
    const flagged = found.filter((regex) => nestedQuantifierReason(regex.source) !== null);
    const hung: string[] = [];
    for (const regex of flagged) {
      const result = await checker.check(regex.source, regex.flags, adversarialInputs(regex.source, 20_000), BUDGET_MS);
      if (result.hung) hung.push(`${regex.where} /${regex.source}/${regex.flags}: ${nestedQuantifierReason(regex.source)}`);
    }
    expect(hung).toEqual([]);
  }, 600_000);
});

describe('regexes from lexicons', () => {
  it('the load-time guard rejects nested quantifiers, back-references and unanchored patterns', () => {
    for (const bad of ['^(a+)+$', '^(\\w*\\s)*$', '^((a+)b)+$', '^(a*)*x', '^(\\d+)\\1$', 'unanchored', '^(?:a+){2,}$']) {
      expect(unsafeRegexReason(bad), bad).not.toBeNull();
    }
  });

  it('the load-time guard rejects overlapping alternations under a quantifier ("^(a|aa)+$" is exponential on "aaaa…!")', () => {
    for (const bad of ['^(a|aa)+$', '^(?:\\w|\\d)+$', '^(?:a|a)*$']) {
      expect(unsafeRegexReason(bad), bad).not.toBeNull();
    }
  });

  it('every bundled text-cleaning regex survives the attack (no hang)', async () => {
    const entries = loadLexicons()['text-cleaning'].entries as readonly { id: string; match: string; pattern: string; caseSensitive?: boolean }[];
    const hung: string[] = [];
    for (const entry of entries.filter((e) => e.match === 'regex')) {
      const flags = entry.caseSensitive ? 'u' : 'iu';
      const result = await checker.check(entry.pattern, flags, adversarialInputs(entry.pattern, 2_500), BUDGET_MS);
      if (result.hung) hung.push(`${entry.id}: /${entry.pattern}/`);
      expect(result.invalid, entry.id).toBeNull();
    }
    expect(hung).toEqual([]);
  }, 600_000);
});
