/**
 * PolNeAR (Newell, Margolin & Ruths 2018, LREC): attribution relations in political news,
 * in brat standoff. Scores cues, contents and sources of framelens's attributions with the
 * partial-overlap measure of the SemEval-2020 span task (a predicted span earns credit in
 * proportion to its character overlap with gold spans), on all attributions and on the
 * direct-quote subset (gold contents that start or end with a quotation mark).
 *
 * The articles are read as they are (title, then paragraphs split at blank lines) and built
 * into documents directly, so offsets map back to the annotation exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAttributionDetails } from '../analyzers/attribution.js';
import { createEntityFinder } from '../analyzers/entities.js';
import { createDocumentBuilder } from '../document/build-document.js';
import type { StructuredArticle } from '../input/article.js';
import type { Part } from '../input/article.js';
import type { EvalRow, EvalSuite } from './types.js';
import { isHeldOut, prf } from './types.js';

/** A span made of one or more [start, end) segments (brat allows discontinuous spans). */
export type Segments = readonly (readonly [number, number])[];

export interface GoldAttribution {
  readonly cue: Segments;
  readonly content: Segments;
  readonly source: Segments;
}

/** Parses a brat .ann file by record: a covered text may hold a newline, so continuation lines are joined. */
export function parseBrat(raw: string): GoldAttribution[] {
  const records: string[] = [];
  for (const line of raw.split('\n')) {
    if (/^[TERAN#]\d*\t/.test(line) || !records.length) records.push(line);
    else records[records.length - 1] += `\n${line}`;
  }
  const spans = new Map<string, { type: string; segments: [number, number][] }>();
  const events: string[] = [];
  for (const record of records) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const id = record.slice(0, tab);
    const rest = record.slice(tab + 1);
    if (id.startsWith('T')) {
      const tab2 = rest.indexOf('\t');
      const head = tab2 >= 0 ? rest.slice(0, tab2) : rest;
      const space = head.indexOf(' ');
      const type = head.slice(0, space);
      const segments = head.slice(space + 1).split(';').map((pair) => {
        const [a, b] = pair.trim().split(' ');
        return [Number(a), Number(b)] as [number, number];
      }).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a);
      spans.set(id, { type, segments });
    } else if (id.startsWith('E')) {
      events.push(rest);
    }
  }
  const out: GoldAttribution[] = [];
  for (const event of events) {
    const roles = new Map<string, [number, number][]>();
    for (const part of event.trim().split(/\s+/)) {
      const colon = part.indexOf(':');
      const role = part.slice(0, colon).replace(/\d+$/, '');
      const span = spans.get(part.slice(colon + 1));
      if (span) roles.set(role, [...(roles.get(role) ?? []), ...span.segments]);
    }
    out.push({ cue: roles.get('Cue') ?? [], content: roles.get('Content') ?? [], source: roles.get('Source') ?? [] });
  }
  return out;
}

function length(span: Segments): number {
  let total = 0;
  for (const [a, b] of span) total += b - a;
  return total;
}

function intersect(a: Segments, b: Segments): number {
  let total = 0;
  for (const [a0, a1] of a) for (const [b0, b1] of b) total += Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
  return total;
}

/** Sums for the partial-overlap measure: each span's credit is capped at 1. */
export class OverlapScore {
  precisionSum = 0;
  predicted = 0;
  recallSum = 0;
  gold = 0;

  add(predicted: readonly Segments[], gold: readonly Segments[]): void {
    for (const p of predicted) {
      const size = length(p);
      if (!size) continue;
      let credit = 0;
      for (const g of gold) credit += intersect(p, g) / size;
      this.precisionSum += Math.min(1, credit);
      this.predicted++;
    }
    for (const g of gold) {
      const size = length(g);
      if (!size) continue;
      let credit = 0;
      for (const p of predicted) credit += intersect(p, g) / size;
      this.recallSum += Math.min(1, credit);
      this.gold++;
    }
  }

  result(): { p: number; r: number; f1: number } {
    return prf(this.precisionSum, this.predicted, this.recallSum, this.gold);
  }
}

/** Code-point offsets (brat, written from Python) to UTF-16 offsets. */
function codePointMap(text: string): (offset: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (offset) => offset;
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
  }
  map.push(text.length);
  return (offset) => map[offset] ?? text.length;
}

const QUOTE_CHARS = new Set(['"', '“', '”', '«', '»', '„']);

export function isDirectGold(text: string, content: Segments): boolean {
  if (!content.length) return false;
  const first = content[0] as readonly [number, number];
  const last = content[content.length - 1] as readonly [number, number];
  const head = text.slice(first[0], first[1]).trimStart().charAt(0);
  const tail = text.slice(last[0], last[1]).trimEnd();
  const end = tail.charAt(tail.length - 1);
  const beforeEnd = tail.charAt(tail.length - 2);
  return QUOTE_CHARS.has(head) || QUOTE_CHARS.has(end) || (/[.,!?]/.test(end) && QUOTE_CHARS.has(beforeEnd));
}

interface Split {
  cue: OverlapScore;
  content: OverlapScore;
  source: OverlapScore;
  directContent: OverlapScore;
  directCue: OverlapScore;
  /** Cues scored only against gold cues that hold a speech verb of the lexicon (what framelens sets out to find). */
  speechCue: OverlapScore;
  articles: number;
  unmapped: number;
}

function newSplit(): Split {
  return { cue: new OverlapScore(), content: new OverlapScore(), source: new OverlapScore(), directContent: new OverlapScore(), directCue: new OverlapScore(), speechCue: new OverlapScore(), articles: 0, unmapped: 0 };
}

/**
 * Offsets of a cleaned block in its original text: a two-pointer walk that treats a
 * character as deleted when the original is longer than what remains, else as substituted.
 */
export function alignBlock(cleaned: string, original: string, base: number): Int32Array {
  const map = new Int32Array(cleaned.length + 1);
  let j = 0;
  for (let i = 0; i < cleaned.length; i++) {
    while (j < original.length && cleaned[i] !== original[j] && original.length - j > cleaned.length - i) j++;
    map[i] = base + Math.min(j, original.length);
    j++;
  }
  map[cleaned.length] = base + Math.min(j, original.length);
  return map;
}

/** Article text into parts with their offsets: title line, then blocks split at blank lines. */
function partsOf(text: string): { parts: Part[]; starts: number[] } {
  const parts: Part[] = [];
  const starts: number[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= text.length) break;
    let end = text.indexOf('\n', i);
    if (parts.length > 0) {
      // Paragraphs run to a blank line.
      end = text.indexOf('\n\n', i);
    }
    if (end < 0) end = text.length;
    const piece = text.slice(i, end);
    if (piece.trim()) {
      parts.push({ kind: parts.length === 0 ? 'headline' : 'paragraph', text: piece });
      starts.push(i);
    }
    i = end;
  }
  return { parts, starts };
}

export const suites: EvalSuite[] = [
  {
    name: 'polnear-attribution',
    requires: 'data/polnear',
    async run({ sharedDir, lexicons }) {
      const root = join(sharedDir, 'data', 'polnear');
      const buildDocument = createDocumentBuilder(lexicons);
      const findEntities = createEntityFinder(lexicons);
      const attribute = createAttributionDetails(lexicons);
      const splits = { tune: newSplit(), heldOut: newSplit() };
      const speechForms = new Set<string>();
      for (const entry of lexicons['speech-verbs'].entries) if (entry.type === 'verb' && entry.frame !== 'belief' && entry.class !== 'attitude') for (const form of entry.forms) speechForms.add(form);
      const isSpeechCue = (text: string, cue: Segments): boolean => {
        const words = cue.map(([a, b]) => text.slice(a, b)).join(' ').toLowerCase().replace(/[’]/g, "'").split(/[^a-z':]+/).filter(Boolean);
        for (let i = 0; i < words.length; i++) {
          if (speechForms.has(words[i] as string) || speechForms.has(`${words[i]} ${words[i + 1] ?? ''}`)) return true;
        }
        return false;
      };
      for (const compartment of ['train', 'dev']) {
        let names: string[];
        let annotations: string[];
        try {
          names = readdirSync(join(root, compartment, 'text')).filter((n) => n.endsWith('.txt')).sort();
          annotations = readdirSync(join(root, compartment, 'attributions')).filter((n) => n.endsWith('.ann')).sort();
        } catch {
          continue;
        }
        for (const file of names) {
          const name = file.slice(0, -4);
          // One annotator per article, deterministically: the first file in sort order.
          const ann = annotations.find((a) => a.startsWith(`${name}_`));
          if (!ann) continue;
          const text = readFileSync(join(root, compartment, 'text', file), 'utf8');
          const toUtf16 = codePointMap(text);
          const gold = parseBrat(readFileSync(join(root, compartment, 'attributions', ann), 'utf8')).map((g) => ({
            cue: g.cue.map(([a, b]) => [toUtf16(a), toUtf16(b)] as const),
            content: g.content.map(([a, b]) => [toUtf16(a), toUtf16(b)] as const),
            source: g.source.map(([a, b]) => [toUtf16(a), toUtf16(b)] as const),
          }));
          const { parts, starts } = partsOf(text);
          const article: StructuredArticle = {
            id: name, source: file, outlet: null, title: null, byline: null, url: null, published: null, fields: {},
            parts, removed: [], inputRepairs: [],
          };
          const doc = buildDocument(article);
          // Map document offsets back to the file, block by block (cleaning may drop soft hyphens or trailing newlines).
          const split = isHeldOut(name) ? splits.heldOut : splits.tune;
          const maps: { docStart: number; docEnd: number; map: Int32Array }[] = [];
          doc.blocks.forEach((block, index) => {
            const original = parts[index]?.text;
            const start = starts[index];
            if (original === undefined || start === undefined) {
              split.unmapped++;
              return;
            }
            maps.push({ docStart: block.start, docEnd: block.end, map: alignBlock(doc.text.slice(block.start, block.end), original, start) });
          });
          const toFile = (a: number, b: number): [number, number] | null => {
            for (const m of maps) if (a >= m.docStart && b <= m.docEnd) return [m.map[a - m.docStart] as number, m.map[b - m.docStart] as number];
            return null;
          };
          const details = attribute(doc, findEntities(doc));
          const cues: Segments[] = [];
          const contents: Segments[] = [];
          const sources: Segments[] = [];
          const directContents: Segments[] = [];
          const directCues: Segments[] = [];
          // A direct quote that continues a speaker's earlier quote (no cue of its own) is part of that attribution's content,
          // as PolNeAR annotates it (a discontinuous content span).
          const continuations = new Map<object, Segments[number][]>();
          let lastBySpeaker = new Map<string, object>();
          const quoteOwner = new Map<object, object>();
          for (const { attribution, quote } of details.attributions) if (quote) quoteOwner.set(quote, attribution);
          for (const quote of details.result.quotes) {
            if (!quote.speaker || quote.kind !== 'direct') continue;
            const owner = quoteOwner.get(quote);
            if (owner) lastBySpeaker.set(quote.speaker, owner);
            else if (!quote.cue) {
              const attribution = lastBySpeaker.get(quote.speaker);
              const segment = toFile(quote.start, quote.end);
              if (attribution && segment) continuations.set(attribution, [...(continuations.get(attribution) ?? []), segment]);
            }
          }
          lastBySpeaker = new Map();
          for (const { attribution: a, quote } of details.attributions) {
            const cue = toFile(a.cueStart, a.cueEnd);
            if (cue) cues.push([cue]);
            const content = quote ? toFile(quote.start, quote.end) : toFile(a.contentStart, a.contentEnd);
            if (content) contents.push([content, ...(continuations.get(a) ?? [])]);
            if (a.sourceStart !== null && a.sourceEnd !== null) {
              const source = toFile(a.sourceStart, a.sourceEnd);
              if (source) sources.push([source]);
            }
            if (quote?.kind === 'direct' && content) {
              directContents.push([content, ...(continuations.get(a) ?? [])]);
              if (cue) directCues.push([cue]);
            }
          }
          split.articles++;
          split.cue.add(cues, gold.map((g) => g.cue));
          split.content.add(contents, gold.map((g) => g.content));
          split.source.add(sources, gold.map((g) => g.source));
          const directGold = gold.filter((g) => isDirectGold(text, g.content));
          split.directContent.add(directContents, directGold.map((g) => g.content));
          split.directCue.add(directCues, directGold.map((g) => g.cue));
          // Precision here counts only predictions that meet a speech-verb gold cue or no gold cue at all.
          const speechGold = gold.filter((g) => isSpeechCue(text, g.cue)).map((g) => g.cue);
          const otherGold = gold.filter((g) => !isSpeechCue(text, g.cue)).map((g) => g.cue);
          split.speechCue.add(cues.filter((c) => !otherGold.some((g) => intersect(c, g) > 0)), speechGold);
        }
      }
      const rows: EvalRow[] = [];
      const fmt = (x: number): string => x.toFixed(3);
      for (const [label, split] of [['held-out', splits.heldOut], ['tune', splits.tune]] as const) {
        const heldOut = label === 'held-out';
        const metric = (name: string, score: OverlapScore, target?: number): void => {
          const { p, r, f1 } = score.result();
          rows.push({
            suite: 'polnear-attribution', metric: `${name} F1 (${label})`, value: Number(f1.toFixed(4)),
            ...(target !== undefined && heldOut ? { target } : {}),
            n: score.gold, note: `P ${fmt(p)} R ${fmt(r)}; ${split.articles} articles${split.unmapped ? `, ${split.unmapped} blocks changed by cleaning (not scored)` : ''}`,
          });
        };
        metric('cue', split.cue, 0.85);
        metric('content', split.content, 0.75);
        metric('source', split.source);
        metric('direct-quote content', split.directContent);
        metric('direct-quote cue', split.directCue);
        metric('speech-verb cue', split.speechCue);
      }
      return rows;
    },
  },
];
