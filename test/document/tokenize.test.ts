import { describe, expect, it } from 'vitest';
import { compileAbbreviations } from '../../src/document/abbreviations.js';
import { tokenize } from '../../src/document/tokenize.js';
import { testLexicons } from './helpers.js';

const abbreviations = compileAbbreviations(testLexicons().abbreviations.entries);

function words(text: string): string[] {
  return tokenize(text, { abbreviations }).map((t) => text.slice(t.start, t.end));
}

describe('tokenize: word boundaries', () => {
  const cases: [string, string[]][] = [
    ['The minister won’t attend.', ['The', 'minister', 'won’t', 'attend', '.']],
    ["Ankara's envoy didn't call", ["Ankara's", 'envoy', "didn't", 'call']],
    ['talks with al-Sudani on anti-smuggling', ['talks', 'with', 'al-Sudani', 'on', 'anti-smuggling']],
    ['the U.S. and U.N. envoys', ['the', 'U.S.', 'and', 'U.N.', 'envoys']],
    ['aid, e.g. food, i.e. grain', ['aid', ',', 'e.g.', 'food', ',', 'i.e.', 'grain']],
    ['about 1,250 troops and 3.5 percent in 2021', ['about', '1,250', 'troops', 'and', '3.5', 'percent', 'in', '2021']],
    ['Gen. Farid Nasser met Mr. Okafor', ['Gen.', 'Farid', 'Nasser', 'met', 'Mr.', 'Okafor']],
    ['John F. Kennedy Airport', ['John', 'F.', 'Kennedy', 'Airport']],
    ['Resolution No. 2231 says no.', ['Resolution', 'No.', '2231', 'says', 'no', '.']],
    ['the provinces’ governors', ['the', 'provinces’', 'governors']],
    ['He paused... then left', ['He', 'paused', '...', 'then', 'left']],
    ['a 10-year plan — finally', ['a', '10-year', 'plan', '—', 'finally']],
    ['“terrorist” groups', ['“', 'terrorist', '”', 'groups']],
    ['costs $40 (about €37)', ['costs', '$', '40', '(', 'about', '€', '37', ')']],
    ['Zürich and Şanlıurfa', ['Zürich', 'and', 'Şanlıurfa']],
    ['café\u0301 crème', ['café\u0301', 'crème']],
    ['fans 😀 cheered', ['fans', '😀', 'cheered']],
    ['visit example.com today', ['visit', 'example', '.', 'com', 'today']],
    ["'90s music", ["'", '90s', 'music']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('tokenize: normal forms', () => {
  it('lower-cases, straightens apostrophes and unifies dashes', () => {
    const text = 'Iran’s IRGC — and al‑Amiri';
    const tokens = tokenize(text, { abbreviations });
    expect(tokens.map((t) => t.norm)).toEqual(["iran's", 'irgc', '-', 'and', 'al-amiri']);
  });

  it('strips possessive endings into base', () => {
    const text = "Iran’s Britain's states' it's";
    const tokens = tokenize(text, { abbreviations });
    expect(tokens.map((t) => [t.base, t.possessive])).toEqual([
      ['iran', true], ['britain', true], ['states', true], ["it's", false],
    ]);
  });

  it('marks capitalized words and token kinds', () => {
    const text = 'Oslo hosted 12 talks!';
    const tokens = tokenize(text, { abbreviations });
    expect(tokens.map((t) => [t.kind, t.capitalized])).toEqual([
      ['word', true], ['word', false], ['number', false], ['word', false], ['punct', false],
    ]);
  });

  it('keeps offsets exact around astral characters and lone surrogates', () => {
    const text = 'a\uD83D\uDE00b \uD800 c';
    const tokens = tokenize(text, { abbreviations });
    for (const token of tokens) expect(token.end).toBeGreaterThan(token.start);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['a', '\uD83D\uDE00', 'b', '\uD800', 'c']);
  });
});
