/** `framelens compare <inputs…> --by outlet|month|year|field:NAME -o DIR`: groups side by side. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatGroupBy, parseGroupBy } from '../../aggregate/group-key.js';
import { buildReport } from '../../report/build-report.js';
import { readReportSources } from '../../report/read-sources.js';
import { checkReportFolder, openReportFolder } from '../../report/write-files.js';
import { INPUT_OPTIONS_HELP, readRunOptions } from '../input-options.js';
import { UsageError, type CliIO, type Command } from '../io.js';
import { REPORT_OPTIONS, resolveInputs } from './report.js';

const USAGE = `Usage: framelens compare <inputs…> [--by GROUP] -o DIR [options]

Compares framing across groups of articles on one page (DIR/index.html): rates with
95% bootstrap intervals, loaded language by category and voice, what each group calls
the same actor, and distinctive words (log-odds with an informative Dirichlet prior).
Inputs as for "framelens report": analysis JSONL, aggregate JSONL (merged exactly), or
articles to analyse.

Options:
  --by GROUP              outlet (default), month, year, or field:NAME (an input field
                          such as field:topic)
  -o, --output DIR        the folder to write to (required)
  --title TEXT            the page's title
  --force                 overwrite an earlier comparison in DIR
${INPUT_OPTIONS_HELP}

Prints the path of index.html on standard output.
Exit status: 0 all records analysed, 1 some records failed, 2 usage error.`;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'compare framing across outlets (or months, topics, …) in an HTML page',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { ...REPORT_OPTIONS, by: { type: 'string' } } });
    if (!positionals.length) throw new UsageError('no inputs given (analysis JSONL, aggregates, or articles to analyse)');
    if (!values.output) throw new UsageError('-o DIR is required: the folder to write the comparison to');
    const by = parseGroupBy(values.by ?? 'outlet');
    const dir = resolve(io.cwd, values.output);
    checkReportFolder(dir, values.force ?? false);
    const runOptions = { ...readRunOptions(values), stdin: io.stdin };
    const result = await buildReport(readReportSources(resolveInputs(positionals, io.cwd), runOptions), openReportFolder(dir), {
      by,
      title: values.title ?? `framelens comparison by ${formatGroupBy(by)}`,
      articlePages: false,
    });
    io.stderr.write(`framelens: ${result.articles + result.failed} records: ${result.articles} analyzed, ${result.failed} failed\n`);
    io.stdout.write(`${result.index}\n`);
    return result.failed ? 1 : 0;
  },
};
