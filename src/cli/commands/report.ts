/**
 * `framelens report <inputs…> -o DIR`: a page per article with the evidence highlighted,
 * and a corpus dashboard (index.html) comparing outlets, with CSV files of every table.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseGroupBy } from '../../aggregate/group-key.js';
import { buildReport } from '../../report/build-report.js';
import { readReportSources } from '../../report/read-sources.js';
import { checkReportFolder, openReportFolder } from '../../report/write-files.js';
import { INPUT_OPTIONS, INPUT_OPTIONS_HELP, readRunOptions } from '../input-options.js';
import { UsageError, type CliIO, type Command } from '../io.js';

const USAGE = `Usage: framelens report <inputs…> -o DIR [options]

Inputs: analysis JSONL written by "framelens analyze" (read as is; error records are
counted), aggregate JSONL from "framelens aggregate" (dashboard only), or any article
input (files, directories, URLs, -), analysed on the fly.

Writes, in DIR:
  index.html             the corpus dashboard: outlets side by side with intervals,
                         what each outlet calls the same actor, distinctive words and
                         a sortable, filterable table of articles
  articles/<id>.html     one page per article, with every finding highlighted
  *.csv                  every table as CSV
Prints the path of index.html on standard output. Pages are self-contained and work
offline; reports of more than 50 articles share one copy of Chart.js in DIR/assets/.

Options:
  -o, --output DIR        the report folder (required)
  --title TEXT            the dashboard's title
  --force                 overwrite an earlier report in DIR (its index.html and
                          article pages); without it, an existing report is kept
${INPUT_OPTIONS_HELP}

Exit status: 0 all records analysed, 1 some records failed, 2 usage error.`;

export const REPORT_OPTIONS = {
  ...INPUT_OPTIONS,
  output: { type: 'string', short: 'o' },
  title: { type: 'string' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

export function resolveInputs(positionals: readonly string[], cwd: string): string[] {
  return positionals.map((input) => (input === '-' || /^https?:\/\//iu.test(input) ? input : resolve(cwd, input)));
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'write HTML reports: a page per article and a corpus dashboard',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: REPORT_OPTIONS });
    if (!positionals.length) throw new UsageError('no inputs given (analysis JSONL, aggregates, or articles to analyse)');
    if (!values.output) throw new UsageError('-o DIR is required: the folder to write the report to');
    const dir = resolve(io.cwd, values.output);
    checkReportFolder(dir, values.force ?? false);
    const runOptions = { ...readRunOptions(values), stdin: io.stdin };
    const folder = openReportFolder(dir);
    const result = await buildReport(readReportSources(resolveInputs(positionals, io.cwd), runOptions), folder, {
      by: parseGroupBy('outlet'),
      title: values.title ?? 'framelens corpus dashboard',
      articlePages: true,
    });
    io.stderr.write(`framelens: ${result.articles + result.failed} records: ${result.articles} analyzed, ${result.failed} failed; ${result.pages} article pages\n`);
    io.stdout.write(`${result.index}\n`);
    return result.failed ? 1 : 0;
  },
};
