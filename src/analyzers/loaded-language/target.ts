/**
 * Whom a loaded term is aimed at, read from the words around it with a few positional
 * rules (no parser): the modifier before it ("US assassination", "the Daesh terrorist
 * group"), the possessor ("Washington's malicious, terrorist and destabilizing actions",
 * also a repaired "Washingtons"), the noun after it ("the evil US"), a prepositional
 * owner ("the regime in Tehran", "acts of terror by the US"), an apposition ("Hezbollah,
 * the terrorist group"), an object of labelling ("branded Hezbollah a terrorist group")
 * and the subject of a copula ("Hamas is a terrorist organisation"). Targets are entity
 * ids; when the words show an actor the gazetteer does not know (a pronoun possessor,
 * a capitalized name), the term counts as aimed but the target stays null.
 */
import type { Token } from '../../document/types.js';
import type { EntityMention } from '../types.js';
import { COPULAS, DETERMINERS, LINKS, POSSESSIVE_PRONOUNS, isQuoteMark, isWord } from './words.js';

export interface TargetContext {
  readonly tokens: readonly Token[];
  /** Mentions sorted by token, never overlapping (as the entity finder returns them). */
  readonly mentions: readonly EntityMention[];
  /** Token ranges of the matched loaded terms, sorted: [start0, end0, start1, end1, …]. */
  readonly loaded: readonly number[];
  /** The entity kind of an entity id (`person`, `country`, …). */
  readonly kindOf: (entity: string) => string;
}

export interface TargetResult {
  readonly entity: string | null;
  /** True when some actor was found, even one the gazetteer does not know. */
  readonly aimed: boolean;
  /** How it was found: `modifier`, `possessor`, `head`, `of`, `apposition`, `object`, `subject`. */
  readonly via: string | null;
}

const NONE: TargetResult = { entity: null, aimed: false, via: null };
/** Words (not marks) walked over on the way to a possessor. */
const MAX_SKIP = 6;
/** Tokens (marks included) walked over at most, whatever they are. */
const MAX_STEPS = 24;
/** Words between a subject and its copula: "X has been", "X would be", "X is still". */
const AUXILIARIES: ReadonlySet<string> = new Set(['has', 'have', 'had', 'will', 'would', 'may', 'might', 'must', 'could', 'should', 'still', 'also', 'not', "n't"]);
/** Mentions looked back over for a pronoun's owner. */
const MAX_PRONOUN_LOOKBACK = 12;

export function createTargetContext(tokens: readonly Token[], mentions: readonly EntityMention[], loaded: readonly number[], kindOf: (entity: string) => string): TargetContext {
  return { tokens, mentions, loaded, kindOf };
}

/** Index of the last range in a sorted flat [start, end, …] list that starts at or before `t`, or -1. */
function rangeBefore(starts: (k: number) => number, count: number, t: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts(mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

// Binary searches instead of per-token arrays: a document has few mentions and terms, and
// allocating per-token tables for every document cost more than the matching itself.
function entityAt(ctx: TargetContext, t: number): string | null {
  const k = rangeBefore((m) => (ctx.mentions[m] as EntityMention).tokenStart, ctx.mentions.length, t);
  const mention = ctx.mentions[k];
  return mention && t < mention.tokenEnd ? mention.entity : null;
}

function isLoadedAt(ctx: TargetContext, t: number): boolean {
  const k = rangeBefore((m) => ctx.loaded[2 * m] as number, ctx.loaded.length / 2, t);
  return k >= 0 && t < (ctx.loaded[2 * k + 1] as number);
}

function sameSentence(ctx: TargetContext, a: number, b: number): boolean {
  const ta = ctx.tokens[a];
  const tb = ctx.tokens[b];
  return ta !== undefined && tb !== undefined && ta.sentence === tb.sentence;
}

/** The nearest token left of `from` that is not a quotation mark, or -1. */
function leftNonQuote(ctx: TargetContext, from: number, anchor: number): number {
  let j = from;
  while (j >= 0 && isQuoteMark(ctx.tokens[j] as Token)) j--;
  return j >= 0 && sameSentence(ctx, j, anchor) ? j : -1;
}

function rightNonQuote(ctx: TargetContext, from: number, anchor: number): number {
  let j = from;
  while (j < ctx.tokens.length && isQuoteMark(ctx.tokens[j] as Token)) j++;
  return j < ctx.tokens.length && sameSentence(ctx, j, anchor) ? j : -1;
}

/** A capitalized word that is not the first word of its sentence: likely a name. */
function isProperNoun(ctx: TargetContext, t: number): boolean {
  const token = ctx.tokens[t] as Token;
  if (!isWord(token) || !token.capitalized || token.kind !== 'word') return false;
  const prev = ctx.tokens[t - 1];
  return prev !== undefined && prev.sentence === token.sentence && !isQuoteMark(prev) && prev.norm !== '.';
}

/** Which entity kinds a possessive pronoun can stand for. */
const PRONOUN_KINDS: Readonly<Record<string, ReadonlySet<string> | null>> = {
  his: new Set(['person']),
  her: new Set(['person']),
  its: new Set(['country', 'organisation', 'armed-group', 'group']),
  their: null,
};

/**
 * "Donald Trump and his henchmen": a possessive pronoun stands for the nearest earlier
 * actor of a fitting kind in the same sentence. Across sentences the guess is too weak,
 * so the term then counts as aimed with no target.
 */
function pronounOwner(ctx: TargetContext, at: number): TargetResult {
  const kinds = PRONOUN_KINDS[(ctx.tokens[at] as Token).norm];
  const sentence = (ctx.tokens[at] as Token).sentence;
  let k = rangeBefore((m) => (ctx.mentions[m] as EntityMention).tokenStart, ctx.mentions.length, at - 1);
  for (let seen = 0; k >= 0 && seen < MAX_PRONOUN_LOOKBACK; k--, seen++) {
    const mention = ctx.mentions[k] as EntityMention;
    if ((ctx.tokens[mention.tokenStart] as Token).sentence !== sentence) break;
    if (kinds === null || kinds === undefined || kinds.has(ctx.kindOf(mention.entity))) return found(mention.entity, 'pronoun');
  }
  return { entity: null, aimed: true, via: 'possessor' };
}

function found(entity: string, via: string): TargetResult {
  return { entity, aimed: true, via };
}

/** Left side: modifier, possessor (over a list of other loaded adjectives), pronoun possessor. */
function fromLeft(ctx: TargetContext, start: number): TargetResult {
  const first = leftNonQuote(ctx, start - 1, start);
  if (first < 0) return NONE;
  const direct = entityAt(ctx, first);
  if (direct) return found(direct, (ctx.tokens[first] as Token).possessive ? 'possessor' : 'modifier');
  const firstToken = ctx.tokens[first] as Token;
  if (POSSESSIVE_PRONOUNS.has(firstToken.norm)) return pronounOwner(ctx, first);
  if (firstToken.possessive && isWord(firstToken)) return { entity: null, aimed: true, via: 'possessor' };
  if (isProperNoun(ctx, first)) return { entity: null, aimed: true, via: 'modifier' };
  // "Washington's malicious, "terrorist" and destabilizing actions": walk left over the
  // other loaded words of the list, commas, "and"/"or" and -ly adverbs to a possessor.
  let j = first;
  let words = 0;
  // The step cap keeps a run of thousands of commas from making this quadratic.
  for (let steps = 0; j >= 0 && words < MAX_SKIP && steps < MAX_STEPS; steps++) {
    const token = ctx.tokens[j] as Token;
    const punctuation = isQuoteMark(token) || token.norm === ',';
    const skippable = punctuation || LINKS.has(token.norm) || isLoadedAt(ctx, j) || (token.kind === 'word' && token.norm.endsWith('ly'));
    if (!skippable) break;
    // Quotation marks and commas are free: damaged lists carry many of them.
    if (!punctuation) words++;
    j--;
    if (j < 0 || !sameSentence(ctx, j, start)) return NONE;
    const entity = entityAt(ctx, j);
    const candidate = ctx.tokens[j] as Token;
    if (entity && candidate.possessive) return found(entity, 'possessor');
    if (entity) return NONE;
    if (POSSESSIVE_PRONOUNS.has(candidate.norm)) return pronounOwner(ctx, j);
  }
  return NONE;
}

/** Right side: the noun after an adjective, or an owner after "of"/"by" (and "in" for regimes). */
function fromRight(ctx: TargetContext, start: number, end: number, allowIn: boolean): TargetResult {
  const next = rightNonQuote(ctx, end, start);
  if (next < 0) return NONE;
  const head = entityAt(ctx, next);
  if (head) return found(head, 'head');
  const nextToken = ctx.tokens[next] as Token;
  if (nextToken.norm === 'of' || nextToken.norm === 'by' || (allowIn && nextToken.norm === 'in')) {
    let j = next + 1;
    if (j < ctx.tokens.length && (ctx.tokens[j] as Token).norm === 'the') j++;
    if (j < ctx.tokens.length && sameSentence(ctx, j, start)) {
      const owner = entityAt(ctx, j);
      if (owner) return found(owner, 'of');
      if (isProperNoun(ctx, j)) return { entity: null, aimed: true, via: 'of' };
    }
  }
  if (isProperNoun(ctx, next)) return { entity: null, aimed: true, via: 'head' };
  return NONE;
}

/** "X, the terrorist group"; "branded X a terrorist group"; "X is a terrorist organisation". */
function fromClause(ctx: TargetContext, start: number): TargetResult {
  let j = leftNonQuote(ctx, start - 1, start);
  let steps = 0;
  let sawArticle = false;
  while (j >= 0 && steps < 4) {
    const token = ctx.tokens[j] as Token;
    if (DETERMINERS.has(token.norm) || isLoadedAt(ctx, j) || (token.kind === 'word' && token.norm.endsWith('ly'))) {
      if (token.norm === 'a' || token.norm === 'an') sawArticle = true;
      j--;
      steps++;
      continue;
    }
    break;
  }
  if (j < 0 || !sameSentence(ctx, j, start)) return NONE;
  const token = ctx.tokens[j] as Token;
  if (token.norm === ',') {
    const owner = j > 0 ? entityAt(ctx, j - 1) : null;
    return owner && sameSentence(ctx, j - 1, start) ? found(owner, 'apposition') : NONE;
  }
  if (sawArticle) {
    const object = entityAt(ctx, j);
    if (object) return found(object, 'object');
  }
  if (COPULAS.has(token.norm)) {
    let k = j - 1;
    // "X has been", "X would be"
    while (k >= 0 && AUXILIARIES.has((ctx.tokens[k] as Token).norm)) k--;
    if (k >= 0 && sameSentence(ctx, k, start)) {
      const subject = entityAt(ctx, k);
      if (subject) return found(subject, 'subject');
    }
  }
  return NONE;
}

export type TermShape = 'adj' | 'noun' | 'verb' | 'adv' | 'phrase';

/**
 * The target of the term on tokens [start, end). Adjectives look right first (the noun
 * they modify), nouns and phrases look left first (their modifier or possessor).
 */
export function resolveTarget(ctx: TargetContext, start: number, end: number, shape: TermShape, options: { allowIn: boolean }): TargetResult {
  const left = fromLeft(ctx, start);
  const right = fromRight(ctx, start, end, options.allowIn);
  if (shape === 'adj' || shape === 'adv') {
    if (right.entity) return right;
    if (left.entity) return left;
  } else {
    if (left.entity) return left;
    if (right.entity) return right;
  }
  const clause = fromClause(ctx, start);
  if (clause.entity) return clause;
  if (left.aimed) return left;
  if (right.aimed) return right;
  return NONE;
}
