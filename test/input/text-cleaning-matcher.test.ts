import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextCleaningEntrySchema, unsafeRegexReason } from '../../src/lexicon/kinds/text-cleaning.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { compileTextCleaning } from '../../src/input/text-cleaning-matcher.js';

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
