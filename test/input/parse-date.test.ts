import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate, parseTimestamp } from '../../src/input/parse-date.js';

describe('parseDate', () => {
  const cases: [string, string | null][] = [
    ['2020-07-22', '2020-07-22'],
    ['2020-07-22T01:37:00Z', '2020-07-22T01:37:00Z'],
    ['2020-07-22T04:07:00+03:30', '2020-07-22T00:37:00Z'],
    ['2020-07-22T01:37:00.123-0400', '2020-07-22T05:37:00Z'],
    ['2020-07-22 13:45', '2020-07-22T13:45:00'],
    ['2020-07-22 13:45:10', '2020-07-22T13:45:10'],
    ['July 22, 2020', '2020-07-22'],
    ['Jul. 22, 2020', '2020-07-22'],
    ['22 July 2020', '2020-07-22'],
    ['Wednesday, 22nd July 2020', '2020-07-22'],
    ['0137 GMT July 22, 2020', '2020-07-22T01:37:00Z'],
    ['2300 GMT July 21, 2020', '2020-07-21T23:00:00Z'],
    ['Wed, 22 Jul 2020 01:37:00 +0000', '2020-07-22T01:37:00Z'],
    ['Wed, 22 Jul 2020 01:37:00 GMT', '2020-07-22T01:37:00Z'],
    ['July 22, 2020 1:37 p.m. EDT', '2020-07-22T17:37:00Z'],
    ['July 22, 2020 1:37 PM', '2020-07-22T13:37:00'],
    ['July 22, 2020 10:00 IST', '2020-07-22'],
    ['Published on July 22, 2020', '2020-07-22'],
    ['7/22/2020', '2020-07-22'],
    ['22/07/2020', '2020-07-22'],
    ['03/04/2020', null],
    ['February 30, 2020', null],
    ['2020-13-01', null],
    ['July 2020', null],
    ['yesterday', null],
    ['Tuesday', null],
    ['Page 2 of 2020', null],
    ['', null],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('does not depend on the local time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Asia/Tehran';
    try {
      expect(parseDate('0137 GMT July 22, 2020')).toBe('2020-07-22T01:37:00Z');
      expect(parseDate('July 22, 2020')).toBe('2020-07-22');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('reads numeric timestamps in seconds and milliseconds', () => {
    expect(parseTimestamp(1595381820)).toBe('2020-07-22T01:37:00Z');
    expect(parseTimestamp(1595381820000)).toBe('2020-07-22T01:37:00Z');
    expect(parseTimestamp(-5)).toBeNull();
  });

  it('returns null or a well-formed ISO string for any input, never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (input) => {
      const out = parseDate(input);
      if (out !== null) expect(out).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z?)?$/);
    }), { numRuns: 500 });
  });
});
