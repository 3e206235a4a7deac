/**
 * `framelens schema [analysis|error|lexicon:<kind>]`: prints the JSON Schema of what
 * framelens writes (or of a lexicon kind's entries), generated from the zod schemas
 * that are the single source of truth.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LEXICON_KINDS, type LexiconKind } from '../../lexicon/kinds.js';
import { AnalysisRecordSchema, ErrorRecordSchema } from '../../schema/record.js';
import { UsageError, type CliIO, type Command } from '../io.js';

const USAGE = `Usage: framelens schema [analysis|error|lexicon:<kind>]

Prints a JSON Schema: the analysis record (default), the error record, or the entries
of a lexicon kind (${Object.keys(LEXICON_KINDS).join(', ')}).`;

function schemaFor(name: string): z.ZodType {
  if (name === 'analysis') return AnalysisRecordSchema;
  if (name === 'error') return ErrorRecordSchema;
  if (name.startsWith('lexicon:')) {
    const kind = name.slice('lexicon:'.length);
    if (kind in LEXICON_KINDS) return LEXICON_KINDS[kind as LexiconKind];
    throw new UsageError(`unknown lexicon kind "${kind}"; expected one of ${Object.keys(LEXICON_KINDS).join(', ')}`);
  }
  throw new UsageError(`unknown schema "${name}"; expected analysis, error or lexicon:<kind>`);
}

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of the analysis record (or error record, or a lexicon kind)',
  usage: USAGE,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: {} });
    if (positionals.length > 1) throw new UsageError('schema takes at most one name');
    const schema = schemaFor(positionals[0] ?? 'analysis');
    io.stdout.write(`${JSON.stringify(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }), null, 2)}\n`);
    return 0;
  },
};
