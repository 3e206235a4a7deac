/**
 * Entry schema of `outlets` lexicons: the outlet registry.
 *
 * One entry per outlet or news agency. The ownership typology is the State Media
 * Matrix's (after the State Media Monitor), kept with its code because it is richer than
 * a yes/no: it separates who funds an outlet, who runs it and who controls what it
 * publishes. Outlets outside the Matrix (private papers, wire cooperatives) get the
 * extra labels `private` and `cooperative`.
 *
 * `stateAffiliated` is true exactly when the state controls the editorial line (the
 * Matrix's SC, CaPu and CaPr); state-funded or state-managed media with editorial
 * independence (ISFM, ISF, ISM, IP: the BBC, Deutsche Welle, Voice of America) are not
 * called state media. The flag is stored, not derived, so a user registry can disagree.
 */
import { z } from 'zod';

/** Matrix code → readable label. */
export const MATRIX_TYPOLOGY = {
  SC: 'state-controlled',
  CaPu: 'captured-public',
  CaPr: 'captured-private',
  ISFM: 'independent-state-funded-and-managed',
  ISF: 'independent-state-funded',
  ISM: 'independent-state-managed',
  IP: 'independent-public',
} as const;
export type MatrixCode = keyof typeof MATRIX_TYPOLOGY;

/** Codes under which the state controls what the outlet publishes. */
export const STATE_AFFILIATED_CODES: ReadonlySet<MatrixCode> = new Set(['SC', 'CaPu', 'CaPr']);

export const OutletTypeSchema = z.enum([
  ...(Object.values(MATRIX_TYPOLOGY) as [string, ...string[]]),
  'private',
  'cooperative',
  'unclassified',
]);
export type OutletType = z.infer<typeof OutletTypeSchema>;

const MatrixCodeSchema = z.enum(Object.keys(MATRIX_TYPOLOGY) as [MatrixCode, ...MatrixCode[]]);

const nameSchema = z.string().trim().min(1).max(120);

/** A host name without scheme, path, port or a leading `www.`: `presstv.ir`, `en.irna.ir`. */
export const DomainSchema = z
  .string()
  .regex(/^(?!www\.)[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z]{2,63}$/, 'a lower-case host name such as "presstv.ir" (no scheme, path or "www.")');

export const OutletsEntrySchema = z.object({
  /** Stable, lower-case: `press-tv`, `reuters`. Credits and the outlet match carry it as `registryId`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  /** The name as the outlet writes it in English. */
  name: nameSchema,
  /** Other names found in text: short forms, spellings, native-script names ("PressTV", "پرس تی وی"). */
  aliases: z.array(nameSchema).default([]),
  /**
   * Names that are also ordinary words or places ("Iran", "Star"), or that another outlet
   * is better known by ("NBC"): recognised in an outlet field of the input, never in
   * running text. May repeat `name`, which then is not matched in text either.
   */
  ambiguousNames: z.array(nameSchema).default([]),
  domains: z.array(DomainSchema).default([]),
  /** Country name in English; null for international or unknown. */
  country: z.string().min(1).nullable(),
  /** ISO 3166-1 alpha-2, when the country has one. */
  countryCode: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, e.g. "IR"').nullable().default(null),
  type: OutletTypeSchema,
  /** The State Media Matrix code, when the classification comes from it. */
  typeCode: MatrixCodeSchema.nullable().default(null),
  stateAffiliated: z.boolean(),
  /** Owner or parent organisation. */
  parent: z.string().min(1).nullable().default(null),
  /** `wire`: a news agency whose copy other outlets carry; `outlet`: everything else. */
  kind: z.enum(['outlet', 'wire']),
  /** Id of an entry in the file's `sources`, or a URL. */
  source: z.string().min(1),
  /** When the classification was made or last checked: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  asOf: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date such as "2023" or "2026-11-27"'),
  /** Why it is classified so (shown in findings). */
  note: z.string().optional(),
});
export type OutletsEntry = z.infer<typeof OutletsEntrySchema>;
