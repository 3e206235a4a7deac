/**
 * From attributions to the record's shapes: quotes (direct, indirect, mixed, scare),
 * voices with their counts, and findings for every cue and every unnamed source.
 */
import type { Document, QuoteSpan, Token } from '../../document/types.js';
import type { Finding, Quote, Voice } from '../../schema/record.js';
import type { AttributionResult } from '../types.js';
import type { CompiledAttribution } from './compile.js';
import type { Attribution, Speaker } from './extract.js';
import { affiliationOf, personKey, slug } from './people.js';
import { firstStartingAtOrAfter, lastStartingAtOrBefore } from '../../util/sorted.js';

const OWN_BLOCKS = new Set(['headline', 'dek', 'caption']);
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
  verbs: Map<string, number>;
  first: number;
}

type MutableFinding = { -readonly [K in keyof Finding]: Finding[K] };

/** A voice's cue counts as an object with its verbs in sorted order (the record's key order). */
function verbCounts(verbs: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  if (verbs.size === 1) {
    // Most voices speak through one verb: no key list to sort.
    for (const [verb, count] of verbs) out[verb] = count;
    return out;
  }
  const keys = Array.from(verbs.keys()).sort((x, y) => (x < y ? -1 : 1));
  for (const key of keys) out[key] = verbs.get(key) as number;
  return out;
}

function overlap(aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  return Math.max(0, Math.min(aEnd, bEnd) - Math.max(aStart, bStart));
}

/**
 * `quoteOf`, when given, receives the quote each attribution became (for evaluation, which
 * scores contents as the record reports them).
 */
export function assembleResult(
  doc: Document,
  attributions: readonly Attribution[],
  compiled: CompiledAttribution,
  quoteOf?: Map<Attribution, Quote>,
): AttributionResult {
  const { tokens } = doc;
  const voices = new Map<string, VoiceDraft>();
  const anonymousIds = new Map<string, string>();

  // A country in a headline label ("Iran: …") speaks through its first named official in the body.
  const personByAffiliation = new Map<string, Speaker>();
  for (const a of attributions) {
    if (a.nested || OWN_BLOCKS.has(a.blockKind) || a.speaker?.kind !== 'person' || !a.speaker.person.affiliation) continue;
    if (!personByAffiliation.has(a.speaker.person.affiliation)) personByAffiliation.set(a.speaker.person.affiliation, a.speaker);
  }
  const speakerOf = (a: Attribution): Speaker | null => {
    if (a.speaker?.kind === 'entity' && OWN_BLOCKS.has(a.blockKind)) {
      return personByAffiliation.get(affiliationOf(compiled, a.speaker.entity)) ?? a.speaker;
    }
    return a.speaker;
  };

  /** A fresh voice: built only when its id is new (most calls find the voice already made). */
  const newVoice = (id: string, name: string | null, role: string | null, affiliation: string | null, anonymous: boolean, at: number): VoiceDraft => {
    const voice: VoiceDraft = { id, name, role, affiliation, anonymous, quotes: 0, quotedWords: 0, verbs: new Map(), first: at };
    voices.set(id, voice);
    return voice;
  };
  const voiceFor = (speaker: Speaker | null, at: number): VoiceDraft | null => {
    if (!speaker) return null;
    switch (speaker.kind) {
      case 'person': {
        const id = personKey(speaker.person);
        return voices.get(id) ?? newVoice(id, speaker.person.name, speaker.person.role, speaker.person.affiliation, false, at);
      }
      case 'organisation': {
        const id = slug(speaker.org.name);
        return voices.get(id) ?? newVoice(id, speaker.org.name, null, speaker.org.affiliation, false, at);
      }
      case 'entity': {
        const id = speaker.entity;
        const voice = voices.get(id);
        if (voice) return voice;
        const entry = compiled.entities.get(speaker.entity);
        return newVoice(id, entry?.name ?? speaker.entity, null, affiliationOf(compiled, speaker.entity), false, at);
      }
      case 'anonymous': {
        let id = anonymousIds.get(speaker.key);
        if (!id) {
          id = `anonymous-${anonymousIds.size + 1}`;
          anonymousIds.set(speaker.key, id);
        }
        return voices.get(id) ?? newVoice(id, null, speaker.role, speaker.affiliation, true, at);
      }
    }
  };

  const existingVoice = (speaker: Speaker | null): VoiceDraft | null => {
    if (!speaker) return null;
    switch (speaker.kind) {
      case 'person': return voices.get(personKey(speaker.person)) ?? null;
      case 'organisation': return voices.get(slug(speaker.org.name)) ?? null;
      case 'entity': return voices.get(speaker.entity) ?? null;
      case 'anonymous': {
        const known = anonymousIds.get(speaker.key);
        return known ? voices.get(known) ?? null : null;
      }
    }
  };

  const quotes: Quote[] = [];
  const findings: MutableFinding[] = [];
  const used = new Set<QuoteSpan>();
  const credited: { quote: Quote; voice: VoiceDraft | null }[] = [];
  const attributed: { a: Attribution; voice: VoiceDraft | null; quote: Quote }[] = [];
  // Nested attributions are the reported speaker's words, not the outlet's choice of cue.
  const sorted = attributions.filter((a) => !a.nested).sort((x, y) => x.contentStart - y.contentStart || x.cueStart - y.cueStart);

  // Attitude cues ("wants", "opposes", "polls show") report a position, not words: findings only, no quote or voice.
  const positions: { a: Attribution; voice: VoiceDraft | null }[] = [];
  for (const a of sorted) {
    if (a.form.entry.class === 'attitude') {
      positions.push({ a, voice: null });
      continue;
    }
    const speaker = speakerOf(a);
    const voice = voiceFor(speaker, a.contentStart);
    const cue = { start: a.cueStart, end: a.cueEnd, verb: a.form.entry.lemma };
    let best: QuoteSpan | null = null;
    let bestOverlap = 0;
    // Quote spans are sorted and nest at most a few deep: start just before the content.
    let from = firstStartingAtOrAfter(doc.quotes, a.contentStart);
    from = Math.max(0, from - 4);
    // Bounded: a reported content holds a few quotes, and pathological input stays linear.
    for (let q = from; q < doc.quotes.length && q - from < 64; q++) {
      const span = doc.quotes[q] as QuoteSpan;
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

  // Quotes no cue reached: continuations of the last speaker, mixed phrases, scare quotes.
  const sentenceSpeakers = new Map<number, VoiceDraft>();
  for (const { a, voice } of attributed) if (voice && !sentenceSpeakers.has(a.sentence)) sentenceSpeakers.set(a.sentence, voice);
  const directs = credited.filter((c) => c.quote.kind === 'direct').sort((x, y) => x.quote.start - y.quote.start);
  const blockOf = (offset: number): number => lastStartingAtOrBefore(doc.blocks, offset);
  // Both lists are in text order, so two cursors and a bounded look-back keep this linear.
  let ap = 0;
  let dp = 0;
  for (const span of doc.quotes) {
    if (used.has(span)) continue;
    const tokenIndex = firstStartingAtOrAfter(tokens, span.start);
    const sentence = (tokens[tokenIndex] as Token | undefined)?.sentence ?? -1;
    if (span.phrase) {
      let owner: { voice: VoiceDraft | null } | null = null;
      while (ap < attributed.length && (attributed[ap] as (typeof attributed)[number]).a.contentStart <= span.start) ap++;
      for (let k = ap - 1; k >= 0 && ap - k <= WINDOW; k--) {
        const item = attributed[k] as (typeof attributed)[number];
        if (item.a.contentStart <= span.start && span.end <= item.a.contentEnd + 1) {
          owner = item;
          break;
        }
      }
      const voice = owner ? owner.voice : sentenceSpeakers.get(sentence) ?? null;
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
    let previous: { quote: Quote; voice: VoiceDraft | null } | null = null;
    while (dp < directs.length && (directs[dp] as (typeof directs)[number]).quote.end <= span.start) dp++;
    if (dp > 0) previous = directs[dp - 1] as (typeof directs)[number];
    while (ap < attributed.length && (attributed[ap] as (typeof attributed)[number]).a.contentStart <= span.start) ap++;
    let voice: VoiceDraft | null = null;
    if (previous && blockOf(span.start) - blockOf(previous.quote.end) <= 1) {
      const before = previous.quote;
      // Another speaker in between breaks the run, unless that cue is about the same words ("…," he said, according to X).
      let between = false;
      for (let k = Math.max(0, ap - WINDOW); k < attributed.length && k < ap + 5; k++) {
        const item = attributed[k] as (typeof attributed)[number];
        if (item.a.cueStart > before.end && item.a.cueStart < span.start && item.voice !== previous.voice && item.a.contentStart >= before.end) between = true;
      }
      if (!between) voice = previous.voice;
    }
    const quote: Quote = { start: span.start, end: span.end, kind: 'direct', speaker: voice?.id ?? null, cue: null, inferredOpen: span.inferredOpen };
    quotes.push(quote);
    credited.push({ quote, voice });
  }

  // A position credits a voice only when that source also speaks in the article: no voice of its own.
  for (const position of positions) position.voice = existingVoice(speakerOf(position.a));

  // Voice counts.
  for (const { quote, voice } of credited) {
    if (!voice || quote.kind === 'scare') continue;
    voice.quotes++;
    voice.first = Math.min(voice.first, quote.start);
    for (let t = firstStartingAtOrAfter(tokens, quote.start); t < tokens.length && (tokens[t] as Token).end <= quote.end; t++) {
      const kind = (tokens[t] as Token).kind;
      if (kind === 'word' || kind === 'number') voice.quotedWords++;
    }
    if (quote.cue) voice.verbs.set(quote.cue.verb, (voice.verbs.get(quote.cue.verb) ?? 0) + 1);
  }

  // Findings: one per cue, one per unnamed source (the attributed cues first, then the positions).
  const seenSources = new Set<string>();
  const cueCount = attributed.length;
  for (let k = 0; k < cueCount + positions.length; k++) {
    const { a, voice } = k < cueCount ? (attributed[k] as (typeof attributed)[number]) : (positions[k - cueCount] as (typeof positions)[number]);
    const entry = a.form.entry;
    const ownVoice = OWN_BLOCKS.has(a.blockKind) ? 'headline' : 'narration';
    const rule = a.form.rule;
    // Optional keys are assigned after the literal (not spread into it): same key order, no temporary objects.
    const finding: MutableFinding = {
      id: `${rule}@${a.cueStart}-${a.cueEnd}`,
      analyzer: 'attribution', rule, category: a.form.category,
      start: a.cueStart, end: a.cueEnd, text: doc.text.slice(a.cueStart, a.cueEnd),
      voice: ownVoice, speaker: voice?.id ?? null, target: voice?.affiliation ?? null,
      weight: entry.weight, polarity: entry.polarity, note: entry.note,
    };
    if (entry.source) finding.source = entry.source;
    findings.push(finding);
    const speaker = a.speaker;
    const sourceEnd = a.sourceHeadEnd ?? a.sourceEnd;
    if (entry.class !== 'attitude' && speaker?.kind === 'anonymous' && a.sourceStart !== null && sourceEnd !== null) {
      const key = `${a.sourceStart}-${sourceEnd}`;
      if (seenSources.has(key)) continue;
      seenSources.add(key);
      const vague = speaker.entry.anonymity === 'vague';
      const sourceRule = vague ? 'attribution/vague-source' : 'attribution/anonymous-source';
      const sourceFinding: MutableFinding = {
        id: `${sourceRule}@${key}`,
        analyzer: 'attribution', rule: sourceRule, category: vague ? 'vague-source' : 'anonymous-source',
        start: a.sourceStart, end: sourceEnd, text: doc.text.slice(a.sourceStart, sourceEnd),
        voice: ownVoice, speaker: voice?.id ?? null, target: voice?.affiliation ?? null,
        weight: 1, polarity: 'neutral',
        note: speaker.marker ? `${speaker.entry.note} ${compiled.markerNote}` : speaker.entry.note,
      };
      if (speaker.entry.source) sourceFinding.source = speaker.entry.source;
      if (speaker.marker) sourceFinding.context = ['anonymity-granted'];
      findings.push(sourceFinding);
    }
  }

  quotes.sort((x, y) => x.start - y.start || x.end - y.end || (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));
  const uniqueQuotes: Quote[] = [];
  for (const quote of quotes) {
    const last = uniqueQuotes[uniqueQuotes.length - 1];
    if (last && last.start === quote.start && last.end === quote.end) continue;
    uniqueQuotes.push(quote);
  }
  findings.sort((x, y) => x.start - y.start || x.end - y.end || (x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0));
  const outVoices: Voice[] = [...voices.values()]
    .filter((v) => v.quotes > 0)
    .sort((x, y) => x.first - y.first || (x.id < y.id ? -1 : 1))
    .map((v) => ({
      id: v.id, name: v.name, role: v.role, affiliation: v.affiliation, anonymous: v.anonymous, quotes: v.quotes,
      quotedWords: v.quotedWords,
      verbs: verbCounts(v.verbs),
    }));
  const spoken = new Set(outVoices.map((v) => v.id));
  // A quote's speaker is always a listed voice.
  for (const quote of uniqueQuotes) if (quote.speaker && !spoken.has(quote.speaker)) quote.speaker = null;
  // The findings are this call's own objects: clear an unlisted speaker in place (same keys, same order).
  for (const finding of findings) if (finding.speaker && !spoken.has(finding.speaker)) finding.speaker = null;
  return { quotes: uniqueQuotes, voices: outVoices, findings };
}
