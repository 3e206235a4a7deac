import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextCleaningEntrySchema, unsafeRegexReason } from '../../src/lexicon/kinds/text-cleaning.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileTextCleaning, DEFAULT_MAX_LINE } from '../../src/input/text-cleaning-matcher.js';
import type { TextCleaningEntry, TextCleaningRole } from '../../src/lexicon/kinds/text-cleaning.js';

const lexicon = loadLexicons()['text-cleaning'];
const matcher = compileTextCleaning(lexicon);

describe('text-cleaning lexicon', () => {
  it('has entries of every role, each with a note', () => {
    const roles = new Set(lexicon.entries.map((e) => e.role));
    expect([...roles].sort()).toEqual(['byline-line', 'caption-credit', 'credit-line', 'id-line', 'page-chrome', 'published-line']);
    for (const entry of lexicon.entries) expect(entry.note.length).toBeGreaterThan(10);
  });

  it('rejects unanchored, nested-quantifier and broken regexes with the field named', () => {
    expect(unsafeRegexReason('^(a+)+$')).toMatch(/nested quantifiers/);
    expect(unsafeRegexReason('^(?:\\w*\\s)*x')).toMatch(/nested quantifiers/);
    expect(unsafeRegexReason('^((ab)c+)*$')).toMatch(/nested quantifiers/);
    expect(unsafeRegexReason('foo')).toMatch(/anchored/);
    expect(unsafeRegexReason('^(a')).toMatch(/not a valid regular expression/);
    expect(unsafeRegexReason('^(a)\\1$')).toMatch(/back-references/);
    expect(unsafeRegexReason('^(?:Photo|Image): [A-Z][^.]{0,80}$')).toBeNull();
    const bad = TextCleaningEntrySchema.safeParse({ id: 'x', role: 'page-chrome', match: 'regex', pattern: '^(a+)+$', note: 'a bad pattern' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['pattern']);
  });

  const cases: [string, Parameters<typeof matcher.match>[1], string | null][] = [
    ['News ID: 271', 'id-line', '271'],
    ['Story ID: ab-12', 'id-line', 'ab-12'],
    ['Published: 0137 GMT July 22, 2020', 'published-line', '0137 GMT July 22, 2020'],
    ['Updated on: 22 July 2020', 'published-line', '22 July 2020'],
    ['By Jane Roe', 'byline-line', 'Jane Roe'],
    ['by the river the talks went on', 'byline-line', null],
    ['A crowd gathers in Selm on Monday. AFP', 'caption-credit', 'AFP'],
    ['A crowd gathers in Selm. (AP Photo/Ines Marr)', 'caption-credit', '(AP Photo/Ines Marr)'],
    ['Press TV and Tasnim contributed to this story.', 'credit-line', ''],
    ['Reporting by Dana Okafor; Editing by Paul Serra', 'credit-line', ''],
    ['Captcha refresh', 'page-chrome', ''],
    ['CAPTCHA REFRESH', 'page-chrome', ''],
    ['Page Generated in 0/3627 sec', 'page-chrome', '0/3627 sec'],
    ['Follow us on Telegram', 'page-chrome', ''],
    ['Follow the money, he said.', 'page-chrome', null],
    ['Copyright infringement cases rose.', 'page-chrome', null],
  ];
  it.each(cases)('%s (%s)', (line, role, value) => {
    const match = matcher.match(line, role);
    if (value === null) expect(match).toBeNull();
    else expect(match?.value ?? null).toBe(value === '' ? match?.value : value);
  });

  it('never matches chrome on a long paragraph', () => {
    expect(matcher.match(`Read more ${'about the talks '.repeat(20)}`, 'page-chrome')).toBeNull();
  });

  it('every regex in the lexicon stays fast on adversarial lines', () => {
    const adversarial = ['a'.repeat(5000), ' '.repeat(5000), `${'Photo: A'.repeat(600)}.`, `News ID: ${'1'.repeat(5000)}!`, `${'By A '.repeat(1000)}`];
    for (const entry of lexicon.entries.filter((e) => e.match === 'regex')) {
      const re = new RegExp(entry.pattern, 'iu');
      for (const line of adversarial) re.test(line);
    }
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (line) => {
      for (const role of ['page-chrome', 'id-line', 'published-line', 'byline-line', 'caption-credit', 'credit-line'] as const) matcher.match(line, role);
    }), { numRuns: 300 });
  });
});

/**
 * The matcher as written before its speed-ups: the line lower-cased whole, every regex run
 * whose `requires` the line (lower-cased unless case-sensitive) includes.
 * The compiled matcher folds ASCII case in place and skips regexes by their first character
 * or a required string; it must answer exactly as this does.
 */
function referenceMatch(line: string, role: TextCleaningRole, anywhereOnly: boolean, all: readonly TextCleaningEntry[] = lexicon.entries): { id: string; value: string } | null {
  const entries = all.filter((e) => e.role === role && (!anywhereOnly || e.anywhere));
  if (!line || !entries.length || line.length > Math.max(...entries.map((e) => e.maxLength ?? DEFAULT_MAX_LINE))) return null;
  const lower = line.toLowerCase();
  const fits = (e: TextCleaningEntry): boolean => line.length <= (e.maxLength ?? DEFAULT_MAX_LINE);
  const pattern = (e: TextCleaningEntry): string => (e.caseSensitive ? e.pattern : e.pattern.toLowerCase());
  const subject = (e: TextCleaningEntry): string => (e.caseSensitive ? line : lower);
  // Exact keys are unique per case rule in the lexicon; case-sensitive ones are looked up first.
  const exact = entries.find((e) => e.match === 'exact' && e.caseSensitive && line === e.pattern)
    ?? entries.find((e) => e.match === 'exact' && !e.caseSensitive && lower === pattern(e));
  if (exact && fits(exact)) return { id: exact.id, value: '' };
  for (const e of entries) {
    if (e.match === 'prefix' && fits(e) && pattern(e).charAt(0).toLowerCase() === lower.charAt(0) && subject(e).startsWith(pattern(e))) {
      return { id: e.id, value: line.slice(e.pattern.length).trim() };
    }
  }
  for (const e of entries) {
    if (e.match === 'suffix' && fits(e) && pattern(e).slice(-1).toLowerCase() === lower.slice(-1) && subject(e).endsWith(pattern(e))) {
      return { id: e.id, value: line.slice(line.length - e.pattern.length).trim() };
    }
  }
  for (const e of entries) {
    if (e.match !== 'regex' || !fits(e)) continue;
    if (e.requires && !e.requires.some((r) => subject(e).includes(e.caseSensitive ? r : r.toLowerCase()))) continue;
    const m = new RegExp(e.pattern, e.caseSensitive ? 'u' : 'iu').exec(line);
    if (m) return { id: e.id, value: (m[1] ?? m[0]).trim() };
  }
  return null;
}

describe('compiled text-cleaning matcher', () => {
  const roles: TextCleaningRole[] = ['page-chrome', 'id-line', 'published-line', 'byline-line', 'caption-credit', 'credit-line'];
  // Lexicon patterns, their case variants and the characters whose lower case is ASCII
  // (U+212A Kelvin, U+0130) or whose case folds to it (U+017F), cut and joined at random.
  const pieces = [...new Set(lexicon.entries.flatMap((e) => [e.pattern, e.pattern.toUpperCase(), ...(e.requires ?? [])]))]
    .filter((p) => p.length < 60)
    .concat(['\u212a', '\u0130', '\u017f', 'K', 'i', '(', ' ', 'AP', 'Photo: A', ' contributed to this report.', '2020', '©']);
  const line = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join(''));

  it('answers as the plain lower-case-everything reading', () => {
    fc.assert(fc.property(line, fc.boolean(), (text, anywhere) => {
      for (const role of roles) {
        const anywhereOnly = anywhere && role === 'caption-credit';
        const got = matcher.match(text, role, { anywhereOnly });
        expect(got === null ? null : { id: got.entry.id, value: got.value }).toEqual(referenceMatch(text, role, anywhereOnly));
        expect(matcher.forRole(role, { anywhereOnly })(text)).toEqual(got);
      }
    }), { numRuns: 3000 });
  });

  it('answers as the reference on non-ASCII characters that lower-case to ASCII letters', () => {
    // The lexicon's case-insensitive exact and prefix entries with "k" (U+212A lower-cases to "k").
    for (const entry of lexicon.entries.filter((e) => e.match !== 'regex' && !e.caseSensitive && /k/i.test(e.pattern))) {
      for (const text of [entry.pattern.replace(/k/gi, '\u212a'), `${entry.pattern.replace(/k/i, '\u212a')} now`, entry.pattern.toUpperCase()]) {
        const got = matcher.match(text, entry.role);
        expect(got === null ? null : { id: got.entry.id, value: got.value }, text).toEqual(referenceMatch(text, entry.role, false));
      }
    }
    // U+0130 lower-cases to "i" and a combining dot: a prefix ending in "i" still matches.
    const entries = [
      { id: 'p', role: 'page-chrome', match: 'prefix', pattern: 'Wiki', caseSensitive: false, anywhere: false, note: 'a test prefix' },
      { id: 's', role: 'page-chrome', match: 'suffix', pattern: 'by taxi', caseSensitive: false, anywhere: false, note: 'a test suffix' },
      { id: 'e', role: 'page-chrome', match: 'exact', pattern: 'hi', caseSensitive: false, anywhere: false, note: 'a test exact line' },
      { id: 'r', role: 'credit-line', match: 'regex', pattern: '^.*$', requires: ['ski'], caseSensitive: false, anywhere: false, note: 'a test regex' },
      // Without "k" and not ending in "i": searched by a case-insensitive regex, not in the lower-cased line.
      { id: 'q', role: 'byline-line', match: 'regex', pattern: '^.*$', requires: ['tribut', 'a.b'], caseSensitive: false, anywhere: false, note: 'a test regex' },
    ] satisfies TextCleaningEntry[];
    const small = compileTextCleaning({ ...lexicon, entries });
    const lines: [string, TextCleaningRole][] = [
      ['W\u0130K\u0130 page', 'page-chrome'], ['wik\u0130', 'page-chrome'], ['w\u0130', 'page-chrome'], ['went by tax\u0130', 'page-chrome'],
      ['H\u0130', 'page-chrome'], ['h\u0130', 'page-chrome'], ['HI', 'page-chrome'], ['\u212aI', 'page-chrome'],
      ['a \u212aSI b', 'credit-line'], ['a S\u212a\u0130', 'credit-line'], ['a SKI', 'credit-line'], ['a sk', 'credit-line'],
      ['CONTRIBUTED', 'byline-line'], ['a tRiBuTe', 'byline-line'], ['TR\u0130BUT', 'byline-line'], ['tribu\u0442', 'byline-line'],
      ['A.B', 'byline-line'], ['axb', 'byline-line'], ['\u017ftribut', 'byline-line'],
    ];
    for (const [text, role] of lines) {
      const got = small.match(text, role);
      expect(got === null ? null : { id: got.entry.id, value: got.value }, text).toEqual(referenceMatch(text, role, false, entries));
    }
  });

  it('skips end-anchored regexes by their last character only where they cannot match', () => {
    const entries = [
      { id: 'a', role: 'credit-line', match: 'regex', pattern: ' by (?:AP|Reuters|x\\|)\\.?$', caseSensitive: true, anywhere: false, note: 'a test regex' },
      { id: 'b', role: 'credit-line', match: 'regex', pattern: 'the (?:news|posts)$', requires: ['the'], caseSensitive: false, anywhere: false, note: 'a test regex' },
      { id: 'c', role: 'credit-line', match: 'regex', pattern: '\\(Photo\\)$', caseSensitive: true, anywhere: false, note: 'a test regex' },
    ] satisfies TextCleaningEntry[];
    const small = compileTextCleaning({ ...lexicon, entries });
    const lines = [
      'photo by AP', 'photo by AP.', 'photo by AP!', 'photo by Reuters', 'photo by Reuters.', 'photo by x|', 'photo by x|.', 'by AP .',
      'read the news', 'read the NEWS', 'read THE POSTS', 'read the post\u017f', 'read the news.', 'read the new',
      'a view (Photo)', 'a view (Photo).', 'a view (Photo',
    ];
    for (const text of lines) {
      const got = small.match(text, 'credit-line');
      expect(got === null ? null : { id: got.entry.id, value: got.value }, text).toEqual(referenceMatch(text, 'credit-line', false, entries));
    }
  });

  it.each([
    ['\u212aeep reading', 'page-chrome'],
    // U+017F folds to "s" in a case-insensitive Unicode regex: the first-character gate allows it.
    ['\u017ftory ID: 271', 'id-line'],
    ['Follow us on Telegram', 'page-chrome'],
    ['Jane Roe CONTRIBUTED TO THIS REPORT.', 'credit-line'],
    ['Jane Roe contributed to this report.', 'credit-line'],
    ['(Writing by Jane Roe)', 'credit-line'],
    ['SHARE ON FACEBOOK', 'page-chrome'],
  ] as const)('%s (%s) as the reference', (text, role) => {
    const got = matcher.match(text, role);
    expect(got === null ? null : { id: got.entry.id, value: got.value }).toEqual(referenceMatch(text, role, false));
  });
});
