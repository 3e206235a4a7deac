/**
 * What analyzers hand to one another. Each analyzer is compiled once from the lexicons
 * (`createX(lexicons)`) and returns a pure function over the document.
 */
import type { Finding, Quote, Voice, Provenance } from '../schema/record.js';

/** One mention of a gazetteer entity in the text. */
export interface EntityMention {
  /** Entity id from the entities lexicon (e.g. `us`, `iran`, `isis`). */
  readonly entity: string;
  readonly start: number;
  readonly end: number;
  /** Token range [tokenStart, tokenEnd). */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** How it was named: `name`, `alias`, `metonym` (Washington for the US), `demonym` (American). */
  readonly via: 'name' | 'alias' | 'metonym' | 'demonym';
}

export interface AttributionResult {
  /** Direct, indirect, mixed and scare quotes, sorted by start, in the contract's shape. */
  readonly quotes: readonly Quote[];
  readonly voices: readonly Voice[];
  /** Attribution findings (cue verbs by connotation class, anonymous and vague sources). */
  readonly findings: readonly Finding[];
}

export interface ProvenanceResult {
  readonly provenance: Provenance;
  readonly findings: readonly Finding[];
}

/** AFINN valence per sentence (index = sentence index), and the article total. */
export interface SentimentResult {
  readonly bySentence: Float64Array;
  /** Sum of valences over the document. */
  readonly total: number;
  /** Number of tokens that carried a valence. */
  readonly scoredTokens: number;
  /** Per sentence, how many tokens carried a valence (so "no valence" differs from "sums to 0"). */
  readonly scoredBySentence?: Uint32Array;
  /**
   * Valence split by voice, when the scorer was given the quotes: `own` is the outlet's
   * text (scare quotes included), `quoted` is inside direct, mixed and reported speech.
   */
  readonly byVoice?: { readonly own: VoiceValence; readonly quoted: VoiceValence };
}

export interface VoiceValence {
  /** Sum of valences. */
  readonly total: number;
  /** Tokens that carried a valence. */
  readonly scored: number;
}
