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

/**
 * Runs of letters (Latin, Greek, Cyrillic and other alphabets up to U+024F and
 * U+0370–U+04FF) with one inner apostrophe, on lower-cased text; explicit ranges are
 * several times faster than \p{L}, and the pattern has no nested quantifiers.
 */
const WORD = /[a-z\u00df-\u00f6\u00f8-\u024f\u0370-\u04ff]+(?:['’][a-z\u00df-\u00f6\u00f8-\u024f\u0370-\u04ff]+)?/g;

export function addWordCounts(text: string, counts: Map<string, number>): void {
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  for (let match = WORD.exec(lower); match; match = WORD.exec(lower)) {
    const word = match[0];
    if (word.length < 3 || word.length > 30 || STOPWORDS.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
}
