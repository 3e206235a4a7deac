/**
 * Data lint for every file in `lexicons/`: it validates, ids and phrases are unique
 * within a kind, text is normalized, cited sources resolve, and every loaded-term and
 * entity phrase can actually match through the real document tokenizer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGazetteer, findMentions, stripArticle } from '../../src/analyzers/entities.js';
import { matchTerms } from '../../src/analyzers/loaded-language.js';
import { compileTerms, expandForms } from '../../src/analyzers/loaded-language/compile.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import type { Document } from '../../src/document/types.js';
import type { EntitiesEntry } from '../../src/lexicon/kinds/entities.js';
import type { LoadedTermsEntry } from '../../src/lexicon/kinds/loaded-terms.js';
import { bundledLexiconDir, loadLexicons, parseLexiconFile, type LexiconProblem } from '../../src/lexicon/load.js';
import { createPhraseTokenizer } from '../../src/nlp/phrase-tokens.js';

const dir = bundledLexiconDir();
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const raw = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as { kind: string; sources?: { id: string }[]; entries: Record<string, unknown>[] };

/** The fields of each kind that hold phrases a reader or matcher sees, and how they are keyed. */
const PHRASE_FIELDS: Record<string, { fields: string[]; key: (entry: Record<string, unknown>, value: string) => string }> = {
  'loaded-terms': { fields: ['match'], key: (_e, v) => v },
  entities: { fields: ['name', 'aliases', 'metonyms', 'demonyms'], key: (_e, v) => stripArticle(v) },
  abbreviations: { fields: ['form'], key: (_e, v) => v },
  // A form may be both a verb ("reports") and a source noun ("reports say"): keyed by type.
  'speech-verbs': { fields: ['forms'], key: (e, v) => `${String(e.type ?? '')}:${v}` },
  outlets: { fields: ['domains'], key: (_e, v) => v.toLowerCase() },
};

function phrasesOf(entry: Record<string, unknown>, fields: readonly string[]): string[] {
  return fields.flatMap((field) => {
    const value = entry[field];
    if (typeof value === 'string') return [value];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  });
}

/** Strings anywhere in an entry, except regular expressions (whose text is code). */
function stringsOf(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'pattern') stringsOf(v, path ? `${path}.${k}` : k, out);
}

describe.each(files)('lexicons/%s', (file) => {
  const data = raw(file);

  it('validates against its kind schema', () => {
    const problems: LexiconProblem[] = [];
    parseLexiconFile(join(dir, file), problems);
    expect(problems).toEqual([]);
  });

  it('has unique ids', () => {
    const ids = data.entries.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('cites only sources it lists', () => {
    const sources = new Set((data.sources ?? []).map((s) => s.id));
    const unresolved = data.entries.filter((e) => typeof e.source === 'string' && !sources.has(e.source) && !/^https?:\/\//.test(e.source)).map((e) => `${String(e.id)} → ${String(e.source)}`);
    expect(unresolved).toEqual([]);
  });

  it('has normalized text (no curly quotes in phrases, no double or edge spaces)', () => {
    const bad: string[] = [];
    const phraseFields = PHRASE_FIELDS[data.kind]?.fields ?? [];
    for (const entry of data.entries) {
      for (const phrase of phrasesOf(entry, [...phraseFields, 'exceptions'])) if (/[\u2018\u2019\u201c\u201d]/.test(phrase)) bad.push(`${String(entry.id)}: curly quote in "${phrase}"`);
      const strings: [string, string][] = [];
      stringsOf(entry, '', strings);
      for (const [path, value] of strings) {
        if (/ {2}/.test(value) || value !== value.trim()) bad.push(`${String(entry.id)}.${path}: spacing in "${value}"`);
        if (value !== value.normalize('NFC')) bad.push(`${String(entry.id)}.${path}: not NFC`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('phrases are unique within a kind (across files)', () => {
  const byKind = new Map<string, { file: string; entry: Record<string, unknown> }[]>();
  for (const file of files) {
    const data = raw(file);
    const list = byKind.get(data.kind) ?? [];
    for (const entry of data.entries) list.push({ file, entry });
    byKind.set(data.kind, list);
  }
  it.each([...byKind.keys()].filter((k) => PHRASE_FIELDS[k]))('%s', (kind) => {
    const spec = PHRASE_FIELDS[kind] as (typeof PHRASE_FIELDS)[string];
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { file, entry } of byKind.get(kind) ?? []) {
      const id = `${file}#${String(entry.id)}`;
      for (const phrase of new Set(phrasesOf(entry, spec.fields).map((p) => spec.key(entry, p)))) {
        const before = owner.get(phrase);
        if (before && before !== id) clashes.push(`"${phrase}": ${before} and ${id}`);
        else owner.set(phrase, id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('every phrase can match through the real tokenizer', () => {
  const lexicons = loadLexicons();
  const build = createDocumentBuilder(lexicons);
  const tokenize = createPhraseTokenizer(lexicons);
  const docOf = (text: string): Document => build({ id: 'lint', source: 'lint', outlet: null, title: null, byline: null, url: null, published: null, fields: {}, removed: [], inputRepairs: [], parts: [{ kind: 'paragraph', text }] });

  it('loaded terms: each form (and inflection) is found as its own entry', () => {
    const entries = lexicons['loaded-terms'].entries as readonly LoadedTermsEntry[];
    const compiled = compileTerms(entries, tokenize);
    const failures: string[] = [];
    for (const entry of entries) {
      for (const { text } of expandForms(entry)) {
        const doc = docOf(`They mentioned ${text} yesterday.`);
        const start = doc.text.indexOf(text);
        const hit = matchTerms(compiled, doc.tokens).find((m) => (doc.tokens[m.tokenStart]?.start ?? -1) === start);
        if (!hit || hit.entry.id !== entry.id || doc.tokens[hit.tokenEnd - 1]?.end !== start + text.length) failures.push(`${entry.id}: "${text}"`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('loaded terms: each exception contains a form of its entry (else it can never apply)', () => {
    const entries = lexicons['loaded-terms'].entries as readonly LoadedTermsEntry[];
    const dead: string[] = [];
    for (const entry of entries) {
      const forms = expandForms(entry).map(({ text }) => tokenize(text).map((t) => t.base).join(' '));
      for (const exception of entry.exceptions) {
        const keys = ` ${tokenize(exception).map((t) => t.base).join(' ')} `;
        if (!forms.some((form) => keys.includes(` ${form} `))) dead.push(`${entry.id}: "${exception}"`);
      }
    }
    expect(dead).toEqual([]);
  });

  it('entities: each name, alias, metonym and demonym is found as its entity', () => {
    const entries = lexicons.entities.entries as readonly EntitiesEntry[];
    const gazetteer = compileGazetteer(entries, tokenize);
    const failures: string[] = [];
    for (const entry of entries) {
      for (const form of [entry.name, ...entry.aliases, ...entry.metonyms, ...entry.demonyms].map(stripArticle)) {
        const doc = docOf(`Reports from ${form} arrived.`);
        const start = doc.text.indexOf(form);
        const hit = findMentions(gazetteer, doc).find((m) => m.start === start);
        if (!hit || hit.entity !== entry.id || hit.end !== start + form.length) failures.push(`${entry.id}: "${form}"`);
      }
    }
    expect(failures).toEqual([]);
  });
});
