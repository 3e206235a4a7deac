/** Entry schema of `speech-verbs` lexicons. */
import { z } from 'zod';

export const SpeechVerbsEntrySchema = z.object({
  id: z.string().min(1),
});
export type SpeechVerbsEntry = z.infer<typeof SpeechVerbsEntrySchema>;
