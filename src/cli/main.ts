#!/usr/bin/env node
/**
 * The framelens binary: the only place that reads the process's argv, writes to its
 * stdout/stderr and sets the exit code.
 */
import type { CliIO } from './io.js';
import { runCli } from './run-cli.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const io: CliIO = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

// A closed pipe (`framelens analyze … | head`) ends the run quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), io).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`framelens: internal error: ${messageOf(error)}\n`);
    process.exitCode = 2;
  },
);
