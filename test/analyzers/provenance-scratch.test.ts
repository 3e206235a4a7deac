import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { createProvenanceAnalyzer } from '../../src/analyzers/provenance.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { docOf, STATE_STORY, WIRE_STORY } from './provenance-fixtures.js';
it('scratch', () => {
  const analyze = createProvenanceAnalyzer(loadLexicons());
  const out = [STATE_STORY, WIRE_STORY].map((parts) => analyze(docOf(parts)));
  writeFileSync('/tmp/prov/out.json', JSON.stringify(out.map(o => ({outlet: o.provenance.outlet, credits: o.provenance.credits.map(c => `${c.kind} | ${c.source} | ${c.registryId} | ${c.country} | ${c.stateAffiliated}`), notes: o.findings.map(f => f.category + ' :: ' + f.note)})), null, 1));
});
