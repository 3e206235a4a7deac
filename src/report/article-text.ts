/**
 * The article text as HTML with every finding highlighted and every quote shaded by its
 * speaker. Spans can nest or cross (a loaded word inside a quote, two findings sharing
 * words), so elements are opened and closed at each boundary and a crossing element is
 * closed and reopened: the markup stays well-formed and every character is escaped once.
 */
import type { AnalysisRecord, Finding, Quote, Voice } from '../schema/record.js';
import { classToken, escapeHtml } from './html.js';
import { SPEAKER_SHADES, VOICE_LABELS } from './palette.js';

/** Tooltip rows (label, value) per finding and per quote, indexed by `data-f` / `data-q`. */
export interface TipData {
  readonly f: [string, string][][];
  readonly q: [string, string][][];
}

export interface SpeakerShade {
  readonly id: string | null;
  readonly label: string;
  readonly shade: string;
}

export interface ArticleText {
  readonly html: string;
  readonly tips: TipData;
  readonly speakers: SpeakerShade[];
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly open: string;
  /** Tag used when a crossing span is reopened (no second tab stop). */
  readonly reopen: string;
  readonly close: string;
  /** Quotes sort outside findings at equal bounds. */
  readonly rank: number;
}

export function describeVoice(voice: Voice | undefined): string {
  if (!voice) return 'unknown speaker';
  const name = voice.name ?? (voice.anonymous ? `unnamed (${voice.role ?? 'source'})` : voice.role ?? voice.id);
  const extra = [voice.name ? voice.role : null, voice.affiliation].filter((x): x is string => Boolean(x));
  return extra.length ? `${name} — ${extra.join(', ')}` : name;
}

function findingTip(f: Finding, voices: Map<string, Voice>, entities: Map<string, string>): [string, string][] {
  const rows: [string, string][] = [
    ['Words', f.text],
    ['Rule', f.rule],
    ['Category', f.category],
    ['Voice', VOICE_LABELS[f.voice] ?? f.voice],
    ['Speaker', f.speaker ? describeVoice(voices.get(f.speaker)) : '–'],
    ['Target', f.target ? entities.get(f.target) ?? f.target : '–'],
    ['Note', f.note || '–'],
  ];
  if (f.weight !== 1) rows.push(['Weight', String(f.weight)]);
  if (f.alternatives?.length) rows.push(['Instead', f.alternatives.join(', ')]);
  if (f.context?.length) rows.push(['Context', f.context.join(', ')]);
  if (f.source) rows.push(['Source', f.source]);
  return rows;
}

function quoteTip(q: Quote, voices: Map<string, Voice>): [string, string][] {
  const kinds: Record<string, string> = { direct: 'Direct quote', indirect: 'Reported speech', mixed: 'Mixed quote', scare: 'Scare quote (no speaker)' };
  const rows: [string, string][] = [
    ['Quote', kinds[q.kind] ?? q.kind],
    ['Speaker', q.speaker ? describeVoice(voices.get(q.speaker)) : '–'],
    ['Cue', q.cue ? q.cue.verb : '–'],
  ];
  if (q.inferredOpen) rows.push(['Opening mark', 'missing in the source; inferred']);
  return rows;
}

interface DisplayBlock {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

/** The record's blocks in order, clipped so they do not overlap, with any uncovered text as paragraphs. */
export function displayBlocks(record: AnalysisRecord): DisplayBlock[] {
  const text = record.text;
  const result: DisplayBlock[] = [];
  const addGap = (from: number, to: number): void => {
    let start = from;
    while (start < to) {
      const next = text.indexOf('\n\n', start);
      const end = next < 0 || next > to ? to : next;
      if (text.slice(start, end).trim()) result.push({ kind: 'paragraph', start, end });
      start = end + 2;
    }
  };
  let cursor = 0;
  const blocks = [...record.blocks].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const block of blocks) {
    const start = Math.max(block.start, cursor);
    const end = Math.min(block.end, text.length);
    if (end <= start) continue;
    if (start > cursor) addGap(cursor, start);
    result.push({ kind: block.kind, start, end });
    cursor = end;
  }
  if (cursor < text.length) addGap(cursor, text.length);
  return result;
}

function renderRun(text: string): string {
  return escapeHtml(text).replace(/\n/gu, '<br>');
}

function renderBlock(text: string, block: DisplayBlock, spans: readonly Span[]): string {
  const inside = spans
    .filter((s) => s.start < block.end && s.end > block.start)
    .map((s) => ({ ...s, start: Math.max(s.start, block.start), end: Math.min(s.end, block.end) }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const points = new Set<number>([block.start, block.end]);
  for (const s of inside) {
    points.add(s.start);
    points.add(s.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const stack: Span[] = [];
  let next = 0;
  let out = '';
  for (let i = 0; i < sorted.length - 1; i++) {
    const p = sorted[i] as number;
    if (stack.some((s) => s.end <= p)) {
      const reopen: Span[] = [];
      while (stack.some((s) => s.end <= p)) {
        const span = stack.pop() as Span;
        out += span.close;
        if (span.end > p) reopen.unshift(span);
      }
      for (const span of reopen) {
        out += span.reopen;
        stack.push(span);
      }
    }
    while (next < inside.length && (inside[next] as Span).start === p) {
      const span = inside[next++] as Span;
      out += span.open;
      stack.push(span);
    }
    out += renderRun(text.slice(p, sorted[i + 1] as number));
  }
  while (stack.length) out += (stack.pop() as Span).close;
  return out;
}

export function renderArticleText(record: AnalysisRecord): ArticleText {
  const voices = new Map(record.voices.map((v) => [v.id, v]));
  const entities = new Map(record.entities.map((e) => [e.id, e.name]));
  const shades = new Map<string | null, SpeakerShade>();
  const shadeOf = (speaker: string | null): string => {
    let shade = shades.get(speaker);
    if (!shade) {
      const named = [...shades.keys()].filter((k) => k !== null).length;
      shade = { id: speaker, label: speaker ? describeVoice(voices.get(speaker)) : 'no speaker identified', shade: speaker ? `s${named % SPEAKER_SHADES}` : 'sx' };
      shades.set(speaker, shade);
    }
    return shade.shade;
  };
  const tips: TipData = { f: [], q: [] };
  const spans: Span[] = [];
  const sortedQuotes = [...record.quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  sortedQuotes.forEach((q, i) => {
    tips.q.push(quoteTip(q, voices));
    if (q.end <= q.start) return;
    const cls = q.kind === 'scare' ? 'q scare' : `q ${shadeOf(q.speaker)} k-${q.kind}`;
    const open = `<span class="${cls}" data-q="${i}">`;
    spans.push({ start: q.start, end: q.end, open, reopen: open, close: '</span>', rank: 0 });
  });
  record.findings.forEach((f, i) => {
    tips.f.push(findingTip(f, voices, entities));
    if (f.end <= f.start) return;
    const cls = `hl an-${classToken(f.analyzer)} pol-${classToken(f.polarity)} v-${classToken(f.voice)} c-${classToken(f.category)}`;
    spans.push({
      start: f.start,
      end: f.end,
      open: `<mark class="${cls}" tabindex="0" data-f="${i}">`,
      reopen: `<mark class="${cls}" data-f="${i}">`,
      close: '</mark>',
      rank: 1,
    });
  });
  const parts: string[] = [];
  for (const block of displayBlocks(record)) {
    const inner = renderBlock(record.text, block, spans);
    if (block.kind === 'paragraph') parts.push(`<p>${inner}</p>`);
    else parts.push(`<p class="b-${classToken(block.kind)}"><span class="blocklabel">${escapeHtml(block.kind)}</span>${inner}</p>`);
  }
  return { html: parts.join('\n'), tips, speakers: [...shades.values()] };
}
