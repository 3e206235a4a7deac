/**
 * The seed article's provenance (issue 5): the caption's credit IRNA, and the
 * contributors Press TV and Tasnim, each matched to the registry as Iranian and
 * state-controlled. Run through the whole pipeline, as a user would.
 */
import { resolve } from 'node:path';
import type { Credit } from '../schema/record.js';
import type { EvalRow, EvalSuite } from './types.js';

const SEED = 'seed/000_5bd232881ca3315c.txt';

/** The credits the seed carries (by registry id and kind), and what each must be matched as. */
const EXPECTED: readonly { readonly id: string; readonly kind: Credit['kind']; readonly label: string }[] = [
  { id: 'irna', kind: 'photo', label: 'photo credit IRNA' },
  { id: 'press-tv', kind: 'contributor', label: 'contributor Press TV' },
  { id: 'tasnim', kind: 'contributor', label: 'contributor Tasnim' },
];

export const suites: EvalSuite[] = [
  {
    name: 'seed-provenance',
    requires: SEED,
    async run(context) {
      const article = await context.readArticleFile(resolve(context.sharedDir, SEED));
      const record = context.analyze(article);
      const credits = record.provenance.credits;
      const rows: EvalRow[] = [];
      for (const want of EXPECTED) {
        const credit = credits.find((c) => c.registryId === want.id && c.kind === want.kind);
        const ok = credit !== undefined && credit.country === 'Iran' && credit.stateAffiliated && credit.type === 'state-controlled'
          && record.text.slice(credit.start, credit.end) === credit.source;
        rows.push({
          suite: 'seed-provenance',
          metric: `${want.label}: Iran, state-controlled`,
          value: ok,
          target: true,
          note: credit ? `${credit.kind} "${credit.source}" ${credit.country ?? '?'} ${credit.type ?? '?'}` : `not found (credits: ${credits.map((c) => `${c.kind}:${c.source}`).join(', ') || 'none'})`,
        });
      }
      const unexpected = credits.filter((c) => !EXPECTED.some((w) => w.id === c.registryId && w.kind === c.kind));
      rows.push({
        suite: 'seed-provenance', metric: 'no other credits', value: unexpected.length === 0, target: true,
        note: unexpected.map((c) => `${c.kind}:${c.source}`).join(', '),
      });
      rows.push({ suite: 'seed-provenance', metric: 'stateAffiliatedCredits', value: record.scores.stateAffiliatedCredits, target: 3 });
      rows.push({
        suite: 'seed-provenance', metric: 'summary names the credits', value: /IRNA/.test(record.summary) && /Press TV/.test(record.summary) && /Tasnim/.test(record.summary),
        target: true, note: record.summary.slice(record.summary.indexOf('Content credited')),
      });
      return rows;
    },
  },
];
