/**
 * Entry schema of `entities` lexicons: the gazetteer of actors an article talks about.
 * A country is named by its name, aliases ("the US", "America"), metonyms (its capital or
 * seat of power: "Washington", "the White House") and demonyms ("American").
 */
import { z } from 'zod';
import { EntityKindSchema } from '../../schema/record.js';

export const EntitiesEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  /** Display name: "United States". */
  name: z.string().min(1),
  kind: EntityKindSchema,
  /** Other names for the same actor, matched case-sensitively as written ("US", "U.S.", "America"). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Places or institutions that stand for the actor ("Washington", "the Kremlin"). */
  metonyms: z.array(z.string().min(1)).default([]),
  /** Adjectives and nouns for its people ("American", "Americans"). */
  demonyms: z.array(z.string().min(1)).default([]),
  /**
   * Longer names in which a form does not stand for this actor ("Washington Post",
   * "George Washington"): a mention inside an occurrence of one of these is dropped.
   */
  exceptions: z.array(z.string().min(1)).default([]),
  /**
   * Bodies that list the group as terrorist (`un` for the UN Security Council sanctions
   * lists). A terror label aimed at a UN-listed group is usual news wording and weighs
   * less; designations by one side only are not recorded, because they are the dispute.
   */
  designations: z.array(z.enum(['un'])).default([]),
  /** For organisations and groups: the entity id of the country they belong to. */
  country: z.string().optional(),
  note: z.string().optional(),
  source: z.string().optional(),
});
export type EntitiesEntry = z.infer<typeof EntitiesEntrySchema>;
