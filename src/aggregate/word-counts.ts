/**
 * Word counts for distinctive-word statistics. Tokenisation is deliberately simple (runs
 * of letters, lower case) and skips function words and very short or long tokens, which
 * carry no outlet signal and would dominate the size of an aggregate.
 */

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves said says say mr mrs ms one two also its it’s don’t'
  ).split(' '),
);

/** Lower-case letters of the Latin, Greek and Cyrillic alphabets (after toLowerCase). */
export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0x24f && code !== 0xf7) || (code >= 0x370 && code <= 0x4ff);
}

/**
 * Calls `visit` with the span of each word of already lower-cased text: a run of letters
 * with at most one inner apostrophe (' or ’). A hand-written scan that cuts no strings, so
 * callers can skip words before paying for a slice (which matters at tens of megabytes).
 */
export function forEachWordSpan(lower: string, visit: (start: number, end: number) => void): void {
  const n = lower.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(lower.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordChar(lower.charCodeAt(i))) i++;
    const mark = lower.charCodeAt(i);
    if ((mark === 39 || mark === 0x2019) && i + 1 < n && isWordChar(lower.charCodeAt(i + 1))) {
      i++;
      while (i < n && isWordChar(lower.charCodeAt(i))) i++;
    }
    visit(start, i);
  }
}

/** Calls `visit` with each word of already lower-cased text (see `forEachWordSpan`). */
export function forEachWord(lower: string, visit: (word: string) => void): void {
  forEachWordSpan(lower, (start, end) => visit(lower.slice(start, end)));
}

export function addWordCounts(text: string, counts: Map<string, number>): void {
  const lower = text.toLowerCase();
  forEachWordSpan(lower, (start, end) => {
    // Short and very long tokens are skipped before a string is cut out for them.
    const length = end - start;
    if (length < 3 || length > 30) return;
    const word = lower.slice(start, end);
    if (STOPWORDS.has(word)) return;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  });
}
