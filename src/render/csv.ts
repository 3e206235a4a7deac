/**
 * `--format csv`: one row per input record with its metadata and numeric scores, for
 * R, pandas and appendix tables. Error records get a row too (with `error_code`), so
 * row counts reconcile with the input.
 */
import { ANALYSIS_SCHEMA_ID, type OutputRecord } from '../schema/record.js';

/** Scores written as columns, in this order; nested score maps are flattened as `name.key`. */
export const CSV_SCORE_COLUMNS = [
  'words', 'sentences', 'loadedTerms', 'loadedWeight', 'loadedPer1k', 'loadedPer1kOwnVoice', 'loadedPer1kQuoted',
  'ownVoiceLoaded', 'quotedLoaded', 'headlineLoaded', 'voices', 'namedVoices', 'anonymousVoices', 'quotedWords',
  'quotedWordShare', 'cueVerbs', 'distancingCues', 'stateAffiliatedCredits', 'sentiment',
] as const;

const META_COLUMNS = ['id', 'source', 'outlet', 'title', 'url', 'published', 'registry_id', 'outlet_type', 'outlet_country'] as const;
const TAIL_COLUMNS = ['summary', 'error_code', 'error_message'] as const;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return [...META_COLUMNS, ...CSV_SCORE_COLUMNS, ...TAIL_COLUMNS].join(',');
}

export function csvRow(record: OutputRecord): string {
  if (record.schema !== ANALYSIS_SCHEMA_ID) {
    const cells = [record.id, record.source, ...META_COLUMNS.slice(2).map(() => null), ...CSV_SCORE_COLUMNS.map(() => null), null, record.error.code, record.error.message];
    return cells.map(csvCell).join(',');
  }
  const outlet = record.provenance.outlet;
  const scores = record.scores as Record<string, unknown>;
  const cells = [
    record.id, record.source, record.outlet, record.title, record.url, record.published,
    outlet?.registryId ?? null, outlet?.type ?? null, outlet?.country ?? null,
    ...CSV_SCORE_COLUMNS.map((name) => (typeof scores[name] === 'number' ? (scores[name] as number) : null)),
    record.summary, null, null,
  ];
  return cells.map(csvCell).join(',');
}
