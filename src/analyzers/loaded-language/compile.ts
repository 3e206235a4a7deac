/**
 * Compiles the loaded-terms lexicon once: every match form (and, with `inflect`, the
 * regular inflections of its last word that share its Porter stem) becomes a phrase in an
 * index keyed by first token; exceptions go to a second index that names the entry they
 * protect. Matching is then one pass over the tokens with a map probe per token.
 */
import type { LoadedTermsEntry } from '../../lexicon/kinds/loaded-terms.js';
import { createDualIndex, type DualIndex, type DualSlot, type IndexedPhrase } from '../../nlp/phrase-index.js';
import type { PhraseTokenizer } from '../../nlp/phrase-tokens.js';
import { tableById, wordId } from '../../nlp/vocabulary.js';
import { regularInflections } from '../../nlp/porter.js';

export interface TermPhrase {
  readonly entry: LoadedTermsEntry;
  /** The lexicon form this phrase came from (an inflection names its base form). */
  readonly form: string;
  /** `loaded-language/<entry id>`, made once here rather than per finding. */
  readonly rule: string;
  /** The entry's position in the lexicon: exceptions name the entries they protect by it. */
  readonly entryIndex: number;
}

export interface CompiledTerms {
  /** Terms (primary) and exception phrases naming the entries (by `entryIndex`) they suppress (secondary), by first token. */
  readonly index: DualIndex<TermPhrase, readonly number[]>;
  /** `index` as an array by word id (`src/nlp/vocabulary.ts`): the hot loop reads it per token. */
  readonly slotsByWord: readonly (DualSlot<TermPhrase, readonly number[]> | undefined)[];
  /** The number of entries (the size of a table by `entryIndex`). */
  readonly entryCount: number;
  /**
   * By first word id: when every phrase (term or exception) starting with the word is two
   * words or more, the word ids their second words may have; otherwise undefined. Frequent
   * first words ("the", "in", "so") then cost one look at the next token's ids, not a
   * comparison per phrase.
   */
  readonly nextWords: readonly (readonly number[] | undefined)[];
}

/** Every form an entry matches: its listed forms plus, with `inflect`, generated inflections. */
export function expandForms(entry: LoadedTermsEntry): { form: string; text: string }[] {
  const out: { form: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const form of entry.match) {
    if (!seen.has(form)) {
      seen.add(form);
      out.push({ form, text: form });
    }
    if (!entry.inflect) continue;
    const words = form.split(' ');
    const last = words[words.length - 1] as string;
    for (const inflected of regularInflections(last)) {
      const text = [...words.slice(0, -1), inflected].join(' ');
      if (!seen.has(text)) {
        seen.add(text);
        out.push({ form, text });
      }
    }
  }
  return out;
}

export function compileTerms(entries: readonly LoadedTermsEntry[], tokenize: PhraseTokenizer): CompiledTerms {
  const phrases: IndexedPhrase<TermPhrase>[] = [];
  const claimed = new Set<string>();
  const exceptionEntries = new Map<string, { keys: string[]; ids: number[] }>();
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const entry = entries[entryIndex] as LoadedTermsEntry;
    const rule = `loaded-language/${entry.id}`;
    for (const { form, text } of expandForms(entry)) {
      const keys = tokenize(text).map((t) => t.base);
      if (!keys.length) continue;
      const key = keys.join(' ');
      // The first entry to claim a phrase keeps it (the data lint forbids duplicates).
      if (claimed.has(key)) continue;
      claimed.add(key);
      phrases.push({ keys, value: { entry, form, rule, entryIndex } });
    }
    for (const exception of entry.exceptions) {
      const keys = tokenize(exception).map((t) => t.base);
      if (!keys.length) continue;
      const key = keys.join(' ');
      const known = exceptionEntries.get(key);
      if (known) known.ids.push(entryIndex);
      else exceptionEntries.set(key, { keys, ids: [entryIndex] });
    }
  }
  const index = createDualIndex(phrases, [...exceptionEntries.values()].map(({ keys, ids }) => ({ keys, value: ids })));
  const slotsByWord = tableById(index);
  const nextWords: (readonly number[] | undefined)[] = new Array<readonly number[] | undefined>(slotsByWord.length).fill(undefined);
  for (const [first, slot] of index) {
    const seconds = new Set<number>();
    let gated = true;
    for (const phrase of [...slot.primary, ...slot.secondary]) {
      const second = phrase.keys[1];
      if (second === undefined) gated = false;
      else seconds.add(wordId(second));
    }
    if (gated) nextWords[wordId(first)] = [...seconds];
  }
  return { index, slotsByWord, entryCount: entries.length, nextWords };
}
