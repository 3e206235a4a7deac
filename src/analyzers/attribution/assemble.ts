/**
 * From attributions to the record's shapes: quotes (direct, indirect, mixed, scare),
 * voices with their counts, and findings for every cue and every unnamed source.
 */
import type { Document, QuoteSpan, Token } from '../../document/types.js';
import type { Finding, Quote, Voice } from '../../schema/record.js';
import type { AttributionResult } from '../types.js';
import type { CompiledAttribution, TokenFlags } from './compile.js';
import type { Attribution, Speaker } from './extract.js';
import { affiliationOf, personKey, slug } from './people.js';
import { keyedRecord } from '../../util/keyed-record.js';
import { sortInPlace } from '../../util/sort-in-place.js';
import { isOwnBlock } from './words.js';
import { blockIndexAt } from '../../document/lookup.js';
import { firstEndingAfter, firstStartingAtOrAfter } from '../../util/sorted.js';

/** How many attributions a quote looks back over for its owner. */
const WINDOW = 50;

interface VoiceDraft {
  id: string;
  name: string | null;
  role: string | null;
  affiliation: string | null;
  anonymous: boolean;
  quotes: number;
  quotedWords: number;
  /** The first cue verb and its count; most voices speak through one verb, so no map is made for them. */
  verb: string | null;
  verbCount: number;
  /** All cue verbs with counts, made when a second verb appears (then `verb` is no longer read). */
  verbs: Map<string, number> | null;
  first: number;
}

/** Counts one cue verb of `voice`. */
function countVerb(voice: VoiceDraft, verb: string): void {
  if (voice.verbs !== null) {
    voice.verbs.set(verb, (voice.verbs.get(verb) ?? 0) + 1);
  } else if (voice.verb === null) {
    voice.verb = verb;
    voice.verbCount = 1;
  } else if (voice.verb === verb) {
    voice.verbCount++;
  } else {
    voice.verbs = new Map<string, number>().set(voice.verb, voice.verbCount).set(verb, 1);
  }
}

type MutableFinding = { -readonly [K in keyof Finding]: Finding[K] };

/** A voice's cue counts as an object with its verbs in sorted order (the record's key order). */
function verbCounts(voice: VoiceDraft): Record<string, number> {
  const out = keyedRecord();
  const verbs = voice.verbs;
  if (verbs === null) {
    // Most voices speak through one verb: no map, no key list to sort.
    if (voice.verb !== null) out[voice.verb] = voice.verbCount;
    return out;
  }
  // The keys into a reused list, insertion-sorted (a voice has a few verbs; the keys are distinct,
  // so this is the order `sort((x, y) => (x < y ? -1 : 1))` gives) without a list or a sort work array per voice.
  let count = 0;
  for (const verb of verbs.keys()) {
    let j = count++;
    while (j > 0 && (verbKeys[j - 1] as string) > verb) {
      verbKeys[j] = verbKeys[j - 1] as string;
      j--;
    }
    verbKeys[j] = verb;
  }
  for (let k = 0; k < count; k++) {
    const key = verbKeys[k] as string;
    out[key] = verbs.get(key) as number;
  }
  return out;
}

/** Scratch list of `verbCounts` (only its first entries belong to the current call; not re-entrant). */
const verbKeys: string[] = [];

function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}

/** A quote and the voice it is credited to (null: nobody). */
interface Credit {
  readonly quote: Quote;
  readonly voice: VoiceDraft | null;
}

/** A speech cue with the voice and the quote it became. */
interface Attributed {
  readonly a: Attribution;
  readonly voice: VoiceDraft | null;
  readonly quote: Quote;
}

/** An attitude cue ("wants", "polls show"): a position, credited only to a voice that also speaks. */
interface Position {
  readonly a: Attribution;
  voice: VoiceDraft | null;
}

/**
 * The voices of one document by id, and the ids given to its anonymous sources. A class
 * rather than closures: its methods are compiled once, apart from `assembleResult`.
 */
class VoiceTable {
  readonly voices = new Map<string, VoiceDraft>();
  private readonly anonymousIds = new Map<string, string>();

  constructor(private readonly compiled: CompiledAttribution) {}

  /** The voice of `speaker`, made on first use (`at`: where it first speaks). */
  voiceFor(speaker: Speaker | null, at: number): VoiceDraft | null {
    if (!speaker) return null;
    switch (speaker.kind) {
      case 'person': {
        const id = personKey(speaker.person);
        return this.voices.get(id) ?? this.add(id, speaker.person.name, speaker.person.role, speaker.person.affiliation, false, at);
      }
      case 'organisation': {
        const id = slug(speaker.org.name);
        return this.voices.get(id) ?? this.add(id, speaker.org.name, null, speaker.org.affiliation, false, at);
      }
      case 'entity': {
        const id = speaker.entity;
        const voice = this.voices.get(id);
        if (voice) return voice;
        const entry = this.compiled.entities.get(speaker.entity);
        return this.add(id, entry?.name ?? speaker.entity, null, affiliationOf(this.compiled, speaker.entity), false, at);
      }
      case 'anonymous': {
        let id = this.anonymousIds.get(speaker.key);
        if (!id) {
          id = `anonymous-${this.anonymousIds.size + 1}`;
          this.anonymousIds.set(speaker.key, id);
        }
        return this.voices.get(id) ?? this.add(id, null, speaker.role, speaker.affiliation, true, at);
      }
    }
  }

  /** The voice of `speaker` if it already has one (no new voice, no new anonymous id). */
  existing(speaker: Speaker | null): VoiceDraft | null {
    if (!speaker) return null;
    switch (speaker.kind) {
      case 'person': return this.voices.get(personKey(speaker.person)) ?? null;
      case 'organisation': return this.voices.get(slug(speaker.org.name)) ?? null;
      case 'entity': return this.voices.get(speaker.entity) ?? null;
      case 'anonymous': {
        const known = this.anonymousIds.get(speaker.key);
        return known ? this.voices.get(known) ?? null : null;
      }
    }
  }

  /** A fresh voice: built only when its id is new (most calls find the voice already made). */
  private add(id: string, name: string | null, role: string | null, affiliation: string | null, anonymous: boolean, at: number): VoiceDraft {
    const voice: VoiceDraft = { id, name, role, affiliation, anonymous, quotes: 0, quotedWords: 0, verb: null, verbCount: 0, verbs: null, first: at };
    this.voices.set(id, voice);
    return voice;
  }
}

/** A country in a headline label ("Iran: …") speaks through its first named official in the body. */
function personsByAffiliation(attributions: readonly Attribution[]): Map<string, Speaker> {
  const out = new Map<string, Speaker>();
  for (const a of attributions) {
    if (a.nested || isOwnBlock(a.blockKind) || a.speaker?.kind !== 'person' || !a.speaker.person.affiliation) continue;
    if (!out.has(a.speaker.person.affiliation)) out.set(a.speaker.person.affiliation, a.speaker);
  }
  return out;
}

function speakerOf(a: Attribution, byAffiliation: ReadonlyMap<string, Speaker>, compiled: CompiledAttribution): Speaker | null {
  if (a.speaker?.kind === 'entity' && isOwnBlock(a.blockKind)) {
    return byAffiliation.get(affiliationOf(compiled, a.speaker.entity)) ?? a.speaker;
  }
  return a.speaker;
}

/** The quote span that is most of what `a` reports (not one already taken), or null. */
function bestQuoteSpan(quotes: readonly QuoteSpan[], a: Attribution, used: ReadonlySet<QuoteSpan>): QuoteSpan | null {
  let best: QuoteSpan | null = null;
  let bestOverlap = 0;
  // Quote spans are sorted and nest at most a few deep: start just before the content.
  let from = firstStartingAtOrAfter(quotes, a.contentStart);
  from = Math.max(0, from - 4);
  // Bounded: a reported content holds a few quotes, and pathological input stays linear.
  for (let q = from; q < quotes.length && q - from < 64; q++) {
    const span = quotes[q] as QuoteSpan;
    if (span.start >= a.contentEnd) break;
    const shared = overlap(a.contentStart, a.contentEnd, span.start, span.end);
    if (shared <= bestOverlap || used.has(span)) continue;
    const contentLength = a.contentEnd - a.contentStart;
    const spanLength = span.end - span.start;
    // The quote must be most of what was reported: "says that, whatever happens, “…”" stays indirect with its lead-in.
    if (shared >= 0.6 * Math.min(contentLength, spanLength) && shared >= 0.5 * contentLength && (!span.phrase || shared >= 0.8 * contentLength)) {
      best = span;
      bestOverlap = shared;
    }
  }
  return best;
}

/** The first voice credited in each sentence (null: none), by sentence index. */
function firstSpeakers(attributed: readonly Attributed[], sentenceCount: number): (VoiceDraft | null)[] {
  const out: (VoiceDraft | null)[] = [];
  for (let k = 0; k < sentenceCount; k++) out.push(null);
  for (const { a, voice } of attributed) if (voice && out[a.sentence] === null) out[a.sentence] = voice;
  return out;
}

/**
 * Quotes no cue reached: continuations of the last speaker, mixed phrases, scare quotes.
 * Appends to `quotes` and `credited`.
 */
function creditUncuedQuotes(doc: Document, used: ReadonlySet<QuoteSpan>, attributed: readonly Attributed[], quotes: Quote[], credited: Credit[]): void {
  const { tokens } = doc;
  // Made only when a phrase quote lies outside every content (an array: sentences are dense small indices).
  let sentenceSpeakers: (VoiceDraft | null)[] | null = null;
  const directs = sortInPlace(credited.filter((c) => c.quote.kind === 'direct'), (x, y) => x.quote.start - y.quote.start);
  // Both lists are in text order, so two cursors and a bounded look-back keep this linear.
  let ap = 0;
  let dp = 0;
  for (const span of doc.quotes) {
    if (used.has(span)) continue;
    if (span.phrase) {
      const tokenIndex = firstStartingAtOrAfter(tokens, span.start);
      const sentence = (tokens[tokenIndex] as Token | undefined)?.sentence ?? -1;
      let owner: Attributed | null = null;
      while (ap < attributed.length && (attributed[ap] as Attributed).a.contentStart <= span.start) ap++;
      for (let k = ap - 1; k >= 0 && ap - k <= WINDOW; k--) {
        const item = attributed[k] as Attributed;
        if (item.a.contentStart <= span.start && span.end <= item.a.contentEnd + 1) {
          owner = item;
          break;
        }
      }
      if (!owner && sentenceSpeakers === null) sentenceSpeakers = firstSpeakers(attributed, doc.sentences.length);
      const voice = owner ? owner.voice : sentenceSpeakers?.[sentence] ?? null;
      if (voice || owner) {
        const quote: Quote = { start: span.start, end: span.end, kind: 'mixed', speaker: voice?.id ?? null, cue: null, inferredOpen: span.inferredOpen };
        quotes.push(quote);
        credited.push({ quote, voice });
      } else {
        quotes.push({ start: span.start, end: span.end, kind: 'scare', speaker: null, cue: null, inferredOpen: span.inferredOpen });
      }
      continue;
    }
    // A direct quote without a cue continues the previous speaker's quote when nobody else spoke in between.
    let previous: Credit | null = null;
    while (dp < directs.length && (directs[dp] as Credit).quote.end <= span.start) dp++;
    if (dp > 0) previous = directs[dp - 1] as Credit;
    while (ap < attributed.length && (attributed[ap] as Attributed).a.contentStart <= span.start) ap++;
    let voice: VoiceDraft | null = null;
    if (previous && blockIndexAt(doc, span.start) - blockIndexAt(doc, previous.quote.end) <= 1) {
      const before = previous.quote;
      // Another speaker in between breaks the run, unless that cue is about the same words ("…," he said, according to X).
      let between = false;
      for (let k = Math.max(0, ap - WINDOW); k < attributed.length && k < ap + 5; k++) {
        const item = attributed[k] as Attributed;
        if (item.a.cueStart > before.end && item.a.cueStart < span.start && item.voice !== previous.voice && item.a.contentStart >= before.end) between = true;
      }
      if (!between) voice = previous.voice;
    }
    const quote: Quote = { start: span.start, end: span.end, kind: 'direct', speaker: voice?.id ?? null, cue: null, inferredOpen: span.inferredOpen };
    quotes.push(quote);
    credited.push({ quote, voice });
  }
}

/** Each voice's quote count, first position, quoted words and cue verbs. */
function countVoices(tokens: readonly Token[], wordsBefore: Int32Array, credited: readonly Credit[]): void {
  for (const { quote, voice } of credited) {
    if (!voice || quote.kind === 'scare') continue;
    voice.quotes++;
    voice.first = Math.min(voice.first, quote.start);
    // Tokens are sorted and do not overlap: the quote's tokens lie between two binary searches.
    const start = firstStartingAtOrAfter(tokens, quote.start);
    const end = firstEndingAfter(tokens, quote.end);
    if (end > start) voice.quotedWords += (wordsBefore[end] as number) - (wordsBefore[start] as number);
    if (quote.cue) countVerb(voice, quote.cue.verb);
  }
}

/** The finding of one cue. Optional keys are assigned after the literal (not spread into it): same key order, no temporary objects. */
function cueFinding(doc: Document, a: Attribution, voice: VoiceDraft | null): MutableFinding {
  const entry = a.form.entry;
  const rule = a.form.rule;
  const finding: MutableFinding = {
    id: `${rule}@${a.cueStart}-${a.cueEnd}`,
    analyzer: 'attribution', rule, category: a.form.category,
    start: a.cueStart, end: a.cueEnd, text: doc.text.slice(a.cueStart, a.cueEnd),
    voice: isOwnBlock(a.blockKind) ? 'headline' : 'narration', speaker: voice?.id ?? null, target: voice?.affiliation ?? null,
    weight: entry.weight, polarity: entry.polarity, note: entry.note,
  };
  if (entry.source) finding.source = entry.source;
  return finding;
}

/** The finding of an unnamed source (once per source span), or null. */
function sourceFinding(doc: Document, a: Attribution, voice: VoiceDraft | null, compiled: CompiledAttribution, seenSources: Set<string>): MutableFinding | null {
  const speaker = a.speaker;
  const sourceEnd = a.sourceHeadEnd ?? a.sourceEnd;
  if (a.form.entry.class === 'attitude' || speaker?.kind !== 'anonymous' || a.sourceStart === null || sourceEnd === null) return null;
  const key = `${a.sourceStart}-${sourceEnd}`;
  if (seenSources.has(key)) return null;
  seenSources.add(key);
  const vague = speaker.entry.anonymity === 'vague';
  const sourceRule = vague ? 'attribution/vague-source' : 'attribution/anonymous-source';
  const finding: MutableFinding = {
    id: `${sourceRule}@${key}`,
    analyzer: 'attribution', rule: sourceRule, category: vague ? 'vague-source' : 'anonymous-source',
    start: a.sourceStart, end: sourceEnd, text: doc.text.slice(a.sourceStart, sourceEnd),
    voice: isOwnBlock(a.blockKind) ? 'headline' : 'narration', speaker: voice?.id ?? null, target: voice?.affiliation ?? null,
    weight: 1, polarity: 'neutral',
    note: speaker.marker ? `${speaker.entry.note} ${compiled.markerNote}` : speaker.entry.note,
  };
  if (speaker.entry.source) finding.source = speaker.entry.source;
  if (speaker.marker) finding.context = ['anonymity-granted'];
  return finding;
}

/** Findings: one per cue, one per unnamed source of an attributed cue (the attributed cues first, then the positions). */
function buildFindings(doc: Document, attributed: readonly Attributed[], positions: readonly Position[], compiled: CompiledAttribution): MutableFinding[] {
  const findings: MutableFinding[] = [];
  const seenSources = new Set<string>();
  for (const { a, voice } of attributed) {
    findings.push(cueFinding(doc, a, voice));
    const source = sourceFinding(doc, a, voice, compiled, seenSources);
    if (source) findings.push(source);
  }
  // Positions are attitude cues: a cue finding each, never a source finding.
  for (const { a, voice } of positions) findings.push(cueFinding(doc, a, voice));
  return findings;
}

/** Sorted, de-duplicated quotes, the voices that speak, and findings whose speakers are listed voices. */
function finishResult(quotes: Quote[], findings: MutableFinding[], voices: ReadonlyMap<string, VoiceDraft>): AttributionResult {
  sortInPlace(quotes, (x, y) => x.start - y.start || x.end - y.end || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  const uniqueQuotes: Quote[] = [];
  for (const quote of quotes) {
    const last = uniqueQuotes[uniqueQuotes.length - 1];
    if (last && last.start === quote.start && last.end === quote.end) continue;
    uniqueQuotes.push(quote);
  }
  sortInPlace(findings, (x, y) => x.start - y.start || x.end - y.end || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0));
  const speaking: VoiceDraft[] = [];
  for (const v of voices.values()) if (v.quotes > 0) speaking.push(v);
  sortInPlace(speaking, (x, y) => x.first - y.first || (x.id < y.id ? -1 : 1));
  const outVoices: Voice[] = [];
  const spoken = new Set<string>();
  for (const v of speaking) {
    outVoices.push({
      id: v.id, name: v.name, role: v.role, affiliation: v.affiliation, anonymous: v.anonymous, quotes: v.quotes,
      quotedWords: v.quotedWords,
      verbs: verbCounts(v),
    });
    spoken.add(v.id);
  }
  // A quote's speaker is always a listed voice.
  for (const quote of uniqueQuotes) if (quote.speaker && !spoken.has(quote.speaker)) quote.speaker = null;
  // The findings are this call's own objects: clear an unlisted speaker in place (same keys, same order).
  for (const finding of findings) if (finding.speaker && !spoken.has(finding.speaker)) finding.speaker = null;
  return { quotes: uniqueQuotes, voices: outVoices, findings };
}

/**
 * `quoteOf`, when given, receives the quote each attribution became (for evaluation, which
 * scores contents as the record reports them).
 */
export function assembleResult(
  doc: Document,
  attributions: readonly Attribution[],
  compiled: CompiledAttribution,
  flags: TokenFlags,
  quoteOf?: Map<Attribution, Quote>,
): AttributionResult {
  const table = new VoiceTable(compiled);
  const byAffiliation = personsByAffiliation(attributions);
  const quotes: Quote[] = [];
  const used = new Set<QuoteSpan>();
  const credited: Credit[] = [];
  const attributed: Attributed[] = [];
  // Attitude cues ("wants", "opposes", "polls show") report a position, not words: findings only, no quote or voice.
  const positions: Position[] = [];
  // Nested attributions are the reported speaker's words, not the outlet's choice of cue.
  const sorted = sortInPlace(attributions.filter((a) => !a.nested), (x, y) => x.contentStart - y.contentStart || x.cueStart - y.cueStart);
  for (const a of sorted) {
    if (a.form.entry.class === 'attitude') {
      positions.push({ a, voice: null });
      continue;
    }
    const voice = table.voiceFor(speakerOf(a, byAffiliation, compiled), a.contentStart);
    const cue = { start: a.cueStart, end: a.cueEnd, verb: a.form.entry.lemma };
    const best = bestQuoteSpan(doc.quotes, a, used);
    let quote: Quote;
    if (best) {
      used.add(best);
      quote = { start: best.start, end: best.end, kind: 'direct', speaker: voice?.id ?? null, cue, inferredOpen: best.inferredOpen };
    } else {
      quote = { start: a.contentStart, end: a.contentEnd, kind: 'indirect', speaker: voice?.id ?? null, cue, inferredOpen: false };
    }
    quotes.push(quote);
    credited.push({ quote, voice });
    attributed.push({ a, voice, quote });
    quoteOf?.set(a, quote);
  }
  creditUncuedQuotes(doc, used, attributed, quotes, credited);
  // A position credits a voice only when that source also speaks in the article: no voice of its own.
  for (const position of positions) position.voice = table.existing(speakerOf(position.a, byAffiliation, compiled));
  countVoices(doc.tokens, flags.wordsBefore, credited);
  return finishResult(quotes, buildFindings(doc, attributed, positions, compiled), table.voices);
}
