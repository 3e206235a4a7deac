#!/usr/bin/env node
/**
 * `npm start`: the demo. Analyses the bundled example corpus (examples/), writes the
 * analysis records, the HTML report and the outlet comparison under reports/demo/, and
 * prints where the report is. Runs the same commands a user would type.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from './io.js';
import { runCli } from './run-cli.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const examples = join(root, 'examples');
const out = join(root, 'reports', 'demo');

/** The corpus: the articles folder plus the CSV and JSONL files beside it (not the example lexicons). */
const inputs = [
  join(examples, 'articles'),
  ...readdirSync(examples).filter((name) => /\.(csv|jsonl)$/.test(name)).sort().map((name) => join(examples, name)),
].filter((path) => existsSync(path));

const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: root, stderrIsTTY: Boolean(process.stderr.isTTY) };
const quietIo: CliIO = { ...io, stdout: process.stderr };

async function step(args: string[], stepIo: CliIO = io): Promise<void> {
  process.stderr.write(`$ framelens ${args.map((a) => (a.startsWith(root) ? relative(root, a) || '.' : a)).join(' ')}\n`);
  const status = await runCli(args, stepIo);
  // Status 1 means some example records failed on purpose (the corpus includes bad input); 2 is a real failure.
  if (status === 2) throw new Error(`framelens ${args[0]} failed`);
}

async function main(): Promise<void> {
  const records = join(out, 'analysis.jsonl');
  // The demo's outlets are fictional: a user registry classifies them, as a researcher would.
  const registry = ['--registry', join(examples, 'lexicons', 'demo-outlets.json')];
  await step(['analyze', ...inputs, ...registry, '-o', records, '--force']);
  await step(['report', records, '-o', out, '--force'], quietIo);
  await step(['compare', records, '--by', 'outlet', '-o', join(out, 'compare'), '--force'], quietIo);
  await step(['analyze', join(examples, 'articles'), ...registry, '--format', 'text', '-o', join(out, 'summaries.txt'), '--force']);
  process.stdout.write(`\nDemo report: ${join(out, 'index.html')}\nOutlet comparison: ${join(out, 'compare', 'index.html')}\nRecords: ${records}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
