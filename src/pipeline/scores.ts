/**
 * Per-article scores. Every score is a count or sum over findings, quotes, voices or
 * credits of the record, so each number can be traced back to the words behind it.
 *
 * Rates: `loadedPer1kOwnVoice` is per 1,000 words of the outlet's own text (outside
 * direct, mixed and reported quotes; scare quotes are the outlet's own), and
 * `loadedPer1kQuoted` per 1,000 words inside quotes, so an article that quotes a lot is
 * not counted as loaded in its own voice.
 */
import type { SentimentResult } from '../analyzers/types.js';
import type { Document } from '../document/types.js';
import type { AnalysisRecord, Scores } from '../schema/record.js';

type ScoreInput = Pick<AnalysisRecord, 'findings' | 'quotes' | 'voices' | 'provenance'>;

const OWN_VOICES = new Set(['headline', 'narration']);
const QUOTED_VOICES = new Set(['quoted', 'reported']);
/** Cue classes that distance the outlet from what a speaker says. */
const DISTANCING_CATEGORY = 'doubt-verb';

function per1k(count: number, words: number): number {
  return words > 0 ? round((count * 1000) / words) : 0;
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Sorted [start, end] spans of speech quotes (direct, mixed, indirect; scare quotes are the outlet's own). */
function speechSpans(quotes: ScoreInput['quotes']): (readonly [number, number])[] {
  return quotes.filter((q) => q.kind !== 'scare').map((q) => [q.start, q.end] as const).sort((a, b) => a[0] - b[0]);
}

/**
 * Words (word and number tokens) and, of them, the words inside speech quotes, in one
 * sweep over the tokens and the sorted spans (the scores need both; one loop, not two).
 */
export function countWordsAndQuoted(doc: Document, quotes: ScoreInput['quotes']): { words: number; quoted: number } {
  const spans = speechSpans(quotes);
  let words = 0;
  let quoted = 0;
  let spanIndex = 0;
  const tokens = doc.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Document['tokens'][number];
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    words++;
    while (spanIndex < spans.length && (spans[spanIndex] as readonly [number, number])[1] <= token.start) spanIndex++;
    // Spans may nest or overlap; look ahead over spans that start before this token.
    for (let j = spanIndex; j < spans.length; j++) {
      const span = spans[j] as readonly [number, number];
      if (span[0] > token.start) break;
      if (span[1] >= token.end) {
        quoted++;
        break;
      }
    }
  }
  return { words, quoted };
}

/** Marks which words fall inside speech quotes (direct, mixed, indirect), by a sweep over sorted spans. */
export function countQuotedWords(doc: Document, quotes: ScoreInput['quotes']): number {
  return countWordsAndQuoted(doc, quotes).quoted;
}

export function countWords(doc: Document): number {
  let words = 0;
  for (const token of doc.tokens) if (token.kind === 'word' || token.kind === 'number') words++;
  return words;
}

export function computeScores(doc: Document, record: ScoreInput, sentiment: SentimentResult): Scores {
  const { words, quoted: quotedWords } = countWordsAndQuoted(doc, record.quotes);
  const ownWords = words - quotedWords;
  const loaded = record.findings.filter((f) => f.analyzer === 'loaded-language');
  const own = loaded.filter((f) => OWN_VOICES.has(f.voice));
  const quoted = loaded.filter((f) => QUOTED_VOICES.has(f.voice));
  const byCategory: Record<string, number> = {};
  const byVoice: Record<string, number> = {};
  for (const finding of loaded) {
    byCategory[finding.category] = (byCategory[finding.category] ?? 0) + 1;
    byVoice[finding.voice] = (byVoice[finding.voice] ?? 0) + 1;
  }
  const cues = record.findings.filter((f) => f.analyzer === 'attribution' && f.rule.startsWith('attribution/verb-'));
  const distancing = cues.filter((f) => f.category === DISTANCING_CATEGORY).length;
  const anonymousVoices = record.voices.filter((v) => v.anonymous).length;
  // Who gets the floor: quoted words per side, and how often each voice's verbs distance the outlet from it.
  const quotedWordsByAffiliation: Record<string, number> = {};
  let voicedWords = 0;
  for (const voice of record.voices) {
    const side = voice.affiliation ?? 'unaffiliated';
    quotedWordsByAffiliation[side] = (quotedWordsByAffiliation[side] ?? 0) + voice.quotedWords;
    voicedWords += voice.quotedWords;
  }
  const quotedWordShareByAffiliation: Record<string, number> = {};
  for (const [side, count] of Object.entries(quotedWordsByAffiliation)) quotedWordShareByAffiliation[side] = voicedWords > 0 ? round(count / voicedWords) : 0;
  const cuesByVoice = new Map<string, { cues: number; distancing: number }>();
  for (const cue of cues) {
    if (!cue.speaker) continue;
    const tally = cuesByVoice.get(cue.speaker) ?? { cues: 0, distancing: 0 };
    tally.cues++;
    if (cue.category === DISTANCING_CATEGORY) tally.distancing++;
    cuesByVoice.set(cue.speaker, tally);
  }
  const distancingShareByVoice: Record<string, number> = {};
  for (const [voice, tally] of [...cuesByVoice].sort((a, b) => (a[0] < b[0] ? -1 : 1))) distancingShareByVoice[voice] = round(tally.distancing / tally.cues);
  return {
    words,
    sentences: doc.sentences.length,
    loadedTerms: loaded.length,
    loadedWeight: round(loaded.reduce((sum, f) => sum + f.weight, 0)),
    loadedPer1k: per1k(loaded.length, words),
    loadedPer1kOwnVoice: per1k(own.length, ownWords),
    loadedPer1kQuoted: per1k(quoted.length, quotedWords),
    ownVoiceLoaded: own.length,
    quotedLoaded: quoted.length,
    headlineLoaded: loaded.filter((f) => f.voice === 'headline').length,
    loadedByCategory: byCategory,
    loadedByVoice: byVoice,
    voices: record.voices.length,
    namedVoices: record.voices.length - anonymousVoices,
    anonymousVoices,
    quotedWords,
    quotedWordShare: words > 0 ? round(quotedWords / words) : 0,
    cueVerbs: cues.length,
    distancingCues: distancing,
    distancingShare: cues.length > 0 ? round(distancing / cues.length) : 0,
    distancingShareByVoice,
    quotedWordsByAffiliation,
    quotedWordShareByAffiliation,
    stateAffiliatedCredits: record.provenance.credits.filter((c) => c.stateAffiliated).length,
    sentiment: words > 0 ? round(sentiment.total / words) : 0,
    // Valence per word in the outlet's own text and in quoted speech: whose tone is it?
    sentimentOwnVoice: sentiment.byVoice && ownWords > 0 ? round(sentiment.byVoice.own.total / ownWords) : 0,
    sentimentQuoted: sentiment.byVoice && quotedWords > 0 ? round(sentiment.byVoice.quoted.total / quotedWords) : 0,
    sentimentTotal: round(sentiment.total),
  };
}
