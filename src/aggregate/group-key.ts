/** How records are grouped for aggregates and comparisons: `--by outlet|month|year|field:<name>`. */
import { UsageError } from '../cli/io.js';
import type { AnalysisRecord } from '../schema/record.js';

export type GroupBy = { readonly kind: 'outlet' | 'month' | 'year' } | { readonly kind: 'field'; readonly field: string };

export const UNKNOWN_OUTLET = '(unknown outlet)';
export const UNDATED = '(undated)';
export const UNREADABLE = '(unreadable)';

export function parseGroupBy(value: string): GroupBy {
  if (value === 'outlet' || value === 'month' || value === 'year') return { kind: value };
  if (value.startsWith('field:') && value.length > 'field:'.length) return { kind: 'field', field: value.slice('field:'.length) };
  throw new UsageError(`--by must be outlet, month, year or field:<name>, not "${value}"`);
}

export function formatGroupBy(by: GroupBy): string {
  return by.kind === 'field' ? `field:${by.field}` : by.kind;
}

/** The outlet a record belongs to: as given, else as the registry matched it. */
export function outletOf(record: AnalysisRecord): string {
  const name = record.outlet ?? record.provenance.outlet?.name ?? null;
  return name && name.trim() ? name.trim() : UNKNOWN_OUTLET;
}

export function groupKeyOf(record: AnalysisRecord, by: GroupBy): string {
  switch (by.kind) {
    case 'outlet':
      return outletOf(record);
    case 'month':
    case 'year': {
      const date = /^(\d{4})-(\d{2})/u.exec(record.published ?? '');
      if (!date) return UNDATED;
      return by.kind === 'year' ? (date[1] as string) : `${date[1] as string}-${date[2] as string}`;
    }
    case 'field': {
      const value = record.fields?.[by.field] ?? (by.field === 'outlet' ? outletOf(record) : undefined);
      return value && value.trim() ? value.trim() : `(no ${by.field})`;
    }
  }
}
