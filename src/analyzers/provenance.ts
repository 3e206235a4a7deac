/** STUB (owned by the provenance helper). */
import type { Document } from '../document/types.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { ProvenanceResult } from './types.js';

export function createProvenanceAnalyzer(_lexicons: LexiconSet): (doc: Document) => ProvenanceResult {
  return (doc) => ({
    provenance: { outlet: doc.article.outlet ? { name: doc.article.outlet, registryId: null, country: null, type: null } : null, credits: [] },
    findings: [],
  });
}
