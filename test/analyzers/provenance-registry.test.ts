import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProvenanceAnalyzer } from '../../src/analyzers/provenance.js';
import { nameKey, tokenizeName } from '../../src/analyzers/provenance/names.js';
import { compileRegistry } from '../../src/analyzers/provenance/registry.js';
import { bundledLexiconDir, LexiconError, loadLexicons } from '../../src/lexicon/load.js';
import { MATRIX_TYPOLOGY, OutletsEntrySchema, STATE_AFFILIATED_CODES, type MatrixCode } from '../../src/lexicon/kinds/outlets.js';
import { docOf } from './provenance-fixtures.js';

const FILES = ['outlets-curated.json', 'outlets-state-media.json'];

function readBundled(name: string): { sources: { id: string }[]; entries: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(join(bundledLexiconDir(), name), 'utf8')) as { sources: { id: string }[]; entries: Record<string, unknown>[] };
}

function writeRegistry(body: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-registry-'));
  const file = join(dir, 'my-outlets.json');
  writeFileSync(file, JSON.stringify(body));
  return file;
}

const HARBOUR = {
  id: 'harbour-gazette', name: 'Harbour Town Gazette', aliases: ['HTG'], domains: ['harbourgazette.example'],
  country: 'Ruritania', countryCode: null, type: 'private', stateAffiliated: false, parent: null, kind: 'outlet',
  source: 'https://harbourgazette.example/about', asOf: '2026-11-01', note: 'Owned by its staff.',
};

describe('the bundled outlet registry', () => {
  const lexicons = loadLexicons();
  const entries = lexicons.outlets.entries;

  it('holds the curated wires and outlets the issue names, each once', () => {
    const ids = new Set(entries.map((e) => e.id));
    for (const id of [
      'reuters', 'ap', 'afp', 'upi', 'dpa', 'anadolu', 'xinhua', 'tass', 'ria-novosti', 'irna', 'isna', 'fars', 'tasnim', 'mehr',
      'press-tv', 'irib', 'tehran-times', 'iran-daily', 'kayhan', 'al-mayadeen', 'al-manar', 'al-jazeera', 'rt', 'sputnik', 'cgtn',
      'global-times', 'china-daily', 'bbc', 'cnn', 'nyt', 'washington-post', 'fox-news', 'guardian', 'huffpost', 'breitbart',
      'politico', 'usa-today', 'western-journal', 'washington-examiner',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    const curated = readBundled('outlets-curated.json').entries.map((e) => e['id']);
    const generated = new Set(readBundled('outlets-state-media.json').entries.map((e) => e['id']));
    expect(curated.filter((id) => generated.has(id as string))).toEqual([]);
  });

  it('keeps the Matrix typology and derives stateAffiliated from editorial control', () => {
    for (const entry of entries) {
      if (!entry.typeCode) continue;
      expect(entry.type, entry.id).toBe(MATRIX_TYPOLOGY[entry.typeCode as MatrixCode]);
      expect(entry.stateAffiliated, entry.id).toBe(STATE_AFFILIATED_CODES.has(entry.typeCode as MatrixCode));
    }
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.get('press-tv')).toMatchObject({ country: 'Iran', countryCode: 'IR', typeCode: 'SC', type: 'state-controlled', stateAffiliated: true });
    expect(byId.get('bbc')).toMatchObject({ typeCode: 'IP', stateAffiliated: false });
    expect(byId.get('tasnim')).toMatchObject({ kind: 'wire', stateAffiliated: true });
  });

  it('cites a source for every entry, with a date', () => {
    for (const name of FILES) {
      const file = readBundled(name);
      const sourceIds = new Set(file.sources.map((s) => s.id));
      for (const entry of file.entries) {
        const parsed = OutletsEntrySchema.parse(entry);
        expect(sourceIds.has(parsed.source) || parsed.source.startsWith('https://'), `${name} ${parsed.id}`).toBe(true);
        expect(parsed.asOf).toMatch(/^\d{4}/);
      }
    }
  });

  it('gives every domain to one outlet', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const entry of entries) {
      for (const domain of entry.domains) {
        const held = owner.get(domain);
        if (held && held !== entry.id) clashes.push(`${domain}: ${held}, ${entry.id}`);
        owner.set(domain, entry.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('can match every name and alias it registers, in a citation', () => {
    const registry = compileRegistry(lexicons.outlets);
    const unmatched: string[] = [];
    for (const entry of entries) {
      const fieldOnly = new Set(entry.ambiguousNames.map(nameKey));
      for (const name of [entry.name, ...entry.aliases].filter((n) => !fieldOnly.has(nameKey(n)))) {
        if (!tokenizeName(name).length) {
          unmatched.push(`${entry.id}: "${name}" has no tokens`);
          continue;
        }
        const text = `according to ${name}`;
        const found = registry.text.findAll(text, 13, text.length)[0];
        const owner = found ? registry.entries[found.value] : undefined;
        // Another outlet may own the same name (the first registered wins); then the keys agree.
        if (!owner || (owner.id !== entry.id && ![owner.name, ...owner.aliases].some((n) => nameKey(n) === nameKey(name)))) {
          unmatched.push(`${entry.id}: "${name}"`);
        }
      }
    }
    expect(unmatched).toEqual([]);
  });
});

describe('a user registry (--registry my-outlets.json)', () => {
  it('adds an outlet and overrides a bundled one by id', () => {
    const file = writeRegistry({
      id: 'my-outlets', kind: 'outlets', version: '1',
      sources: [{ id: 'desk-notes', citation: 'Our desk’s ownership notes, 2026' }],
      entries: [
        HARBOUR,
        { ...HARBOUR, id: 'press-tv', name: 'Press TV', aliases: ['PressTV'], domains: ['presstv.ir'], country: 'Iran', countryCode: 'IR', source: 'desk-notes', note: 'Test override.' },
      ],
    });
    const lexicons = loadLexicons({ extraFiles: [file] });
    expect(lexicons.outlets.version).toMatch(/my-outlets@1/);
    const analyze = createProvenanceAnalyzer(lexicons);
    const result = analyze(docOf([{ kind: 'paragraph', text: 'The Harbour Town Gazette reported the fire; Press TV said nothing.' }], { url: 'https://www.harbourgazette.example/a/1' }));
    expect(result.provenance.outlet).toMatchObject({ registryId: 'harbour-gazette', via: 'domain', country: 'Ruritania' });
    expect(result.provenance.credits.map((c) => `${c.source} ${c.registryId} ${c.stateAffiliated}`)).toEqual([
      'Harbour Town Gazette harbour-gazette false',
      'Press TV press-tv false',
    ]);
  });

  it('removes a bundled outlet with "disabled"', () => {
    const file = writeRegistry({ id: 'my-outlets', kind: 'outlets', version: '1', entries: [{ id: 'reuters', disabled: true }] });
    const lexicons = loadLexicons({ extraFiles: [file] });
    expect(lexicons.outlets.entries.some((e) => e.id === 'reuters')).toBe(false);
  });

  it('names the file, the entry and the field when an entry is broken', () => {
    const file = writeRegistry({
      id: 'my-outlets', kind: 'outlets', version: '1',
      entries: [HARBOUR, { ...HARBOUR, id: 'bad-one', domains: ['https://www.bad.example/'], kind: 'newspaper' }],
    });
    let caught: unknown;
    try {
      loadLexicons({ extraFiles: [file] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LexiconError);
    const problems = (caught as LexiconError).problems;
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file, entryIndex: 1, entryId: 'bad-one', field: 'domains.0' }),
      expect.objectContaining({ file, entryIndex: 1, entryId: 'bad-one', field: 'kind' }),
    ]));
    expect((caught as LexiconError).message).toMatch(/my-outlets\.json, entry 1 \("bad-one"\), field "domains\.0": a lower-case host name/);
  });
});
