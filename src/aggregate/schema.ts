/**
 * The aggregate format (`framelens/aggregate@1`): one JSON line per group (outlet, month,
 * year or an input field), holding only integer counts and sums, so that aggregates of
 * shards add up to exactly the aggregate of the whole corpus, in any order and byte for
 * byte. Nothing in it is an average: rates are computed when a report is drawn.
 *
 * - `totals`: sums over the group's articles of the per-article statistics in
 *   `ARTICLE_STATS` (fixed-point where the source is fractional: `FIXED_POINT` units).
 * - `bootstrap`: the same sums under Poisson(1) resampling weights (Chamandy et al. 2012),
 *   one sum per replicate. An article's weights depend only on its identity and the seed,
 *   so replicate sums merge by addition and bootstrap intervals can be computed after
 *   merging without keeping per-article rows.
 * - String-keyed tallies (words, categories, labels) are sorted `[key, count]` pairs: arrays
 *   keep keys such as `__proto__` or `constructor` harmless and the order canonical.
 */
import { z } from 'zod';

export const AGGREGATE_SCHEMA_ID = 'framelens/aggregate@1';

/** Fractional sums (sentiment) are stored as integers in units of 1/FIXED_POINT. */
export const FIXED_POINT = 10_000;

/** Per-article statistics summed in `totals` and in every bootstrap replicate. */
export const ARTICLE_STATS = [
  'articles',
  'words',
  'ownWords',
  'quotedWords',
  'ownLoaded',
  'quotedLoaded',
  'headlineLoaded',
  'headlineLoadedArticles',
  'voices',
  'anonymousVoices',
  'cueVerbs',
  'distancingCues',
  'stateCredits',
  'stateCreditArticles',
  'sentimentFixed',
  'entitySentimentFixed',
  'entitySentimentCount',
] as const;
export type ArticleStat = (typeof ARTICLE_STATS)[number];

const count = z.number().int().nonnegative();
const integer = z.number().int();
const tally = z.array(z.tuple([z.string(), count]));

export const StatSumsSchema = z.object(Object.fromEntries(ARTICLE_STATS.map((k) => [k, integer])) as Record<ArticleStat, typeof integer>);
export type StatSums = z.infer<typeof StatSumsSchema>;

export const EntityAggregateSchema = z.object({
  id: z.string(),
  /** Names the entity was given, with how many articles used each. */
  names: tally,
  kind: z.string(),
  articles: count,
  sentimentFixed: integer,
  sentimentCount: count,
  /** Loaded labels aimed at it (lower-cased words): `[text, count, ownVoice, quoted]`. */
  labels: z.array(z.tuple([z.string(), count, count, count])),
});
export type EntityAggregate = z.infer<typeof EntityAggregateSchema>;

export const GroupAggregateSchema = z.object({
  schema: z.literal(AGGREGATE_SCHEMA_ID),
  /** `outlet`, `month`, `year` or `field:<name>`. */
  by: z.string(),
  group: z.string(),
  /** Error records that fell in this group (usually the `(unreadable)` group). */
  errors: count,
  totals: StatSumsSchema,
  bootstrap: z.object({
    seed: count,
    replicates: count,
    sums: z.object(Object.fromEntries(ARTICLE_STATS.map((k) => [k, z.array(integer)])) as Record<ArticleStat, z.ZodArray<typeof integer>>),
  }),
  /** `type · country` of the outlet as matched in the registry, with article counts. */
  registry: tally,
  /** Loaded terms by `category|voice`. */
  loaded: tally,
  /** Cue verb lemmas. */
  cues: tally,
  /** Credited sources: `source|stateAffiliated` (`1` or `0`). */
  credits: tally,
  entities: z.array(EntityAggregateSchema),
  /** Word counts from the articles' text, for distinctive-word statistics. */
  words: tally,
});
export type GroupAggregate = z.infer<typeof GroupAggregateSchema>;
