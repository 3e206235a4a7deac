/**
 * Shared checks for the hardening suite: the record invariants every output must satisfy
 * whatever the input, article builders, temporary folders and a runner for the built CLI.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs, type ReadOptions } from '../../src/input/read-inputs.js';
import type { Article, Part } from '../../src/input/article.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { createArticleAnalyzer } from '../../src/pipeline/analyze-article.js';
import { analyzeInputs, type AnalysisRunOptions } from '../../src/pipeline/run-analysis.js';
import {
  ANALYSIS_SCHEMA_ID,
  AnalysisRecordSchema,
  ERROR_SCHEMA_ID,
  ErrorRecordSchema,
  type AnalysisRecord,
  type OutputRecord,
} from '../../src/schema/record.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = join(repoRoot, 'dist', 'cli', 'main.js');
export const fixtureDir = join(repoRoot, 'test', 'fixtures', 'hardening');

let cachedAnalyzer: ((article: Article) => AnalysisRecord) | null = null;

/** The public pipeline on the bundled lexicons, compiled once per test file. */
export function bundledAnalyzer(): (article: Article) => AnalysisRecord {
  cachedAnalyzer ??= createArticleAnalyzer(loadLexicons());
  return cachedAnalyzer;
}

export function articleFromBody(body: string, overrides: Partial<Article> = {}): Article {
  return {
    id: 'fuzz',
    source: 'fuzz.txt',
    outlet: null,
    title: null,
    byline: null,
    url: null,
    published: null,
    fields: {},
    body,
    parts: null,
    removed: [],
    inputRepairs: [],
    ...overrides,
  };
}

export function articleFromParts(parts: Part[], overrides: Partial<Article> = {}): Article {
  return articleFromBody('', { body: null, parts, ...overrides });
}

/** A span problem, or null: inside the text, start <= end, integers. */
function spanProblem(what: string, start: unknown, end: unknown, length: number): string | null {
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end)) {
    return `${what}: offsets are not integers (${String(start)}, ${String(end)})`;
  }
  if (start < 0 || end < start || end > length) return `${what}: [${start}, ${end}) is outside text of length ${length}`;
  return null;
}

/**
 * Every invariant of an analysis record that must hold for any input, as a list of
 * problems (empty when the record is sound). Listing rather than throwing on the first
 * makes a fuzzing counterexample say everything that is wrong with it.
 */
export function recordProblems(record: AnalysisRecord): string[] {
  const problems: string[] = [];
  const parsed = AnalysisRecordSchema.safeParse(record);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.slice(0, 5).map((issue) => `schema: ${issue.path.join('.')}: ${issue.message}`));
  }
  const text = record.text;
  const n = text.length;
  const check = (problem: string | null): void => {
    if (problem) problems.push(problem);
  };
  record.blocks.forEach((block, i) => check(spanProblem(`blocks[${i}]`, block.start, block.end, n)));
  for (let i = 1; i < record.blocks.length; i++) {
    const previous = record.blocks[i - 1]!;
    const block = record.blocks[i]!;
    if (block.start < previous.end) problems.push(`blocks[${i}] overlaps blocks[${i - 1}]`);
  }
  record.repairs.forEach((repair, i) => check(spanProblem(`repairs[${i}]`, repair.start, repair.end, n)));
  record.quotes.forEach((quote, i) => {
    check(spanProblem(`quotes[${i}]`, quote.start, quote.end, n));
    if (quote.cue) check(spanProblem(`quotes[${i}].cue`, quote.cue.start, quote.cue.end, n));
    if (quote.speaker !== null && !record.voices.some((voice) => voice.id === quote.speaker)) {
      problems.push(`quotes[${i}].speaker "${quote.speaker}" is not a voice`);
    }
  });
  const findingIds = new Set<string>();
  record.findings.forEach((finding, i) => {
    const problem = spanProblem(`findings[${i}] (${finding.rule})`, finding.start, finding.end, n);
    check(problem);
    if (!problem && text.slice(finding.start, finding.end) !== finding.text) {
      problems.push(`findings[${i}] (${finding.rule}): text ${JSON.stringify(finding.text)} != slice ${JSON.stringify(text.slice(finding.start, finding.end))}`);
    }
    if (findingIds.has(finding.id)) problems.push(`findings[${i}]: duplicate id ${finding.id}`);
    findingIds.add(finding.id);
    if (i > 0) {
      const previous = record.findings[i - 1]!;
      const order = previous.start - finding.start || previous.end - finding.end || (previous.rule < finding.rule ? -1 : previous.rule > finding.rule ? 1 : 0);
      if (order > 0) problems.push(`findings[${i}] is out of order (start, end, rule)`);
    }
    if (!Number.isFinite(finding.weight)) problems.push(`findings[${i}]: weight ${finding.weight} is not finite`);
  });
  record.provenance.credits.forEach((credit, i) => check(spanProblem(`credits[${i}]`, credit.start, credit.end, n)));
  record.entities.forEach((entity, i) =>
    entity.mentions.forEach((mention, j) => check(spanProblem(`entities[${i}].mentions[${j}]`, mention.start, mention.end, n))),
  );
  for (const [key, value] of Object.entries(record.scores)) {
    if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`scores.${key} is ${value}`);
  }
  // The record must survive the trip through JSON unchanged (no undefined, NaN, lone objects).
  const roundTrip = JSON.parse(JSON.stringify(record)) as unknown;
  if (JSON.stringify(roundTrip) !== JSON.stringify(record)) problems.push('record changes through JSON');
  return problems;
}

export function outputProblems(record: OutputRecord): string[] {
  if (record.schema === ERROR_SCHEMA_ID) {
    const parsed = ErrorRecordSchema.safeParse(record);
    const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `error record: ${issue.path.join('.')}: ${issue.message}`);
    if (/\n\s+at /.test(record.error.message)) problems.push('error message carries a stack trace');
    return problems;
  }
  if (record.schema !== ANALYSIS_SCHEMA_ID) return [`unknown schema ${String((record as { schema?: unknown }).schema)}`];
  return recordProblems(record);
}

export async function collectRecords(inputs: readonly string[], options: AnalysisRunOptions = {}): Promise<OutputRecord[]> {
  const records: OutputRecord[] = [];
  for await (const record of analyzeInputs(inputs, { workers: 1, ...options })) records.push(record);
  return records;
}

/**
 * `analyzeInputs` without recompiling the lexicons on every call (it loads them per run):
 * the readers, then the bundled analyzer, exactly as the pipeline composes them. Fuzzing
 * calls this hundreds of times. An analyzer that throws fails the test (it must not).
 */
export async function readAndAnalyze(inputs: readonly string[], options: ReadOptions = {}): Promise<OutputRecord[]> {
  const analyze = bundledAnalyzer();
  const records: OutputRecord[] = [];
  for await (const item of readInputs(inputs, options)) records.push(item.kind === 'error' ? item.error : analyze(item.article));
  return records;
}

export async function collectItems(inputs: readonly string[], options: ReadOptions = {}): Promise<Awaited<ReturnType<typeof readAll>>> {
  return readAll(inputs, options);
}

async function readAll(inputs: readonly string[], options: ReadOptions) {
  const items = [];
  for await (const item of readInputs(inputs, options)) items.push(item);
  return items;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = 'framelens-hardening-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export const cliBuilt = existsSync(cliPath);

/** Runs the built binary; `input` goes to its standard input. */
export function runCli(args: readonly string[], options: { cwd?: string; input?: string | Buffer; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolvePromise({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Parses JSONL stdout strictly: every non-empty line must be one JSON object. */
export function parseJsonl(stdout: string): OutputRecord[] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as OutputRecord);
}
