/**
 * Loading and layering lexicons: the bundled files in `lexicons/`, then the user's
 * `--lexicon` / `--registry` files, which add entries or override them by `id`
 * (an entry `{ "id": "…", "disabled": true }` removes a bundled one).
 *
 * Loading is all-or-nothing: any problem in any file throws one `LexiconError` that
 * names every bad file, entry and field, and nothing is half-loaded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { LexiconEnvelopeSchema, type Lexicon } from './file.js';
import { LEXICON_KINDS, type LexiconKind, type LexiconEntries } from './kinds.js';

export interface LexiconProblem {
  readonly file: string;
  /** Index of the entry in the file's `entries`, when the problem is inside one. */
  readonly entryIndex: number | null;
  readonly entryId: string | null;
  /** Dotted path of the field inside the entry (or the file), e.g. `match.0`. */
  readonly field: string | null;
  readonly message: string;
}

export class LexiconError extends Error {
  readonly problems: readonly LexiconProblem[];
  constructor(problems: readonly LexiconProblem[]) {
    super(problems.map(formatLexiconProblem).join('\n'));
    this.name = 'LexiconError';
    this.problems = problems;
  }
}

export function formatLexiconProblem(problem: LexiconProblem): string {
  const where = [problem.file];
  if (problem.entryIndex !== null) {
    where.push(`entry ${problem.entryIndex}${problem.entryId ? ` ("${problem.entryId}")` : ''}`);
  }
  if (problem.field) where.push(`field "${problem.field}"`);
  return `${where.join(', ')}: ${problem.message}`;
}

/** The folder of bundled lexicons, found from this module (works from `src/` and `dist/`). */
export function bundledLexiconDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '..', '..', 'lexicons');
}

export type LexiconSet = {
  readonly [K in LexiconKind]: Lexicon<LexiconEntries[K]>;
};

interface ParsedFile {
  readonly kind: LexiconKind;
  readonly lexicon: Lexicon<{ id: string }>;
  readonly disabled: ReadonlySet<string>;
}

function pathOf(path: readonly PropertyKey[]): string | null {
  return path.length ? path.map(String).join('.') : null;
}

/** Reads and validates one lexicon file, collecting every problem rather than the first. */
export function parseLexiconFile(file: string, problems: LexiconProblem[]): ParsedFile | null {
  const shown = file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    problems.push({ file: shown, entryIndex: null, entryId: null, field: null, message: reason });
    return null;
  }
  const envelope = LexiconEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    for (const issue of envelope.error.issues) {
      problems.push({ file: shown, entryIndex: null, entryId: null, field: pathOf(issue.path), message: issue.message });
    }
    return null;
  }
  const kind = envelope.data.kind;
  if (!(kind in LEXICON_KINDS)) {
    problems.push({
      file: shown, entryIndex: null, entryId: null, field: 'kind',
      message: `unknown kind "${kind}"; expected one of ${Object.keys(LEXICON_KINDS).join(', ')}`,
    });
    return null;
  }
  const entrySchema = LEXICON_KINDS[kind as LexiconKind] as z.ZodType<{ id: string }>;
  const entries: { id: string }[] = [];
  const disabled = new Set<string>();
  const seen = new Set<string>();
  const before = problems.length;
  envelope.data.entries.forEach((rawEntry, index) => {
    const entryId = typeof rawEntry === 'object' && rawEntry !== null && typeof (rawEntry as { id?: unknown }).id === 'string'
      ? (rawEntry as { id: string }).id : null;
    if (entryId && (rawEntry as { disabled?: unknown }).disabled === true) {
      disabled.add(entryId);
      return;
    }
    const parsed = entrySchema.safeParse(rawEntry);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file: shown, entryIndex: index, entryId, field: pathOf(issue.path), message: issue.message });
      }
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ file: shown, entryIndex: index, entryId, field: 'id', message: `duplicate id "${parsed.data.id}"` });
      return;
    }
    seen.add(parsed.data.id);
    entries.push(parsed.data);
  });
  const sourceIds = new Set(envelope.data.sources.map((s) => s.id));
  entries.forEach((entry, index) => {
    const cited = (entry as { source?: unknown }).source;
    if (typeof cited === 'string' && sourceIds.size > 0 && !sourceIds.has(cited) && !/^https?:\/\//.test(cited)) {
      problems.push({ file: shown, entryIndex: index, entryId: entry.id, field: 'source', message: `cites "${cited}", which is not in the file's sources` });
    }
  });
  if (problems.length > before) return null;
  return {
    kind: kind as LexiconKind,
    disabled,
    lexicon: {
      id: envelope.data.id,
      kind,
      version: envelope.data.version,
      file: basename(file),
      sources: envelope.data.sources,
      entries,
    },
  };
}

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

export interface LoadLexiconsOptions {
  /** Folder of the bundled lexicons (default: the package's `lexicons/`). */
  readonly bundledDir?: string;
  /** User files layered on top, in order: `--lexicon`, `--registry`. */
  readonly extraFiles?: readonly string[];
}

/**
 * Loads every bundled lexicon, then layers the user's files over them by kind and id.
 * Throws `LexiconError` naming every problem; never returns a partial set.
 */
export function loadLexicons(options: LoadLexiconsOptions = {}): LexiconSet {
  const problems: LexiconProblem[] = [];
  const bundled = listJsonFiles(options.bundledDir ?? bundledLexiconDir()).map((file) => parseLexiconFile(file, problems));
  const extra = (options.extraFiles ?? []).map((file) => parseLexiconFile(file, problems));
  if (problems.length) throw new LexiconError(problems);

  type Layer = { id: string; version: string; file: string };
  const layerOf = (lexicon: Lexicon<{ id: string }>): Layer => ({ id: lexicon.id, version: lexicon.version, file: lexicon.file });
  const byKind = new Map<LexiconKind, { base: Lexicon<{ id: string }>; entries: Map<string, { id: string }>; layers: Layer[] }>();
  for (const parsed of bundled) {
    if (!parsed) continue;
    const existing = byKind.get(parsed.kind);
    if (existing) {
      // Several bundled files of one kind are concatenated (e.g. split registries).
      for (const entry of parsed.lexicon.entries) existing.entries.set(entry.id, entry);
      existing.layers.push(layerOf(parsed.lexicon));
    } else {
      byKind.set(parsed.kind, {
        base: parsed.lexicon,
        entries: new Map(parsed.lexicon.entries.map((e) => [e.id, e])),
        layers: [layerOf(parsed.lexicon)],
      });
    }
  }
  for (const parsed of extra) {
    if (!parsed) continue;
    let target = byKind.get(parsed.kind);
    if (!target) {
      target = { base: { ...parsed.lexicon, entries: [] }, entries: new Map(), layers: [] };
      byKind.set(parsed.kind, target);
    }
    for (const id of parsed.disabled) target.entries.delete(id);
    for (const entry of parsed.lexicon.entries) target.entries.set(entry.id, entry);
    target.layers.push(layerOf(parsed.lexicon));
  }
  const missing = (Object.keys(LEXICON_KINDS) as LexiconKind[]).filter((kind) => !byKind.has(kind));
  if (missing.length) {
    throw new LexiconError(missing.map((kind) => ({
      file: options.bundledDir ?? bundledLexiconDir(), entryIndex: null, entryId: null, field: null,
      message: `no lexicon of kind "${kind}" found`,
    })));
  }
  const set: Record<string, Lexicon<{ id: string }>> = {};
  for (const [kind, { base, entries, layers }] of byKind) {
    set[kind] = {
      ...base,
      // The version names every layer so a result says exactly what produced it.
      version: layers.map((layer) => `${layer.id}@${layer.version}`).join('+'),
      entries: [...entries.values()],
      layers,
    };
  }
  return set as unknown as LexiconSet;
}

/** `{id, version}` of every lexicon in the set, sorted, for `meta.lexicons`. */
export function describeLexicons(set: LexiconSet): { id: string; version: string }[] {
  return Object.values(set)
    .flatMap((lexicon) => (lexicon.layers ?? [lexicon]).map((layer) => ({ id: layer.id, version: layer.version })))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
