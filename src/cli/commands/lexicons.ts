/**
 * `framelens lexicons [--lexicon FILE…]`: validates the bundled lexicons with the user's
 * files layered on, and lists each lexicon's id, version and entry count — a quick way to
 * check a hand-written lexicon before a long run.
 */
import { parseArgs } from 'node:util';
import { loadLexicons } from '../../lexicon/load.js';
import type { CliIO, Command } from '../io.js';

export const lexiconsCommand: Command = {
  name: 'lexicons',
  summary: 'validate and list lexicons (with --lexicon/--registry files layered on)',
  usage: 'Usage: framelens lexicons [--lexicon FILE…] [--registry FILE…]',
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const { values } = parseArgs({
      args: [...argv],
      options: { lexicon: { type: 'string', multiple: true }, registry: { type: 'string', multiple: true } },
    });
    const set = loadLexicons({ extraFiles: [...(values.lexicon ?? []), ...(values.registry ?? [])] });
    for (const [kind, lexicon] of Object.entries(set).sort(([a], [b]) => (a < b ? -1 : 1))) {
      io.stdout.write(`${kind.padEnd(14)} ${String(lexicon.entries.length).padStart(5)} entries  ${lexicon.version}\n`);
    }
    return 0;
  },
};
