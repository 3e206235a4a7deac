/** Small closed word classes the context and target rules look for around a term. */
import type { Token } from '../../document/types.js';

export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "'", '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb', '\u201e', '\u201a', '\u2039', '\u203a', '`', '``', "''"]);

export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'such', 'its', 'their', 'his', 'her']);
export const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'whose']);
export const COPULAS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'remains', 'remain', 'remained', 'becomes', 'become', 'became', "'s", "'re"]);
export const NEGATORS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'nor', 'neither', 'hardly', 'cannot', "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't", 'nothing', 'nobody']);
export const HEDGES: ReadonlySet<string> = new Set(['alleged', 'allegedly', 'suspected', 'reported', 'reportedly', 'apparent', 'apparently', 'possible', 'possibly', 'presumed', 'presumably', 'accused', 'purported', 'purportedly', 'claimed']);
/** Verbs that hand a label to someone else: "what it called terrorism", "branded a terrorist". */
export const DISTANCING: ReadonlySet<string> = new Set(['call', 'calls', 'called', 'calling', 'dub', 'dubs', 'dubbed', 'term', 'terms', 'termed', 'label', 'labels', 'labeled', 'labelled', 'brand', 'brands', 'branded', 'describe', 'describes', 'described', 'deem', 'deems', 'deemed', 'designate', 'designates', 'designated', 'so-called', 'considers', 'considered', 'regards', 'regarded']);
/** Words before a quoted word that make it a mention, not a use: "the word 'terrorist'". */
export const MENTION_NOUNS: ReadonlySet<string> = new Set(['word', 'words', 'term', 'terms', 'label', 'labels', 'phrase', 'epithet', 'expression']);
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '.', '!', '?', '(', ')', '-', '\u2013', '\u2014', 'but', 'however', 'although', 'though', 'while', 'whereas', 'yet']);
export const LINKS: ReadonlySet<string> = new Set(['and', 'or', ',', '&']);

export function isWord(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'number';
}

export function isQuoteMark(token: Token): boolean {
  return token.kind !== 'word' && token.kind !== 'number' && QUOTE_MARKS.has(token.norm);
}
