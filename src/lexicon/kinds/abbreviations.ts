/** Entry schema of `abbreviations` lexicons. */
import { z } from 'zod';

export const AbbreviationsEntrySchema = z.object({
  id: z.string().min(1),
});
export type AbbreviationsEntry = z.infer<typeof AbbreviationsEntrySchema>;
