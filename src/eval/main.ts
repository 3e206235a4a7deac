#!/usr/bin/env node
/**
 * `npm run eval`: runs framelens on ../shared/seed and the datasets in ../shared/data
 * (when present) and prints one table of metrics. Datasets are read in place, never copied.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadLexicons } from '../lexicon/load.js';
import { createArticleAnalyzer } from '../pipeline/analyze-article.js';
import { readArticleFile } from '../input/read-inputs.js';
import { EVAL_SUITES } from './suites.js';
import type { EvalRow } from './types.js';

function formatValue(value: number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'NO';
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function meetsTarget(row: EvalRow): string {
  if (row.target === undefined) return '';
  if (typeof row.target === 'boolean') return row.value === row.target ? 'ok' : 'MISS';
  return typeof row.value === 'number' && row.value >= row.target ? 'ok' : 'MISS';
}

async function main(): Promise<void> {
  const sharedDir = resolve(process.env.FRAMELENS_SHARED ?? resolve(process.cwd(), '..', 'shared'));
  const only = process.argv.slice(2);
  const lexicons = loadLexicons();
  const analyze = createArticleAnalyzer(lexicons);
  const rows: EvalRow[] = [];
  for (const suite of EVAL_SUITES) {
    if (only.length && !only.some((name) => suite.name.startsWith(name))) continue;
    if (!existsSync(resolve(sharedDir, suite.requires))) {
      rows.push({ suite: suite.name, metric: 'skipped', value: false, note: `${suite.requires} not found under ${sharedDir}` });
      continue;
    }
    const started = performance.now();
    try {
      rows.push(...(await suite.run({ sharedDir, lexicons, analyze, readArticleFile })));
    } catch (error) {
      rows.push({ suite: suite.name, metric: 'failed', value: false, note: error instanceof Error ? error.message : String(error) });
    }
    process.stderr.write(`eval: ${suite.name} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const table = [['suite', 'metric', 'value', 'target', '', 'n', 'note']];
  for (const row of rows) {
    table.push([row.suite, row.metric, formatValue(row.value), formatValue(row.target), meetsTarget(row), row.n === undefined ? '' : String(row.n), row.note ?? '']);
  }
  const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  for (const line of table) {
    process.stdout.write(`${line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd()}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`framelens eval: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
