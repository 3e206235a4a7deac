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
 * The table is two open-addressing hash tables of our own rather than a `Map<string, number>`
 * (which measured no faster: token norms are fresh strings whose hash V8 computes on the
 * first probe). Words of up to twelve one-byte code units are packed into three ints and
 * found by that key alone, most misses stopping at a bit filter; other words (long ones,
 * or with a code unit past 255) are hashed by a short loop over the char codes, most misses
 * stop at a bit filter of their own, and strings are compared only when the hashes agree.
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
/** Words in `slots` (those that do not pack into a key). */
let longCount = 0;
/**
 * One bit per value of a hash's top 16 bits, set for every word of `slots`: 8 KB that stay
 * in the L1 cache and turn most misses away before the slot table.
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

/** The longest word that packs into a key (three ints of four one-byte code units). */
const MAX_PACKED = 12;

/**
 * Packs a word of 1 to 12 code units, each in 1..255 ("the", "said", "government"), into
 * `key` (three ints, low byte first): equal keys mean equal words, so a probe needs no
 * string compare and no read of the word itself. Such words are nearly all news tokens;
 * on the string path a hit cost three dependent reads (slot, hash, word) and a compare.
 * False for a word that does not pack (it goes to the string table). Every code unit is
 * at least 1, so a packed key's first int is never 0 (0 marks an empty slot).
 */
function packWord(word: string, key: Int32Array): boolean {
  const n = word.length;
  if (n === 0 || n > MAX_PACKED) return false;
  let k0 = 0;
  let k1 = 0;
  let k2 = 0;
  for (let i = 0; i < n; i++) {
    const code = word.charCodeAt(i);
    if (code === 0 || code > 255) return false;
    const bits = code << (8 * (i & 3));
    if (i < 4) k0 |= bits;
    else if (i < 8) k1 |= bits;
    else k2 |= bits;
  }
  key[0] = k0;
  key[1] = k1;
  key[2] = k2;
  return true;
}

/** A well-mixed 32-bit hash of a packed key: top 16 bits for the filter, low bits for the slot. */
function keyHash(k0: number, k1: number, k2: number): number {
  let h = Math.imul(k0 ^ Math.imul(k1, 0x85ebca6b) ^ Math.imul(k2, 0xc2b2ae35), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** The key of the word being probed (scratch, so a probe allocates nothing). */
const probe = new Int32Array(3);
/** Packed words: [k0, k1, k2, id] per slot (k0 = 0 for an empty slot), one cache line each. */
let packedTable = new Int32Array(4 * 1024);
/** `packedTable.length / 4 - 1`. */
let packedMask = 1023;
/** Packed words registered. */
let packedCount = 0;
/** One bit per value of a packed key hash's top 16 bits: most misses stop here (8 KB). */
const packedBits = new Int32Array(2048);

/** The id of a packed word, else -1. Linear probing; the table stays at most half full. */
function findPacked(k0: number, k1: number, k2: number): number {
  const hash = keyHash(k0, k1, k2);
  const top = hash >>> 16;
  if (((packedBits[top >>> 5] as number) & (1 << (top & 31))) === 0) return -1;
  let slot = hash & packedMask;
  for (;;) {
    const at = 4 * slot;
    const stored = packedTable[at] as number;
    if (stored === k0 && packedTable[at + 1] === k1 && packedTable[at + 2] === k2) return packedTable[at + 3] as number;
    if (stored === 0) return -1;
    slot = (slot + 1) & packedMask;
  }
}

function placePacked(table: Int32Array, mask: number, key: Int32Array, id: number): void {
  const k0 = key[0] as number;
  const k1 = key[1] as number;
  const k2 = key[2] as number;
  let slot = keyHash(k0, k1, k2) & mask;
  while ((table[4 * slot] as number) !== 0) slot = (slot + 1) & mask;
  table[4 * slot] = k0;
  table[4 * slot + 1] = k1;
  table[4 * slot + 2] = k2;
  table[4 * slot + 3] = id;
}

/** The id of a word that does not pack, else -1. Linear probing; the table stays at most 1/4 full. */
function findLong(word: string): number {
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

/** The id of `word` if registered, else -1. */
function findId(word: string): number {
  return packWord(word, probe) ? findPacked(probe[0] as number, probe[1] as number, probe[2] as number) : findLong(word);
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
  if (packWord(word, probe)) {
    const top = keyHash(probe[0] as number, probe[1] as number, probe[2] as number) >>> 16;
    packedBits[top >>> 5] = (packedBits[top >>> 5] as number) | (1 << (top & 31));
    packedCount++;
    if (packedCount * 2 > packedMask + 1) {
      // Grow and re-place every packed word. Up to half full: a probe past its first slot mostly
      // stays in the same cache line, and a smaller table (256 KB) misses the caches less.
      const mask = 2 * packedMask + 1;
      const grown = new Int32Array(4 * (mask + 1));
      const key = new Int32Array(3);
      for (let k = 0; k < words.length; k++) if (packWord(words[k] as string, key)) placePacked(grown, mask, key, k);
      packedTable = grown;
      packedMask = mask;
    } else {
      placePacked(packedTable, packedMask, probe, id);
    }
    return id;
  }
  if (id >= hashes.length) {
    // Packed words take ids too, so the table may be more than one doubling behind.
    let size = hashes.length * 2;
    while (size <= id) size *= 2;
    const grown = new Int32Array(size);
    grown.set(hashes);
    hashes = grown;
  }
  const hash = hashOf(word);
  hashes[id] = hash;
  const top = hash >>> 16;
  hashBits[top >>> 5] = (hashBits[top >>> 5] as number) | (1 << (top & 31));
  longCount++;
  if (longCount * 4 > slots.length) {
    // Grow and re-place every word of this table: a low load keeps misses on the first probe.
    const grown = new Int32Array(slots.length * 2).fill(-1);
    const mask = grown.length - 1;
    const key = new Int32Array(3);
    for (let k = 0; k < words.length; k++) if (!packWord(words[k] as string, key)) place(grown, mask, hashes[k] as number, k);
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
