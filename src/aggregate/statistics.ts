/**
 * Rates with bootstrap intervals, and distinctive words, computed from group aggregates.
 *
 * Every rate is a ratio of sums over a group's articles (e.g. loaded terms in own voice per
 * 1,000 own-voice words), never an average of per-article averages, so long and short
 * articles count by their words. Intervals are percentile intervals over the Poisson
 * bootstrap replicates stored in the aggregate.
 */
import type { ArticleStat, GroupAggregate } from './schema.js';
import { FIXED_POINT } from './schema.js';

export interface MetricDefinition {
  readonly id: string;
  readonly label: string;
  /** One line a reader can act on: what the number counts. */
  readonly explain: string;
  readonly numerator: ArticleStat;
  readonly denominator: ArticleStat;
  readonly scale: number;
  readonly unit: 'rate' | 'share' | 'mean';
}

export const METRICS: readonly MetricDefinition[] = [
  { id: 'loadedPer1kOwnVoice', label: 'Loaded per 1k, own voice', explain: 'Loaded terms in headlines and narration per 1,000 words the outlet wrote itself.', numerator: 'ownLoaded', denominator: 'ownWords', scale: 1000, unit: 'rate' },
  { id: 'loadedPer1kQuoted', label: 'Loaded per 1k, quoted', explain: 'Loaded terms inside quotes and reported speech per 1,000 quoted words.', numerator: 'quotedLoaded', denominator: 'quotedWords', scale: 1000, unit: 'rate' },
  { id: 'headlineLoadedShare', label: 'Loaded headlines', explain: 'Share of articles whose headline contains at least one loaded term.', numerator: 'headlineLoadedArticles', denominator: 'articles', scale: 1, unit: 'share' },
  { id: 'voicesPerArticle', label: 'Voices per article', explain: 'Distinct speakers quoted or reported per article.', numerator: 'voices', denominator: 'articles', scale: 1, unit: 'mean' },
  { id: 'anonymousShare', label: 'Anonymous voices', explain: 'Share of voices with no name ("officials said").', numerator: 'anonymousVoices', denominator: 'voices', scale: 1, unit: 'share' },
  { id: 'distancingShare', label: 'Distancing verbs', explain: 'Share of attribution verbs that cast doubt ("claimed", "alleged").', numerator: 'distancingCues', denominator: 'cueVerbs', scale: 1, unit: 'share' },
  { id: 'stateCreditShare', label: 'State-affiliated credits', explain: 'Share of articles crediting at least one state-affiliated source.', numerator: 'stateCreditArticles', denominator: 'articles', scale: 1, unit: 'share' },
  { id: 'sentimentPer100', label: 'Sentiment per 100 words', explain: 'AFINN valence of the whole text per 100 words (negative is hostile in tone).', numerator: 'sentimentFixed', denominator: 'words', scale: 100 / FIXED_POINT, unit: 'rate' },
  { id: 'entitySentiment', label: 'Entity sentiment', explain: 'Mean valence of the sentences about the actors named (per entity and article).', numerator: 'entitySentimentFixed', denominator: 'entitySentimentCount', scale: 1 / FIXED_POINT, unit: 'mean' },
];

export interface Estimate {
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** Linear-interpolated quantile of sorted values (type 7, as R's default). */
export function quantile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] as number;
  const b = sorted[upper] as number;
  return a + (b - a) * (position - lower);
}

export function estimate(group: GroupAggregate, metric: MetricDefinition, level = 0.95): Estimate {
  const den = group.totals[metric.denominator];
  if (den <= 0) return { value: null, low: null, high: null };
  const value = (group.totals[metric.numerator] / den) * metric.scale;
  const nums = group.bootstrap.sums[metric.numerator];
  const dens = group.bootstrap.sums[metric.denominator];
  const ratios: number[] = [];
  for (let b = 0; b < dens.length; b++) {
    const d = dens[b] as number;
    if (d > 0) ratios.push(((nums[b] ?? 0) / d) * metric.scale);
  }
  ratios.sort((x, y) => x - y);
  if (ratios.length < 10) return { value, low: null, high: null };
  const tail = (1 - level) / 2;
  return { value, low: quantile(ratios, tail), high: quantile(ratios, 1 - tail) };
}

export interface DistinctiveWord {
  readonly word: string;
  readonly count: number;
  /** Log-odds ratio of the group against all other groups, with the prior. */
  readonly delta: number;
  readonly z: number;
}

export interface LogOddsOptions {
  /** Total prior mass (α0 in Monroe et al.); the prior is the corpus's own word distribution scaled to it. */
  readonly priorMass?: number;
  /** Words seen fewer times than this in the whole corpus are ignored. */
  readonly minCount?: number;
  readonly top?: number;
}

/**
 * "Fightin' words" (Monroe, Colaresi & Quinn 2008, §3.5): log-odds ratio of each word in a
 * group against the rest of the corpus with an informative Dirichlet prior, divided by
 * its approximate standard deviation. |z| > 1.96 is a difference unlikely under chance.
 * Returns for each group its words with the highest z (over-represented).
 */
export function distinctiveWords(groups: readonly GroupAggregate[], options: LogOddsOptions = {}): Map<string, DistinctiveWord[]> {
  const priorMass = options.priorMass ?? 500;
  const minCount = options.minCount ?? 3;
  const top = Math.max(1, options.top ?? 20);
  const corpus = new Map<string, number>();
  let corpusTotal = 0;
  const groupTotals = new Map<string, number>();
  for (const group of groups) {
    let total = 0;
    for (const [word, n] of group.words) {
      corpus.set(word, (corpus.get(word) ?? 0) + n);
      total += n;
    }
    groupTotals.set(group.group, total);
    corpusTotal += total;
  }
  const result = new Map<string, DistinctiveWord[]>();
  for (const group of groups) {
    const ni = groupTotals.get(group.group) ?? 0;
    const nj = corpusTotal - ni;
    // Keep only the best `top` words, in order, as they come: no sort of the whole vocabulary.
    const words: DistinctiveWord[] = [];
    const before = (a: DistinctiveWord, b: DistinctiveWord): boolean => a.z > b.z || (a.z === b.z && a.word < b.word);
    if (ni > 0 && nj > 0) {
      for (const [word, yi] of group.words) {
        // A word used once in a group cannot reach a high z; skipping it halves the work.
        if (yi < 2) continue;
        const y = corpus.get(word) ?? 0;
        if (y < minCount) continue;
        const alpha = (priorMass * y) / corpusTotal;
        const yj = y - yi;
        const delta = Math.log((yi + alpha) / (ni + priorMass - yi - alpha)) - Math.log((yj + alpha) / (nj + priorMass - yj - alpha));
        const variance = 1 / (yi + alpha) + 1 / (yj + alpha);
        const candidate = { word, count: yi, delta, z: delta / Math.sqrt(variance) };
        if (words.length === top && !before(candidate, words[top - 1] as DistinctiveWord)) continue;
        let i = words.length === top ? top - 1 : words.length;
        while (i > 0 && before(candidate, words[i - 1] as DistinctiveWord)) {
          words[i] = words[i - 1] as DistinctiveWord;
          i--;
        }
        words[i] = candidate;
      }
    }
    result.set(group.group, words);
  }
  return result;
}
