/**
 * Entry schema of `loaded-terms` lexicons: words and phrases that frame an actor or event
 * rather than describe it ("evil", "regime", "martyred", "neutralized").
 *
 * Matching (see `src/analyzers/loaded-language/compile.ts`): every form in `match` is
 * tokenized by the document builder's own tokenizer and compared token by token with a
 * token's `base` (lower-cased, apostrophes straightened, possessive ending removed). With
 * `inflect` the last word of each form also matches its regular inflections ("evils",
 * "massacred", "massacring"), generated at compile time and kept only where natural's
 * Porter stemmer agrees they share the form's stem. Irregular forms are listed.
 */
import { z } from 'zod';

export const LOADED_CATEGORIES = [
  'demonizing',
  'terror-label',
  'delegitimizing',
  'criminalizing',
  'violence-framing',
  'euphemism',
  'glorifying',
  'emotive-intensifier',
  'dehumanizing',
  'name-calling',
  'malice-conspiracy',
  'doubt-marker',
  'ridicule',
  'exaggeration',
] as const;
export const LoadedCategorySchema = z.enum(LOADED_CATEGORIES);
export type LoadedCategory = z.infer<typeof LoadedCategorySchema>;

/** Lower-case words separated by single spaces, straight apostrophes, no curly quotes. */
const phrase = z
  .string()
  .min(1)
  .regex(/^[a-z0-9][a-z0-9'.-]*(?: [a-z0-9'.-]+)*$/, 'lower-case words separated by single spaces (straight apostrophes)');

export const LoadedTermsEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  /** The forms that match, lower case: "evil", "acts of terror", "took out". */
  match: z.array(phrase).min(1),
  /** Also match regular inflections of each form's last word (checked with the Porter stemmer). */
  inflect: z.boolean().default(false),
  /**
   * Longer phrases in which the term is not loaded ("lesser of two evils"). A match that
   * lies inside an occurrence of an exception is dropped.
   */
  exceptions: z.array(phrase).default([]),
  category: LoadedCategorySchema,
  /** Intensity 1 (mild) to 3 (strong), before context (negation, hedges) lowers it. */
  weight: z.number().int().min(1).max(3),
  polarity: z.enum(['negative', 'positive', 'neutral']),
  /**
   * Rough part of speech; decides where the target is looked for first (an adjective
   * modifies the noun after it, a noun is owned by the word before it). Defaults to
   * `phrase`, which reads like a noun.
   */
  pos: z.enum(['adj', 'noun', 'verb', 'adv', 'phrase']).default('phrase'),
  /**
   * `targeted`: only a finding when an actor can be told (the term is usually neutral
   * otherwise: "regime" alone is a political-science word, "the Iranian regime" is a label);
   * `entity`: only when the target is a gazetteer actor ("the US assassination of …", not
   * "the Kennedy assassination", which names a historical event).
   */
  requires: z.enum(['targeted', 'entity']).optional(),
  /** Neutral wording an editor could use instead. */
  alternatives: z.array(z.string().min(1)).default([]),
  /** Why it is loaded, in one sentence. */
  note: z.string().min(1),
  /** A source id from the file's `sources`. */
  source: z.string().min(1),
});
export type LoadedTermsEntry = z.infer<typeof LoadedTermsEntrySchema>;
