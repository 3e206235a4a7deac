/** Entry schema of `text-cleaning` lexicons. */
import { z } from 'zod';

export const TextCleaningEntrySchema = z.object({
  id: z.string().min(1),
});
export type TextCleaningEntry = z.infer<typeof TextCleaningEntrySchema>;
