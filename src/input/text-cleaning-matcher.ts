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
  readonly prefixes: { readonly entry: TextCleaningEntry; readonly pattern: string }[];
  readonly suffixes: { readonly entry: TextCleaningEntry; readonly pattern: string }[];
  readonly regexes: { readonly entry: TextCleaningEntry; readonly re: RegExp }[];
}

export interface TextCleaningMatcher {
  /** The first entry of `role` matching the trimmed line, or null. */
  match(line: string, role: TextCleaningRole): CleaningMatch | null;
}

function emptyRole(): CompiledRole {
  return { maxLength: 0, exactCs: new Map(), exactCi: new Map(), prefixes: [], suffixes: [], regexes: [] };
}

export function compileTextCleaning(lexicon: Lexicon<TextCleaningEntry>): TextCleaningMatcher {
  const roles = new Map<TextCleaningRole, CompiledRole>();
  for (const entry of lexicon.entries) {
    let role = roles.get(entry.role);
    if (!role) {
      role = emptyRole();
      roles.set(entry.role, role);
    }
    const limit = entry.maxLength ?? DEFAULT_MAX_LINE;
    (role as { maxLength: number }).maxLength = Math.max(role.maxLength, limit);
    const pattern = entry.caseSensitive ? entry.pattern : entry.pattern.toLowerCase();
    switch (entry.match) {
      case 'exact':
        (entry.caseSensitive ? role.exactCs : role.exactCi).set(pattern, entry);
        break;
      case 'prefix':
        role.prefixes.push({ entry, pattern });
        break;
      case 'suffix':
        role.suffixes.push({ entry, pattern });
        break;
      case 'regex':
        role.regexes.push({ entry, re: new RegExp(entry.pattern, entry.caseSensitive ? 'u' : 'iu') });
        break;
    }
  }

  return {
    match(line, roleName) {
      const role = roles.get(roleName);
      if (!role || line.length > role.maxLength || !line) return null;
      const fits = (entry: TextCleaningEntry) => line.length <= (entry.maxLength ?? DEFAULT_MAX_LINE);
      const lower = line.toLowerCase();
      const exact = role.exactCs.get(line) ?? role.exactCi.get(lower);
      if (exact && fits(exact)) return { entry: exact, value: '' };
      for (const { entry, pattern } of role.prefixes) {
        if (fits(entry) && (entry.caseSensitive ? line : lower).startsWith(pattern)) {
          return { entry, value: line.slice(pattern.length).trim() };
        }
      }
      for (const { entry, pattern } of role.suffixes) {
        if (fits(entry) && (entry.caseSensitive ? line : lower).endsWith(pattern)) {
          return { entry, value: line.slice(line.length - pattern.length).trim() };
        }
      }
      for (const { entry, re } of role.regexes) {
        if (!fits(entry)) continue;
        const m = re.exec(line);
        if (m) return { entry, value: (m[1] ?? m[0]).trim() };
      }
      return null;
    },
  };
}
