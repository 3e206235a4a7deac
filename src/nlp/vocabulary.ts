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
 *
 * The table is an open-addressing hash table of our own rather than a `Map<string, number>`:
 * token norms are fresh strings, and a `Map` probe first makes V8 hash each one in a runtime
 * call; here the hash is a short loop over the char codes in optimized code, the slots are
 * one `Int32Array`, most tokens (≈ 80% of news text is in no lexicon) miss on an empty
 * slot, and strings are compared only when the full hashes agree.
 */
import type { Token } from '../document/types.js';

/** Words by id. */
const words: string[] = [];
/** `hashOf` of each word, by id: a probe compares strings only when the hashes agree. */
let hashes = new Int32Array(256);
/** Word id per slot, -1 for an empty slot; its length is a power of two. */
let slots = new Int32Array(1024).fill(-1);
/** `slots.length - 1`. */
let slotMask = 1023;
/**
 * One bit per value of a hash's top 16 bits, set for every word: 8 KB that stay in the
 * L1 cache and turn most misses (≈ 93% with the shipped lexicons) away before the slot
 * table, whose reads were the largest cost of a probe.
 */
const hashBits = new Int32Array(2048);

/** FNV-1a over the UTF-16 code units: cheap and spreads short English words well. */
function hashOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash;
}

/**
 * `a === b` by code units. Token norms are fresh (often sliced or two-byte) strings and the
 * words are one-byte internalized ones; V8's equality takes a slow path on such pairs.
 */
function sameWord(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** The id of `word` if registered, else -1. Linear probing; the table stays at most 1/4 full. */
function findId(word: string): number {
  const hash = hashOf(word);
  const top = hash >>> 16;
  if (((hashBits[top >>> 5] as number) & (1 << (top & 31))) === 0) return -1;
  let slot = hash & slotMask;
  for (;;) {
    const id = slots[slot] as number;
    if (id < 0 || (hashes[id] === hash && sameWord(words[id] as string, word))) return id;
    slot = (slot + 1) & slotMask;
  }
}

function place(table: Int32Array, mask: number, hash: number, id: number): void {
  let slot = hash & mask;
  while ((table[slot] as number) >= 0) slot = (slot + 1) & mask;
  table[slot] = id;
}

/** The id of `word`, registering it if new. Call at compile time, not per token. */
export function wordId(word: string): number {
  const found = findId(word);
  if (found >= 0) return found;
  const id = words.length;
  words.push(word);
  if (id >= hashes.length) {
    const grown = new Int32Array(hashes.length * 2);
    grown.set(hashes);
    hashes = grown;
  }
  const hash = hashOf(word);
  hashes[id] = hash;
  const top = hash >>> 16;
  hashBits[top >>> 5] = (hashBits[top >>> 5] as number) | (1 << (top & 31));
  if (words.length * 4 > slots.length) {
    // Grow and re-place every word: a low load keeps misses on the first probe.
    const grown = new Int32Array(slots.length * 2).fill(-1);
    const mask = grown.length - 1;
    for (let k = 0; k < words.length; k++) place(grown, mask, hashes[k] as number, k);
    slots = grown;
    slotMask = mask;
  } else {
    place(slots, slotMask, hash, id);
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
  if (cached !== undefined && cached.words === words.length) return cached;
  // One backing store for both views: each typed-array buffer is a separate allocation
  // outside the JS heap that the collector has to track.
  const both = new Int32Array(tokens.length * 2);
  const norm = both.subarray(0, tokens.length);
  const base = both.subarray(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const normId = findId(token.norm);
    norm[i] = normId;
    // `base` is the same string as `norm` except on possessives: skip the second probe.
    base[i] = token.base === token.norm ? normId : findId(token.base);
  }
  const computed: TokenIds = { norm, base, words: words.length };
  byTokens.set(tokens, computed);
  return computed;
}
