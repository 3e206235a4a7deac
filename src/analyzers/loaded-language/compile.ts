/**
 * Compiles the loaded-terms lexicon once: every match form (and, with `inflect`, the
 * regular inflections of its last word that share its Porter stem) becomes a phrase in an
 * index keyed by first token; exceptions go to a second index that names the entry they
 * protect. Matching is then one pass over the tokens with a map probe per token.
 */
import type { LoadedTermsEntry } from '../../lexicon/kinds/loaded-terms.js';
import { createDualIndex, type DualIndex, type DualSlot, type IndexedPhrase } from '../../nlp/phrase-index.js';
import type { PhraseTokenizer } from '../../nlp/phrase-tokens.js';
import { tableById } from '../../nlp/vocabulary.js';
import { regularInflections } from '../../nlp/porter.js';

export interface TermPhrase {
  readonly entry: LoadedTermsEntry;
  /** The lexicon form this phrase came from (an inflection names its base form). */
  readonly form: string;
}

export interface CompiledTerms {
  /** Terms (primary) and exception phrases naming the entry ids they suppress (secondary), by first token. */
  readonly index: DualIndex<TermPhrase, readonly string[]>;
  /** `index` as an array by word id (`src/nlp/vocabulary.ts`): the hot loop reads it per token. */
  readonly slotsByWord: readonly (DualSlot<TermPhrase, readonly string[]> | undefined)[];
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
  const exceptionEntries = new Map<string, { keys: string[]; ids: string[] }>();
  for (const entry of entries) {
    for (const { form, text } of expandForms(entry)) {
      const keys = tokenize(text).map((t) => t.base);
      if (!keys.length) continue;
      const key = keys.join(' ');
      // The first entry to claim a phrase keeps it (the data lint forbids duplicates).
      if (claimed.has(key)) continue;
      claimed.add(key);
      phrases.push({ keys, value: { entry, form } });
    }
    for (const exception of entry.exceptions) {
      const keys = tokenize(exception).map((t) => t.base);
      if (!keys.length) continue;
      const key = keys.join(' ');
      const known = exceptionEntries.get(key);
      if (known) known.ids.push(entry.id);
      else exceptionEntries.set(key, { keys, ids: [entry.id] });
    }
  }
  const index = createDualIndex(phrases, [...exceptionEntries.values()].map(({ keys, ids }) => ({ keys, value: ids })));
  return { index, slotsByWord: tableById(index) };
}
