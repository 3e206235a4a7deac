/**
 * The analysis record: what `framelens analyze` writes, one per input article.
 *
 * This file is the single source of truth for the format described in the output
 * contract (`framelens schema` prints it as JSON Schema). Add fields freely; rename
 * none without bumping the schema version.
 *
 * Offsets: every `start`/`end` indexes into the record's `text`, in UTF-16 code units
 * (JavaScript string indices), `start` inclusive, `end` exclusive.
 */
import { z } from 'zod';

export const ANALYSIS_SCHEMA_ID = 'framelens/analysis@1';
export const ERROR_SCHEMA_ID = 'framelens/error@1';

const offset = z.number().int().nonnegative();

export const BlockKindSchema = z.enum(['headline', 'dek', 'caption', 'byline', 'dateline', 'paragraph', 'credit']);
export type BlockKind = z.infer<typeof BlockKindSchema>;

export const BlockSchema = z.object({ kind: BlockKindSchema, start: offset, end: offset });
export type Block = z.infer<typeof BlockSchema>;

export const RemovedSchema = z.object({
  text: z.string(),
  /** `page-chrome`, `duplicate-headline`, `metadata`, `boilerplate`, … */
  reason: z.string(),
});
export type Removed = z.infer<typeof RemovedSchema>;

export const RepairSchema = z.object({
  /** `lost-apostrophe`, `unbalanced-quote`, `mojibake`, `encoding`, `nbsp`, … */
  kind: z.string(),
  start: offset,
  end: offset,
  note: z.string(),
});
export type Repair = z.infer<typeof RepairSchema>;

export const QuoteKindSchema = z.enum(['direct', 'indirect', 'mixed', 'scare']);
export type QuoteKind = z.infer<typeof QuoteKindSchema>;

export const CueSchema = z.object({
  start: offset,
  end: offset,
  /** The cue's lemma: `say`, `claim`, `point out`, `according to`, … */
  verb: z.string(),
});
export type Cue = z.infer<typeof CueSchema>;

export const QuoteSchema = z.object({
  start: offset,
  end: offset,
  kind: QuoteKindSchema,
  /** A voice `id`, or null when nobody can be credited. */
  speaker: z.string().nullable(),
  cue: CueSchema.nullable(),
  /** True where the opening mark was missing and the start had to be inferred. */
  inferredOpen: z.boolean(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const VoiceSchema = z.object({
  id: z.string(),
  /** Null for unnamed sources ("officials said"). */
  name: z.string().nullable(),
  role: z.string().nullable(),
  /** Country or organisation (an entity id where known, else a name). */
  affiliation: z.string().nullable(),
  anonymous: z.boolean(),
  /** Number of quotes (direct, indirect or mixed) credited to this voice. */
  quotes: z.number().int().nonnegative(),
  quotedWords: z.number().int().nonnegative(),
  /** Cue lemmas used for this voice, with counts. */
  verbs: z.record(z.string(), z.number().int().nonnegative()),
});
export type Voice = z.infer<typeof VoiceSchema>;

export const FindingVoiceSchema = z.enum(['headline', 'narration', 'scare', 'quoted', 'reported']);
export type FindingVoice = z.infer<typeof FindingVoiceSchema>;

export const PolaritySchema = z.enum(['negative', 'positive', 'neutral']);
export type Polarity = z.infer<typeof PolaritySchema>;

/** One fact the tool noticed, with the words that produced it. Every score is a sum over these. */
export const FindingSchema = z.object({
  /** Stable within the record: `<analyzer>/<entry>@<start>-<end>`. */
  id: z.string(),
  analyzer: z.string(),
  /** `analyzer/entry-id` of the lexicon entry or rule that fired. */
  rule: z.string(),
  category: z.string(),
  start: offset,
  end: offset,
  /** Always `text.slice(start, end)`. */
  text: z.string(),
  voice: FindingVoiceSchema,
  speaker: z.string().nullable(),
  target: z.string().nullable(),
  weight: z.number(),
  polarity: PolaritySchema,
  note: z.string(),
  /** Where the lexicon entry came from (citation), when known. */
  source: z.string().optional(),
  /** Neutral alternatives offered by the lexicon. */
  alternatives: z.array(z.string()).optional(),
  /** Context that changed the weight: `negated`, `hedged`, `distanced`, `mention`. */
  context: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const CreditKindSchema = z.enum(['contributor', 'photo', 'wire', 'byline', 'citation']);
export type CreditKind = z.infer<typeof CreditKindSchema>;

export const CreditSchema = z.object({
  kind: CreditKindSchema,
  source: z.string(),
  start: offset,
  end: offset,
  registryId: z.string().nullable(),
  country: z.string().nullable(),
  stateAffiliated: z.boolean(),
  /** Registry typology (e.g. `state-controlled`), when matched. */
  type: z.string().nullable().optional(),
});
export type Credit = z.infer<typeof CreditSchema>;

export const OutletMatchSchema = z.object({
  name: z.string(),
  registryId: z.string().nullable(),
  country: z.string().nullable(),
  type: z.string().nullable(),
  stateAffiliated: z.boolean().optional(),
  /** How the outlet was found: `input`, `site-name`, `domain`, `dateline`, `header`. */
  via: z.string().optional(),
});
export type OutletMatch = z.infer<typeof OutletMatchSchema>;

export const ProvenanceSchema = z.object({
  outlet: OutletMatchSchema.nullable(),
  credits: z.array(CreditSchema),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const EntityKindSchema = z.enum(['country', 'organisation', 'armed-group', 'person', 'group', 'place', 'other']);
export type EntityKind = z.infer<typeof EntityKindSchema>;

export const EntitySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: EntityKindSchema,
  /** Offsets of each mention in `text`. */
  mentions: z.array(z.object({ start: offset, end: offset })),
  /** Mean AFINN valence of the sentences that mention it (null when no sentence scores). */
  sentiment: z.number().nullable(),
  /** The loaded terms aimed at it: lexicon entry id, the words, how often, in whose voice. */
  labels: z.array(
    z.object({
      rule: z.string(),
      text: z.string(),
      count: z.number().int().positive(),
      ownVoice: z.number().int().nonnegative(),
      quoted: z.number().int().nonnegative(),
    }),
  ),
});
export type Entity = z.infer<typeof EntitySchema>;

export const ScoresSchema = z
  .object({
    words: z.number().int().nonnegative(),
    sentences: z.number().int().nonnegative(),
    loadedTerms: z.number().nonnegative(),
    loadedPer1k: z.number().nonnegative(),
    loadedPer1kOwnVoice: z.number().nonnegative(),
    loadedPer1kQuoted: z.number().nonnegative(),
    headlineLoaded: z.number().nonnegative(),
    voices: z.number().int().nonnegative(),
    namedVoices: z.number().int().nonnegative(),
    anonymousVoices: z.number().int().nonnegative(),
    quotedWordShare: z.number().min(0).max(1),
    stateAffiliatedCredits: z.number().int().nonnegative(),
    sentiment: z.number(),
  })
  .catchall(z.union([z.number(), z.record(z.string(), z.number())]));
export type Scores = z.infer<typeof ScoresSchema>;

export const MetaSchema = z.object({
  framelens: z.string(),
  lexicons: z.array(z.object({ id: z.string(), version: z.string() })),
});
export type Meta = z.infer<typeof MetaSchema>;

export const AnalysisRecordSchema = z.object({
  schema: z.literal(ANALYSIS_SCHEMA_ID),
  id: z.string(),
  source: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  /** Free-form input fields kept for grouping (`topic`, `outlet_leaning`, …). */
  fields: z.record(z.string(), z.string()).optional(),
  text: z.string(),
  blocks: z.array(BlockSchema),
  removed: z.array(RemovedSchema),
  repairs: z.array(RepairSchema),
  quotes: z.array(QuoteSchema),
  voices: z.array(VoiceSchema),
  findings: z.array(FindingSchema),
  provenance: ProvenanceSchema,
  entities: z.array(EntitySchema),
  scores: ScoresSchema,
  summary: z.string(),
  meta: MetaSchema,
});
export type AnalysisRecord = z.infer<typeof AnalysisRecordSchema>;

export const ErrorCodeSchema = z.enum([
  'unreadable',
  'not-found',
  'binary',
  'invalid-json',
  'invalid-record',
  'no-text',
  'empty',
  'too-large',
  'fetch-failed',
  'unsupported',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorRecordSchema = z.object({
  schema: z.literal(ERROR_SCHEMA_ID),
  source: z.string(),
  id: z.string().nullable(),
  error: z.object({ code: ErrorCodeSchema, message: z.string() }),
});
export type ErrorRecord = z.infer<typeof ErrorRecordSchema>;

export const OutputRecordSchema = z.union([AnalysisRecordSchema, ErrorRecordSchema]);
export type OutputRecord = z.infer<typeof OutputRecordSchema>;
