/**
 * Loaded language: finds the terms of the loaded-terms lexicon in one pass over the
 * document's tokens, then says for each whose voice it is in (headline, narration, scare
 * quote, quoted or reported speaker), whom it is aimed at, and how its context (negation,
 * hedges, distancing) changes its weight. A short phrase the outlet puts in quotation
 * marks with no speaker (a scare quote) is a finding of its own when no lexicon term is
 * inside it: the marks themselves are the framing.
 */
import type { Document, Token } from '../document/types.js';
import type { LoadedTermsEntry } from '../lexicon/kinds/loaded-terms.js';
import type { LexiconSet } from '../lexicon/load.js';
import { longestMatchAt } from '../nlp/phrase-index.js';
import { createPhraseTokenizer } from '../nlp/phrase-tokens.js';
import type { Finding, Quote } from '../schema/record.js';
import { compileTerms, type CompiledTerms } from './loaded-language/compile.js';
import { readContext, weightInContext } from './loaded-language/context.js';
import { createTargetContext, resolveTarget, type TargetContext } from './loaded-language/target.js';
import { isWord } from './loaded-language/words.js';
import type { AttributionResult, EntityMention } from './types.js';
import { createVoiceLookup, upperBound } from './voice.js';

export const ANALYZER = 'loaded-language';
export const SCARE_QUOTE_RULE = `${ANALYZER}/scare-quote`;
/** A scare quote longer than this is a quoted clause, not a word held at arm's length. */
const SCARE_QUOTE_MAX_WORDS = 4;
const SCARE_QUOTE_NOTE = 'Put in quotation marks by the outlet with no speaker: the outlet holds the word at a distance.';

interface TermMatch {
  readonly entry: LoadedTermsEntry;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** One pass: exceptions first at each position (they may start before the term), then the longest term. */
export function matchTerms(compiled: CompiledTerms, tokens: readonly Token[]): TermMatch[] {
  const matches: TermMatch[] = [];
  // Per entry id, the token index up to which an exception protects it.
  const protectedUntil = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!isWord(token)) continue;
    const exception = longestMatchAt(compiled.exceptions, tokens, i);
    if (exception) {
      for (const id of exception.value) protectedUntil.set(id, Math.max(protectedUntil.get(id) ?? 0, i + exception.keys.length));
    }
    const term = longestMatchAt(compiled.terms, tokens, i, (phrase) => (protectedUntil.get(phrase.value.entry.id) ?? 0) <= i);
    if (!term) continue;
    matches.push({ entry: term.value.entry, tokenStart: i, tokenEnd: i + term.keys.length });
    i += term.keys.length - 1;
  }
  return matches;
}

function buildFinding(
  doc: Document,
  fields: Omit<Finding, 'id' | 'analyzer' | 'text' | 'rule'> & { entryId: string },
): Finding {
  const { entryId, ...rest } = fields;
  return {
    id: `${ANALYZER}/${entryId}@${rest.start}-${rest.end}`,
    analyzer: ANALYZER,
    rule: `${ANALYZER}/${entryId}`,
    ...rest,
    text: doc.text.slice(rest.start, rest.end),
  };
}

function termFinding(doc: Document, match: TermMatch, ctx: TargetContext, voiceOf: ReturnType<typeof createVoiceLookup>): Finding | null {
  const { entry, tokenStart, tokenEnd } = match;
  const tokens = doc.tokens;
  const start = (tokens[tokenStart] as Token).start;
  const end = (tokens[tokenEnd - 1] as Token).end;
  const target = resolveTarget(ctx, tokenStart, tokenEnd, entry.pos, { allowIn: entry.category === 'delegitimizing' });
  if (entry.requires === 'targeted' && !target.aimed) return null;
  if (entry.requires === 'entity' && !target.entity) return null;
  const context = readContext(tokens, tokenStart);
  const voice = voiceOf(start, end);
  return buildFinding(doc, {
    entryId: entry.id,
    category: entry.category,
    start,
    end,
    voice: voice.voice,
    speaker: voice.speaker,
    target: target.entity,
    weight: weightInContext(entry.weight, context),
    polarity: entry.polarity,
    note: entry.note,
    source: entry.source,
    ...(entry.alternatives.length ? { alternatives: [...entry.alternatives] } : {}),
    ...(context.length ? { context } : {}),
  });
}

/** Scare quotes with no lexicon term inside: the outlet's quotation marks are the finding. */
function scareQuoteFindings(doc: Document, quotes: readonly Quote[], ctx: TargetContext, covered: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  const tokenStarts = doc.tokens.map((t) => t.start);
  for (const quote of quotes) {
    // Both marks must be in the text: an inferred opening is a guess, not the outlet's marks.
    if (quote.kind !== 'scare' || quote.speaker !== null || quote.inferredOpen) continue;
    if (covered.some((f) => f.start < quote.end && f.end > quote.start)) continue;
    const first = upperBound(tokenStarts, quote.start - 1);
    let last = first;
    let words = 0;
    while (last < doc.tokens.length && (doc.tokens[last] as Token).end <= quote.end) {
      if (isWord(doc.tokens[last] as Token)) words++;
      last++;
    }
    if (words === 0 || words > SCARE_QUOTE_MAX_WORDS) continue;
    const target = resolveTarget(ctx, first, last, 'phrase', { allowIn: false });
    out.push(buildFinding(doc, {
      entryId: 'scare-quote',
      category: 'doubt-marker',
      start: quote.start,
      end: quote.end,
      voice: 'scare',
      speaker: null,
      target: target.entity,
      weight: 1,
      polarity: 'negative',
      note: SCARE_QUOTE_NOTE,
      source: 'framelens',
    }));
  }
  return out;
}

export function createLoadedLanguageAnalyzer(
  lexicons: LexiconSet,
): (doc: Document, mentions: readonly EntityMention[], attribution: AttributionResult) => Finding[] {
  const compiled = compileTerms(lexicons['loaded-terms'].entries, createPhraseTokenizer(lexicons));
  return (doc, mentions, attribution) => {
    const matches = matchTerms(compiled, doc.tokens);
    const ctx = createTargetContext(doc.tokens, mentions);
    for (const m of matches) for (let t = m.tokenStart; t < m.tokenEnd; t++) ctx.loadedAt[t] = 1;
    const voiceOf = createVoiceLookup(doc, attribution.quotes);
    const findings: Finding[] = [];
    for (const match of matches) {
      const finding = termFinding(doc, match, ctx, voiceOf);
      if (finding) findings.push(finding);
    }
    findings.push(...scareQuoteFindings(doc, attribution.quotes, ctx, findings));
    return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  };
}
