/**
 * Entry schema of `text-cleaning` lexicons: the line patterns that plain-text structuring
 * uses to recognise header lines, page chrome, caption credits and credit lines.
 *
 * Every entry matches one whole, trimmed line (or paragraph) in one of four ways:
 * - `exact`: the line equals `pattern`;
 * - `prefix`: the line starts with `pattern` (the rest is the entry's value, e.g. the date
 *   after "Published:");
 * - `suffix`: the line ends with `pattern` (caption credits such as " IRNA");
 * - `regex`: a JavaScript regular expression that must be anchored (`^…` or `…$`) and
 *   free of nested quantifiers and back-references, so matching stays linear on hostile
 *   text. For value-bearing roles its first capture group is the value.
 * Matching ignores case unless `caseSensitive` is true.
 */
import { z } from 'zod';

export const TextCleaningRoleSchema = z.enum([
  /** Site furniture saved with the article: removed with reason `page-chrome`. */
  'page-chrome',
  /** A header line carrying the article's id ("News ID: 12345"): removed as `metadata`. */
  'id-line',
  /** A header line carrying the publication time: removed as `metadata`, parsed into `published`. */
  'published-line',
  /** A byline ("By Jane Roe"): kept as a `byline` block and copied into `byline`. */
  'byline-line',
  /** The credit at the end of a photo caption ("… IRNA", "(AP Photo/…)"). */
  'caption-credit',
  /** A line crediting contributors or agencies ("X contributed to this story"). */
  'credit-line',
]);
export type TextCleaningRole = z.infer<typeof TextCleaningRoleSchema>;

export const TextCleaningMatchSchema = z.enum(['exact', 'prefix', 'suffix', 'regex']);
export type TextCleaningMatch = z.infer<typeof TextCleaningMatchSchema>;

/**
 * Why a pattern could make matching slow or wrong, or null when it is safe: it must compile,
 * be anchored, and have no quantified group that itself contains a quantifier
 * (`(a+)+`, `(\w*\s)*`), which is what makes backtracking exponential.
 */
export function unsafeRegexReason(pattern: string): string | null {
  if (pattern.length > 300) return 'is longer than 300 characters';
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!pattern.startsWith('^') && !pattern.endsWith('$')) return 'must be anchored with ^ at the start or $ at the end';
  if (/\\[1-9]|\\k</.test(pattern)) return 'must not use back-references';
  // One pass over the pattern, tracking for each open group whether it holds a quantifier.
  const stack: boolean[] = [];
  // Alternatives inside a repeated group can overlap (`(a|aa)+`, `(?:\w|\d)+`): exponential too.
  const alternation: boolean[] = [];
  let inClass = false;
  let lastClosedGroupHadQuantifier = false;
  let lastClosedGroupHadAlternation = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      lastClosedGroupHadQuantifier = false;
      lastClosedGroupHadAlternation = false;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      lastClosedGroupHadQuantifier = false;
      lastClosedGroupHadAlternation = false;
    } else if (ch === '(') {
      stack.push(false);
      alternation.push(false);
      lastClosedGroupHadQuantifier = false;
      lastClosedGroupHadAlternation = false;
    } else if (ch === '|') {
      if (alternation.length) alternation[alternation.length - 1] = true;
      lastClosedGroupHadQuantifier = false;
      lastClosedGroupHadAlternation = false;
    } else if (ch === ')') {
      lastClosedGroupHadQuantifier = stack.pop() ?? false;
      lastClosedGroupHadAlternation = alternation.pop() ?? false;
      // A group with a quantifier inside marks its parent too: `((a+)b)+` is as bad.
      if (lastClosedGroupHadQuantifier && stack.length) stack[stack.length - 1] = true;
      continue;
    } else if (ch === '*' || ch === '+' || ch === '{' || (ch === '?' && pattern[i - 1] !== '(')) {
      const unbounded = ch === '*' || ch === '+' || (ch === '{' && /^\{\d*,\}/.test(pattern.slice(i, i + 12)));
      if (lastClosedGroupHadQuantifier && (unbounded || ch === '{')) return 'must not repeat a group that itself contains a quantifier (nested quantifiers)';
      if (lastClosedGroupHadAlternation && (unbounded || ch === '{')) return 'must not repeat a group of alternatives (they may overlap, which backtracks exponentially)';
      if (stack.length) stack[stack.length - 1] = true;
    } else {
      lastClosedGroupHadQuantifier = false;
      lastClosedGroupHadAlternation = false;
    }
  }
  return null;
}

export const TextCleaningEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    role: TextCleaningRoleSchema,
    match: TextCleaningMatchSchema,
    pattern: z.string().min(1),
    caseSensitive: z.boolean().default(false),
    /** Lines longer than this are never matched (chrome is short; default 160 characters). */
    maxLength: z.number().int().positive().optional(),
    /**
     * Caption credits only: also recognise a caption as a paragraph of its own anywhere in
     * the body, not just right after the headline (for unmistakable credits like "AP Photo/").
     */
    anywhere: z.boolean().default(false),
    /**
     * Regex entries only, a speed hint: the regex is tried only on lines containing one of
     * these strings (compared with the case rule of the entry), so most lines cost an
     * `includes` instead of a regex scan.
     */
    requires: z.array(z.string().min(1)).min(1).optional(),
    note: z.string().min(1),
    source: z.string().optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.match === 'regex') {
      const reason = unsafeRegexReason(entry.pattern);
      if (reason) ctx.addIssue({ code: 'custom', path: ['pattern'], message: `regex ${reason}` });
    } else if (entry.requires) {
      ctx.addIssue({ code: 'custom', path: ['requires'], message: '"requires" applies to regex entries only' });
    } else if (entry.pattern.trim() !== entry.pattern && entry.match === 'exact') {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'exact patterns are compared with trimmed lines, so must not start or end with spaces' });
    }
  });
export type TextCleaningEntry = z.infer<typeof TextCleaningEntrySchema>;
