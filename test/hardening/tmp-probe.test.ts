import { appendFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { createAttributionAnalyzer } from '../../src/analyzers/attribution.js';
import { createEntityFinder } from '../../src/analyzers/entities.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import { createArticleStructurer } from '../../src/input/structure-article.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { articleFromBody } from './helpers.js';
it('probe', () => {
  const lx = loadLexicons();
  const structure = createArticleStructurer(lx['text-cleaning']);
  const build = createDocumentBuilder(lx);
  const ents = createEntityFinder(lx);
  const attr = createAttributionAnalyzer(lx);
  writeFileSync('/tmp/fl-probe.txt', '');
  const bodies: Record<string, (n: number) => string> = {
    'said-run': (n) => 'officials said the regime '.repeat(Math.ceil(n / 26)).slice(0, n),
    'plain-words-run': (n) => 'the convoy moved along the road '.repeat(Math.ceil(n / 32)).slice(0, n),
    'said-sentences': (n) => 'Officials said the regime fell. '.repeat(Math.ceil(n / 32)).slice(0, n),
  };
  for (const [name, make] of Object.entries(bodies)) {
    for (const n of [25_000, 50_000, 100_000, 200_000]) {
      const doc = build(structure(articleFromBody(make(n))));
      const m = ents(doc);
      const s = performance.now();
      attr(doc, m);
      appendFileSync('/tmp/fl-probe.txt', `${name} ${n} attribution=${(performance.now() - s).toFixed(0)}ms\n`);
    }
  }
}, 900_000);
