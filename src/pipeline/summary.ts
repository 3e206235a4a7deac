/**
 * The record's `summary`: one to three plain sentences built only from its findings,
 * voices and credits, so every claim in it can be checked against the evidence.
 */
import { sortInPlace } from '../util/sort-in-place.js';
import type { AnalysisRecord, Finding, Voice } from '../schema/record.js';

type SummaryInput = Pick<AnalysisRecord, 'findings' | 'voices' | 'entities' | 'provenance' | 'quotes'>;

export interface SummaryOptions {
  /** "Iran" → "Iranian", from the entity gazetteer, so the summary reads naturally. */
  readonly countryAdjective?: ReadonlyMap<string, string>;
}

const OWN = new Set(['headline', 'narration']);

function entityName(record: SummaryInput, id: string | null): string | null {
  if (!id) return null;
  return record.entities.find((e) => e.id === id)?.name ?? null;
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  // Appended in place: no sliced copy of the list to join.
  let head = names[0] as string;
  for (let i = 1; i < names.length - 1; i++) head += `, ${names[i]}`;
  return `${head} and ${names[names.length - 1]}`;
}

/** "United States" → "the United States", as a country name reads inside a sentence. */
export function withArticle(name: string): string {
  return /^(United|Islamic|Democratic|Republic|Kingdom|European|Taliban|Kremlin|White House|Pentagon)\b/.test(name) || /(Islands|States|Emirates|Netherlands|Philippines)$/.test(name)
    ? `the ${name}`
    : name;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function byStrength(a: Finding, b: Finding): number {
  return b.weight - a.weight || Number(b.voice === 'headline') - Number(a.voice === 'headline') || a.start - b.start;
}

/** The strongest findings first: weight, then headline before body, then position. */
function strongest(findings: readonly Finding[]): Finding[] {
  return sortInPlace([...findings], byStrength);
}

function describeTerms(record: SummaryInput, findings: readonly Finding[], max: number): string {
  const parts: string[] = [];
  const used = new Set<string>();
  for (const finding of strongest(findings)) {
    const word = finding.text.toLowerCase();
    if (used.has(word)) continue;
    used.add(word);
    const target = entityName(record, finding.target);
    parts.push(`"${finding.text}"${target ? ` (at ${withArticle(target)})` : ''}`);
    if (parts.length >= max) break;
  }
  return joinNames(parts);
}

function ownVoiceSentence(record: SummaryInput, own: readonly Finding[]): string | null {
  if (!own.length) return null;
  const inHeadline = own.some((f) => f.voice === 'headline');
  return `In its own voice${inHeadline ? ', including the headline,' : ''} the outlet uses ${own.length} loaded term${own.length === 1 ? '' : 's'}: ${describeTerms(record, own, 3)}.`;
}

function voiceLabel(voice: Voice): string {
  return voice.name ?? voice.role ?? (voice.anonymous ? 'an unnamed source' : voice.id);
}

/**
 * The entity most often targeted by loaded terms, when no voice speaks for it: the side
 * whose actions are the subject but who is not heard.
 */
function mainUnheardTarget(record: SummaryInput): string | null {
  const counts = new Map<string, number>();
  for (const finding of record.findings) {
    if (finding.analyzer !== 'loaded-language' || !finding.target || finding.polarity !== 'negative') continue;
    counts.set(finding.target, (counts.get(finding.target) ?? 0) + 1);
  }
  // The most targeted (more than once), the first in code-unit order on a tie.
  let best: string | null = null;
  let bestCount = 1;
  for (const [target, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && target < best)) {
      best = target;
      bestCount = count;
    }
  }
  if (!best) return null;
  const target = best;
  if (record.voices.some((voice) => voice.affiliation === target)) return null;
  return entityName(record, target);
}

/** The voices that speak: how many, how many are named, the labels of the first four named, and their distinct sides in first-seen order. */
interface Speakers {
  count: number;
  named: number;
  readonly labels: string[];
  readonly sides: string[];
}

/** One pass over the voices (a handful per article: a list's `includes` is the cheapest distinct set). */
function speakersOf(voices: readonly Voice[]): Speakers {
  const speakers: Speakers = { count: 0, named: 0, labels: [], sides: [] };
  for (const voice of voices) {
    if (voice.quotes <= 0) continue;
    speakers.count++;
    if (!voice.anonymous && speakers.named++ < 4) speakers.labels.push(voiceLabel(voice));
    if (voice.affiliation !== null && !speakers.sides.includes(voice.affiliation)) speakers.sides.push(voice.affiliation);
  }
  return speakers;
}

function quotedSentence(record: SummaryInput, quoted: readonly Finding[]): string | null {
  const { count, named, labels, sides } = speakersOf(record.voices);
  const parts: string[] = [];
  if (count) {
    const who = named ? joinNames(labels) : 'unnamed sources only';
    const anonymous = count - named;
    let sentence = `${count} voice${count === 1 ? ' is' : 's are'} heard (${who}${anonymous && named ? `, plus ${anonymous} unnamed` : ''})`;
    if (sides.length === 1) sentence += `, all from one side (${entityName(record, sides[0] ?? null) ?? sides[0]})`;
    else if (sides.length > 1 && sides.length <= 3) sentence += `, from ${joinNames(sides.map((a) => entityName(record, a) ?? a))}`;
    const unheard = mainUnheardTarget(record);
    if (unheard) sentence += `, none from ${withArticle(unheard)}, the main target of its loaded terms`;
    parts.push(sentence);
  }
  if (quoted.length) {
    parts.push(`${parts.length ? 'their' : 'Quoted'} words add ${quoted.length} loaded term${quoted.length === 1 ? '' : 's'} (${describeTerms(record, quoted, 3)})`);
  }
  if (!parts.length) return null;
  const sentence = parts.join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

function provenanceSentence(record: SummaryInput, options: SummaryOptions): string | null {
  // Agencies and outlets, not the staff named in bylines: a person is not a source of content here.
  const credits = record.provenance.credits.filter((c) => c.kind !== 'citation' && (c.registryId !== null || c.kind !== 'byline'));
  if (!credits.length) return null;
  const names = distinct(credits.map((c) => c.source));
  const state = credits.filter((c) => c.stateAffiliated);
  const countries = distinct(state.map((c) => c.country).filter((c): c is string => c !== null));
  let sentence = `Content credited to ${joinNames(names)}`;
  if (state.length === credits.length && countries.length === 1) {
    const country = countries[0] as string;
    sentence += ` — ${options.countryAdjective?.get(country) ?? country} state media`;
  }
  else if (state.length) sentence += ` (${distinct(state.map((c) => c.source)).length} state-affiliated)`;
  return `${sentence}.`;
}

/**
 * The loaded terms in the outlet's own voice (neutral ones aside) into `own`, those in quoted
 * or reported speech into `quoted`, in one pass. A function of its own: findings come in
 * many shapes, and a deopt on a new one recompiles only this loop, not the summary.
 */
function sortLoaded(findings: readonly Finding[], own: Finding[], quoted: Finding[]): void {
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    if (finding.analyzer !== 'loaded-language') continue;
    if (OWN.has(finding.voice)) {
      if (finding.polarity !== 'neutral') own.push(finding);
    } else if (finding.voice === 'quoted' || finding.voice === 'reported') quoted.push(finding);
  }
}

export function summarize(record: SummaryInput, options: SummaryOptions = {}): string {
  const own: Finding[] = [];
  const quoted: Finding[] = [];
  sortLoaded(record.findings, own, quoted);
  const sentences = [ownVoiceSentence(record, own), quotedSentence(record, quoted), provenanceSentence(record, options)].filter((s): s is string => s !== null);
  return sentences.length ? sentences.join(' ') : 'No loaded language, attributed speech or credited sources were found.';
}
