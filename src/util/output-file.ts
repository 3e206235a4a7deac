/**
 * Where a command's data goes: standard output, or a file written so that a partial file
 * never looks complete. A file is written as `<name>.partial` and renamed when the run
 * ends; `--resume` continues a `.partial` left by a killed run from its last complete
 * line, so nothing is analysed twice and nothing is lost.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, openSync, readSync, closeSync, renameSync, statSync, truncateSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../cli/io.js';

export interface OutputSink {
  /** Text, or UTF-8 bytes (JSONL batches from the analysis). */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes and, for files, renames `.partial` to the final name. */
  finish(): Promise<void>;
}

async function writeWithBackpressure(stream: NodeJS.WritableStream, chunk: string | Uint8Array): Promise<void> {
  if (!stream.write(chunk)) await once(stream as NodeJS.EventEmitter, 'drain');
}

export function stdoutSink(stdout: NodeJS.WritableStream): OutputSink {
  return {
    write: (chunk) => writeWithBackpressure(stdout, chunk),
    finish: async () => {},
  };
}

/**
 * Counts complete lines in a file and cuts off a trailing incomplete one, reading in
 * chunks so a large output is never held in memory.
 */
export function countCompleteLines(path: string, options: { readonly csv?: boolean } = {}): number {
  // In CSV a quoted field may hold line breaks: a newline ends a record only outside quotes
  // (a doubled "" inside a field toggles twice, so it leaves the state as it was).
  const csv = options.csv ?? false;
  let inQuotes = false;
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let lines = 0;
  let lastNewlineEnd = 0;
  let position = 0;
  try {
    while (position < size) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read <= 0) break;
      for (let i = 0; i < read; i++) {
        if (csv && buffer[i] === 0x22) inQuotes = !inQuotes;
        else if (buffer[i] === 0x0a && !inQuotes) {
          lines++;
          lastNewlineEnd = position + i + 1;
        }
      }
      position += read;
    }
  } finally {
    closeSync(fd);
  }
  if (lastNewlineEnd < size) truncateSync(path, lastNewlineEnd);
  return lines;
}

export interface FileSinkOptions {
  readonly force: boolean;
  readonly resume: boolean;
  /** Lines that precede the records (a CSV header), not counted as records on resume. */
  readonly headerLines: number;
  /** The file is CSV: records may span lines inside quoted fields. */
  readonly csv?: boolean;
}

export interface OpenedFileSink {
  readonly sink: OutputSink;
  /** Records already in the file from an interrupted run (to skip in the input). */
  readonly recordsDone: number;
}

export function openFileSink(path: string, options: FileSinkOptions): OpenedFileSink {
  const partial = `${path}.partial`;
  let recordsDone = 0;
  let append = false;
  if (options.resume) {
    if (!existsSync(partial) && existsSync(path)) renameSync(path, partial);
    if (existsSync(partial)) {
      recordsDone = Math.max(0, countCompleteLines(partial, { csv: options.csv ?? false }) - options.headerLines);
      append = true;
    }
  } else if (existsSync(path) && !options.force) {
    throw new UsageError(`${path} already exists; pass --force to overwrite it or --resume to continue it`);
  }
  mkdirSync(dirname(path), { recursive: true });
  // Opened synchronously so a bad path fails here, with a clear error, before any work.
  let fd: number;
  try {
    fd = openSync(partial, append ? 'a' : 'w');
  } catch (error) {
    throw new UsageError(`cannot write ${partial}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const stream: WriteStream = createWriteStream(partial, { fd, encoding: 'utf8' });
  const failure = new Promise<never>((_, reject) => stream.once('error', reject));
  failure.catch(() => {});
  return {
    recordsDone,
    sink: {
      write: (chunk) => Promise.race([writeWithBackpressure(stream, chunk), failure]),
      finish: async () => {
        stream.end();
        await Promise.race([once(stream, 'finish'), failure]);
        renameSync(partial, path);
      },
    },
  };
}
