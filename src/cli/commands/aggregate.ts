/**
 * `framelens aggregate <inputs…> --by outlet [-o FILE]`: per-group aggregates as JSONL
 * (`framelens/aggregate@1`). Aggregate files given as inputs are merged exactly, so
 * shards aggregated separately (job arrays, Spark, GNU parallel) combine into the same
 * bytes as the whole corpus aggregated at once.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAggregator, type Aggregator, DEFAULT_BOOTSTRAP_SEED, DEFAULT_REPLICATES } from '../../aggregate/build-aggregate.js';
import { formatGroupBy, parseGroupBy } from '../../aggregate/group-key.js';
import { readReportSources } from '../../report/read-sources.js';
import { openFileSink, stdoutSink } from '../../util/output-file.js';
import { INPUT_OPTIONS, INPUT_OPTIONS_HELP, readRunOptions } from '../input-options.js';
import { UsageError, type CliIO, type Command } from '../io.js';
import { resolveInputs } from './report.js';

const USAGE = `Usage: framelens aggregate <inputs…> [--by GROUP] [-o FILE] [options]

Writes one JSON line per group (framelens/aggregate@1): integer counts and sums, Poisson
bootstrap replicate sums for intervals, labels per actor and word counts. Never averages,
so aggregates merge exactly: aggregate each shard, then
  framelens aggregate shard-*.agg.jsonl --by outlet -o all.agg.jsonl
gives the same bytes as aggregating everything at once. "framelens report" and
"framelens compare" read aggregate files.

Inputs: analysis JSONL, aggregate JSONL (merged), or articles to analyse.

Options:
  --by GROUP              outlet (default), month, year or field:NAME
  -o, --output FILE       write to FILE (as FILE.partial, renamed when done)
  --force                 overwrite an existing FILE
  --seed N                bootstrap seed (default ${DEFAULT_BOOTSTRAP_SEED}; shards must agree)
  --replicates N          bootstrap replicates (default ${DEFAULT_REPLICATES}; shards must agree)
${INPUT_OPTIONS_HELP}

Exit status: 0 all records analysed, 1 some records failed, 2 usage error.`;

function wholeNumber(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/u.test(value) || Number(value) < min) throw new UsageError(`--${name} takes a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

export const aggregateCommand: Command = {
  name: 'aggregate',
  summary: 'merge analysis records into per-group aggregates (exact, mergeable)',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { ...INPUT_OPTIONS, by: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, seed: { type: 'string' }, replicates: { type: 'string' } },
    });
    if (!positionals.length) throw new UsageError('no inputs given (analysis JSONL, aggregate JSONL, or articles to analyse)');
    const by = parseGroupBy(values.by ?? 'outlet');
    const seed = wholeNumber('seed', values.seed, 0);
    const replicates = wholeNumber('replicates', values.replicates, 10);
    const runOptions = { ...readRunOptions(values), stdin: io.stdin };
    const sink = values.output ? openFileSink(resolve(io.cwd, values.output), { force: values.force ?? false, resume: false, headerLines: 0 }).sink : stdoutSink(io.stdout);
    // Created on first use, so merging shards adopts their bootstrap settings unless given.
    let aggregator: Aggregator | null = null;
    const aggregatorFor = (shardSeed?: number, shardReplicates?: number): Aggregator => {
      const s = seed ?? shardSeed;
      const r = replicates ?? shardReplicates;
      aggregator ??= createAggregator({ by, ...(s !== undefined ? { seed: s } : {}), ...(r !== undefined ? { replicates: r } : {}) });
      return aggregator;
    };
    let analyzed = 0;
    let failed = 0;
    let merged = 0;
    for await (const item of readReportSources(resolveInputs(positionals, io.cwd), runOptions)) {
      if (item.kind === 'aggregate') {
        if (item.aggregate.by !== formatGroupBy(by)) throw new UsageError(`an input aggregate is grouped by ${item.aggregate.by}; pass --by ${item.aggregate.by}`);
        try {
          aggregatorFor(item.aggregate.bootstrap.seed, item.aggregate.bootstrap.replicates).merge(item.aggregate);
        } catch (error) {
          throw new UsageError(error instanceof Error ? error.message : String(error));
        }
        merged++;
        analyzed += item.aggregate.totals.articles;
        failed += item.aggregate.errors;
        continue;
      }
      aggregatorFor().add(item.record);
      if (item.record.schema === 'framelens/analysis@1') analyzed++;
      else failed++;
    }
    for (const group of aggregatorFor().result()) await sink.write(`${JSON.stringify(group)}\n`);
    await sink.finish();
    io.stderr.write(`framelens: ${analyzed + failed} records: ${analyzed} analyzed, ${failed} failed${merged ? ` (${merged} aggregate lines merged)` : ''}\n`);
    return failed ? 1 : 0;
  },
};
