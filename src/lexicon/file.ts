/**
 * The envelope every lexicon file shares. Entries are validated by the schema of the
 * file's `kind` (see `kinds.ts`); every entry has an `id` unique within its kind.
 */
import { z } from 'zod';

export const LexiconSourceSchema = z.object({
  id: z.string().min(1),
  citation: z.string().min(1),
  url: z.string().optional(),
  licence: z.string().optional(),
});
export type LexiconSource = z.infer<typeof LexiconSourceSchema>;

export const LexiconEnvelopeSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash or underscore'),
  kind: z.string(),
  version: z.string().min(1),
  description: z.string().optional(),
  /** Citations that entries refer to by `source`. */
  sources: z.array(LexiconSourceSchema).default([]),
  entries: z.array(z.unknown()),
});
export type LexiconEnvelope = z.infer<typeof LexiconEnvelopeSchema>;

/** A validated lexicon of one kind. */
export interface Lexicon<Entry extends { id: string }> {
  readonly id: string;
  readonly kind: string;
  readonly version: string;
  readonly file: string;
  readonly sources: readonly LexiconSource[];
  readonly entries: readonly Entry[];
  /**
   * Every file merged into this lexicon, in load order (bundled files of the kind, then the
   * user's): what `meta.lexicons` records so a result can be reproduced.
   */
  readonly layers?: readonly { readonly id: string; readonly version: string; readonly file: string }[];
}
