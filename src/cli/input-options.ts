/**
 * Options shared by every command that reads articles (`analyze`, `report`, `compare`):
 * lexicons, column mapping, limits and parallelism. Defined once so they read the same
 * everywhere.
 */
import type { ParseArgsConfig } from 'node:util';
import { parseShard, type AnalysisRunOptions } from '../pipeline/run-analysis.js';
import { UsageError } from './io.js';

export const INPUT_OPTIONS = {
  lexicon: { type: 'string', multiple: true },
  registry: { type: 'string', multiple: true },
  workers: { type: 'string', short: 'j' },
  shard: { type: 'string' },
  'max-article-bytes': { type: 'string' },
  'fetch-timeout': { type: 'string' },
  'text-column': { type: 'string' },
  'title-column': { type: 'string' },
  'outlet-column': { type: 'string' },
  'date-column': { type: 'string' },
  'url-column': { type: 'string' },
  'byline-column': { type: 'string' },
  'id-column': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export const INPUT_OPTIONS_HELP = `Input options:
  --lexicon FILE          add or override lexicon entries (any kind; repeatable)
  --registry FILE         add or override outlet registry entries (repeatable)
  -j, --workers N         worker threads (default: as many as the input files'
                          size repays, up to the number of cores; standard input
                          and directories: the number of cores; 1 = this thread)
  --shard I/N             analyse only records whose position modulo N is I
  --max-article-bytes N   longer articles become error records (default 16000000)
  --fetch-timeout MS      timeout for URL inputs (default 15000)
  --text-column NAME      CSV/JSON field holding the text (also --title-column,
                          --outlet-column, --date-column, --url-column,
                          --byline-column, --id-column)`;

export type InputOptionValues = { [K in keyof typeof INPUT_OPTIONS]?: (typeof INPUT_OPTIONS)[K] extends { multiple: true } ? string[] : string };

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,12}$/.test(value) || Number(value) < 1) throw new UsageError(`--${name} takes a positive whole number, not "${value}"`);
  return Number(value);
}

export function readRunOptions(values: InputOptionValues): AnalysisRunOptions {
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard === null) throw new UsageError(`--shard takes I/N with 0 <= I < N, not "${values.shard}"`);
  const columns = Object.fromEntries(
    ([['text', 'text-column'], ['title', 'title-column'], ['outlet', 'outlet-column'], ['published', 'date-column'], ['url', 'url-column'], ['byline', 'byline-column'], ['id', 'id-column']] as const)
      .filter(([, flag]) => values[flag] !== undefined)
      .map(([key, flag]) => [key, values[flag] as string]),
  );
  // Without --workers the run picks the count from the inputs' size (`defaultWorkersFor`).
  const workers = positiveInteger('workers', values.workers);
  const maxArticleBytes = positiveInteger('max-article-bytes', values['max-article-bytes']) ?? 16_000_000;
  const fetchTimeoutMs = positiveInteger('fetch-timeout', values['fetch-timeout']) ?? 15_000;
  return {
    lexiconFiles: [...(values.lexicon ?? []), ...(values.registry ?? [])],
    ...(workers !== undefined ? { workers } : {}),
    maxArticleBytes,
    fetchTimeoutMs,
    columns,
    ...(shard ? { shard } : {}),
  };
}
