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
  /** Leading parts of forms with inner stops ("Ph." of "Ph.D."): the tokenizer reads on past their stop. */
  readonly prefixes: ReadonlySet<string>;
  /** Length of the longest form, so the tokenizer can skip the lookup for longer words. */
  readonly maxLength: number;
}

export function compileAbbreviations(entries: readonly AbbreviationsEntry[]): AbbreviationTable {
  const always = new Set<string>();
  const beforeNumber = new Set<string>();
  const canEndSentence = new Set<string>();
  const prefixes = new Set<string>();
  let maxLength = 0;
  for (const entry of entries) {
    for (let dot = entry.form.indexOf('.'); dot >= 0 && dot < entry.form.length - 1; dot = entry.form.indexOf('.', dot + 1)) {
      prefixes.add(entry.form.slice(0, dot + 1));
    }
    (entry.category === 'number' ? beforeNumber : always).add(entry.form);
    if (entry.canEndSentence) canEndSentence.add(entry.form);
    maxLength = Math.max(maxLength, entry.form.length);
  }
  return { always, beforeNumber, canEndSentence, prefixes, maxLength };
}

export const EMPTY_ABBREVIATIONS: AbbreviationTable = {
  always: new Set(), beforeNumber: new Set(), canEndSentence: new Set(), prefixes: new Set(), maxLength: 0,
};
