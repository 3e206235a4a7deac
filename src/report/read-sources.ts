/**
 * What `report` and `compare` read: analysis JSONL (records and error records, as written
 * by `framelens analyze`), aggregate JSONL (`framelens aggregate`), or anything else,
 * which is analysed on the fly. A file's kind is told by its first line.
 */
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isAggregateLine, parseAggregate } from '../aggregate/read-aggregate.js';
import type { GroupAggregate } from '../aggregate/schema.js';
import { analyzeInputs, type AnalysisRunOptions } from '../pipeline/run-analysis.js';
import { ANALYSIS_SCHEMA_ID, ERROR_SCHEMA_ID, OutputRecordSchema, type OutputRecord } from '../schema/record.js';

export type SourceItem = { readonly kind: 'record'; readonly record: OutputRecord } | { readonly kind: 'aggregate'; readonly aggregate: GroupAggregate };

type FileKind = 'records' | 'record-array' | 'aggregates' | 'articles';

/** The first two non-empty lines (a JSON array written by `analyze --format json` opens with `[`). */
function firstLines(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, read).toString('utf8').replace(/^\uFEFF/u, '');
    return text
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 2);
  } finally {
    closeSync(fd);
  }
}

function schemaOf(line: string): string | undefined {
  return /"schema"\s*:\s*"([^"]{1,40})"/u.exec(line.slice(0, 4096))?.[1];
}

/** Analysis or aggregate JSONL is recognised by the `schema` of its first line, whatever its extension. */
export function classifyInput(input: string): FileKind {
  if (input === '-' || /^https?:\/\//iu.test(input)) return 'articles';
  try {
    if (!statSync(input).isFile()) return 'articles';
    const [line, next] = firstLines(input);
    if (!line) return 'articles';
    const isRecord = (l: string | undefined): boolean => l !== undefined && (schemaOf(l) === ANALYSIS_SCHEMA_ID || schemaOf(l) === ERROR_SCHEMA_ID);
    if (isRecord(line)) return 'records';
    if (line.trim() === '[' && isRecord(next)) return 'record-array';
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
    yield toItem(value, where);
  }
}

function toItem(value: unknown, where: string): SourceItem {
  const parsed = OutputRecordSchema.safeParse(value);
  if (parsed.success) return { kind: 'record', record: parsed.data };
  const issue = parsed.error.issues[0];
  return { kind: 'record', record: invalid(where, `not a valid analysis record (${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid'})`) };
}

/** `analyze --format json` output: one array, read whole (it is meant for small runs). */
function* readRecordArray(path: string): Generator<SourceItem> {
  let values: unknown;
  try {
    values = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    yield { kind: 'record', record: { schema: ERROR_SCHEMA_ID, source: path, id: null, error: { code: 'invalid-json', message: `${path} is not valid JSON` } } };
    return;
  }
  const list = Array.isArray(values) ? values : [];
  for (let i = 0; i < list.length; i++) yield toItem(list[i], `${path}[${i}]`);
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

/**
 * Yields records and aggregates in input order; runs of plain inputs are analysed together.
 * `--shard i/n` keeps every n-th record of analysis files too (by position across them),
 * as `analyze` does for articles, so `aggregate --shard` works on either.
 */
export async function* readReportSources(inputs: readonly string[], options: AnalysisRunOptions): AsyncGenerator<SourceItem> {
  let pending: string[] = [];
  let position = 0;
  const shard = options.shard;
  async function* sharded(items: AsyncIterable<SourceItem> | Iterable<SourceItem>): AsyncGenerator<SourceItem> {
    for await (const item of items) {
      const index = position++;
      if (!shard || index % shard.count === shard.index) yield item;
    }
  }
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
    if (kind === 'records') yield* sharded(readRecordFile(input));
    else if (kind === 'record-array') yield* sharded(readRecordArray(input));
    else yield* readAggregateFile(input);
  }
  yield* flush();
}
