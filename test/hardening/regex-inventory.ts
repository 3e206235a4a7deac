/**
 * Every regular expression in `src/`, found with the TypeScript parser (regex literals
 * and `new RegExp('literal')`), a static check for the shapes that backtrack
 * catastrophically, and adversarial inputs built from each pattern's own characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './helpers.js';

export interface FoundRegex {
  /** `src/…/file.ts:line`. */
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

export function findSourceRegexes(): { found: FoundRegex[]; dynamic: string[] } {
  const found: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const file of listTs(join(repoRoot, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(repoRoot, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const slash = literal.lastIndexOf('/');
        found.push({ where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && ts.isStringLiteralLike(pattern) && (!flags || ts.isStringLiteralLike(flags))) {
          found.push({ where: where(node), source: pattern.text, flags: flags && ts.isStringLiteralLike(flags) ? flags.text : '' });
        } else {
          dynamic.push(where(node));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { found, dynamic };
}

/**
 * Why a pattern may backtrack catastrophically, or null. Flags (1) a quantified group
 * that contains a quantifier (`(a+)+`, `(\s*x)*`: star height 2) and (2) a quantified
 * group with an alternation (`(a|aa)+`), whose branches may overlap. Both can be safe
 * (`(?:[a-z]+\.)+` is unambiguous), so a flag sends the pattern to the dynamic check.
 */
export function nestedQuantifierReason(source: string): string | null {
  interface Group { hasQuantifier: boolean; hasAlternation: boolean }
  const stack: Group[] = [];
  let inClass = false;
  let closed: Group | null = null;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      i++;
      closed = null;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    const quantifier = ch === '*' || ch === '+' || ch === '?' || (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i)));
    const isLazyOrGroupMark = ch === '?' && (source[i - 1] === '(' || source[i - 1] === '*' || source[i - 1] === '+' || source[i - 1] === '?' || source[i - 1] === '}');
    if (quantifier && !isLazyOrGroupMark) {
      const repeats = ch === '*' || ch === '+' || (ch === '{' && !/^\{(\d+)\}/.test(source.slice(i)) && !/^\{0,1\}/.test(source.slice(i)));
      if (closed && repeats) {
        if (closed.hasQuantifier) return 'a repeated group contains a quantifier (nested quantifiers)';
        if (closed.hasAlternation) return 'a repeated group contains an alternation (branches may overlap)';
      }
      const top = stack[stack.length - 1];
      if (top) top.hasQuantifier = true;
      if (ch === '{') i = source.indexOf('}', i);
      closed = null;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      closed = null;
    } else if (ch === '(') {
      stack.push({ hasQuantifier: false, hasAlternation: false });
      closed = null;
    } else if (ch === ')') {
      closed = stack.pop() ?? null;
      const parent = stack[stack.length - 1];
      if (closed && parent) {
        parent.hasQuantifier ||= closed.hasQuantifier;
      }
    } else if (ch === '|') {
      const top = stack[stack.length - 1];
      if (top) top.hasAlternation = true;
      closed = null;
    } else {
      closed = null;
    }
  }
  return null;
}

const BASE_ALPHABET = ['a', 'A', 'z', '0', '9', ' ', '.', ',', '-', '_', "'", '"', '“', '”', '’', ':', ';', '/', '\\', '\n', '\r', '\t', 'é', '\u00a0', '(', ')', '<', '>', '&', '#', '=', '+', '@', '!', '?', '*', '|', '[', ']', '{', '}', '%', '\u0000', '\uD800'];

/** Characters written literally in the pattern (outside escapes that name classes). */
function literalChars(source: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next && !/[dDwWsSbBpPuxcnrtfv0-9k]/.test(next)) out.add(next);
      if (next === 'n') out.add('\n');
      if (next === 't') out.add('\t');
      i++;
      continue;
    }
    if (!'()[]{}|*+?^$'.includes(ch)) out.add(ch);
  }
  return [...out];
}

/** Words of two or more letters written in the pattern ("GMT", "Published"). */
function literalWords(source: string): string[] {
  return [...new Set(source.replace(/\\./g, ' ').match(/[A-Za-z]{2,}/g) ?? [])].slice(0, 12);
}

/**
 * Strings that make backtracking regexes blow up: long runs of one character and of
 * pairs drawn from the pattern's own characters, and its own words repeated, each
 * followed by a character that makes the overall match fail.
 */
export function adversarialInputs(source: string, length: number): string[] {
  const own = literalChars(source).slice(0, 16);
  const alphabet = [...new Set([...BASE_ALPHABET, ...own])];
  const pairChars = [...new Set([...own, 'a', ' ', '.', '0'])];
  const inputs: string[] = [];
  for (const c of alphabet) {
    inputs.push(c.repeat(length) + '\u0000');
    inputs.push('\u0000' + c.repeat(length) + '\u0000');
  }
  for (const a of pairChars) for (const b of pairChars) if (a !== b) inputs.push((a + b).repeat(length / 2) + '\u0000');
  for (const word of literalWords(source)) {
    for (const sep of [' ', '', '.', ', ', '\n']) inputs.push((word + sep).repeat(Math.ceil(length / (word.length + sep.length))) + '\u0000');
  }
  return inputs;
}
