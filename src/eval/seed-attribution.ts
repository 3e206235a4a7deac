/**
 * The seed article, attribution side (issue 4): the three officials found with their
 * quotes, the two quoted sentences credited through "he pointed out" and "the speaker
 * said", no unnamed voice and no US voice. Probes are a few words, never seed sentences.
 */
import { join } from 'node:path';
import type { AnalysisRecord, Voice } from '../schema/record.js';
import type { EvalRow, EvalSuite } from './types.js';

const SEED = join('seed', '000_5bd232881ca3315c.txt');

function voiceNamed(record: AnalysisRecord, surname: string): Voice | undefined {
  return record.voices.find((v) => v.name?.includes(surname));
}

function quoteStarting(record: AnalysisRecord, probe: string): AnalysisRecord['quotes'][number] | undefined {
  return record.quotes.find((q) => q.kind !== 'scare' && record.text.slice(q.start, q.end).startsWith(probe));
}

export const suites: EvalSuite[] = [
  {
    name: 'seed-attribution',
    requires: SEED,
    async run({ sharedDir, analyze, readArticleFile }) {
      const record = analyze(await readArticleFile(join(sharedDir, SEED)));
      const rows: EvalRow[] = [];
      const row = (metric: string, value: boolean, note?: string): void => {
        rows.push({ suite: 'seed-attribution', metric, value, target: true, ...(note ? { note } : {}) });
      };
      const officials = [
        ['Shamkhani', 'iran'],
        ['Kadhimi', 'iraq'],
        ['Qalibaf', 'iran'],
      ] as const;
      for (const [surname, side] of officials) {
        const voice = voiceNamed(record, surname);
        row(`${surname} is a voice with quotes`, !!voice && voice.quotes > 0, voice ? `${voice.quotes} quotes, ${voice.quotedWords} words, role ${voice.role ?? '-'}` : 'not found');
        row(`${surname} affiliated with ${side}`, voice?.affiliation === side, voice?.affiliation ?? 'none');
      }
      const shamkhani = voiceNamed(record, 'Shamkhani');
      row('Shamkhani role is the SNSC secretary', !!shamkhani?.role?.includes('Supreme National Security Council'), shamkhani?.role ?? 'none');
      const cooperation = quoteStarting(record, 'Cooperation and joint action');
      row('"Cooperation and joint action …" is Shamkhani\'s, via "point out"',
        !!cooperation && cooperation.kind === 'direct' && cooperation.speaker === shamkhani?.id && cooperation.cue?.verb === 'point out',
        cooperation ? `${cooperation.kind} ${cooperation.speaker ?? '-'} ${cooperation.cue?.verb ?? '-'}` : 'not found');
      const qalibaf = voiceNamed(record, 'Qalibaf');
      const believe = quoteStarting(record, 'We believe that the region');
      row('"We believe that the region …" is Qalibaf\'s, via "the speaker said"',
        !!believe && believe.kind === 'direct' && believe.speaker === qalibaf?.id && believe.cue?.verb === 'say',
        believe ? `${believe.kind} ${believe.speaker ?? '-'} ${believe.cue?.verb ?? '-'}` : 'not found');
      row('no anonymous voice', record.voices.every((v) => !v.anonymous), `${record.voices.filter((v) => v.anonymous).length} anonymous`);
      row('no US voice', record.voices.every((v) => v.affiliation !== 'us' && v.id !== 'us'));
      row('exactly three voices', record.voices.length === 3, record.voices.map((v) => v.id).join(', '));
      return rows;
    },
  },
];
