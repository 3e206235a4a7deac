/**
 * One shared word → id table for the first-token keys of the analyzers' lexicons, and the
 * ids of a document's tokens, computed once per document.
 *
 * Why: entities, loaded language and sentiment each probed a string-keyed map with every
 * token (`base` or `norm`); on news text those probes were the largest share of each
 * analyzer's time. With ids, a token costs one probe into this table for the whole
 * pipeline, and each analyzer reads its compiled table as an array indexed by id.
 *
 * Ids are only ever added (when an analyzer compiles its lexicons), never removed, so an
 * id means the same word for the life of the process (each worker thread has its own).
 * Token ids computed before a later compile added words are recomputed on the next read.
 */
import type { Token } from '../document/types.js';

const ids = new Map<string, number>();

/** The id of `word`, registering it if new. Call at compile time, not per token. */
export function wordId(word: string): number {
  let id = ids.get(word);
  if (id === undefined) {
    id = ids.size;
    ids.set(word, id);
  }
  return id;
}

/** A string-keyed table as an array indexed by word id (holes for words it lacks). */
export function tableById<T>(table: ReadonlyMap<string, T>): readonly (T | undefined)[] {
  const out: (T | undefined)[] = [];
  for (const [word, value] of table) out[wordId(word)] = value;
  // Fill the holes so the array stays packed (holey arrays read slower).
  for (let i = 0; i < out.length; i++) if (!(i in out)) out[i] = undefined;
  return out;
}

export interface TokenIds {
  /** Word id of each token's `norm`, or -1 when no lexicon knows it. */
  readonly norm: Int32Array;
  /** Word id of each token's `base`, or -1. */
  readonly base: Int32Array;
  /** Size of the word table when these were computed. */
  readonly words: number;
}

const byTokens = new WeakMap<readonly Token[], TokenIds>();

/** The word ids of `tokens` (a document's token array), computed once and cached. */
export function tokenIds(tokens: readonly Token[]): TokenIds {
  const cached = byTokens.get(tokens);
  if (cached !== undefined && cached.words === ids.size) return cached;
  const norm = new Int32Array(tokens.length);
  const base = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const normId = ids.get(token.norm) ?? -1;
    norm[i] = normId;
    // `base` is the same string as `norm` except on possessives: skip the second probe.
    base[i] = token.base === token.norm ? normId : (ids.get(token.base) ?? -1);
  }
  const computed: TokenIds = { norm, base, words: ids.size };
  byTokens.set(tokens, computed);
  return computed;
}
