/**
 * The attribution analyzer: who speaks, how the outlet introduces them (the cue verb and
 * its connotation), and who is quoted without a name. Compiled once from the
 * `speech-verbs` and `entities` lexicons; each call is a few linear passes:
 * people (names, titles, organisations) → attributions (cue, source, content) → quotes,
 * voices and findings.
 */
import type { Document } from '../document/types.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { Quote } from '../schema/record.js';
import { assembleResult } from './attribution/assemble.js';
import { compileAttribution, flagTokens } from './attribution/compile.js';
import { extractAttributions, type Attribution } from './attribution/extract.js';
import { findPeople } from './attribution/people.js';
import type { AttributionResult, EntityMention } from './types.js';

export type { Attribution } from './attribution/extract.js';

export interface AttributionDetails {
  readonly result: AttributionResult;
  /** Each cue with its source span and the quote it became (for evaluation against span annotations). */
  readonly attributions: readonly { readonly attribution: Attribution; readonly quote: Quote | null }[];
}

/** The analyzer's result plus the raw attributions behind it. */
export function createAttributionDetails(lexicons: LexiconSet): (doc: Document, mentions: readonly EntityMention[]) => AttributionDetails {
  const compiled = compileAttribution(lexicons);
  return (doc, mentions) => {
    const flags = flagTokens(doc, compiled);
    const attributions = extractAttributions(doc, mentions, findPeople(doc, mentions, compiled, flags), compiled, flags);
    const quoteOf = new Map<Attribution, Quote>();
    const result = assembleResult(doc, attributions, compiled, flags, quoteOf);
    return { result, attributions: attributions.map((attribution) => ({ attribution, quote: quoteOf.get(attribution) ?? null })) };
  };
}

export function createAttributionAnalyzer(lexicons: LexiconSet): (doc: Document, mentions: readonly EntityMention[]) => AttributionResult {
  const compiled = compileAttribution(lexicons);
  return (doc, mentions) => {
    const flags = flagTokens(doc, compiled);
    const people = findPeople(doc, mentions, compiled, flags);
    const attributions = extractAttributions(doc, mentions, people, compiled, flags);
    return assembleResult(doc, attributions, compiled, flags);
  };
}
