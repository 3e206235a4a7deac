/** Entry schema of `entities` lexicons. */
import { z } from 'zod';

export const EntitiesEntrySchema = z.object({
  id: z.string().min(1),
});
export type EntitiesEntry = z.infer<typeof EntitiesEntrySchema>;
