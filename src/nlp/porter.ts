/**
 * The adapter for `natural` (pinned at 8.1.1): framelens uses only its Porter stemmer,
 * through a deep import, because the package root loads database clients and prints
 * dotenv lines. Every use of natural goes through this module.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

/** Porter stem of one lower-case word ("massacring" → "massacr"). */
export function stemWord(word: string): string {
  return PorterStemmer.stem(word);
}

/** Regular inflection candidates of a word: plural, third person, past, gerund, adverb. */
function inflectionCandidates(word: string): string[] {
  const out = [`${word}s`, `${word}es`, `${word}ed`, `${word}ing`, `${word}d`];
  const last = word.charAt(word.length - 1);
  if (last === 'e') out.push(`${word.slice(0, -1)}ing`, `${word.slice(0, -1)}ed`);
  if (last === 'y' && word.length > 2) out.push(`${word.slice(0, -1)}ies`, `${word.slice(0, -1)}ied`);
  // Consonant doubling before a vowel suffix ("plot" → "plotted", "plotting").
  if (/[bdgklmnprt]$/.test(word) && /[aeiou][bdgklmnprt]$/.test(word) && !/[aeiou]{2}[a-z]$/.test(word)) {
    out.push(`${word}${last}ed`, `${word}${last}ing`);
  }
  return out;
}

/**
 * The inflections of `word` that the Porter stemmer maps to the same stem as `word`
 * itself, so a generated form never drifts into another word ("terror" does not yield
 * "terrorism": that is a different entry with its own rules). Sorted, without `word`.
 */
export function regularInflections(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const stem = stemWord(word);
  const forms = new Set<string>();
  for (const candidate of inflectionCandidates(word)) {
    if (candidate !== word && stemWord(candidate) === stem) forms.add(candidate);
  }
  return [...forms].sort();
}
