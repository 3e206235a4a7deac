/**
 * `framelens analyze <inputs…>`: one analysis record (or error record) per input record,
 * in input order, as JSONL (default), JSON, CSV or text.
 */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeLines } from '../../pipeline/analyze-batch.js';
import { analyzeInputBatches } from '../../pipeline/run-analysis.js';
import { csvHeader, csvRow } from '../../render/csv.js';
import { renderRecordText } from '../../render/text.js';
import type { OutputRecord } from '../../schema/record.js';
import { openFileSink, stdoutSink, type OutputSink } from '../../util/output-file.js';
import { INPUT_OPTIONS, INPUT_OPTIONS_HELP, readRunOptions } from '../input-options.js';
import { UsageError, type CliIO, type Command } from '../io.js';
import { createProgressDisplay } from '../progress.js';

const FORMATS = ['jsonl', 'json', 'csv', 'text'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage: framelens analyze <inputs…> [options]

Inputs: .txt/.md, .html, .json, .jsonl/.ndjson, .csv/.tsv files, directories
(recursive), http(s) URLs, or - for standard input (JSONL, text or HTML).

Options:
  -f, --format FORMAT     jsonl (default), json, csv or text
  -o, --output FILE       write to FILE (written as FILE.partial, renamed when done)
  --force                 overwrite an existing output file
  --resume                continue an interrupted run into FILE (jsonl or csv)
  -q, --quiet             no progress display
${INPUT_OPTIONS_HELP}

Exit status: 0 all analysed, 1 some records failed, 2 usage or configuration error.`;

function formatFromName(path: string): Format | null {
  switch (extname(path).toLowerCase()) {
    case '.csv':
      return 'csv';
    case '.json':
      return 'json';
    case '.txt':
      return 'text';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    default:
      return null;
  }
}

/** Approximate characters of input, for the ETA: the size of plain files and directories' files is not summed (too slow to walk twice). */
function estimateInputChars(inputs: readonly string[]): number | null {
  let total = 0;
  for (const input of inputs) {
    if (input === '-' || /^https?:\/\//i.test(input)) return null;
    try {
      const stats = statSync(input);
      if (!stats.isFile()) return null;
      total += stats.size;
    } catch {
      return null;
    }
  }
  return total || null;
}

function recordRenderer(format: Format): { header: string; render: (record: OutputRecord, index: number) => string; footer: string } {
  switch (format) {
    case 'csv':
      return { header: `${csvHeader()}\n`, render: (record) => `${csvRow(record)}\n`, footer: '' };
    case 'text':
      return { header: '', render: (record, index) => `${index ? `${'─'.repeat(72)}\n` : ''}${renderRecordText(record)}`, footer: '' };
    default:
      throw new Error(`no record renderer for ${format}`);
  }
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'analyse articles and write one record per article',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        ...INPUT_OPTIONS,
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        resume: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
      },
    });
    if (!positionals.length) throw new UsageError('no inputs given (a file, directory, URL or - for standard input)');
    const output = values.output ? resolve(io.cwd, values.output) : null;
    const format = (values.format ?? (output ? formatFromName(output) : null) ?? 'jsonl') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
    if (values.resume && !output) throw new UsageError('--resume needs --output FILE');
    if (values.resume && (format === 'json' || format === 'text')) throw new UsageError('--resume works with jsonl and csv output');
    const inputs = positionals.map((input) => (input === '-' || /^https?:\/\//i.test(input) ? input : resolve(io.cwd, input)));
    const runOptions = { ...readRunOptions(values), stdin: io.stdin };

    let sink: OutputSink;
    let recordsDone = 0;
    if (output) {
      const opened = openFileSink(output, { force: values.force ?? false, resume: values.resume ?? false, headerLines: format === 'csv' ? 1 : 0, csv: format === 'csv' });
      sink = opened.sink;
      recordsDone = opened.recordsDone;
    } else {
      sink = stdoutSink(io.stdout);
    }

    const quiet = values.quiet ?? false;
    const progress = createProgressDisplay(io.stderr, { enabled: !quiet && io.stderrIsTTY, totalChars: estimateInputChars(inputs) });
    let analyzed = 0;
    let failed = 0;
    let index = 0;
    const renderer = format === 'jsonl' || format === 'json' ? null : recordRenderer(format);
    try {
      if (format === 'json') await sink.write('[');
      if (renderer && recordsDone === 0) await sink.write(renderer.header);
      const batches = analyzeInputBatches(inputs, { ...runOptions, skip: recordsDone, onProgress: (p) => progress.update(p) });
      for await (const batch of batches) {
        for (const ok of batch.ok) {
          if (ok === 1) analyzed++;
          else failed++;
        }
        if (format === 'jsonl') {
          // The batch's bytes are already JSONL: written as they are, never made strings here.
          await sink.write(batch.bytes);
          continue;
        }
        for (const line of decodeLines(batch)) {
          if (format === 'json') await sink.write(`${index ? ',' : ''}\n${line.json}`);
          else await sink.write(renderer!.render(JSON.parse(line.json) as OutputRecord, index));
          index++;
        }
      }
      if (format === 'json') await sink.write(index ? '\n]\n' : ']\n');
      await sink.finish();
    } finally {
      progress.done();
    }
    // The contract's final count: it always goes to stderr, so runs can be reconciled.
    const resumed = recordsDone ? ` (${recordsDone} already in ${output}, skipped)` : '';
    io.stderr.write(`framelens: ${analyzed + failed} records: ${analyzed} analyzed, ${failed} failed${resumed}\n`);
    return failed ? 1 : 0;
  },
};
