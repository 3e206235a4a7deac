/**
 * The framelens command line, as a function of argv and streams (testable in-process).
 * Commands are loaded lazily so `framelens schema`
 * does not pay for the report code, and vice versa.
 */
import { LexiconError } from '../lexicon/load.js';
import { FRAMELENS_VERSION } from '../version.js';
import { UsageError, type CliIO, type Command } from './io.js';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  analyze: { summary: 'analyse articles; one JSON record (or error record) per article', load: async () => (await import('./commands/analyze.js')).analyzeCommand },
  report: { summary: 'write HTML reports: a page per article and a corpus dashboard', load: async () => (await import('./commands/report.js')).reportCommand },
  compare: { summary: 'compare framing across outlets (or months, topics, …) in an HTML page', load: async () => (await import('./commands/compare.js')).compareCommand },
  aggregate: { summary: 'merge analysis records into per-group aggregates (exact, mergeable)', load: async () => (await import('./commands/aggregate.js')).aggregateCommand },
  schema: { summary: 'print the JSON Schema of the analysis record', load: async () => (await import('./commands/schema.js')).schemaCommand },
  lexicons: { summary: 'validate and list the lexicons in use', load: async () => (await import('./commands/lexicons.js')).lexiconsCommand },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return `framelens ${FRAMELENS_VERSION}: how news articles frame events, with evidence

Usage: framelens <command> [options]

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "framelens <command> --help" for a command's options.
Examples:
  framelens analyze article.txt --format text
  framelens analyze stories.csv -o analysis.jsonl
  framelens report saved/ -o reports/july
  framelens compare analysis.jsonl --by outlet -o reports/outlets
`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${FRAMELENS_VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`framelens: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`framelens ${name}: ${error.message}\nRun "framelens ${name} --help" for usage.\n`);
      return 2;
    }
    if (error instanceof LexiconError) {
      io.stderr.write(`framelens ${name}: the lexicons could not be loaded; nothing was analysed:\n${error.message}\n`);
      return 2;
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`framelens ${name}: ${messageOf(error)}\nRun "framelens ${name} --help" for usage.\n`);
      return 2;
    }
    if (code === 'EPIPE') return 0;
    // Not the user's mistake: say so plainly; the stack only when asked for.
    io.stderr.write(`framelens ${name}: internal error: ${messageOf(error)}\n`);
    if (process.env.FRAMELENS_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
