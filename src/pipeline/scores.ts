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
import { keyedRecord } from '../util/keyed-record.js';
import { sortInPlace } from '../util/sort-in-place.js';
import { speechSpans } from '../analyzers/voice.js';
import type { Document } from '../document/types.js';
import type { AnalysisRecord, Scores } from '../schema/record.js';

type ScoreInput = Pick<AnalysisRecord, 'findings' | 'quotes' | 'voices' | 'provenance'>;

/** Cue classes that distance the outlet from what a speaker says. */
const DISTANCING_CATEGORY = 'doubt-verb';

function per1k(count: number, words: number): number {
  return words > 0 ? round((count * 1000) / words) : 0;
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
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

/** Code-unit order, as `sort` compares (distinct keys, so never 0). */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : 1;
}

export function computeScores(doc: Document, record: ScoreInput, sentiment: SentimentResult): Scores {
  const { words, quoted: quotedWords } = countWordsAndQuoted(doc, record.quotes);
  const ownWords = words - quotedWords;
  // One pass over the findings for every count below (they were seven filters and a reduce).
  let loadedTerms = 0;
  let loadedWeight = 0;
  let ownLoaded = 0;
  let quotedLoaded = 0;
  let headlineLoaded = 0;
  let cueVerbs = 0;
  let distancing = 0;
  const byCategory = keyedRecord();
  const byVoice = keyedRecord();
  const cuesByVoice = new Map<string, { cues: number; distancing: number }>();
  // The speakers with cues, kept as they come: sorted at the end without spreading the map.
  const cueSpeakers: string[] = [];
  for (const finding of record.findings) {
    if (finding.analyzer === 'loaded-language') {
      loadedTerms++;
      loadedWeight += finding.weight;
      const voice = finding.voice;
      // The outlet's own voices (headline, narration) and the quoted ones (quoted, reported).
      if (voice === 'headline') {
        ownLoaded++;
        headlineLoaded++;
      } else if (voice === 'narration') ownLoaded++;
      else if (voice === 'quoted' || voice === 'reported') quotedLoaded++;
      byCategory[finding.category] = (byCategory[finding.category] ?? 0) + 1;
      byVoice[voice] = (byVoice[voice] ?? 0) + 1;
    } else if (finding.analyzer === 'attribution' && finding.rule.startsWith('attribution/verb-')) {
      cueVerbs++;
      const distances = finding.category === DISTANCING_CATEGORY;
      if (distances) distancing++;
      if (!finding.speaker) continue;
      let tally = cuesByVoice.get(finding.speaker);
      if (tally === undefined) {
        cuesByVoice.set(finding.speaker, (tally = { cues: 0, distancing: 0 }));
        cueSpeakers.push(finding.speaker);
      }
      tally.cues++;
      if (distances) tally.distancing++;
    }
  }
  let anonymousVoices = 0;
  // Who gets the floor: quoted words per side, and how often each voice's verbs distance the outlet from it.
  const quotedWordsByAffiliation = keyedRecord();
  let voicedWords = 0;
  // The sides in first-seen order, the record's key order: a `for…in` over a prototype-less
  // record has no enum cache and collects its keys in the runtime.
  const sides: string[] = [];
  for (const voice of record.voices) {
    if (voice.anonymous) anonymousVoices++;
    const side = voice.affiliation ?? 'unaffiliated';
    const counted = quotedWordsByAffiliation[side];
    if (counted === undefined) sides.push(side);
    quotedWordsByAffiliation[side] = (counted ?? 0) + voice.quotedWords;
    voicedWords += voice.quotedWords;
  }
  const quotedWordShareByAffiliation = keyedRecord();
  for (const side of sides) quotedWordShareByAffiliation[side] = voicedWords > 0 ? round((quotedWordsByAffiliation[side] as number) / voicedWords) : 0;
  const distancingShareByVoice = keyedRecord();
  for (const voice of sortInPlace(cueSpeakers, compareStrings)) {
    const tally = cuesByVoice.get(voice) as { cues: number; distancing: number };
    distancingShareByVoice[voice] = round(tally.distancing / tally.cues);
  }
  let stateAffiliatedCredits = 0;
  for (const credit of record.provenance.credits) if (credit.stateAffiliated) stateAffiliatedCredits++;
  return {
    words,
    sentences: doc.sentences.length,
    loadedTerms,
    loadedWeight: round(loadedWeight),
    loadedPer1k: per1k(loadedTerms, words),
    loadedPer1kOwnVoice: per1k(ownLoaded, ownWords),
    loadedPer1kQuoted: per1k(quotedLoaded, quotedWords),
    ownVoiceLoaded: ownLoaded,
    quotedLoaded,
    headlineLoaded,
    loadedByCategory: byCategory,
    loadedByVoice: byVoice,
    voices: record.voices.length,
    namedVoices: record.voices.length - anonymousVoices,
    anonymousVoices,
    quotedWords,
    quotedWordShare: words > 0 ? round(quotedWords / words) : 0,
    cueVerbs,
    distancingCues: distancing,
    distancingShare: cueVerbs > 0 ? round(distancing / cueVerbs) : 0,
    distancingShareByVoice,
    quotedWordsByAffiliation,
    quotedWordShareByAffiliation,
    stateAffiliatedCredits,
    sentiment: words > 0 ? round(sentiment.total / words) : 0,
    // Valence per word in the outlet's own text and in quoted speech: whose tone is it?
    sentimentOwnVoice: sentiment.byVoice && ownWords > 0 ? round(sentiment.byVoice.own.total / ownWords) : 0,
    sentimentQuoted: sentiment.byVoice && quotedWords > 0 ? round(sentiment.byVoice.quoted.total / quotedWords) : 0,
    sentimentTotal: round(sentiment.total),
  };
}
