/**
 * Closed word classes the attribution parser leans on instead of a tagger: they bound the
 * noun phrase before a cue and tell a verb from a noun ("the report" vs "he reported").
 */
import type { Token } from '../../document/types.js';

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'some', 'any', 'no', 'every', 'each', 'another', 'such',
]);

/** "he", "she" (compared directly: cheaper than a set probe, and asked of most cue subjects). */
export function isSingularPronoun(norm: string): boolean {
  return norm === 'he' || norm === 'she';
}

/** "they". */
export function isPluralPronoun(norm: string): boolean {
  return norm === 'they';
}

/** Headline, dek and caption: display text in the outlet's own voice, where a cue is the outlet's framing. */
export function isOwnBlock(kind: string): boolean {
  return kind === 'headline' || kind === 'dek' || kind === 'caption';
}
/** First and second person: the speaker of a quote, never a voice of the article. */
export const SELF_PRONOUNS = new Set(['i', 'we', 'you']);

/** Words that may sit between a subject and its cue ("Shamkhani also said"). */
export const BETWEEN_SUBJECT_AND_CUE = new Set([
  'also', 'further', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'shall',
  'did', 'does', 'do', 'again', 'later', 'earlier', 'previously', 'then', 'reportedly', 'repeatedly', 'recently',
  'once', 'already', 'publicly', 'privately', 'separately', 'first', 'last', 'yesterday', 'today', 'tonight',
  'always', 'often', 'never', 'not', "n't", 'only', 'just', 'still', 'even', 'personally', 'explicitly', 'clearly',
  'flatly', 'openly', 'quickly', 'immediately', 'subsequently', 'additionally', 'frequently', 'famously', 'initially',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'on',
]);

/** Function words that end a noun phrase read leftwards from a cue. */
export const NP_STOP = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'and', 'or', 'but', 'when', 'while', 'as', 'because', 'if', 'after',
  'before', 'since', 'where', 'than', 'in', 'on', 'at', 'with', 'for', 'to', 'from', 'by', 'during', 'about',
  'over', 'into', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'not',
  'also', 'what', 'how', 'why', 'so', 'although', 'though', 'unless', 'until', 'whether', 'then', 'there', 'it',
  'said', 'says', 'say', 'told', 'added', 'him', 'them', 'me', 'us', 'can', 'could', 'may', 'might', 'must',
  'should', 'did', 'does', 'do', 'against', 'between', 'among', 'under', 'without', 'within', 'through', 'via',
]);

/** Verbs and auxiliaries that cannot sit inside a subject read rightwards ("…, said the minister"). */
export const VERBISH = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'must', 'should',
  'did', 'does', 'do', 'to', 'that', 'may', 'might', 'not',
]);

export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);

/** Where a noun-like cue form ("reports", "claims") is read as a verb. */
export const BEFORE_VERB = new Set([
  'he', 'she', 'they', 'we', 'i', 'you', 'it', 'who', 'also', 'will', 'would', 'could', 'can', 'may', 'might',
  'must', 'should', 'to', 'did', 'does', 'do', 'further', 'later', 'then', 'repeatedly', 'reportedly', 'often',
  'has', 'have', 'had', 'never', 'again', 'not', "n't",
]);

/** Lower-case particles inside personal names ("Mustafa al-Kadhimi", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'de', 'da', 'du', 'di', 'la', 'le', 'ben', 'der', 'den', 'dos', 'das']);

/** "al-Kadhimi": a lower-case particle joined to a capitalised name. */
export function isParticleName(text: string, token: Token): boolean {
  const norm = token.norm;
  // Particles are two or three letters long: test the dash position before any slicing.
  if (norm.length < 4 || (norm.charCodeAt(2) !== 45 && norm.charCodeAt(3) !== 45)) return false;
  const dash = norm.indexOf('-');
  if (dash <= 0 || !NAME_PARTICLES.has(token.norm.slice(0, dash))) return false;
  const next = text.charAt(token.start + dash + 1);
  return next !== '' && next !== next.toLowerCase();
}

/** Capitalised words that do not start a personal name. */
export const NOT_NAME = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'or', 'he', 'she', 'they', 'we', 'i', 'it', 'this', 'that',
  'these', 'those', 'there', 'his', 'her', 'their', 'its', 'our', 'as', 'if', 'when', 'while', 'after', 'before',
  'also', 'for', 'to', 'from', 'by', 'with', 'meanwhile', 'however', 'yet', 'so', 'still', 'then', 'since', 'despite',
  'according', 'last', 'next', 'some', 'many', 'most', 'both', 'all', 'one', 'two', 'three', 'no', 'not', 'what',
  'who', 'why', 'how', 'where', 'asked', 'under', 'over', 'during', 'among', 'speaking', 'referring', 'heading',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms',
  'of', 'my', 'your', 'we', 'you', 'my', 'once', 'now', 'here', 'today', 'yesterday', 'tomorrow', 'every', 'each',
  'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'do', 'does', 'did', 'has', 'have', 'had',
]);

/** Words too common to tie a description to a role ("the top security official" ~ "Security Council"). */
export const ROLE_STOP = new Set([
  'the', 'a', 'an', 'of', 'top', 'senior', 'official', 'officials', 'chief', 'head', 'former', 'new', 'national',
  'and', 'for', 'state', 'high', 'high-ranking', 'leading', 'local',
]);

export function isQuoteMark(norm: string): boolean {
  return norm === '"' || norm === '«' || norm === '»' || norm === '„' || norm === '‹' || norm === '›';
}

/** Quantifiers that make a plural a noun phrase ("many economists say"). */
export const QUANTIFIERS = new Set(['many', 'most', 'few', 'several', 'both', 'all', 'one', 'two', 'three', 'four', 'five', 'some', 'other', 'more', 'fewer']);

/**
 * Heads of documents, polls and data that hold a position ("polls show", "the study found",
 * "the records indicate"): before a noun-like or clause-taking cue they make it a verb.
 */
export const DOCUMENT_SOURCES = new Set([
  'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'data', 'report', 'reports', 'analysis', 'analyses',
  'figures', 'numbers', 'results', 'records', 'documents', 'research', 'statistics', 'estimates', 'evidence',
  'review', 'investigation', 'audit', 'filings', 'findings', 'projections', 'models', 'exit', 'polling', 'memo',
  'letter', 'statement', 'ad', 'ads', 'email', 'emails', 'documents', 'record', 'history', 'experience',
]);

// Closed classes of the cue parser (tested by word id through `classById`, see compile.ts).
/** Prepositions that attach a complement to a source noun ("aides to", "polls in", "officials at", "people close to"). */
export const SOURCE_PREPOSITIONS = new Set(['to', 'in', 'at', 'from', 'for', 'with', 'by', 'on']);
/** Shares of a poll's respondents that hold a position ("half said", "one in four say", "a majority believe"). */
export const SHARE_HEADS = new Set(['half', 'majority', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'four', 'five', 'ten', '10', 'three', 'plurality', 'minority']);
export const SHARE_LEADS = new Set(['nearly', 'almost', 'about', 'roughly', 'over', 'more', 'than', 'fewer', 'less', 'just', 'only', 'a', 'one', 'two', 'three', 'in', 'of', 'out', 'half', 'slim', 'narrow', 'clear', 'large', 'wide']);
export const AFTER_CUE_BEFORE_THAT = new Set([
  'in', 'on', 'at', 'to', 'during', 'after', 'before', 'last', 'this', 'earlier', 'later', 'yesterday', 'today',
  'a', 'an', 'the', 'statement', 'interview', 'speech', 'letter', 'post', 'tweet', 'conference', 'news', 'briefing',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'night',
  'morning', 'evening', 'afternoon', 'also', 'again', 'repeatedly', 'previously', 'recently', 'publicly', 'then',
  'his', 'her', 'their', 'its', 'written', 'televised', 'radio', 'tv', 'phone', 'call', 'separate', 'joint',
]);
/** Words that open a clause right after a verb ("showed he was …", "found there were …"). */
export const CLAUSE_STARTS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there', 'nearly', 'more', 'fewer', 'only']);
/** Words that open an object noun phrase after a noun-like cue form ("support the plan", "show him"). */
export const OBJECT_LEADS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'him', 'them', 'it', 'this', 'that', 'these', 'those']);
/**
 * Tokens after a lone capitalised word that may carry its run on: the words "of" and "for"
 * ("Secretary of State"), the punctuation "(" and "." (an acronym, an abbreviation's stop).
 * No punctuation is "of" or "for" and no word is "(" or ".", so the norm alone tells them.
 */
export const RUN_LINKS = new Set(['of', 'for', '(', '.']);
export const PARTICIPLE_LEAD = new Set([',', 'while', 'by', 'after', 'before', 'when', 'without', 'as', 'in', '-', ';']);
