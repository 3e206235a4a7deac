/**
 * The `text-cleaning` lexicon compiled once into per-role lookups: exact lines in maps,
 * prefixes and suffixes as plain string comparisons, and the few anchored regexes. A line
 * longer than the longest `maxLength` of a role is rejected before any comparison, so
 * long paragraphs cost one length check per role.
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
  readonly prefixes: Map<string, { readonly entry: TextCleaningEntry; readonly pattern: string }[]>;
  readonly suffixes: Map<string, { readonly entry: TextCleaningEntry; readonly pattern: string }[]>;
  readonly regexes: { readonly entry: TextCleaningEntry; readonly re: RegExp; readonly requires: readonly string[] | null }[];
}

export interface TextCleaningMatcher {
  /**
   * The first entry of `role` matching the trimmed line, or null. `anywhereOnly` limits
   * caption credits to those marked `anywhere` (captions in the middle of the body).
   */
  match(line: string, role: TextCleaningRole, options?: { readonly anywhereOnly?: boolean }): CleaningMatch | null;
}

function emptyRole(): CompiledRole {
  return { maxLength: 0, exactCs: new Map(), exactCi: new Map(), exactLengths: new Uint8Array(0), prefixes: new Map(), suffixes: new Map(), regexes: [] };
}

function addToBucket<T>(buckets: Map<string, T[]>, key: string, value: T): void {
  const bucket = buckets.get(key);
  if (bucket) bucket.push(value);
  else buckets.set(key, [value]);
}

export function compileTextCleaning(lexicon: Lexicon<TextCleaningEntry>): TextCleaningMatcher {
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
        addToBucket(role.prefixes, pattern.charAt(0).toLowerCase(), { entry, pattern });
        break;
      case 'suffix':
        addToBucket(role.suffixes, pattern.charAt(pattern.length - 1).toLowerCase(), { entry, pattern });
        break;
      case 'regex':
        role.regexes.push({
          entry,
          re: new RegExp(entry.pattern, entry.caseSensitive ? 'u' : 'iu'),
          requires: entry.requires ? entry.requires.map((r) => (entry.caseSensitive ? r : r.toLowerCase())) : null,
        });
        break;
    }
  }

  for (const role of roles.values()) {
    const lengths = [...role.exactCs.keys(), ...role.exactCi.keys()].map((key) => key.length);
    const table = new Uint8Array(Math.max(0, ...lengths) + 1);
    for (const length of lengths) table[length] = 1;
    (role as { exactLengths: Uint8Array }).exactLengths = table;
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

  return {
    match(line, roleName, options) {
      const role = options?.anywhereOnly ? anywhereRoles.get(roleName) : roles.get(roleName);
      if (!role || !line || line.length > role.maxLength) return null;
      const fits = (entry: TextCleaningEntry): boolean => line.length <= (entry.maxLength ?? DEFAULT_MAX_LINE);
      const lower = lowerOf(line);
      const lengths = role.exactLengths;
      // `lower` may differ in length from `line` (a few non-ASCII letters): check both lengths.
      const exact = (lengths[line.length] === 1 ? role.exactCs.get(line) : undefined)
        ?? (lengths[lower.length] === 1 ? role.exactCi.get(lower) : undefined);
      if (exact && fits(exact)) return { entry: exact, value: '' };
      for (const { entry, pattern } of role.prefixes.get(lower.charAt(0)) ?? []) {
        if (fits(entry) && (entry.caseSensitive ? line : lower).startsWith(pattern)) {
          return { entry, value: line.slice(pattern.length).trim() };
        }
      }
      for (const { entry, pattern } of role.suffixes.get(lower.charAt(lower.length - 1)) ?? []) {
        if (fits(entry) && (entry.caseSensitive ? line : lower).endsWith(pattern)) {
          return { entry, value: line.slice(line.length - pattern.length).trim() };
        }
      }
      for (const { entry, re, requires } of role.regexes) {
        if (!fits(entry)) continue;
        if (requires) {
          const haystack = entry.caseSensitive ? line : lower;
          let found = false;
          for (let r = 0; r < requires.length && !found; r++) found = haystack.includes(requires[r] as string);
          if (!found) continue;
        }
        const m = re.exec(line);
        if (m) return { entry, value: (m[1] ?? m[0]).trim() };
      }
      return null;
    },
  };
}
