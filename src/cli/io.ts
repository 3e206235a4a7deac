/**
 * What a CLI command may touch. Only the CLI reads argv, writes stdout/stderr and sets the
 * exit code; everything below it is pure functions and streams.
 */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly cwd: string;
  /** Progress bars are drawn only when stderr is a terminal. */
  readonly stderrIsTTY: boolean;
}

/** A mistake in how the command was called: printed without a stack trace, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Returns the exit status: 0 all good, 1 some records failed, 2 usage or configuration error. */
  run(argv: readonly string[], io: CliIO): Promise<number>;
}
