/**
 * What `report` and `compare` read: analysis JSONL (records and error records, as written
 * by `framelens analyze`), aggregate JSONL (`framelens aggregate`), or anything else,
 * which is analysed on the fly. A file's kind is told by its first line.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isAggregateLine, parseAggregate } from '../aggregate/read-aggregate.js';
import type { GroupAggregate } from '../aggregate/schema.js';
import { analyzeInputs, type AnalysisRunOptions } from '../pipeline/run-analysis.js';
import { ANALYSIS_SCHEMA_ID, ERROR_SCHEMA_ID, OutputRecordSchema, type OutputRecord } from '../schema/record.js';

export type SourceItem = { readonly kind: 'record'; readonly record: OutputRecord } | { readonly kind: 'aggregate'; readonly aggregate: GroupAggregate };

type FileKind = 'records' | 'aggregates' | 'articles';

function firstLine(path: string): string | null {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, read).toString('utf8').replace(/^\uFEFF/u, '');
    const line = text.split('\n').find((l) => l.trim());
    return line ?? null;
  } finally {
    closeSync(fd);
  }
}

/** Analysis or aggregate JSONL is recognised by the `schema` of its first line, whatever its extension. */
export function classifyInput(input: string): FileKind {
  if (input === '-' || /^https?:\/\//iu.test(input)) return 'articles';
  try {
    if (!statSync(input).isFile()) return 'articles';
    const line = firstLine(input);
    if (!line) return 'articles';
    const schema = /"schema"\s*:\s*"([^"]{1,40})"/u.exec(line.slice(0, 4096))?.[1];
    if (schema === ANALYSIS_SCHEMA_ID || schema === ERROR_SCHEMA_ID) return 'records';
    if (line.includes('framelens/aggregate@')) return 'aggregates';
  } catch {
    // Unreadable inputs are reported by the reader as error records.
  }
  return 'articles';
}

async function* readJsonl(path: string): AsyncGenerator<{ line: string; number: number }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim()) yield { line, number };
  }
}

function invalid(source: string, message: string): OutputRecord {
  return { schema: ERROR_SCHEMA_ID, source, id: null, error: { code: 'invalid-record', message } };
}

async function* readRecordFile(path: string): AsyncGenerator<SourceItem> {
  for await (const { line, number } of readJsonl(path)) {
    const where = `${path}:${number}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield { kind: 'record', record: { schema: ERROR_SCHEMA_ID, source: where, id: null, error: { code: 'invalid-json', message: `${where} is not JSON` } } };
      continue;
    }
    const parsed = OutputRecordSchema.safeParse(value);
    if (parsed.success) {
      yield { kind: 'record', record: parsed.data };
    } else {
      const issue = parsed.error.issues[0];
      yield { kind: 'record', record: invalid(where, `not a valid analysis record (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`) };
    }
  }
}

async function* readAggregateFile(path: string): AsyncGenerator<SourceItem> {
  for await (const { line, number } of readJsonl(path)) {
    const where = `${path}:${number}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${where} is not JSON (aggregate files must hold one aggregate per line)`);
    }
    if (!isAggregateLine(value)) throw new Error(`${where} is not an aggregate line; do not mix aggregates and records in one file`);
    yield { kind: 'aggregate', aggregate: parseAggregate(value, where) };
  }
}

/** Yields records and aggregates in input order; runs of plain inputs are analysed together. */
export async function* readReportSources(inputs: readonly string[], options: AnalysisRunOptions): AsyncGenerator<SourceItem> {
  let pending: string[] = [];
  async function* flush(): AsyncGenerator<SourceItem> {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    for await (const record of analyzeInputs(batch, options)) yield { kind: 'record', record };
  }
  for (const input of inputs) {
    const kind = classifyInput(input);
    if (kind === 'articles') {
      pending.push(input);
      continue;
    }
    yield* flush();
    yield* kind === 'records' ? readRecordFile(input) : readAggregateFile(input);
  }
  yield* flush();
}
