/** Entry schema of `outlets` lexicons. */
import { z } from 'zod';

export const OutletsEntrySchema = z.object({
  id: z.string().min(1),
});
export type OutletsEntry = z.infer<typeof OutletsEntrySchema>;
