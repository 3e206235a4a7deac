/**
 * `--format text`: a plain summary for a terminal or a brief — who is called what in
 * whose voice, who was quoted and how, whose content it is, and what was repaired.
 * Plain text only (no colour codes), so it can be pasted anywhere.
 */
import { ANALYSIS_SCHEMA_ID, type AnalysisRecord, type Finding, type OutputRecord, type Voice } from '../schema/record.js';

const OWN = new Set(['headline', 'narration']);
const WIDTH = 88;

function wrap(text: string, indent: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > WIDTH - indent.length) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function entityName(record: AnalysisRecord, id: string | null): string | null {
  if (!id) return null;
  return record.entities.find((e) => e.id === id)?.name ?? id;
}

function voiceName(record: AnalysisRecord, id: string | null): string | null {
  if (!id) return null;
  const voice = record.voices.find((v) => v.id === id);
  return voice ? voice.name ?? voice.role ?? 'unnamed source' : id;
}

function findingLine(record: AnalysisRecord, finding: Finding): string {
  const target = entityName(record, finding.target);
  const speaker = voiceName(record, finding.speaker);
  const context = finding.context?.length ? `, ${finding.context.join(', ')}` : '';
  const alternatives = finding.alternatives?.length ? ` — try: ${finding.alternatives.slice(0, 3).join(', ')}` : '';
  return `  "${finding.text}"${target ? ` → ${target}` : ''}  [${finding.category}, ${finding.voice}${speaker ? `: ${speaker}` : ''}${context}, weight ${finding.weight}]${alternatives}`;
}

function voiceLine(record: AnalysisRecord, voice: Voice): string {
  const who = voice.name ?? (voice.anonymous ? 'unnamed source' : voice.id);
  const role = voice.role ? ` — ${voice.role}` : '';
  const side = voice.affiliation ? ` (${entityName(record, voice.affiliation)})` : '';
  const verbs = Object.entries(voice.verbs)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([verb, count]) => (count > 1 ? `${verb} ×${count}` : verb))
    .join(', ');
  return `  ${who}${role}${side}: ${plural(voice.quotes, 'quote')}, ${plural(voice.quotedWords, 'word')}${verbs ? `; verbs: ${verbs}` : ''}`;
}

function section(title: string, lines: readonly string[], empty: string): string {
  return `${title}\n${lines.length ? lines.join('\n') : `  ${empty}`}`;
}

export function renderAnalysisText(record: AnalysisRecord): string {
  const out: string[] = [];
  out.push(record.title ?? '(untitled)');
  const outlet = record.provenance.outlet;
  const badge = outlet ? [outlet.type, outlet.country].filter(Boolean).join(' · ') : '';
  const header = [outlet?.name ?? record.outlet, record.published, record.byline ? `by ${record.byline}` : null].filter(Boolean).join(' · ');
  out.push([header, badge ? `(${badge})` : '', `[${record.source}]`].filter(Boolean).join(' '));
  out.push('');
  out.push(wrap(record.summary, ''));
  out.push('');
  const loaded = record.findings.filter((f) => f.analyzer === 'loaded-language');
  const own = loaded.filter((f) => OWN.has(f.voice));
  const others = loaded.filter((f) => !OWN.has(f.voice));
  const s = record.scores;
  out.push(section(`Loaded language in the outlet's own voice (${own.length}; ${s.loadedPer1kOwnVoice} per 1,000 own words):`, own.map((f) => findingLine(record, f)), 'none'));
  out.push(section(`Loaded language in quoted, reported or scare-quoted words (${others.length}):`, others.map((f) => findingLine(record, f)), 'none'));
  out.push(section(`Voices (${record.voices.length}; ${Math.round(s.quotedWordShare * 100)}% of words are quoted):`, record.voices.map((v) => voiceLine(record, v)), 'nobody is quoted'));
  const sourcing = record.findings.filter((f) => f.analyzer === 'attribution' && (f.category === 'anonymous-source' || f.category === 'vague-source'));
  out.push(section('Unnamed and vague sources:', sourcing.map((f) => `  "${f.text}"  [${f.category}]`), 'none'));
  const doubt = record.findings.filter((f) => f.analyzer === 'attribution' && f.category === 'doubt-verb');
  out.push(section('Verbs that cast doubt on a speaker:', doubt.map((f) => `  "${f.text}" → ${voiceName(record, f.speaker) ?? 'unknown speaker'}`), 'none'));
  const credits = record.provenance.credits.map((c) => {
    const facts = [c.kind, c.country, c.type ?? null, c.stateAffiliated ? 'state-affiliated' : null].filter(Boolean).join(', ');
    return `  ${c.source} (${facts})`;
  });
  out.push(section('Credits and cited sources:', credits, 'none found'));
  const repairKinds = new Map<string, number>();
  for (const repair of record.repairs) repairKinds.set(repair.kind, (repairKinds.get(repair.kind) ?? 0) + 1);
  const removedReasons = new Map<string, number>();
  for (const removed of record.removed) removedReasons.set(removed.reason, (removedReasons.get(removed.reason) ?? 0) + 1);
  const cleaning = [
    ...[...repairKinds].sort().map(([kind, count]) => `${count} ${kind}`),
    ...[...removedReasons].sort().map(([reason, count]) => `${count} removed as ${reason}`),
  ];
  out.push(`Cleaning: ${cleaning.length ? cleaning.join('; ') : 'nothing repaired or removed'}`);
  out.push(`framelens ${record.meta.framelens}; lexicons ${record.meta.lexicons.map((l) => `${l.id}@${l.version}`).join(', ')}`);
  return `${out.join('\n')}\n`;
}

export function renderRecordText(record: OutputRecord): string {
  if (record.schema !== ANALYSIS_SCHEMA_ID) {
    return `ERROR ${record.source}${record.id ? ` (${record.id})` : ''}: ${record.error.message} [${record.error.code}]\n`;
  }
  return renderAnalysisText(record);
}
