/** Entry schema of `loaded-terms` lexicons. */
import { z } from 'zod';

export const LoadedTermsEntrySchema = z.object({
  id: z.string().min(1),
});
export type LoadedTermsEntry = z.infer<typeof LoadedTermsEntrySchema>;
