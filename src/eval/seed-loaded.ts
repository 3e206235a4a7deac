/**
 * The seed's loaded-language acceptance case (issue 3): the headline's "evil" is the
 * outlet's own and aimed at the United States; "malicious", "terrorist", "destabilizing"
 * and "illegitimate" and both later "evil"s are the security chief's words; neutral words
 * are never flagged. The checks probe single words in the record, never seed sentences.
 */
import { join } from 'node:path';
import type { AnalysisRecord, Finding } from '../schema/record.js';
import type { EvalContext, EvalRow, EvalSuite } from './types.js';

const SEED = join('seed', '000_5bd232881ca3315c.txt');
const SPEAKER_WORDS = ['malicious', 'terrorist', 'destabilizing', 'illegitimate'];
const NEUTRAL_WORDS = ['tuesday', 'meeting', 'trade', 'relations', 'visit', 'delegation'];

function loaded(record: AnalysisRecord): Finding[] {
  return record.findings.filter((f) => f.analyzer === 'loaded-language');
}

/** The word after a finding, lower case (to tell one "evil" from another). */
function nextWord(record: AnalysisRecord, f: Finding): string {
  const m = /^[^\p{L}]*(\p{L}+)/u.exec(record.text.slice(f.end, f.end + 40));
  return m?.[1]?.toLowerCase() ?? '';
}

function securityChief(record: AnalysisRecord): string | null {
  return record.voices.find((v) => /shamkhani/i.test(v.name ?? ''))?.id ?? null;
}

function isSpeakers(f: Finding, speaker: string | null): boolean {
  return speaker !== null && (f.voice === 'quoted' || f.voice === 'reported') && f.speaker === speaker;
}

function describe(f: Finding | undefined): string {
  return f ? `${f.text}@${f.start} ${f.voice}${f.speaker ? `/${f.speaker}` : ''} → ${f.target ?? 'no target'}` : 'not found';
}

async function run(context: EvalContext): Promise<EvalRow[]> {
  const record = context.analyze(await context.readArticleFile(join(context.sharedDir, SEED)));
  const findings = loaded(record);
  const chief = securityChief(record);
  const rows: EvalRow[] = [];
  const headlineBlock = record.blocks.find((b) => b.kind === 'headline');
  const inHeadline = (f: Finding): boolean => headlineBlock !== undefined && f.start >= headlineBlock.start && f.end <= headlineBlock.end;
  const headlineEvil = findings.find((f) => f.text.toLowerCase() === 'evil' && inHeadline(f));
  rows.push({ suite: 'seed-loaded', metric: 'headline "evil" in headline voice at the US', value: headlineEvil?.voice === 'headline' && headlineEvil.target === 'us', target: true, note: describe(headlineEvil) });
  for (const word of SPEAKER_WORDS) {
    const hits = findings.filter((f) => f.text.toLowerCase() === word);
    const ok = hits.some((f) => isSpeakers(f, chief));
    rows.push({ suite: 'seed-loaded', metric: `"${word}" as the security chief's words`, value: ok, target: true, note: hits.map(describe).join('; ') || 'not found' });
  }
  const bodyEvil = findings.filter((f) => f.text.toLowerCase() === 'evil' && !inHeadline(f));
  const evilUs = bodyEvil.find((f) => f.target === 'us');
  rows.push({ suite: 'seed-loaded', metric: '"evil US" in the body: his words, at the US', value: evilUs !== undefined && isSpeakers(evilUs, chief), target: true, note: describe(evilUs) });
  const evilActs = bodyEvil.find((f) => nextWord(record, f) === 'acts');
  rows.push({ suite: 'seed-loaded', metric: '"evil acts": his quoted words', value: evilActs !== undefined && isSpeakers(evilActs, chief) && evilActs.voice === 'quoted', target: true, note: describe(evilActs) });
  const neutral = findings.filter((f) => NEUTRAL_WORDS.some((w) => f.text.toLowerCase().includes(w)));
  rows.push({ suite: 'seed-loaded', metric: 'no finding on neutral words', value: neutral.length === 0, target: true, note: neutral.map(describe).join('; ') || NEUTRAL_WORDS.join(', ') });
  rows.push({ suite: 'seed-loaded', metric: 'loaded findings', value: findings.length, n: findings.length, note: `own voice ${record.scores.ownVoiceLoaded ?? '?'}, quoted ${record.scores.quotedLoaded ?? '?'}` });
  return rows;
}

export const suites: EvalSuite[] = [{ name: 'seed-loaded', requires: SEED, run }];
