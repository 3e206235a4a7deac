/**
 * Entry schema of `speech-verbs` lexicons: everything the attribution analyzer reads as
 * data. Entries are a discriminated union on `type`:
 *
 * - `verb`: a cue of attribution with its connotation class ("claimed" distances, "pointed
 *   out" lends credence). `forms` are the inflected phrases matched on token norms
 *   ("pointed out"); `nounForms` are forms that are also common nouns ("report", "claims")
 *   and only count in a verbal context. `frame` tells how the cue takes its source:
 *   `speech`/`belief` verbs have a subject, `prep` ("according to") a following noun
 *   phrase, `colon` a headline label ("Minister: …").
 * - `source-noun`: heads of unnamed sources: `anonymous` (officials, sources, diplomats)
 *   or `vague` (critics, experts, "some").
 * - `anonymity-marker`: phrases by which the outlet grants anonymity ("on condition of
 *   anonymity").
 * - `title`: titles and roles that introduce people ("Prime Minister", "spokesman"); the
 *   `group` lets a later role reference ("the premier", "the top lawmaker") find the
 *   person introduced with a title of the same group.
 * - `organisation`: head nouns that make a capitalised run an organisation ("Ministry").
 */
import { z } from 'zod';
import { PolaritySchema } from '../../schema/record.js';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
/** Lower-case, space-separated token norms ("pointed out", "sen."). */
const form = z
  .string()
  .min(1)
  .refine((value) => value === value.toLowerCase() && value.trim() === value && !value.includes('  '), 'lower-case, single-spaced, trimmed');

/**
 * `attitude` cues attribute a position, belief, wish or finding rather than words ("wants
 * to", "opposes", "polls show"): PARC-style attribution. They are recorded as their own
 * finding rule (`attribution/attitude-*`), so counts of speech verbs and the distancing
 * share stay about speech.
 */
export const CueClassSchema = z.enum(['neutral', 'emphatic', 'doubt', 'concession', 'credence', 'aggressive', 'attitude']);
export type CueClass = z.infer<typeof CueClassSchema>;

export const CueFrameSchema = z.enum(['speech', 'belief', 'prep', 'colon']);
export type CueFrame = z.infer<typeof CueFrameSchema>;

const common = {
  id,
  note: z.string().min(1),
  source: z.string().optional(),
};

export const SpeechVerbEntrySchema = z.object({
  type: z.literal('verb'),
  ...common,
  /** What `cue.verb` records: "say", "point out", "according to", ":". */
  lemma: z.string().min(1),
  forms: z.array(form).min(1),
  nounForms: z.array(form).optional(),
  class: CueClassSchema,
  frame: CueFrameSchema,
  weight: z.number().min(0).max(3),
  polarity: PolaritySchema,
  /** Takes an addressee before its content ("told reporters that …"). */
  addressee: z.boolean().optional(),
  /** A cue only before a clause ("found that …", "showed he was …"), not before an object ("found a group"). */
  clause: z.boolean().optional(),
  /** Also a cue in the passive ("is expected to …"), whose grammatical subject is then not the source. */
  passive: z.boolean().optional(),
  /** A cue only when the next token is one of these ("declined to …", "seemed to …", "worried that …"). */
  followedBy: z.array(form).min(1).optional(),
  /** For `prep` cues: the cue counts only when its object phrase holds one of these heads ("in a poll", "in his view"). */
  objectHeads: z.array(form).min(1).optional(),
});

export const SourceNounEntrySchema = z.object({
  type: z.literal('source-noun'),
  ...common,
  forms: z.array(form).min(1),
  anonymity: z.enum(['anonymous', 'vague']),
});

export const AnonymityMarkerEntrySchema = z.object({
  type: z.literal('anonymity-marker'),
  ...common,
  forms: z.array(form).min(1),
});

export const TitleEntrySchema = z.object({
  type: z.literal('title'),
  ...common,
  forms: z.array(form).min(1),
  /** Titles of one group refer to one another ("premier" → "Prime Minister"). */
  group: z.string().min(1),
  /** A gendered title ("spokeswoman", "Mr.") tells "he" from "she". */
  gender: z.enum(['female', 'male']).optional(),
});

export const OrganisationEntrySchema = z.object({
  type: z.literal('organisation'),
  ...common,
  forms: z.array(form).min(1),
});

export const SpeechVerbsEntrySchema = z.discriminatedUnion('type', [
  SpeechVerbEntrySchema,
  SourceNounEntrySchema,
  AnonymityMarkerEntrySchema,
  TitleEntrySchema,
  OrganisationEntrySchema,
]);
export type SpeechVerbsEntry = z.infer<typeof SpeechVerbsEntrySchema>;
export type SpeechVerbEntry = z.infer<typeof SpeechVerbEntrySchema>;
export type SourceNounEntry = z.infer<typeof SourceNounEntrySchema>;
export type TitleEntry = z.infer<typeof TitleEntrySchema>;
