/** Parsing aggregate lines, with errors that say which line and field is wrong. */
import { AGGREGATE_SCHEMA_ID, GroupAggregateSchema, type GroupAggregate } from './schema.js';

export function isAggregateLine(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { schema?: unknown }).schema === AGGREGATE_SCHEMA_ID;
}

export function parseAggregate(value: unknown, where: string): GroupAggregate {
  const parsed = GroupAggregateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${where}: not a valid ${AGGREGATE_SCHEMA_ID} line (${issue ? `${issue.path.join('.') || 'line'}: ${issue.message}` : 'invalid'})`);
}
