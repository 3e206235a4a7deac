/**
 * BASIL (Fan et al. 2019): recall of the lexical-bias (`lex`) spans by loaded-language
 * findings, the share of findings that fall on any annotated span (lexical or
 * informational; BASIL is not exhaustive, so this is a floor on precision), and target
 * agreement: where a finding with a target overlaps a `lex` span that names one, do they
 * name the same actor. Triplets are split with `isHeldOut(triplet)`.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntitiesEntry } from '../lexicon/kinds/entities.js';
import { alignTexts } from '../nlp/align-text.js';
import type { Part } from '../input/article.js';
import { datasetArticle, isHeldOut, type EvalContext, type EvalRow, type EvalSuite } from './types.js';

interface BasilArticle {
  readonly title?: string;
  readonly 'body-paragraphs': readonly (readonly string[])[];
}

interface BasilAnnotation {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly bias: string;
  readonly target?: string;
}

/** Words that name a kind of actor rather than which one ("lawmakers", "campaign"). */
const GENERIC = new Set(['the', 'and', 'campaign', 'administration', 'lawmakers', 'officials', 'supporters', 'house', 'senate', 'party', 'state', 'national', 'committee', 'office', 'department', 'government', 'united', 'states']);

function nameWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !GENERIC.has(w)));
}

/** Whether a BASIL target ("Obama_campaign") and a gazetteer entity name the same actor. */
export function sameActor(basilTarget: string, entity: EntitiesEntry): boolean {
  const gold = nameWords(basilTarget.replace(/_/g, ' '));
  const ours = nameWords([entity.name, ...entity.aliases, ...entity.demonyms].join(' '));
  for (const w of gold) {
    if (ours.has(w)) return true;
    // "Republican" and "Republicans", "Democratic" and "Democrats".
    for (const o of ours) if (o.length >= 6 && w.length >= 6 && o.slice(0, 6) === w.slice(0, 6)) return true;
  }
  return false;
}

async function listJson(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const year of (await readdir(dir)).sort()) {
    for (const file of (await readdir(join(dir, year))).sort()) if (file.endsWith('.json')) out.push(join(year, file));
  }
  return out;
}

async function run(context: EvalContext): Promise<EvalRow[]> {
  const base = join(context.sharedDir, 'data', 'basil');
  const entities = new Map(context.lexicons.entities.entries.map((e) => [e.id, e]));
  const empty = () => ({ lex: 0, lexFound: 0, findings: 0, onAnnotation: 0, pairs: 0, targeted: 0, agree: 0, articles: 0 });
  const splits = { tune: empty(), 'held-out': empty() };
  for (const rel of await listJson(join(base, 'articles'))) {
    const name = rel.replace(/\.json$/i, '');
    let annotations: BasilAnnotation[];
    try {
      const ann = JSON.parse(await readFile(join(base, 'annotations', `${name}_ann.json`), 'utf8')) as { 'phrase-level-annotations'?: BasilAnnotation[] };
      annotations = ann['phrase-level-annotations'] ?? [];
    } catch {
      continue;
    }
    const article = JSON.parse(await readFile(join(base, 'articles', rel), 'utf8')) as BasilArticle;
    const triplet = (name.split('/').pop() ?? name).replace(/_\d+$/, '');
    const split = splits[isHeldOut(triplet) ? 'held-out' : 'tune'];
    split.articles++;
    // Rebuild the text with known offsets: title, then paragraphs of space-joined sentences.
    const parts: Part[] = [];
    const sentenceStart = new Map<string, number>();
    let raw = '';
    const add = (kind: Part['kind'], text: string): void => {
      if (raw) raw += '\n\n';
      parts.push({ kind, text });
      raw += text;
    };
    if (article.title) {
      sentenceStart.set('title', 0);
      add('headline', article.title);
    }
    let n = 0;
    for (const paragraph of article['body-paragraphs']) {
      let text = '';
      const offset = raw ? raw.length + 2 : 0;
      for (const sentence of paragraph) {
        if (text) text += ' ';
        sentenceStart.set(`p${n++}`, offset + text.length);
        text += sentence;
      }
      if (text) add('paragraph', text);
    }
    const record = context.analyze(datasetArticle({ id: name, source: `basil/${rel}`, body: raw, parts }));
    const toRaw = alignTexts(record.text, raw);
    const gold = annotations
      .map((a) => ({ ...a, at: sentenceStart.get(a.id) }))
      .filter((a): a is BasilAnnotation & { at: number } => a.at !== undefined)
      .map((a) => ({ bias: a.bias, target: a.target ?? '', start: a.at + a.start, end: a.at + a.end }));
    const findings = record.findings
      .filter((f) => f.analyzer === 'loaded-language' && f.weight > 0)
      .map((f) => ({ target: f.target, start: toRaw[f.start] as number, end: toRaw[f.end] as number }));
    for (const g of gold) {
      if (g.bias !== 'lex') continue;
      split.lex++;
      const overlapping = findings.filter((f) => f.start < g.end && f.end > g.start);
      if (overlapping.length) split.lexFound++;
      if (!g.target) continue;
      for (const f of overlapping) {
        split.pairs++;
        const entity = f.target ? entities.get(f.target) : undefined;
        if (!entity) continue;
        split.targeted++;
        if (sameActor(g.target, entity)) split.agree++;
      }
    }
    for (const f of findings) {
      split.findings++;
      if (gold.some((g) => f.start < g.end && f.end > g.start)) split.onAnnotation++;
    }
  }
  const rows: EvalRow[] = [];
  for (const name of ['tune', 'held-out'] as const) {
    const s = splits[name];
    rows.push({ suite: 'basil', metric: `${name} lex recall`, value: s.lex ? s.lexFound / s.lex : 0, n: s.lex, note: `${s.articles} articles; a lex span counts when a finding overlaps it` });
    rows.push({ suite: 'basil', metric: `${name} findings on annotated spans`, value: s.findings ? s.onAnnotation / s.findings : 0, n: s.findings, note: 'lex or inf; BASIL is not exhaustive, so a floor on precision' });
    rows.push({ suite: 'basil', metric: `${name} target agreement`, value: s.targeted ? s.agree / s.targeted : 0, n: s.targeted, note: `${s.pairs} finding–lex overlaps with a gold target, ${s.targeted} with a finding target` });
  }
  return rows;
}

export const suites: EvalSuite[] = [{ name: 'basil', requires: 'data/basil/annotations', run }];
