/**
 * Finding outlet names in text: a compiled lookup keyed by the first token, matched
 * greedily (longest name first) at word starts, in one left-to-right pass.
 *
 * Tokens here are the pieces of a name: runs of letters and digits (with inner
 * apostrophes and initials such as "U.S."), and the symbols `&`, `+` and `/`
 * ("AJ+", "RFE/RL"). Spaces and hyphens separate tokens, so "Al-Manar" and
 * "Al Manar" are one name; any other punctuation or a line break ends a name.
 *
 * Case is respected where it tells names from words: an all-capital token ("AP",
 * "TASS") must be written exactly so, a one-word lower-case name ("dpa") too, and a
 * capitalised token must be capitalised in the text ("Mehr", not "mehr"); small words
 * inside names ("of", "news") match in any case.
 */

export interface NameToken {
  readonly start: number;
  readonly end: number;
  /** Lower-cased, apostrophes made straight. */
  readonly norm: string;
  /** End and norm without a possessive "'s" ("Xinhua" for "Xinhua's"); same as end/norm otherwise. */
  readonly baseEnd: number;
  readonly baseNorm: string;
}

// Char-code comparisons, not Set<number> probes: these run at the end of every name token.
function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x02bc;
}
/** & + / */
function isNameSymbol(c: number): boolean {
  return c === 0x26 || c === 0x2b || c === 0x2f;
}
function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}
const ZWNJ = 0x200c;
const LETTER = /[\p{L}\p{N}\p{M}]/u;

export function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Fast paths for what news text is full of: Latin-1 letters, and punctuation (’ “ ” —).
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c === ZWNJ) return true;
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x80 && c < 0xc0)) return false;
  const ch = text[i];
  return ch !== undefined && LETTER.test(ch);
}

/**
 * Hash of the lower-cased run of letters and digits at `i` (stops at an apostrophe, a dot or
 * a space), computed without allocating: a cheap first test before a token is read.
 */
function runHash(text: string, i: number, limit: number): number {
  let hash = 0;
  for (let j = i; j < limit; j++) {
    const c = text.charCodeAt(j);
    let lower: number;
    if (c < 0x80) {
      if (c >= 65 && c <= 90) lower = c | 0x20;
      else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) lower = c;
      else break;
    } else {
      if (!isWordCode(text, j)) break;
      lower = (text[j] as string).toLowerCase().charCodeAt(0);
    }
    hash = (Math.imul(hash, 31) + lower) | 0;
  }
  return hash;
}

/** 2^18 bits (32 KB): a few thousand first words leave false positives around 1%. */
const FIRST_HASH_BITS = 18;
const FIRST_HASH_MASK = (1 << FIRST_HASH_BITS) - 1;

/** Below this many characters `findAll` walks the char codes itself (a regex scan costs a call per stop). */
const REGEX_SCAN_MIN = 256;

/**
 * A regex matching one code unit at every position where a name can be found (a superset,
 * never fewer): an ASCII capital or digit, a character that may be a letter outside ASCII
 * (not the Latin-1 symbols or the General Punctuation block), and the lower-case initial of
 * a name whose first token is written in lower case ("dpa"), but only when followed by that
 * token's second letter in either case: "d" and "n" begin many common words. A token's norm
 * is its lower-cased text, so its second character can only come from that letter, its
 * capital, or one of the two non-ASCII characters that lower-case to an ASCII letter
 * (U+0130 to "i̇", U+212A to "k"). Each alternative is one code unit long, so a stop is at
 * `lastIndex - 1`.
 */
function candidateCharsRegex(lowerFirstWords: readonly string[]): RegExp {
  const seconds = new Map<string, Set<string>>();
  const bare = new Set<string>();
  for (const word of lowerFirstWords) {
    const initial = word.charAt(0);
    const second = word.charAt(1);
    if (second >= 'a' && second <= 'z') {
      let set = seconds.get(initial);
      if (!set) seconds.set(initial, (set = new Set()));
      set.add(second);
    } else {
      bare.add(initial);
    }
  }
  const alternatives = ['[A-Z0-9\\u00c0-\\u1fff\\u2070-\\uffff]'];
  for (const initial of bare) alternatives.push(initial);
  for (const [initial, set] of seconds) {
    if (bare.has(initial)) continue;
    let cls = '';
    for (const second of set) {
      cls += second + second.toUpperCase();
      if (second === 'i') cls += '\\u0130';
      if (second === 'k') cls += '\\u212a';
    }
    alternatives.push(`${initial}(?=[${cls}])`);
  }
  return new RegExp(alternatives.join('|'), 'g');
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/** A name token filled in place: `matchAt` reuses a few of these instead of allocating one per read. */
type TokenSlot = { -readonly [K in keyof NameToken]: NameToken[K] };

function newSlot(): TokenSlot {
  return { start: 0, end: 0, norm: '', baseEnd: 0, baseNorm: '' };
}

/** Reads one name token at `i` (which must be a word character or a name symbol). */
export function readNameToken(text: string, i: number, limit: number): NameToken | null {
  const slot = newSlot();
  return readNameTokenInto(text, i, limit, slot) ? slot : null;
}

/** `readNameToken` into `out`; false (and `out` unspecified) when there is no token at `i`. */
function readNameTokenInto(text: string, i: number, limit: number, out: TokenSlot): boolean {
  const c = text.charCodeAt(i);
  if (isNameSymbol(c)) {
    const norm = text[i] as string;
    out.start = i;
    out.end = i + 1;
    out.norm = norm;
    out.baseEnd = i + 1;
    out.baseNorm = norm;
    return true;
  }
  if (!isWordCode(text, i)) return false;
  let j = i;
  let segment = 0;
  while (j < limit) {
    if (isWordCode(text, j)) {
      j++;
      segment++;
      continue;
    }
    const d = text.charCodeAt(j);
    // Inner apostrophe ("People's") or initials ("U.S.").
    if ((isApostrophe(d) || (d === 0x2e && segment === 1)) && j + 1 < limit && isWordCode(text, j + 1)) {
      j++;
      segment = 0;
      continue;
    }
    if (d === 0x2e && segment === 1 && j > i + 1) {
      // Final period of initials ("U.S."): part of the token only after a dotted letter.
      const prev = text.charCodeAt(j - 2);
      if (prev === 0x2e) j++;
    }
    break;
  }
  const norm = normOfRange(text, i, j);
  out.start = i;
  out.end = j;
  out.norm = norm;
  out.baseEnd = j;
  out.baseNorm = norm;
  if (norm.length > 2 && norm.endsWith("'s")) {
    out.baseEnd = j - 2;
    out.baseNorm = norm.slice(0, -2);
  }
  return true;
}

/**
 * Recent norms of short ASCII tokens, by a hash of their lower-cased characters: names repeat
 * ("New", "York", "Reuters"), and a hit costs a comparison instead of a slice and a
 * lower-cased copy. Direct-mapped, so it never grows; a collision only costs a miss.
 */
const NORM_CACHE_SIZE = 4096;
const normCache: string[] = new Array<string>(NORM_CACHE_SIZE).fill('');
/**
 * Longer tokens are not cached: V8 copies slices shorter than 13 characters, so a cached
 * norm is never a view into (and never keeps alive) an article's text.
 */
const NORM_CACHE_MAX_LENGTH = 12;

/** `normalizeRaw(text.slice(i, j))`, from the cache when the token is short and ASCII. */
function normOfRange(text: string, i: number, j: number): string {
  return cachedAsciiLower(text, i, j) ?? normalizeRaw(text.slice(i, j));
}

/**
 * `text.slice(i, j).toLowerCase()` through the cache of recent lower-cased words, or null
 * when the range is longer than `NORM_CACHE_MAX_LENGTH` or not all ASCII (then lower-casing
 * may depend on context, as for a final sigma, or change the length). Also used for the
 * context words of `words.ts`.
 */
export function cachedAsciiLower(text: string, i: number, j: number): string | null {
  const length = j - i;
  if (length > NORM_CACHE_MAX_LENGTH) return null;
  let hash = length;
  for (let k = i; k < j; k++) {
    let c = text.charCodeAt(k);
    if (c >= 0x80) return null;
    if (c >= 65 && c <= 90) c |= 0x20;
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  const slot = hash & (NORM_CACHE_SIZE - 1);
  const cached = normCache[slot] as string;
  if (cached.length === length) {
    let same = true;
    for (let k = 0; k < length && same; k++) {
      let c = text.charCodeAt(i + k);
      if (c >= 65 && c <= 90) c |= 0x20;
      same = c === cached.charCodeAt(k);
    }
    if (same) return cached;
  }
  // ASCII has no curly apostrophes: lower-casing is the whole normalization (here and in words.ts).
  const norm = text.slice(i, j).toLowerCase();
  normCache[slot] = norm;
  return norm;
}

function normalizeRaw(raw: string): string {
  let out = raw.toLowerCase();
  if (out.includes('\u2019') || out.includes('\u02bc')) out = out.replace(/[\u2019\u02bc]/g, "'");
  return out;
}

/** Splits a registry name into tokens (same rules as text). */
export function tokenizeName(name: string): { raw: string; norm: string }[] {
  const tokens: { raw: string; norm: string }[] = [];
  let i = 0;
  while (i < name.length) {
    const c = name.charCodeAt(i);
    if (isWordCode(name, i) || isNameSymbol(c)) {
      const token = readNameToken(name, i, name.length);
      if (!token) break;
      tokens.push({ raw: name.slice(token.start, token.end), norm: token.norm });
      i = token.end;
    } else {
      i++;
    }
  }
  return tokens;
}

/** The lookup key of a name: its token norms, without a leading "the". */
export function nameKey(name: string): string {
  const tokens = tokenizeName(name).map((t) => t.norm);
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  return tokens.join(' ');
}

type CaseRule = 0 | 1 | 2; // 0 any case, 1 capitalised, 2 exact

interface Candidate {
  readonly norms: readonly string[];
  readonly raws: readonly string[];
  readonly rules: readonly CaseRule[];
  /** The name began with "The" and is a single word without it ("The Hill"): the article is required. */
  readonly needsThe: boolean;
  readonly hadThe: boolean;
  readonly value: number;
  readonly priority: number;
}

export interface NameMatch {
  readonly start: number;
  readonly end: number;
  /** The value the name was registered with (an entry index). */
  readonly value: number;
}

/** `text[i]` is an upper-case letter or has no case (the test of a capitalised token). */
function isUpperOrUncased(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return !(c >= 97 && c <= 122);
  const ch = text[i] as string;
  return !hasCase(ch) || ch === ch.toUpperCase();
}

/** `text.slice(start, end)` is written as `raw`, curly apostrophes (’ ʼ) counting as straight ones; compared in place. */
function writtenAs(text: string, start: number, end: number, raw: string): boolean {
  if (end - start !== raw.length) return false;
  for (let k = 0; k < raw.length; k++) {
    const a = text.charCodeAt(start + k);
    const b = raw.charCodeAt(k);
    if (a !== b && !(isApostrophe(a) && isApostrophe(b))) return false;
  }
  return true;
}

function hasCase(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function caseRuleOf(raw: string, single: boolean): CaseRule {
  const letters = [...raw].filter(hasCase);
  if (!letters.length) return 0;
  const upper = letters.filter((ch) => ch === ch.toUpperCase()).length;
  if (upper === letters.length && letters.length >= 2) return 2;
  if (upper === 0) return single ? 2 : 0;
  return letters[0] === (letters[0] as string).toUpperCase() ? 1 : 0;
}

export interface NameMatcher {
  /** The longest registered name starting at `i` (a word start), or null. */
  matchAt(text: string, i: number, limit?: number): NameMatch | null;
  /** Every match in [from, to), left to right, non-overlapping. */
  findAll(text: string, from: number, to: number): NameMatch[];
  /** Exact lookup of a whole string (an outlet field), case-insensitive. */
  lookup(name: string): number | null;
  /** Number of distinct name keys. */
  readonly size: number;
}

export interface NameRegistration {
  readonly name: string;
  readonly value: number;
  /** Lower wins when two entries register the same key (names before aliases). */
  readonly priority: number;
}

/**
 * Compiles names into a first-token map. When two values register the same key, the
 * lower priority wins; ties keep the first registered, so the result is deterministic.
 */
export function compileNameMatcher(registrations: readonly NameRegistration[]): NameMatcher {
  const byFirst = new Map<string, Candidate[]>();
  const exact = new Map<string, { value: number; priority: number }>();
  // A table, not a Set: it is read for every lower-case letter of every article.
  const lowerInitials = new Uint8Array(128);
  const keys = new Map<string, Candidate>();
  for (const reg of registrations) {
    const tokens = tokenizeName(reg.name);
    if (!tokens.length) continue;
    const hadThe = tokens.length > 1 && tokens[0]?.norm === 'the';
    const body = hadThe ? tokens.slice(1) : tokens;
    const key = body.map((t) => t.norm).join(' ');
    const held = exact.get(key);
    if (!held || reg.priority < held.priority) exact.set(key, { value: reg.value, priority: reg.priority });
    const single = body.length === 1;
    const rules = body.map((t) => caseRuleOf(t.raw, single));
    // "TASS" (exact) and "Tass" (capitalised) are different candidates for one key.
    const caseKey = `${key}|${rules.map((r, t) => (r === 2 ? body[t]?.raw : r)).join(',')}`;
    const previous = keys.get(caseKey);
    if (previous && previous.priority <= reg.priority) continue;
    const candidate: Candidate = {
      norms: body.map((t) => t.norm),
      raws: body.map((t) => t.raw),
      rules,
      needsThe: hadThe && single,
      hadThe,
      value: reg.value,
      priority: reg.priority,
    };
    keys.set(caseKey, candidate);
  }
  // A bit set over the low FIRST_HASH_BITS bits of the hashes, not a Set<number>: most
  // int32 hashes are not small integers, so a Set boxes and hashes each probe. A false
  // positive only costs a `matchAt` that finds nothing.
  const firstHashes = new Uint32Array(1 << (FIRST_HASH_BITS - 5));
  for (const candidate of keys.values()) {
    const first = candidate.norms[0] as string;
    const hash = runHash(first, 0, first.length) & FIRST_HASH_MASK;
    firstHashes[hash >>> 5] = (firstHashes[hash >>> 5] as number) | (1 << (hash & 31));
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push(candidate);
    const initial = (candidate.raws[0] as string).charCodeAt(0);
    if (initial >= 97 && initial <= 122) lowerInitials[initial] = 1;
  }
  // Longest first, then by priority, so the greedy match is the most specific name.
  for (const list of byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length || a.priority - b.priority);
  // At a lower-case letter only a name whose first token is written in lower case can
  // match (a capitalised or exact first token fails the case test there).
  const lowerFirstWords: string[] = [];
  for (const candidate of keys.values()) {
    const initial = (candidate.raws[0] as string).charCodeAt(0);
    if (initial >= 97 && initial <= 122) lowerFirstWords.push(candidate.norms[0] as string);
  }
  const candidateChars = candidateCharsRegex(lowerFirstWords);

  // Compared in place, without slices or case-mapped copies: this runs for every token of
  // every candidate name tried.
  function caseOk(text: string, token: NameToken, rule: CaseRule, raw: string, useBase: boolean): boolean {
    if (rule === 0) return true;
    if (rule === 2) return writtenAs(text, token.start, useBase ? token.baseEnd : token.end, raw);
    return isUpperOrUncased(text, token.start);
  }

  // Token slots for matchAt (it never re-enters itself): slot t holds the name's t-th token.
  const slots: TokenSlot[] = [newSlot()];

  function matchAt(text: string, i: number, limit = text.length): NameMatch | null {
    const first = slots[0] as TokenSlot;
    if (!readNameTokenInto(text, i, limit, first)) return null;
    const list = byFirst.get(first.norm) ?? (first.baseNorm !== first.norm ? byFirst.get(first.baseNorm) : undefined);
    if (!list) return null;
    // Following tokens are read only when a candidate gets that far (most fail on the
    // second word), stopping for good at punctuation or a line break.
    let read = 1;
    let exhausted = false;
    for (let c = 0; c < list.length; c++) {
      const candidate = list[c] as Candidate;
      const n = candidate.norms.length;
      let ok = true;
      let end = 0;
      for (let t = 0; t < n && ok; t++) {
        while (!exhausted && read <= t) {
          if (slots.length <= read) slots.push(newSlot());
          if (readNextTokenInto(text, (slots[read - 1] as TokenSlot).end, limit, slots[read] as TokenSlot)) read++;
          else exhausted = true;
        }
        if (t >= read) {
          ok = false;
          break;
        }
        const token = slots[t] as TokenSlot;
        const want = candidate.norms[t] as string;
        const last = t === n - 1;
        let useBase = false;
        if (token.norm !== want) {
          if (last && token.baseNorm === want) useBase = true;
          else ok = false;
        }
        if (ok && !caseOk(text, token, candidate.rules[t] as CaseRule, candidate.raws[t] as string, useBase)) ok = false;
        if (ok && last) end = useBase ? token.baseEnd : token.end;
      }
      if (!ok) continue;
      let start = i;
      if (candidate.hadThe) {
        const before = precedingThe(text, i);
        if (before !== null) start = before;
        else if (candidate.needsThe) continue;
      }
      return { start, end, value: candidate.value };
    }
    return null;
  }

  /**
   * Whether a name may start at `i`: a word start whose first character is upper case, a
   * digit, a registered lower-case initial, or a letter without case.
   */
  function canStartAt(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    let tryHere: boolean;
    if (c >= 65 && c <= 90) tryHere = true;
    else if (c >= 48 && c <= 57) tryHere = true; // "24TV", "7 Days": the hash check keeps this cheap
    else if (c < 0x80) tryHere = c >= 97 && c <= 122 && lowerInitials[c] === 1;
    else if (c >= 0x2000 && c <= 0x206f) tryHere = false;
    else {
      tryHere = isWordCode(text, i) && isUpperOrUncased(text, i);
    }
    return tryHere && !(i > 0 && isWordCode(text, i - 1));
  }

  /** The first-word hash test: false when no registered name can start with the word at `i`. */
  function mayBeFirstWord(text: string, i: number, to: number): boolean {
    const hash = runHash(text, i, to) & FIRST_HASH_MASK;
    return ((firstHashes[hash >>> 5] as number) & (1 << (hash & 31))) !== 0;
  }

  function findAll(text: string, from: number, to: number): NameMatch[] {
    if (to === text.length && to - from >= REGEX_SCAN_MIN) return findAllToEnd(text, from);
    const matches: NameMatch[] = [];
    let i = from;
    // One pass over the characters; only word starts that can begin a name are tried.
    while (i < to) {
      if (!canStartAt(text, i)) {
        const c = text.charCodeAt(i);
        const wasWord = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
        i++;
        // The rest of an ASCII word cannot start a name: skip it in one tight loop.
        while (wasWord && i < to) {
          const d = text.charCodeAt(i);
          if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57)) i++;
          else break;
        }
        continue;
      }
      const match = mayBeFirstWord(text, i, to) ? matchAt(text, i, to) : null;
      if (match) {
        matches.push(match);
        i = match.end;
      } else {
        i++;
      }
    }
    return matches;
  }

  /**
   * `findAll` over [from, text.length), with the regex engine jumping from one possible
   * first character to the next: it skips lower-case words several times faster than a
   * char-code loop, and the positions it stops at get exactly the tests of the loop above,
   * so the matches are the same. Only for ranges that run to the end of the text: a regex
   * cannot stop at `to`, and scanning past it would make many short calls quadratic.
   */
  function findAllToEnd(text: string, from: number): NameMatch[] {
    const matches: NameMatch[] = [];
    const to = text.length;
    const scan = candidateChars;
    scan.lastIndex = from;
    // Every alternative of `candidateChars` matches one code unit, so it sits at lastIndex - 1.
    while (scan.test(text)) {
      const i = scan.lastIndex - 1;
      if (!canStartAt(text, i) || !mayBeFirstWord(text, i, to)) continue;
      const match = matchAt(text, i, to);
      if (match) {
        matches.push(match);
        scan.lastIndex = match.end;
      }
    }
    return matches;
  }

  return {
    matchAt,
    findAll,
    lookup(name) {
      return exact.get(nameKey(name))?.value ?? null;
    },
    size: keys.size,
  };
}

/**
 * Reads the name token after one ending at `j` into `out`, or returns false: between tokens only spaces, hyphens, a
 * plural possessive ("Students' News"), or a dot or colon inside a word ("Gazeta.ru",
 * "UA:First"); punctuation or a line break ends the name.
 */
function readNextTokenInto(text: string, j: number, limit: number, out: TokenSlot): boolean {
  if (j >= limit) return false;
  let k = j;
  const d = text.charCodeAt(k);
  if ((d === 0x2e || d === 0x3a) && k + 1 < limit && isWordCode(text, k + 1)) k++;
  else if (isApostrophe(d)) k++;
  while (k < limit && (isSpace(text.charCodeAt(k)) || isHyphen(text.charCodeAt(k)))) k++;
  if (k >= limit) return false;
  return readNameTokenInto(text, k, limit, out);
}

/** Start of a "the " / "The " directly before `i`, or null. */
function precedingThe(text: string, i: number): number | null {
  let k = i - 1;
  if (k < 0 || !isSpace(text.charCodeAt(k))) return null;
  while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
  const start = k - 3;
  if (start < 0) return null;
  // "the", "The" or "THE", compared without a slice.
  const t = text.charCodeAt(start);
  const h = text.charCodeAt(start + 1);
  const e = text.charCodeAt(start + 2);
  const isThe = (t === 0x74 || t === 0x54) && h === 0x68 && e === 0x65;
  if (!isThe && !(t === 0x54 && h === 0x48 && e === 0x45)) return null;
  if (start > 0 && isWordCode(text, start - 1)) return null;
  return start;
}
