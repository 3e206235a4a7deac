/**
 * Entry schema of `abbreviations` lexicons: words written with a full stop that does not
 * end a sentence ("Mr.", "Gen.", "Jan."). Dotted letter sequences ("U.S.", "e.g.") and
 * single-letter initials ("John F. Kennedy") are recognized by the tokenizer without an
 * entry; list them here only to mark that they may also end a sentence.
 */
import { z } from 'zod';

export const AbbreviationsEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  /** As written, with its final full stop: "Gen.", "U.S.", "No.". Matched case-sensitively. */
  form: z.string().regex(/^[^\s]+\.$/, 'one word ending in a full stop'),
  /**
   * `title` (before a name: never ends a sentence when a capitalized word follows),
   * `month`, `number` (only an abbreviation before a number: "No. 5", "Art. 51"),
   * `other` (e.g. "etc.", "Inc.": may also end a sentence).
   */
  category: z.enum(['title', 'month', 'number', 'other']),
  /** True when the form often ends a sentence too ("U.S.", "etc.", "Inc."): a following sentence starter ends the sentence. */
  canEndSentence: z.boolean().default(false),
  note: z.string().min(1),
  source: z.string().optional(),
});
export type AbbreviationsEntry = z.infer<typeof AbbreviationsEntrySchema>;
