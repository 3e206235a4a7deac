/**
 * The one data flow: article → structured article → document → analyzers → findings →
 * scores and summary → analysis record. Everything is compiled once per lexicon set;
 * the returned function is pure and cheap to call per article.
 */
import { createAttributionAnalyzer } from '../analyzers/attribution.js';
import { sortInPlace } from '../util/sort-in-place.js';
import { createEntityFinder } from '../analyzers/entities.js';
import { createEntityRecordBuilder } from '../analyzers/entity-records.js';
import { createLoadedLanguageAnalyzer } from '../analyzers/loaded-language.js';
import { createProvenanceAnalyzer } from '../analyzers/provenance.js';
import { createSentimentScorer } from '../analyzers/sentiment.js';
import { createDocumentBuilder } from '../document/build-document.js';
import type { Article } from '../input/article.js';
import { createArticleStructurer } from '../input/structure-article.js';
import { describeLexicons, type LexiconSet } from '../lexicon/load.js';
import { ANALYSIS_SCHEMA_ID, type AnalysisRecord, type Finding } from '../schema/record.js';
import { FRAMELENS_VERSION } from '../version.js';
import { computeScores } from './scores.js';
import { summarize } from './summary.js';

/** The contract's order of findings: by start, then end, then rule. */
function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * Findings sorted by start, then end, then rule, as the contract requires; ids made unique.
 * Sorts and compacts `findings` in place and returns it. Each analyzer's list comes in
 * order, so the concatenation is nearly sorted (`sortInPlace` then needs no work array).
 * Every analyzer makes a finding's id from its rule and span (`rule@start-end`), so
 * findings sharing an id have the same sort key and end up next to each other: a duplicate
 * is found by comparing neighbours, without a set of id strings.
 */
export function sortFindings(findings: Finding[]): Finding[] {
  sortInPlace(findings, compareFindings);
  let kept = 0;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    const previous = kept > 0 ? (findings[kept - 1] as Finding) : null;
    if (previous !== null && compareFindings(previous, finding) === 0 && previous.id === finding.id) continue;
    findings[kept++] = finding;
  }
  findings.length = kept;
  return findings;
}

export function createArticleAnalyzer(lexicons: LexiconSet): (article: Article) => AnalysisRecord {
  const structure = createArticleStructurer(lexicons['text-cleaning']);
  const buildDocument = createDocumentBuilder(lexicons);
  const findEntities = createEntityFinder(lexicons);
  const attribute = createAttributionAnalyzer(lexicons);
  const findLoadedLanguage = createLoadedLanguageAnalyzer(lexicons);
  const findProvenance = createProvenanceAnalyzer(lexicons);
  const scoreSentiment = createSentimentScorer();
  const buildEntities = createEntityRecordBuilder(lexicons);
  const countryAdjective = new Map<string, string>();
  for (const entity of lexicons.entities.entries) {
    const adjective = entity.kind === 'country' ? entity.demonyms[0] : undefined;
    if (adjective) {
      countryAdjective.set(entity.name, adjective);
      countryAdjective.set(entity.id, adjective);
    }
  }
  const meta = { framelens: FRAMELENS_VERSION, lexicons: describeLexicons(lexicons) };

  return (article) => {
    const doc = buildDocument(structure(article));
    const mentions = findEntities(doc);
    const attribution = attribute(doc, mentions);
    const loaded = findLoadedLanguage(doc, mentions, attribution);
    const provenance = findProvenance(doc);
    const sentiment = scoreSentiment(doc, attribution.quotes);
    const findings = sortFindings(loaded.concat(attribution.findings, provenance.findings));
    const entities = buildEntities(doc, mentions, findings, sentiment);
    const a = doc.article;
    const partial: Omit<AnalysisRecord, 'scores' | 'summary' | 'meta'> = {
      schema: ANALYSIS_SCHEMA_ID,
      id: a.id,
      source: a.source,
      outlet: a.outlet ?? provenance.provenance.outlet?.name ?? null,
      // A plain-text article names its title only through its headline line.
      title: a.title ?? a.parts.find((part) => part.kind === 'headline')?.text ?? null,
      byline: a.byline,
      url: a.url,
      published: a.published,
      ...(Object.keys(a.fields).length ? { fields: a.fields } : {}),
      text: doc.text,
      blocks: [...doc.blocks],
      removed: [...doc.removed],
      repairs: [...doc.repairs],
      quotes: [...attribution.quotes],
      voices: [...attribution.voices],
      findings,
      provenance: provenance.provenance,
      entities,
    };
    const scores = computeScores(doc, partial, sentiment);
    const summary = summarize(partial, { countryAdjective });
    // Completes the partial record in place: the same key order as a spread into a new
    // object, without copying its twenty fields per article.
    return Object.assign(partial, { scores, summary, meta });
  };
}
