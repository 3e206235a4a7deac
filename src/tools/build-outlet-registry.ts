/**
 * Builds `lexicons/outlets-state-media.json` from the State Media Matrix CSV
 * (ASD-at-GMF/state-media-profiles, MIT): `npm run registry:build [csv] [out]`.
 *
 * The Matrix lists media *assets*, one row per asset and website, so one outlet can
 * fill several rows (language editions, duplicate rows, the same site with and without
 * `https://` or `www.`). Cleaning, in order:
 * - rows without a country or an asset are dropped; the typology "ISFM?" is read as
 *   ISFM with a note; a row with an unknown typology is dropped and reported;
 * - URLs get a scheme when they have none, hosts are lower-cased, `www.` is removed,
 *   test sub-domains and hosts that are not the outlet's own (`DROPPED_HOSTS`) dropped;
 * - asset names lose their medium prefix ("Print: ", "News agency: "), stray
 *   brackets and language suffixes ("Xinhua Spanish" → also "Xinhua"); a short
 *   bracketed part becomes an alias ("China Central Television (CCTV)" → "CCTV");
 * - rows are merged into one outlet when they share a host, or a company and a
 *   registrable domain (`espanol.cgtn.com` with `cgtn.com`), or a company and a name;
 *   the curation table (outlet-registry-curation.ts) merges more and names them;
 * - a name that is a country, a common word, or the name of two different outlets
 *   ("NTV" in Russia, Turkey and Nepal) is kept as an `ambiguousNames` entry: matched
 *   in an outlet field, never in running text.
 * Output is sorted by id and written one entry per line, so rebuilding is byte-stable.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { nameKey, tokenizeName } from '../analyzers/provenance/names.js';
import { MATRIX_TYPOLOGY, STATE_AFFILIATED_CODES, type MatrixCode, type OutletsEntry } from '../lexicon/kinds/outlets.js';
import { DROPPED_HOSTS, MATRIX_CURATION, type MatrixCuration } from './outlet-registry-curation.js';

export const MATRIX_SOURCE = {
  id: 'state-media-matrix',
  citation:
    'State Media Matrix, Alliance for Securing Democracy at the German Marshall Fund (ASD-at-GMF/state-media-profiles), 2023; seed data and typology from the State Media Monitor of the Media and Journalism Research Center',
  url: 'https://github.com/ASD-at-GMF/state-media-profiles',
  licence: 'MIT',
} as const;

export const TYPOLOGY_SOURCE = {
  id: 'state-media-monitor-typology',
  citation: 'State Media Monitor, typology of state-administered media (Media and Journalism Research Center)',
  url: 'https://statemediamonitor.com/typology/',
} as const;

/** The Matrix carries no date of its own; its licence is dated 2023. */
const MATRIX_AS_OF = '2023';

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  'United States of America': 'United States',
  'Europen Union': 'European Union',
  'Palestine territories': 'Palestinian territories',
  UAE: 'United Arab Emirates',
};

/** Where English region names from ICU differ from the Matrix's spelling. */
const COUNTRY_CODES: Readonly<Record<string, string>> = {
  Turkey: 'TR', 'European Union': 'EU', 'Palestinian territories': 'PS', 'DR Congo': 'CD', Congo: 'CG',
  'The Gambia': 'GM', 'Vatican City': 'VA', Myanmar: 'MM', "Côte d'Ivoire": 'CI', Czechia: 'CZ',
  'Hong Kong': 'HK', Macao: 'MO', 'Bosnia and Herzegovina': 'BA',
};

/** Single words that are too common to be read as an outlet's name in running text. */
const COMMON_WORDS = new Set([
  'star', 'sun', 'mir', 'mint', 'post', 'posta', 'hayat', 'gunes', 'sabah', 'nation', 'times', 'express', 'today', 'news',
  'radio', 'television', 'tv', 'daily', 'independent', 'guardian', 'observer', 'tribune', 'herald', 'voice', 'vision',
  'quds', 'javan', 'khorasan', 'turkiye', 'iran', 'ukraina', 'patria', 'granma', 'mundo', 'republica', 'world', 'live',
  'life', 'one', 'first', 'kanal', 'channel', 'ntv', 'atv', 'star', 'capital', 'metro', 'planet', 'pravda', 'aksam', 'rutube',
]);

const LANGUAGE_WORDS = new Set([
  'english', 'arabic', 'spanish', 'french', 'russian', 'german', 'japanese', 'korean', 'portuguese', 'chinese', 'urdu',
  'turkish', 'persian', 'farsi', 'español', 'français', 'русский', 'العربية', 'deutsch', 'kurdi', 'africa', 'america', 'europe',
  'indian edition', 'online', 'hong kong',
]);

const MEDIUM_PREFIX = /^(?:print media|print|television|tv|radio|online|news agency|news agencies|newspaper|news portals?):\s*/i;

export interface MatrixRow {
  readonly line: number;
  readonly country: string;
  readonly company: string;
  readonly asset: string;
  readonly host: string | null;
  readonly code: MatrixCode;
  readonly uncertain: boolean;
  readonly status: string;
}

export interface BuildReport {
  readonly rows: number;
  readonly kept: number;
  readonly dropped: { line: number; reason: string }[];
  readonly entries: number;
}

function countryCodeTable(): Map<string, string> {
  const names = new Map<string, string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code && !names.has(name)) names.set(name, code);
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_CODES)) names.set(name, code);
  return names;
}

/** `https://www.PressTV.ir/path` and `presstv.ir` → `presstv.ir`; null when there is no usable host. */
export function cleanHost(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return null;
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  let host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  host = host.replace(/^(?:www\d?|ww)\./, '');
  if (!host.includes('.') || /^(?:test|beta|staging)\./.test(host) || host.endsWith('.onion')) return null;
  if (DROPPED_HOSTS.has(host)) return null;
  return host;
}

/** The registrable part of a host, by a small rule for two-level suffixes (`co.uk`, `com.cn`, `gov.sy`). */
export function registrableDomain(host: string): string {
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const secondLevel = labels[labels.length - 2] as string;
  const take = /^(?:co|com|gov|org|net|ac|edu|or|ne|go|news|info|gob|gv|mil|nic|in)$/.test(secondLevel) && (labels[labels.length - 1] as string).length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** Splits an asset name into its display name and the aliases it carries. */
export function cleanAssetName(asset: string): { name: string; aliases: string[] } {
  let name = asset.replace(MEDIUM_PREFIX, '').replace(/\*+$/, '').trim();
  const aliases: string[] = [];
  // Unbalanced brackets in the source ("Yicai Media Group (Television: Yicai TV", "CBN Weekly)").
  const opens = (name.match(/\(/g) ?? []).length;
  const closes = (name.match(/\)/g) ?? []).length;
  if (opens > closes) name = name.slice(0, name.lastIndexOf('(')).trim();
  else if (closes > opens) name = name.replace(/\)/g, '').trim();
  const bracket = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/.exec(name);
  if (bracket) {
    const inner = (bracket[2] as string).replace(MEDIUM_PREFIX, '').trim();
    name = `${bracket[1] as string}${bracket[3] ? ` ${bracket[3]}` : ''}`.trim();
    const words = inner.split(/\s+/).filter(Boolean).length;
    if (inner && words <= 4 && !LANGUAGE_WORDS.has(inner.toLowerCase())) aliases.push(inner);
  }
  const lastSpace = name.lastIndexOf(' ');
  if (lastSpace > 0) {
    const tail = name.slice(lastSpace + 1).toLowerCase();
    if (LANGUAGE_WORDS.has(tail)) aliases.push(name.slice(0, lastSpace).trim());
  }
  return { name: name || asset.trim(), aliases };
}

function cleanCompany(company: string): string {
  return company.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Reads the CSV into clean rows, reporting what was dropped and why. */
export function readMatrixRows(csvText: string): { rows: MatrixRow[]; dropped: { line: number; reason: string }[]; total: number } {
  const records = parse(csvText, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, trim: true }) as Record<string, string>[];
  const rows: MatrixRow[] = [];
  const dropped: { line: number; reason: string }[] = [];
  records.forEach((record, index) => {
    const line = index + 2;
    const rawCountry = record['Country'] ?? '';
    const country = COUNTRY_NAMES[rawCountry] ?? rawCountry;
    const asset = record['Main assets'] ?? '';
    if (!country || !asset) {
      dropped.push({ line, reason: 'no country or asset' });
      return;
    }
    const typology = (record['Typology'] ?? '').trim();
    const uncertain = typology.endsWith('?');
    const code = typology.replace(/\?$/, '');
    if (!(code in MATRIX_TYPOLOGY)) {
      dropped.push({ line, reason: `unknown typology "${typology}"` });
      return;
    }
    const status = [record['Status'], record['Notes']].filter((s): s is string => !!s && !/^merged from/i.test(s)).join('; ');
    rows.push({ line, country, company: cleanCompany(record['Media company'] ?? ''), asset, host: cleanHost(record['URL'] ?? ''), code: code as MatrixCode, uncertain, status });
  });
  return { rows, dropped, total: records.length };
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The earlier row stays the root, so groups are numbered by first appearance.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] as string;
  for (const v of values) if ((counts.get(v) ?? 0) > (counts.get(best) ?? 0)) best = v;
  return best;
}

/** "Syrian Arab News Agency (SANA)" is SANA itself, not its parent. */
function sameOrganisation(company: string, name: string, aliases: readonly string[]): boolean {
  const own = new Set([name, ...aliases].map(nameKey));
  const described = cleanAssetName(company);
  if ([described.name, ...described.aliases].some((n) => own.has(nameKey(n)))) return true;
  return company.toLowerCase().startsWith(name.toLowerCase());
}

function hostMatches(host: string, wanted: string): boolean {
  return host === wanted || host.endsWith(`.${wanted}`);
}

/** Groups rows into outlets and turns each group into a registry entry. */
export function buildEntries(rows: readonly MatrixRow[], curation: readonly MatrixCuration[] = MATRIX_CURATION, reservedNames: readonly string[] = []): OutletsEntry[] {
  const uf = new UnionFind(rows.length);
  const firstBy = new Map<string, number>();
  const link = (key: string, i: number): void => {
    const seen = firstBy.get(key);
    if (seen === undefined) firstBy.set(key, i);
    else uf.union(seen, i);
  };
  const cleaned = rows.map((row) => cleanAssetName(row.asset));
  rows.forEach((row, i) => {
    if (row.host) {
      link(`host|${row.country}|${row.host}`, i);
      link(`company-domain|${row.country}|${row.company}|${registrableDomain(row.host)}`, i);
    }
    link(`company-name|${row.country}|${row.company}|${nameKey((cleaned[i] as { name: string }).name)}`, i);
  });
  const curationOf = new Map<number, MatrixCuration>();
  for (const cure of curation) {
    let anchor: number | null = null;
    rows.forEach((row, i) => {
      if (row.country !== cure.country) return;
      const hit = (row.host !== null && (cure.hosts ?? []).some((h) => hostMatches(row.host as string, h))) || (cure.asset !== undefined && row.asset === cure.asset);
      if (!hit) return;
      if (anchor === null) anchor = i;
      else uf.union(anchor, i);
    });
    if (anchor !== null) curationOf.set(uf.find(anchor), cure);
  }
  // Curations were attached to roots before later unions; re-key them by final root.
  const curationByRoot = new Map<number, MatrixCuration>();
  for (const [root, cure] of curationOf) curationByRoot.set(uf.find(root), cure);

  const groups = new Map<number, number[]>();
  rows.forEach((_, i) => {
    const root = uf.find(i);
    let members = groups.get(root);
    if (!members) groups.set(root, (members = []));
    members.push(i);
  });

  const countryKeys = new Set(rows.map((r) => nameKey(r.country)));
  const codes = countryCodeTable();
  const drafts: (OutletsEntry & { readonly curated: boolean })[] = [];
  for (const [root, members] of [...groups].sort((a, b) => a[0] - b[0])) {
    const cure = curationByRoot.get(root);
    const first = rows[members[0] as number] as MatrixRow;
    const names = members.map((i) => (cleaned[i] as { name: string }).name);
    const name = cure?.name ?? mostCommon(names);
    const derived = [...names, ...members.flatMap((i) => (cleaned[i] as { aliases: string[] }).aliases)];
    const aliasPool = cure?.aliases ? [...cure.aliases] : derived;
    // Spellings that differ only in case stay ("TASS" and "Tass"): case decides matches in text.
    const spelling = (n: string): string => tokenizeName(n).map((t) => t.raw).join(' ');
    const seenKeys = new Set([spelling(name)]);
    const aliases: string[] = [];
    for (const alias of aliasPool) {
      const key = spelling(alias);
      if (!key || seenKeys.has(key)) continue;
      seenKeys.add(key);
      aliases.push(alias);
    }
    const hosts = new Set([...members.map((i) => rows[i]?.host).filter((h): h is string => !!h), ...(cure?.extraDomains ?? [])]);
    // A sub-domain adds nothing when its parent is listed: look-ups walk up to parents.
    const domains = [...hosts].filter((h) => ![...hosts].some((other) => other !== h && h.endsWith(`.${other}`))).sort();
    const codeList = members.map((i) => (rows[i] as MatrixRow).code);
    const code = mostCommon(codeList) as MatrixCode;
    const companies = [...new Set(members.map((i) => (rows[i] as MatrixRow).company).filter(Boolean))];
    const company = companies[0] ?? null;
    const parent = cure?.parent ?? (company && !sameOrganisation(company, name, aliases) ? company : null);
    const isAgency = members.some((i) => /news agency|press agency|\bagency\b|agence|agencia/i.test((rows[i] as MatrixRow).asset));
    const notes = [`State Media Matrix typology ${code} (${MATRIX_TYPOLOGY[code]})`];
    if (members.some((i) => (rows[i] as MatrixRow).uncertain)) notes.push(`marked uncertain ("${code}?") in the Matrix`);
    if (new Set(codeList).size > 1) notes.push(`rows disagree (${[...new Set(codeList)].join(', ')}); the most frequent is used`);
    const statuses = [...new Set(members.map((i) => (rows[i] as MatrixRow).status).filter(Boolean))];
    if (statuses.length) notes.push(`Matrix status: ${statuses.join('; ')}`);
    if (cure?.note) notes.push(cure.note);
    notes.push(`Matrix rows ${members.map((i) => (rows[i] as MatrixRow).line).join(', ')}`);
    drafts.push({
      id: cure?.id ?? '',
      name,
      aliases,
      ambiguousNames: [...(cure?.ambiguousNames ?? [])],
      domains,
      country: first.country,
      countryCode: codes.get(first.country) ?? null,
      type: MATRIX_TYPOLOGY[code],
      typeCode: code,
      stateAffiliated: STATE_AFFILIATED_CODES.has(code),
      parent,
      kind: cure?.kind ?? (isAgency ? 'wire' : 'outlet'),
      source: MATRIX_SOURCE.id,
      asOf: MATRIX_AS_OF,
      note: `${notes.join('; ')}.`,
      curated: cure !== undefined,
    });
  }

  // Names shared by different outlets, or that are countries or common words, are ambiguous in text.
  const owners = new Map<string, Set<number>>();
  drafts.forEach((draft, index) => {
    for (const n of [draft.name, ...draft.aliases]) {
      const key = nameKey(n);
      let set = owners.get(key);
      if (!set) owners.set(key, (set = new Set()));
      set.add(index);
    }
  });
  // Names the hand-curated file gives to other outlets ("NBC" is NBC News, not Namibia's NBC).
  const curatedKeys = new Set([...drafts.filter((d) => d.curated).flatMap((d) => [d.name, ...d.aliases]), ...reservedNames].map(nameKey));
  drafts.forEach((draft, index) => {
    const isAmbiguous = (n: string): boolean => {
      const key = nameKey(n);
      const shared = (owners.get(key)?.size ?? 0) > 1;
      if (draft.curated) return false;
      if (curatedKeys.has(key)) return true;
      const single = tokenizeName(n).length === 1;
      return shared || countryKeys.has(key) || (single && COMMON_WORDS.has(key)) || key.length < 2;
    };
    const keep = draft.aliases.filter((a) => !isAmbiguous(a));
    const moved = draft.aliases.filter((a) => isAmbiguous(a));
    (draft as { aliases: string[] }).aliases = keep;
    if (isAmbiguous(draft.name)) moved.unshift(draft.name);
    (draft as { ambiguousNames: string[] }).ambiguousNames = [...new Set([...draft.ambiguousNames, ...moved])];
    void index;
  });

  // Ids: curated ones as given, others from the name, made unique with the country code.
  const used = new Set(drafts.filter((d) => d.curated).map((d) => d.id));
  for (const draft of drafts) {
    if (draft.curated) continue;
    let id = slugify(draft.name) || 'outlet';
    if (used.has(id)) id = `${id}-${(draft.countryCode ?? slugify(draft.country ?? 'xx')).toLowerCase()}`;
    let n = 2;
    const base = id;
    while (used.has(id)) id = `${base}-${n++}`;
    used.add(id);
    (draft as { id: string }).id = id;
  }
  return drafts
    .map(({ curated: _curated, ...entry }) => entry)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Serialises the lexicon envelope with one entry per line (stable, reviewable diffs). */
export function renderRegistry(entries: readonly OutletsEntry[], csvDigest: string, report: BuildReport): string {
  const envelope = {
    id: 'outlets-state-media',
    kind: 'outlets',
    version: '1.0.0',
    description:
      `Outlet registry, state-affiliated part: ${entries.length} outlets in ${new Set(entries.map((e) => e.country)).size} countries, generated by ` +
      '`npm run registry:build` (src/tools/build-outlet-registry.ts) from the State Media Matrix ' +
      `(sha256 ${csvDigest.slice(0, 16)}…, ${report.rows} rows, ${report.kept} kept). Each outlet keeps the Matrix typology ` +
      '(SC state-controlled, CaPu captured public, CaPr captured private, ISFM independent state-funded and state-managed, ' +
      'ISF independent state-funded, ISM independent state-managed, IP independent public) in `typeCode`, a readable ' +
      '`type`, and `stateAffiliated` = true for SC, CaPu and CaPr, where the state controls the editorial line. ' +
      'Do not edit by hand: change the curation table or the script and rebuild.',
    sources: [MATRIX_SOURCE, TYPOLOGY_SOURCE],
  };
  const head = JSON.stringify(envelope, null, 2).replace(/\n}$/, '');
  const lines = entries.map((entry) => `    ${JSON.stringify(entry)}`);
  return `${head},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

export function buildRegistry(
  csvText: string,
  curation: readonly MatrixCuration[] = MATRIX_CURATION,
  reservedNames: readonly string[] = [],
): { json: string; entries: OutletsEntry[]; report: BuildReport } {
  const { rows, dropped, total } = readMatrixRows(csvText);
  const entries = buildEntries(rows, curation, reservedNames);
  const report: BuildReport = { rows: total, kept: rows.length, dropped, entries: entries.length };
  const digest = createHash('sha256').update(csvText).digest('hex');
  return { json: renderRegistry(entries, digest, report), entries, report };
}

/** The hand-written part of the registry, whose names take precedence over the Matrix's. */
export const CURATED_FILE = 'outlets-curated.json';

/** Names and aliases of the curated file's entries (none when it cannot be read). */
export function curatedNames(file: string): string[] {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { entries?: { name?: unknown; aliases?: unknown }[] };
    return (parsed.entries ?? []).flatMap((e) => [e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])]).filter((n): n is string => typeof n === 'string');
  } catch {
    return [];
  }
}

function main(argv: readonly string[]): number {
  const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
  const shared = process.env['FRAMELENS_SHARED'] ?? resolve(root, '..', 'shared');
  const csvPath = argv[0] ?? resolve(shared, 'data', 'resources', 'state-media-matrix', 'State_Media_Matrix.csv');
  const outPath = argv[1] ?? resolve(root, 'lexicons', 'outlets-state-media.json');
  let csvText: string;
  try {
    csvText = readFileSync(csvPath, 'utf8');
  } catch (error) {
    process.stderr.write(`registry:build: cannot read ${csvPath} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`);
    return 2;
  }
  const { json, report } = buildRegistry(csvText, MATRIX_CURATION, curatedNames(resolve(root, 'lexicons', CURATED_FILE)));
  writeFileSync(outPath, json);
  for (const drop of report.dropped) process.stderr.write(`registry:build: row ${drop.line} dropped: ${drop.reason}\n`);
  process.stderr.write(`registry:build: ${report.rows} rows, ${report.kept} kept, ${report.entries} outlets → ${outPath}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
