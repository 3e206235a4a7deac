/**
 * Provenance: whose content the article is, and who stands behind its outlet.
 *
 * Compiled once from the `outlets` lexicons (the registry), then per document:
 * credit lines and registry names in a crediting context become `credits` (with
 * offsets into `text`), each with a finding; the article's own outlet is matched from
 * the input's outlet field, its URL's domain, a wire dateline or a copyright line.
 * See `provenance/detect-credits.ts` for the contexts.
 */
import type { Document } from '../document/types.js';
import type { LexiconSet } from '../lexicon/load.js';
import type { OutletsEntry } from '../lexicon/kinds/outlets.js';
import type { Credit, Finding, FindingVoice, OutletMatch } from '../schema/record.js';
import { createCreditDetector, type RawCredit } from './provenance/detect-credits.js';
import { compileRegistry, hostOf, type CompiledRegistry } from './provenance/registry.js';
import { findProvenancePhrases } from './provenance/phrases.js';
import { findStateMediaCitations } from './provenance/state-media.js';
import type { ProvenanceResult } from './types.js';

const HEADLINE_BLOCKS = new Set(['headline', 'dek', 'caption']);

/** Input fields that may carry the outlet's site or domain (CSV and JSON readers keep them in `fields`). */
const DOMAIN_FIELDS = ['source_url', 'site', 'site_name', 'domain', 'media_url', 'outlet_url', 'url_domain'];

function categoryOf(credit: RawCredit): string {
  const state = credit.entry?.stateAffiliated ?? credit.stateAffiliated ?? false;
  const citation = credit.kind === 'citation';
  if (state) return citation ? 'state-media-citation' : 'state-media-credit';
  if (credit.entry?.kind === 'wire') return citation ? 'wire-citation' : 'wire-credit';
  return citation ? 'citation' : 'credit';
}

const KIND_WORDS: Readonly<Record<Credit['kind'], string>> = {
  contributor: 'Contributor credit',
  photo: 'Photo credit',
  wire: 'Wire dateline',
  byline: 'Byline',
  citation: 'Cited as a source',
};

/** Why the credit counts, in words a reader can check against the registry. */
function noteOf(credit: RawCredit, name: string): string {
  const entry = credit.entry;
  const head = `${KIND_WORDS[credit.kind]}: ${name}`;
  if (!entry) {
    if (credit.stateAffiliated) return `${head} — state media${credit.country ? ` of ${credit.country}` : ''}, not named.`;
    return `${head} (not in the outlet registry).`;
  }
  const code = entry.typeCode ? ` (${entry.typeCode})` : '';
  const where = entry.country ? `${entry.country}, ` : '';
  const why = entry.stateAffiliated
    ? 'state-affiliated: the state controls its editorial line'
    : entry.typeCode
      ? 'state-funded or state-managed but editorially independent, so not counted as state media'
      : 'not state-affiliated';
  return `${head} = ${entry.name} (${where}${entry.type}${code}; ${why}; ${entry.asOf}).`;
}

function outletMatch(entry: OutletsEntry, via: string): OutletMatch {
  return { name: entry.name, registryId: entry.id, country: entry.country, type: entry.type, stateAffiliated: entry.stateAffiliated, via };
}

/** The article's own outlet: input field, then domain, then a dateline or copyright line. */
function findOutlet(doc: Document, registry: CompiledRegistry, credits: readonly RawCredit[]): OutletMatch | null {
  const article = doc.article;
  const given = article.outlet?.trim() || null;
  if (given) {
    const exact = registry.field.lookup(given);
    if (exact !== null) return outletMatch(registry.entries[exact] as OutletsEntry, 'input');
  }
  // The URL, then the domain fields, in that order (no array built per article).
  for (let f = -1; f < DOMAIN_FIELDS.length; f++) {
    const value = f < 0 ? article.url : article.fields[DOMAIN_FIELDS[f] as string];
    if (typeof value !== 'string' || value.length === 0) continue;
    const host = hostOf(value);
    const entry = host ? registry.byHost(host) : null;
    if (entry) return outletMatch(entry, 'domain');
  }
  if (given) {
    // "New York Times - News", "CNN (Web News)": a registry name inside the field.
    const inside = registry.field.findAll(given, 0, given.length)[0] ?? registry.text.findAll(given, 0, given.length)[0];
    if (inside) return outletMatch(registry.entries[inside.value] as OutletsEntry, 'input');
    return { name: given, registryId: null, country: null, type: null, via: 'input' };
  }
  const dateline = credits.find((c) => c.kind === 'wire' && c.via === 'dateline' && c.entry && c.start < 400);
  if (dateline?.entry) return outletMatch(dateline.entry, 'dateline');
  for (const removed of article.removed) {
    if (!/©|\(c\)|copyright/i.test(removed.text)) continue;
    const match = registry.text.findAll(removed.text, 0, Math.min(removed.text.length, 300))[0];
    if (match) return outletMatch(registry.entries[match.value] as OutletsEntry, 'header');
  }
  return null;
}

function voiceAt(doc: Document, pos: number): FindingVoice {
  for (const block of doc.blocks) {
    if (pos >= block.start && pos < block.end) return HEADLINE_BLOCKS.has(block.kind) ? 'headline' : 'narration';
  }
  return 'narration';
}

export function createProvenanceAnalyzer(lexicons: LexiconSet): (doc: Document) => ProvenanceResult {
  const registry = compileRegistry(lexicons.outlets);
  const detectCredits = createCreditDetector(registry);

  return (doc) => {
    const text = doc.text;
    const phrases = findProvenancePhrases(text);
    const raw = detectCredits(doc, phrases.creditCues);
    const detected = raw.length;
    for (const generic of findStateMediaCitations(text, phrases.stateMedia)) {
      // "Iran's state news agency IRNA": the named agency already carries the credit.
      let near = false;
      for (let k = 0; k < detected && !near; k++) {
        const c = raw[k] as RawCredit;
        near = c.start < generic.end + 4 && generic.start < c.end + 4;
      }
      if (!near) raw.push(generic);
    }
    raw.sort((a, b) => a.start - b.start || a.end - b.end);

    const credits: Credit[] = [];
    const findings: Finding[] = [];
    let lastEnd = -1;
    for (const credit of raw) {
      if (credit.start < lastEnd || credit.end <= credit.start) continue;
      lastEnd = credit.end;
      const source = text.slice(credit.start, credit.end);
      const entry = credit.entry;
      const stateAffiliated = entry?.stateAffiliated ?? credit.stateAffiliated ?? false;
      credits.push({
        kind: credit.kind,
        source,
        start: credit.start,
        end: credit.end,
        registryId: entry?.id ?? null,
        country: entry?.country ?? credit.country ?? null,
        stateAffiliated,
        type: entry?.type ?? null,
      });
      const finding: Finding = {
        id: `provenance/${credit.kind}@${credit.start}-${credit.end}`,
        analyzer: 'provenance',
        rule: `provenance/${credit.kind}`,
        category: categoryOf(credit),
        start: credit.start,
        end: credit.end,
        text: source,
        voice: voiceAt(doc, credit.start),
        speaker: null,
        target: null,
        weight: stateAffiliated ? 1 : 0,
        polarity: 'neutral',
        note: noteOf(credit, source),
      };
      if (entry) finding.source = registry.citationOf(entry);
      findings.push(finding);
    }
    return { provenance: { outlet: findOutlet(doc, registry, raw), credits }, findings };
  };
}
