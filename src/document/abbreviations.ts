/**
 * The abbreviations lexicon compiled into the lookups the tokenizer and sentence splitter
 * need. Built once per lexicon set.
 */
import type { AbbreviationsEntry } from '../lexicon/kinds/abbreviations.js';

export interface AbbreviationTable {
  /** Forms (with the final stop) that are abbreviations wherever they occur: "Mr.", "Gen.". */
  readonly always: ReadonlySet<string>;
  /** Forms that are abbreviations only before a number: "No. 5", "Art. 51". */
  readonly beforeNumber: ReadonlySet<string>;
  /** Forms that may end a sentence when a sentence starter follows: "U.S.", "etc.". */
  readonly canEndSentence: ReadonlySet<string>;
  /** Length of the longest form, so the tokenizer can skip the lookup for longer words. */
  readonly maxLength: number;
}

export function compileAbbreviations(entries: readonly AbbreviationsEntry[]): AbbreviationTable {
  const always = new Set<string>();
  const beforeNumber = new Set<string>();
  const canEndSentence = new Set<string>();
  let maxLength = 0;
  for (const entry of entries) {
    (entry.category === 'number' ? beforeNumber : always).add(entry.form);
    if (entry.canEndSentence) canEndSentence.add(entry.form);
    maxLength = Math.max(maxLength, entry.form.length);
  }
  return { always, beforeNumber, canEndSentence, maxLength };
}

export const EMPTY_ABBREVIATIONS: AbbreviationTable = {
  always: new Set(), beforeNumber: new Set(), canEndSentence: new Set(), maxLength: 0,
};
