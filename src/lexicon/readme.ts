/**
 * Generates `lexicons/README.md` from the lexicon files themselves, so the documentation
 * of what framelens flags never drifts from the data (`npm run lexicons:readme` after a
 * build). One section per file: id, kind, version, description, sources with citations,
 * entry count; loaded terms also get a table of every entry.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledLexiconDir } from './load.js';

interface SourceData {
  readonly id: string;
  readonly citation: string;
  readonly url?: string;
  readonly licence?: string;
}

export interface LexiconFileData {
  readonly file: string;
  readonly id: string;
  readonly kind: string;
  readonly version: string;
  readonly description?: string;
  readonly sources?: readonly SourceData[];
  readonly entries: readonly Record<string, unknown>[];
}

/** Markdown table cell: pipes escaped, newlines folded. */
export function cell(value: unknown): string {
  const text = Array.isArray(value) ? value.join(', ') : value === undefined || value === null ? '' : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function countBy(entries: readonly Record<string, unknown>[], field: string): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const key = typeof e[field] === 'string' ? (e[field] as string) : '';
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
}

function loadedTermsTable(entries: readonly Record<string, unknown>[]): string {
  return table(
    ['id', 'matches', 'category', 'weight', 'polarity', 'when', 'note', 'alternatives', 'source'],
    entries.map((e) => [
      e.id,
      e.match,
      e.category,
      e.weight,
      e.polarity,
      e.requires === 'targeted' ? 'aimed at an actor' : e.requires === 'entity' ? 'aimed at a known actor' : 'always',
      e.note,
      e.alternatives,
      e.source,
    ]),
  );
}

export function renderLexiconReadme(files: readonly LexiconFileData[]): string {
  const out: string[] = [
    '# Lexicons',
    '',
    'Generated from the JSON files in this folder by `npm run lexicons:readme` (src/lexicon/readme.ts); do not edit by hand.',
    'Each file is an envelope (`id`, `kind`, `version`, `description`, `sources`, `entries`) whose entries are validated by the zod schema of their kind in `src/lexicon/kinds/`. Entries cite a source by id.',
    '',
    table(['file', 'id', 'kind', 'version', 'entries'], files.map((f) => [f.file, f.id, f.kind, f.version, f.entries.length])),
  ];
  for (const f of files) {
    out.push('', `## ${f.file}`, '', `- id: \`${f.id}\`, kind: \`${f.kind}\`, version: ${f.version}, ${f.entries.length} entries`);
    if (f.description) out.push(`- ${f.description}`);
    const byCategory = countBy(f.entries, 'category');
    if (byCategory) out.push(`- by category: ${byCategory}`);
    const bySource = countBy(f.entries, 'source');
    if (bySource) out.push(`- by source: ${bySource}`);
    const sources = f.sources ?? [];
    if (sources.length) {
      out.push('', '### Sources', '', table(['id', 'citation', 'url', 'licence'], sources.map((s) => [s.id, s.citation, s.url, s.licence])));
    }
    if (f.kind === 'loaded-terms') out.push('', '### Entries', '', loadedTermsTable(f.entries));
    if (f.kind === 'entities') {
      out.push('', '### Entries', '', table(['id', 'name', 'kind', 'aliases', 'metonyms', 'demonyms', 'country', 'listed as terrorist by'], f.entries.map((e) => [e.id, e.name, e.kind, e.aliases, e.metonyms, e.demonyms, e.country, e.designations])));
    }
  }
  return `${out.join('\n')}\n`;
}

export function readLexiconFiles(dir: string): LexiconFileData[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<LexiconFileData, 'file'>) }));
}

/** Writes the README next to the lexicons; returns its path. */
export function writeLexiconReadme(dir = bundledLexiconDir()): string {
  const path = join(dir, 'README.md');
  writeFileSync(path, renderLexiconReadme(readLexiconFiles(dir)));
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stderr.write(`wrote ${writeLexiconReadme()}\n`);
}
