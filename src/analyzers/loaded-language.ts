/**
 * Loaded language: finds the terms of the loaded-terms lexicon in one pass over the
 * document's tokens, then says for each whose voice it is in (headline, narration, scare
 * quote, quoted or reported speaker), whom it is aimed at, and how its context (negation,
 * hedges, distancing) changes its weight. A term inside the outlet's scare quotes is in the
 * `scare` voice. Scare quotes without a lexicon term are not findings of their own: on PTC
 * most turned out to be titles, mentions of words and short citations, so they stay in
 * the record's `quotes` for a reader to judge.
 */
import type { Document, Token } from '../document/types.js';
import type { LoadedTermsEntry } from '../lexicon/kinds/loaded-terms.js';
import type { LexiconSet } from '../lexicon/load.js';
import { longestInBucket, phraseMatchesAt, type PhraseEntry } from '../nlp/phrase-index.js';
import { createPhraseTokenizer } from '../nlp/phrase-tokens.js';
import { tokenIds } from '../nlp/vocabulary.js';
import type { Finding } from '../schema/record.js';
import { compileTerms, type CompiledTerms, type TermPhrase } from './loaded-language/compile.js';
import { readContext, weightInContext, type TermContext } from './loaded-language/context.js';
import { createTargetContext, resolveTarget, type TargetContext } from './loaded-language/target.js';
import type { AttributionResult, EntityMention } from './types.js';
import { createVoiceLookup, type SpanVoice } from './voice.js';
import { upperBound } from '../util/sorted.js';

export const ANALYZER = 'loaded-language';

interface TermMatch {
  readonly entry: LoadedTermsEntry;
  /** `loaded-language/<entry id>`. */
  readonly rule: string;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/**
 * Per entry (by `entryIndex`), the token index up to which an exception protects it; 0 for
 * none. One table reused across documents (reset after each), not a map per document.
 */
let protectedUntil = new Int32Array(0);
/** The entries set in `protectedUntil` by the current call, to reset. */
const protectedEntries: number[] = [];

/** `ids.includes(id)` as a plain loop the optimizer inlines (the lists hold one to a few ids). */
function hasId(ids: readonly number[], id: number): boolean {
  for (let k = 0; k < ids.length; k++) if (ids[k] === id) return true;
  return false;
}

/** One pass: exceptions first at each position (they may start before the term), then the longest term. */
export function matchTerms(compiled: CompiledTerms, tokens: readonly Token[]): TermMatch[] {
  const matches: TermMatch[] = [];
  if (protectedUntil.length < compiled.entryCount) protectedUntil = new Int32Array(compiled.entryCount);
  const until = protectedUntil;
  const slots = compiled.slotsByWord;
  const nextWords = compiled.nextWords;
  const ids = tokenIds(tokens);
  const baseIds = ids.base;
  const normIds = ids.norm;
  for (let i = 0; i < tokens.length; i++) {
    const id = baseIds[i] as number;
    // Ids of words registered after these terms (by later analyzers) lie past the table's end.
    if (id < 0 || id >= slots.length) continue;
    const slot = slots[id];
    if (slot === undefined) continue;
    // Only phrases of two words or more start here: the next token must be able to be the
    // second word of one (by its base, or by its norm for a possessive), or none can match.
    const next = nextWords[id];
    if (next !== undefined && (i + 1 >= tokens.length || (!hasId(next, baseIds[i + 1] as number) && !hasId(next, normIds[i + 1] as number)))) continue;
    if (slot.secondary.length) {
      const exception = longestInBucket(slot.secondary, tokens, ids, i);
      if (exception) {
        const reach = i + exception.keys.length;
        for (const entry of exception.value) {
          if ((until[entry] as number) === 0) protectedEntries.push(entry);
          if (reach > (until[entry] as number)) until[entry] = reach;
        }
      }
    }
    let term: PhraseEntry<TermPhrase> | null = null;
    for (const phrase of slot.primary) {
      if (!phraseMatchesAt(phrase, tokens, ids, i)) continue;
      if ((until[phrase.value.entryIndex] as number) > i) continue;
      term = phrase;
      break;
    }
    if (!term) continue;
    matches.push({ entry: term.value.entry, rule: term.value.rule, tokenStart: i, tokenEnd: i + term.keys.length });
    i += term.keys.length - 1;
  }
  for (const entry of protectedEntries) until[entry] = 0;
  protectedEntries.length = 0;
  return matches;
}

type MutableFinding = { -readonly [K in keyof Finding]: Finding[K] };

const HEADLINE_BLOCKS = new Set(['headline', 'dek', 'caption']);

/**
 * The voice of a span, except that reported speech in a headline, dek or caption ("Iran:
 * Neighbors must expel evil US") is the outlet's own wording: headline writers paraphrase
 * and choose the words. Only words inside quotation marks there are the speaker's.
 */
function createHeadlineAwareVoice(doc: Document, voiceOf: ReturnType<typeof createVoiceLookup>): (start: number, end: number) => SpanVoice {
  // Made on the first reported span only: most terms are in the outlet's own narration.
  let blockStarts: number[] | null = null;
  return (start, end) => {
    const voice = voiceOf(start, end);
    if (voice.voice !== 'reported') return voice;
    blockStarts ??= doc.blocks.map((b) => b.start);
    const block = doc.blocks[upperBound(blockStarts, start) - 1];
    return block && end <= block.end && HEADLINE_BLOCKS.has(block.kind) ? { voice: 'headline', speaker: null } : voice;
  };
}

function termFinding(
  doc: Document,
  match: TermMatch,
  ctx: TargetContext,
  voiceOf: (start: number, end: number) => SpanVoice,
  designated: ReadonlySet<string>,
): Finding | null {
  const { entry, tokenStart, tokenEnd } = match;
  const tokens = doc.tokens;
  const start = (tokens[tokenStart] as Token).start;
  const end = (tokens[tokenEnd - 1] as Token).end;
  const target = resolveTarget(ctx, tokenStart, tokenEnd, entry.pos, { allowIn: entry.category === 'delegitimizing' });
  if (entry.requires === 'targeted' && !target.aimed) return null;
  if (entry.requires === 'entity' && !target.entity) return null;
  const context: string[] = readContext(tokens, tokenStart);
  let weight = weightInContext(entry.weight, context as TermContext[]);
  // A terror label for a group on the UN sanctions lists is ordinary news wording.
  if (entry.category === 'terror-label' && target.entity && designated.has(target.entity)) {
    context.push('designated');
    weight = Math.min(weight, 1);
  }
  const voice = voiceOf(start, end);
  // The keys in the record's order; the optional ones (then `text`, which comes last) are
  // assigned after the literal, without rest and spread temporaries.
  const finding: MutableFinding = {
    id: `${match.rule}@${start}-${end}`,
    analyzer: ANALYZER,
    rule: match.rule,
    category: entry.category,
    start,
    end,
    voice: voice.voice,
    speaker: voice.speaker,
    target: target.entity,
    weight,
    polarity: entry.polarity,
    note: entry.note,
    source: entry.source,
  } as MutableFinding;
  if (entry.alternatives.length) finding.alternatives = entry.alternatives.slice();
  if (context.length) finding.context = context;
  finding.text = doc.text.slice(start, end);
  return finding;
}

export function createLoadedLanguageAnalyzer(
  lexicons: LexiconSet,
): (doc: Document, mentions: readonly EntityMention[], attribution: AttributionResult) => Finding[] {
  const compiled = compileTerms(lexicons['loaded-terms'].entries, createPhraseTokenizer(lexicons));
  const kinds = new Map<string, string>(lexicons.entities.entries.map((e) => [e.id, e.kind]));
  const kindOf = (entity: string): string => kinds.get(entity) ?? 'other';
  const designated = new Set(lexicons.entities.entries.filter((e) => e.designations.includes('un')).map((e) => e.id));
  return (doc, mentions, attribution) => {
    const matches = matchTerms(compiled, doc.tokens);
    if (!matches.length) return [];
    // The matched token ranges as one flat list (no pair array per match).
    const loaded: number[] = [];
    for (const match of matches) loaded.push(match.tokenStart, match.tokenEnd);
    const ctx = createTargetContext(doc.tokens, mentions, loaded, kindOf);
    const voiceOf = createHeadlineAwareVoice(doc, createVoiceLookup(doc, attribution.quotes));
    const findings: Finding[] = [];
    const found: (Finding | null)[] = [];
    for (const match of matches) found.push(termFinding(doc, match, ctx, voiceOf, designated));
    // Right to left, an adjective with no target of its own takes the target of the loaded
    // noun it modifies: "the evil regime in Tehran" is aimed at Iran twice.
    for (let k = found.length - 2; k >= 0; k--) {
      const finding = found[k];
      const next = found[k + 1];
      const match = matches[k] as TermMatch;
      if (!finding || !next || finding.target !== null || next.target === null) continue;
      if (match.entry.pos !== 'adj' || (matches[k + 1] as TermMatch).tokenStart !== match.tokenEnd) continue;
      found[k] = { ...finding, target: next.target };
    }
    for (const finding of found) if (finding) findings.push(finding);
    return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  };
}
