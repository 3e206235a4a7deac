/**
 * The `text-cleaning` lexicon compiled once into per-role lookups: exact lines in maps,
 * prefixes and suffixes as plain string comparisons, and the few anchored regexes. A line
 * longer than the longest `maxLength` of a role is rejected before any comparison, so
 * long paragraphs cost one length check per role.
 *
 * A line is lower-cased only when a comparison needs it: exact keys, prefixes and
 * suffixes written in ASCII (all of the shipped lexicon) are compared with ASCII case
 * folding on the line itself, which gives the same answer as comparing its lower-cased copy
 * (see `foldedEquals`), and most lines never need the copy.
 */
import type { Lexicon } from '../lexicon/file.js';
import type { TextCleaningEntry, TextCleaningRole } from '../lexicon/kinds/text-cleaning.js';

/** Lines longer than this are never matched unless an entry says otherwise. */
export const DEFAULT_MAX_LINE = 160;

export interface CleaningMatch {
  readonly entry: TextCleaningEntry;
  /** What follows the prefix, or the regex's first capture group (the id, date or name). */
  readonly value: string;
}

interface Affix {
  readonly entry: TextCleaningEntry;
  readonly pattern: string;
  /** Case-insensitive and ASCII: compared by folding, without the lower-cased line. */
  readonly folded: boolean;
}

/**
 * An entry's `requires`, shared by the entries that list the same strings with the same
 * case rule ("Photo" in two caption credits, "contributed" in two credit lines), with the
 * answer for the last line asked: the structurer asks about one line for several entries
 * and roles in a row, and each answer is a scan of the whole line.
 */
interface RequiresTest {
  readonly strings: readonly string[];
  readonly caseSensitive: boolean;
  /**
   * For case-insensitive strings, a non-Unicode `/…/i` search giving the same answer as
   * searching the lower-cased line (see `caselessSearch`), or null when only the
   * lower-cased line can tell: the line is then not lower-cased just for this test.
   */
  readonly caseless: RegExp | null;
  lastLine: string;
  lastFound: boolean;
}

interface CompiledRegex {
  readonly entry: TextCleaningEntry;
  readonly re: RegExp;
  readonly requires: RequiresTest | null;
  /** The characters a line must start with for the (start-anchored) regex to match, or null. */
  readonly lead: LeadGate | null;
}

interface CompiledRole {
  readonly maxLength: number;
  readonly exactCs: Map<string, TextCleaningEntry>;
  readonly exactCi: Map<string, TextCleaningEntry>;
  /**
   * Lengths of the exact keys (1 at a key's length): most lines have a length no exact key
   * has, and skip the two map probes (each hashes the whole line the first time).
   */
  readonly exactLengths: Uint8Array;
  /** Prefix entries bucketed by the lower-cased first character, suffix entries by the last. */
  readonly prefixes: Map<string, Affix[]>;
  readonly suffixes: Map<string, Affix[]>;
  /** Every case-insensitive exact key is ASCII: a line of another length cannot be one. */
  readonly exactCiAscii: boolean;
  readonly regexes: CompiledRegex[];
}

export interface TextCleaningMatcher {
  /**
   * The first entry of `role` matching the trimmed line, or null. `anywhereOnly` limits
   * caption credits to those marked `anywhere` (captions in the middle of the body).
   */
  match(line: string, role: TextCleaningRole, options?: { readonly anywhereOnly?: boolean }): CleaningMatch | null;
  /**
   * `match` with the role fixed: the role is looked up once, not on each of the several
   * calls per line the structurer makes.
   */
  forRole(role: TextCleaningRole, options?: { readonly anywhereOnly?: boolean }): (line: string) => CleaningMatch | null;
}

function emptyRole(): CompiledRole {
  return { maxLength: 0, exactCs: new Map(), exactCi: new Map(), exactLengths: new Uint8Array(0), prefixes: new Map(), suffixes: new Map(), exactCiAscii: true, regexes: [] };
}

function addToBucket<T>(buckets: Map<string, T[]>, key: string, value: T): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(value);
  else buckets.set(key, [value]);
}

export function compileTextCleaning(lexicon: Lexicon<TextCleaningEntry>): TextCleaningMatcher {
  const requiresTests = new Map<string, RequiresTest>();
  const requiresTestOf = (list: readonly string[], caseSensitive: boolean): RequiresTest => {
    const strings = list.map((r) => (caseSensitive ? r : r.toLowerCase()));
    const key = JSON.stringify([caseSensitive, strings]);
    let test = requiresTests.get(key);
    if (!test) {
      test = { strings, caseSensitive, caseless: caseSensitive ? null : caselessSearch(strings), lastLine: '', lastFound: false };
      requiresTests.set(key, test);
    }
    return test;
  };
  // Keys are roles, plus `caption-credit/anywhere` for the caption credits valid anywhere.
  const roles = new Map<string, CompiledRole>();
  const targets = (entry: TextCleaningEntry): string[] =>
    entry.role === 'caption-credit' && entry.anywhere ? [entry.role, `${entry.role}/anywhere`] : [entry.role];
  for (const entry of lexicon.entries) for (const key of targets(entry)) {
    let role = roles.get(key);
    if (!role) {
      role = emptyRole();
      roles.set(key, role);
    }
    const limit = entry.maxLength ?? DEFAULT_MAX_LINE;
    (role as { maxLength: number }).maxLength = Math.max(role.maxLength, limit);
    const pattern = entry.caseSensitive ? entry.pattern : entry.pattern.toLowerCase();
    switch (entry.match) {
      case 'exact':
        (entry.caseSensitive ? role.exactCs : role.exactCi).set(pattern, entry);
        break;
      case 'prefix':
        addToBucket(role.prefixes, pattern.charAt(0).toLowerCase(), { entry, pattern, folded: !entry.caseSensitive && isAscii(pattern) });
        break;
      case 'suffix':
        addToBucket(role.suffixes, pattern.charAt(pattern.length - 1).toLowerCase(), { entry, pattern, folded: !entry.caseSensitive && isAscii(pattern) });
        break;
      case 'regex': {
        role.regexes.push({
          entry,
          re: new RegExp(entry.pattern, entry.caseSensitive ? 'u' : 'iu'),
          requires: entry.requires ? requiresTestOf(entry.requires, entry.caseSensitive) : null,
          lead: leadGateOf(entry.pattern, entry.caseSensitive),
        });
        break;
      }
    }
  }

  for (const role of roles.values()) {
    const lengths = [...role.exactCs.keys(), ...role.exactCi.keys()].map((key) => key.length);
    const table = new Uint8Array(Math.max(0, ...lengths) + 1);
    for (const length of lengths) table[length] = 1;
    (role as { exactLengths: Uint8Array }).exactLengths = table;
    (role as { exactCiAscii: boolean }).exactCiAscii = [...role.exactCi.keys()].every(isAscii);
  }
  // `caption-credit` + anywhere → `caption-credit/anywhere`, without building the key per call.
  const anywhereRoles = new Map<string, CompiledRole>();
  for (const [key, role] of roles) if (key.endsWith('/anywhere')) anywhereRoles.set(key.slice(0, -'/anywhere'.length), role);

  // The structurer asks about one line for several roles in a row: lower-case it once.
  let lastLine = '';
  let lastLower = '';
  const lowerOf = (line: string): string => {
    if (line !== lastLine) {
      lastLine = line;
      lastLower = line.toLowerCase();
    }
    return lastLower;
  };

  const requiresFound = (test: RequiresTest, line: string): boolean => {
    // `line` is never empty here, so the initial '' never answers for a real line.
    if (test.lastLine === line) return test.lastFound;
    let found = false;
    if (test.caseless !== null) found = test.caseless.test(line);
    else {
      const haystack = test.caseSensitive ? line : lowerOf(line);
      for (let r = 0; r < test.strings.length && !found; r++) found = haystack.includes(test.strings[r] as string);
    }
    test.lastLine = line;
    test.lastFound = found;
    return found;
  };

  /**
   * The lower-case character the line starts (`last` false) or ends with, as `lower.charAt`
   * would give it: ASCII directly, anything else from the lower-cased line.
   */
  const edgeLower = (line: string, last: boolean): string => {
    const code = line.charCodeAt(last ? line.length - 1 : 0);
    if (code < 0x80) return ASCII_LOWER[code] as string;
    const lower = lowerOf(line);
    return lower.charAt(last ? lower.length - 1 : 0);
  };

  const roleOf = (roleName: TextCleaningRole, options?: { readonly anywhereOnly?: boolean }): CompiledRole | undefined =>
    options?.anywhereOnly === true ? anywhereRoles.get(roleName) : roles.get(roleName);

  const matchRole = (line: string, role: CompiledRole | undefined): CleaningMatch | null => {
    if (role === undefined || line.length === 0 || line.length > role.maxLength) return null;
    const length = line.length;
    const lengths = role.exactLengths;
    let exact = lengths[length] === 1 ? role.exactCs.get(line) : undefined;
    if (exact === undefined && role.exactCi.size > 0) {
      // `lower` may differ in length from `line` (U+0130 lower-cases to two characters), but
      // then it is not ASCII, so with ASCII keys only a line of a key's length can be one.
      if (role.exactCiAscii) {
        if (lengths[length] === 1) exact = role.exactCi.get(lowerOf(line));
      } else {
        const lower = lowerOf(line);
        if (lengths[lower.length] === 1) exact = role.exactCi.get(lower);
      }
    }
    if (exact !== undefined && fits(line, exact)) return { entry: exact, value: '' };
    if (role.prefixes.size > 0) {
      const bucket = role.prefixes.get(edgeLower(line, false));
      if (bucket !== undefined) {
        for (const { entry, pattern, folded } of bucket) {
          if (!fits(line, entry)) continue;
          const hit = entry.caseSensitive ? line.startsWith(pattern) : folded ? (foldedEquals(line, 0, pattern) ?? lowerOf(line).startsWith(pattern)) : lowerOf(line).startsWith(pattern);
          if (hit) return { entry, value: line.slice(pattern.length).trim() };
        }
      }
    }
    if (role.suffixes.size > 0) {
      const bucket = role.suffixes.get(edgeLower(line, true));
      if (bucket !== undefined) {
        for (const { entry, pattern, folded } of bucket) {
          if (!fits(line, entry)) continue;
          const hit = entry.caseSensitive ? line.endsWith(pattern) : folded ? (foldedEquals(line, length - pattern.length, pattern) ?? lowerOf(line).endsWith(pattern)) : lowerOf(line).endsWith(pattern);
          if (hit) return { entry, value: line.slice(length - pattern.length).trim() };
        }
      }
    }
    for (const { entry, re, requires, lead } of role.regexes) {
      if (!fits(line, entry)) continue;
      if (lead !== null && !leadAllows(lead, line.charCodeAt(0))) continue;
      if (requires !== null && !requiresFound(requires, line)) continue;
      const m = re.exec(line);
      if (m) return { entry, value: (m[1] ?? m[0]).trim() };
    }
    return null;
  };

  return {
    match: (line, roleName, options) => matchRole(line, roleOf(roleName, options)),
    forRole(roleName, options) {
      const role = roleOf(roleName, options);
      return (line) => matchRole(line, role);
    },
  };
}

function fits(line: string, entry: TextCleaningEntry): boolean {
  return line.length <= (entry.maxLength ?? DEFAULT_MAX_LINE);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * A regex finding any of the lower-case `strings` in a line exactly when
 * `line.toLowerCase()` contains one, or null. A non-Unicode `i` regex matches an ASCII
 * letter only in its two ASCII cases, and lower-casing maps only two non-ASCII characters
 * to anything holding ASCII: U+212A to "k" and U+0130 to "i" plus a combining dot. So for
 * ASCII strings without "k" and not ending in "i", both searches agree; the regex needs
 * no lower-cased copy of the line (about half of all body text was lower-cased for this).
 */
function caselessSearch(strings: readonly string[]): RegExp | null {
  if (strings.length === 0 || !strings.every((s) => s.length > 0 && isAscii(s) && !s.includes('k') && !s.endsWith('i'))) return null;
  return new RegExp(strings.map(escapeRegex).join('|'), 'i');
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

const ASCII_LOWER: readonly string[] = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code).toLowerCase());

/**
 * Whether `line.toLowerCase()` has the lower-case ASCII `pattern` at `at` (counted from the
 * start for a prefix, `line.length - pattern.length` for a suffix), or undefined when a
 * non-ASCII character of the line is compared: then only the lower-cased line can tell
 * (U+212A lower-cases to "k", U+0130 to "i" and a combining dot). Comparing ASCII characters
 * of `line` one by one is the same as comparing its lower-cased copy: each lower-cases to one
 * character in place, and a non-ASCII character earlier in the line cannot shift a prefix
 * (nothing before it) or a suffix made of ASCII (a longer lower-case form ends in non-ASCII).
 */
function foldedEquals(line: string, at: number, pattern: string): boolean | undefined {
  if (at < 0) return false;
  for (let k = 0; k < pattern.length; k++) {
    let code = line.charCodeAt(at + k);
    if (code >= 0x80) return undefined;
    if (code >= 65 && code <= 90) code |= 0x20;
    if (code !== pattern.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * First characters a start-anchored regex can match: ASCII ones in a table, others listed;
 * `anyNonAscii` when a case-insensitive (Unicode) regex may fold some non-ASCII character
 * (U+017F, U+212A …) to its letters.
 */
interface LeadGate {
  readonly ascii: Uint8Array;
  readonly other: string;
  readonly anyNonAscii: boolean;
}

function leadAllows(gate: LeadGate, code: number): boolean {
  if (code < 0x80) return gate.ascii[code] === 1;
  return gate.anyNonAscii || gate.other.includes(String.fromCharCode(code));
}

const REGEX_SPECIAL = '\\^$.|?*+()[]{}';

/**
 * A conservative reading of a regex's first character, to skip lines that cannot match
 * without running it: only patterns that start with `^` then optional escaped punctuation
 * (`\\(?`) and a literal character or a group of alternatives that each start with one
 * (`^(?:Source|Via):`). Anything else gives null, and the regex always runs.
 */
function leadGateOf(pattern: string, caseSensitive: boolean): LeadGate | null {
  if (!pattern.startsWith('^')) return null;
  const chars: string[] = [];
  let p = 1;
  // Optional escaped punctuation: "\\(?".
  while (pattern[p] === '\\' && pattern[p + 1] !== undefined && !/[A-Za-z0-9]/.test(pattern[p + 1] as string) && pattern[p + 2] === '?') {
    chars.push(pattern[p + 1] as string);
    p += 3;
  }
  const literalAt = (k: number): string | null => {
    const ch = pattern[k];
    if (ch === undefined || REGEX_SPECIAL.includes(ch)) return null;
    // A quantified first character may be absent.
    const next = pattern[k + 1];
    if (next === '?' || next === '*' || next === '{') return null;
    // A surrogate pair is one character under the `u` flag: no gate.
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return null;
    return ch;
  };
  if (pattern.startsWith('(?:', p)) {
    // Alternatives up to the matching ")" at depth 0, each starting with a literal.
    let depth = 0;
    let start = p + 3;
    let k = start;
    for (; k < pattern.length; k++) {
      const ch = pattern[k];
      if (ch === '\\') {
        k++;
        continue;
      }
      if (ch === '[') return null;
      if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) break;
        depth--;
      } else if (ch === '|' && depth === 0) {
        const first = literalAt(start);
        if (first === null) return null;
        chars.push(first);
        start = k + 1;
      }
    }
    if (k >= pattern.length) return null;
    const last = literalAt(start);
    if (last === null || start >= k) return null;
    chars.push(last);
    const after = pattern[k + 1];
    if (after === '?' || after === '*' || after === '{') return null;
  } else {
    const first = literalAt(p);
    if (first === null) return null;
    chars.push(first);
  }
  return gateOfChars(chars, caseSensitive);
}

/** The gate letting through exactly `chars` (and their case variants, and any non-ASCII character a case-insensitive Unicode regex may fold to them). */
function gateOfChars(chars: readonly string[], caseSensitive: boolean): LeadGate {
  const ascii = new Uint8Array(128);
  let other = '';
  let anyNonAscii = false;
  for (const ch of chars) {
    const variants = caseSensitive ? [ch] : [ch, ch.toLowerCase(), ch.toUpperCase()];
    if (!caseSensitive && ch.toLowerCase() !== ch.toUpperCase()) anyNonAscii = true;
    for (const v of variants) {
      const code = v.charCodeAt(0);
      if (v.length === 1 && code < 0x80) ascii[code] = 1;
      else if (v.length === 1) other += v;
      else anyNonAscii = true;
    }
  }
  return { ascii, other, anyNonAscii };
}
