/**
 * fast-check arbitraries for hostile article text: the characters that break naive code
 * (lone surrogates, bidi controls, combining marks, emoji sequences, NUL and C0/C1
 * controls, every kind of quotation mark) mixed with the words and lines that framelens
 * rules react to (header lines, chrome, datelines, lost apostrophes, speech verbs), so
 * that fuzzing reaches the code paths that do something, not only the tokenizer.
 */
import fc from 'fast-check';

export const HOSTILE_UNITS: readonly string[] = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00', // lone surrogates
  '\u202E', '\u202D', '\u2066', '\u2067', '\u2069', '\u200F', '\u200E', '\u061C', // bidi controls
  'مرحبا بالعالم', 'שלום', 'ایران', '\u0627\u0644\u0639\u0631\u0627\u0642', // RTL words
  'e\u0301', 'a\u0308\u0308\u0308', '\u0301', '\u20DD', 'Z\u0351\u0324\u0353\u0325', // combining marks
  '👍🏽', '🇮🇷', '👨‍👩‍👧', '🏳️‍🌈', '\u200D', '\uFE0F', // emoji and joiners
  '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009C', // controls
  '\u2028', '\u2029', '\uFEFF', '\u200B', '\u00AD', '\uFFFD', '\uFFFF', '\uFFFE', // separators and oddities
  '\u00A0', '\u2009', '\u3000', '\t', ' ', '  ', // spaces
  '\n', '\n\n', '\r\n', '\r', '\r\n\r\n', // line endings
  '"', "'", '“', '”', '‘', '’', '„', '‚', '«', '»', '‹', '›', '″', '′', '`', '「', '」', // quotation marks
  '.', ',', ';', ':', '!', '?', '-', '—', '–', '…', '(', ')', '[', ']', '<', '>', '&', '&amp;', '\\', '/',
];

export const ARTICLE_PIECES: readonly string[] = [
  'Iran', 'Irans', 'Washingtons', 'Baghdads', 'Iran’s', "Iraq's", 'the US', 'U.S.', 'Mr.', 'Gen.', 'Lt.', 'Dr.', 'J. R.',
  'said', 'told reporters', 'claimed', 'according to', 'pointed out', 'he said.', ',” he said.', ',” she added.',
  'evil', 'regime', 'terrorist', 'terror mastermind', 'thugs', 'so-called', 'martyred', 'illegitimate', 'brotherly nation',
  'officials', 'speaking on condition of anonymity', 'a senior official', 'critics say',
  'News ID: 271880', 'Published: 0137 GMT July 22, 2020', 'Published: 9999 GMT Foo 99, 0000', 'By Jane Roe',
  'Security Key:', 'Captcha refresh', 'Page Generated in 0/3627 sec', 'Related articles', '© 2025 All rights reserved',
  'Press TV and Tasnim contributed to this story.', 'Reporting by A; Editing by B', 'IRNA', 'AP Photo/Jane Roe',
  'BAGHDAD (Meridian Wire) -', 'TEHRAN, March 3 (Volga International) -', 'Minister: Washington will pay',
  'Secretary of Iran’s Supreme National Security Council', 'Hezbollah', 'Daesh', 'ISIS',
];

const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_UNITS) },
  { weight: 4, arbitrary: fc.constantFrom(...ARTICLE_PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  // Any UTF-16 code unit, lone surrogates included.
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', ' ', '\n', '\n\n') },
);

/** Text built from hostile units and article pieces. */
export function hostileText(maxUnits = 120): fc.Arbitrary<string> {
  return fc.array(unit, { maxLength: maxUnits }).map((units) => units.join(''));
}

/** Multi-paragraph text: lines of hostile text, so line-based structuring is exercised. */
export function hostileArticleText(): fc.Arbitrary<string> {
  return fc.array(hostileText(25), { maxLength: 14 }).map((lines) => lines.join('\n'));
}

/** Runs per property, scaled by `FRAMELENS_FUZZ_SCALE` (e.g. 20 for a long fuzzing session). */
export function fuzzRuns(base: number): number {
  const scale = Number(process.env.FRAMELENS_FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
