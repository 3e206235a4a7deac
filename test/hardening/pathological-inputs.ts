/**
 * Generators of pathological article bodies, by approximate length in characters. Shared
 * by the fast suite (about 1 MB, correctness only) and the slow suite (scaling).
 */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.max(1, Math.ceil(length / unit.length))).slice(0, length);
}

const PARAGRAPH = 'TEHRAN - Irans foreign minister said on Monday that Washingtons “illegitimate” presence was the main source of insecurity, according to a statement. ';

export const pathologicalBodies: Record<string, (length: number) => string> = {
  'ordinary paragraphs (baseline)': (n) => fill(`${PARAGRAPH}\n\n`, n),
  'one line with no spaces': (n) => `Headline\n\n${fill('x', n)}`,
  'one sentence with no punctuation': (n) => `Headline\n\n${fill('officials said the regime ', n)}`,
  'thousands of unbalanced closing quotation marks': (n) => fill('malicious,” terrorist” and destabilizing” acts ', n),
  'thousands of unbalanced opening quotation marks': (n) => fill('“malicious, “terrorist and “destabilizing acts ', n),
  'quotation marks only': (n) => fill('”“"\'‘’«»„', n),
  'closing quote and attribution in every paragraph': (n) => fill('Cooperation will deter such evil acts,” he pointed out.\n\n', n),
  'one huge quotation': (n) => `“${fill('We will respond to the evil regime. ', n)}” he said.`,
  'dots, dashes and apostrophes': (n) => fill(".-'’.. U.S. Gen. Mr. --- ", n),
  'lost apostrophes everywhere': (n) => fill('Irans Iraqs Washingtons Baghdads Tehrans ', n),
  'one character with a million combining marks': (n) => `a${fill('\u0301', n)}`,
  'emoji and right-to-left text': (n) => fill('👨‍👩‍👧 مرحبا שלום \u202E evil \u202C ', n),
  'blank lines only': (n) => fill('\n', n),
  'page chrome repeated': (n) => fill('Security Key:\nCaptcha refresh\nPage Generated in 0/3627 sec\n', n),
  'header lines repeated': (n) => fill('News ID: 271880\nPublished: 0137 GMT July 22, 2020\n', n),
  'a caption credit on every line': (n) => fill('The minister meets his counterpart in Tehran on Tuesday. IRNA\n', n),
  'NUL and control characters': (n) => fill('\u0000\u0001\u001b[31m\u007f\u0085', n),
  'lone surrogates': (n) => fill('\uD800 \uDC00\uDBFF', n),
};
