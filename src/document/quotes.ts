/**
 * Quotation spans, found once at build time and robust to damaged text.
 *
 * Marks: straight " and ', curly “ ” ‘ ’, low-9 „ ‚ and guillemets « » ‹ › in either
 * direction. Apostrophes are never marks: ’ or ' between letters, an elision before a
 * digit ("’90s"), and a possessive after s ("states’") unless a single quote is open.
 *
 * Saved web pages often lose opening marks (the seed keeps most closing ” and none of the
 * “). A closing double mark with nothing to pair with starts an inferred quote
 * (`inferredOpen`), reaching back
 *  - to the start of its sentence when an attribution follows (`…must open now,” the envoy
 *    told reporters.`), and over earlier sentences of the paragraph that read as speech
 *    (first or second person, no speech verb of their own);
 *  - to just after an attribution earlier in the sentence (`…,” the minister said, adding,
 *    We also reject … tariffs.”`);
 *  - over the word or short phrase before it when the sentence goes on (`reckless,”`,
 *    `the urgent need” for`): a scare-quote-like phrase;
 *  - at a sentence end with neither, over a short phrase to the nearest clause boundary.
 * An opening double mark with no closing runs to the end of its paragraph. Unpaired single
 * marks are read as apostrophes. Every inference is recorded as an `unbalanced-quote` repair.
 *
 * Each block is scanned once, left to right, with a small stack of open marks; spans never
 * cross blocks and never overlap except by nesting.
 */
import type { Block, Repair } from '../schema/record.js';
import { CC_DIGIT, CC_LETTER, CC_MARK, CC_SPACE, CC_SURROGATE, CC_UPPER, CHAR_CLASS } from './char-class.js';
import type { MutableToken } from './tokenize.js';
import type { QuoteSpan, Sentence } from './types.js';
import { firstAtOrAfter, firstEndingAfter } from '../util/sorted.js';

type Family = 'double' | 'single' | 'guillemet' | 'guillemet-single';

interface OpenMark {
  readonly offset: number;
  readonly code: number;
  readonly family: Family;
}

/**
 * Speech-verb forms that mark an attribution next to a quote. Only used to place inferred
 * quote boundaries; the attribution analyzer owns the full cue lexicon.
 */
const SPEECH_FORMS = new Set([
  'say', 'says', 'said', 'saying', 'add', 'adds', 'added', 'adding', 'tell', 'tells', 'told', 'telling',
  'state', 'stated', 'stating', 'note', 'notes', 'noted', 'noting', 'pointed', 'points', 'stress', 'stresses',
  'stressed', 'stressing', 'underline', 'underlines', 'underlined', 'underlining', 'emphasize', 'emphasized',
  'emphasizes', 'emphasised', 'emphasising', 'emphasizing', 'explain', 'explained', 'explains', 'insist', 'insisted', 'insists',
  'claim', 'claimed', 'claims', 'warn', 'warned', 'warns', 'warning', 'ask', 'asked', 'asks', 'replied', 'replies',
  'announce', 'announced', 'announces', 'declare', 'declared', 'declares', 'continued', 'asserted', 'asserts',
  'argue', 'argued', 'argues', 'remarked', 'observed', 'wrote', 'writes', 'tweeted', 'according', 'recalled',
  'urged', 'urging', 'vowed', 'admitted', 'acknowledged', 'conceded', 'confirmed', 'revealed', 'suggested',
  'believes', 'believed', 'maintained', 'concluded', 'reiterated', 'affirmed',
]);

const SPEECH_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/** First- and second-person words: quoted speech has them, narration rarely does. */
const FIRST_SECOND_PERSON = new Set(['i', 'we', 'us', 'our', 'ours', 'me', 'my', 'mine', 'you', 'your', "i'm", "we're", "we've", "we'll", "i've", "i'll", "you're", "let's"]);

/** Words a scare-quoted phrase does not reach back over. */
const PHRASE_STOPS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'of', 'to', 'for', 'in', 'on', 'at', 'with', 'by', 'from',
  'as', 'that', 'which', 'who', 'whom', 'is', 'are', 'was', 'were', 'be', 'been', 'its', 'their', 'his',
  'her', 'our', 'this', 'these', 'those', 'called', 'so-called', 'what', 'about', 'into', 'than',
]);

/** Words that open a clause: a sentence-final phrase quote does not reach back over them. */
const CLAUSE_STOPS = new Set(['that', 'which', 'who', 'because', 'while', 'whereas', 'but', 'and', 'saying', 'said', 'says']);

const MAX_PHRASE_WORDS = 3;
const MAX_DEPTH = 16;
const MAX_CLAUSE_WORDS = 8;

const QUOTE_MARKS = /["'\u00ab\u00bb\u2018-\u201a\u201c-\u201e\u2039\u203a]/g;

/** Positions of every quotation mark in the last text asked about (one text is built at a time). */
let markText: string | null = null;
let markList: number[] = [];

function markPositions(text: string): readonly number[] {
  if (text !== markText) {
    markList = [];
    QUOTE_MARKS.lastIndex = 0;
    // `test` moves `lastIndex` past each one-character match without building a match
    // array (`exec` made one per mark, apostrophes included).
    while (QUOTE_MARKS.test(text)) markList.push(QUOTE_MARKS.lastIndex - 1);
    markText = text;
  }
  return markList;
}


function isQuoteCode(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0xab || code === 0xbb
    || (code >= 0x2018 && code <= 0x201e && code !== 0x201b) || code === 0x2039 || code === 0x203a;
}

function familyOf(code: number): Family {
  if (code === 0x22 || code === 0x201c || code === 0x201d || code === 0x201e) return 'double';
  if (code === 0xab || code === 0xbb) return 'guillemet';
  if (code === 0x2039 || code === 0x203a) return 'guillemet-single';
  return 'single';
}

function classOf(code: number): number {
  return (CHAR_CLASS[code] as number) & 15;
}

/** Letters, digits and marks (a surrogate counts as part of a word: emoji are rare next to quotes). */
function isWordChar(code: number): boolean {
  const cls = classOf(code);
  return cls === CC_LETTER || cls === CC_DIGIT || cls === CC_MARK || cls === CC_SURROGATE;
}

/** Space, the block edge, or an opening bracket or dash: what precedes an opening mark. */
function isOpenContext(code: number): boolean {
  return code === -1 || classOf(code) === CC_SPACE || code === 0x28 || code === 0x5b || code === 0x7b
    || code === 0x2014 || code === 0x2013 || code === 0x2f || code === 0x201c || code === 0x2018
    || code === 0x201e || code === 0x201a || code === 0xab || code === 0x2039 || code === 0x22 || code === 0x27 || code === 0x3a;
}

/** Space, the block edge, or punctuation that may follow a closing mark. */
function isCloseContext(code: number): boolean {
  if (code === -1) return true;
  const cls = classOf(code);
  return cls === CC_SPACE || (cls !== CC_LETTER && cls !== CC_DIGIT && cls !== CC_MARK && cls !== CC_SURROGATE);
}


interface Context {
  readonly text: string;
  readonly tokens: MutableToken[];
  readonly sentences: readonly Sentence[];
  readonly blocks: readonly Block[];
  readonly repairs: Repair[];
  readonly quotes: QuoteSpan[];
}

export function findQuotes(text: string, tokens: MutableToken[], sentences: readonly Sentence[], blocks: readonly Block[], repairs: Repair[]): QuoteSpan[] {
  const context: Context = { text, tokens, sentences, blocks, repairs, quotes: [] };
  for (let b = 0; b < blocks.length; b++) scanBlock(context, b);
  // Spans are produced per block as marks close: order them (outer before inner on ties).
  context.quotes.sort((a, c) => a.start - c.start || c.end - a.end);
  return context.quotes;
}

/** What a mark does, from `roleOfMark`. */
const ROLE_NONE = 0;
const ROLE_OPEN = 1;
const ROLE_CLOSE = 2;
/** ’’ or '' standing in for a closing double mark: closes at the first, skips the second. */
const ROLE_DOUBLE_CLOSE = 3;

/** The code unit at `i` inside `block`, or -1 outside it. */
function codeIn(text: string, block: Block, i: number): number {
  return i < block.start || i >= block.end ? -1 : text.charCodeAt(i);
}

/**
 * Scans one block's marks left to right with a stack of open marks. The per-mark decisions
 * live in small functions (`roleOfMark`, `openMark`, …) so this loop stays small: it is
 * hot, and a small function is cheap to (re)compile when a rare branch is first taken.
 */
function scanBlock(context: Context, blockIndex: number): void {
  const text = context.text;
  const block = context.blocks[blockIndex] as Block;
  const stack: OpenMark[] = [];
  // Just after the last closing mark seen in this block: an inferred start stays after it,
  // so an inferred quote never overlaps an earlier one (and nests inside any still open).
  let floor = block.start;
  // Only the marks are visited: their positions come from one search over the whole text,
  // so a block without marks costs a binary search, not a scan to the next mark.
  const marks = markPositions(text);
  let skipUntil = -1;
  for (let k = firstAtOrAfter(marks, block.start); k < marks.length && (marks[k] as number) < block.end; k++) {
    const i = marks[k] as number;
    if (i < skipUntil) continue;
    const code = text.charCodeAt(i);
    const family = familyOf(code);
    const openIndex = findOpen(stack, family);
    const role = roleOfMark(text, block, stack, i, code, openIndex);
    if (role === ROLE_OPEN) {
      if ((family === 'double' || family === 'guillemet') && openIndex >= 0 && closeUnclosed(context, block, stack, openIndex, i)) floor = i;
      // Real quotes nest two or three deep; a deeper stack is damage, and capping it keeps
      // every lookup on it constant-time.
      if (stack.length >= MAX_DEPTH) dropOpen(context, stack.shift() as OpenMark, block);
      stack.push({ offset: i, code, family });
      continue;
    }
    if (role === ROLE_NONE) continue;
    if (role === ROLE_DOUBLE_CLOSE) {
      // Close the pending double quote at the first of the two marks and step over the second.
      skipUntil = i + 2;
      closeAt(context, block, stack, doubleOpen(stack), i);
      floor = i + 2;
      continue;
    }
    if (openIndex >= 0) {
      closeAt(context, block, stack, openIndex, i);
      floor = i + 1;
      continue;
    }
    if (family === 'single' || family === 'guillemet-single') continue; // an apostrophe, after all
    const lower = Math.max(floor, stack.length ? (stack[stack.length - 1] as OpenMark).offset + 1 : block.start);
    inferOpen(context, blockIndex, i, lower);
    floor = i + 1;
  }
  if (stack.length) closeAtBlockEnd(context, blockIndex, stack);
}

/** Whether the mark at `i` opens, closes or is no quotation mark, from its neighbours and the open marks. */
function roleOfMark(text: string, block: Block, stack: readonly OpenMark[], i: number, code: number, openIndex: number): number {
  const prev = codeIn(text, block, i - 1);
  const next = codeIn(text, block, i + 1);
  const prevWord = prev !== -1 && isWordChar(prev);
  const nextWord = next !== -1 && isWordChar(next);
  switch (code) {
    case 0x22: { // " — direction from its neighbours
      const nextSpace = next === -1 || classOf(next) === CC_SPACE;
      if (isOpenContext(prev) && !nextSpace && !isClosingPunct(next)) return ROLE_OPEN; // ␣"word, ␣"#tag, ␣"[A]
      if (isTerminal(prev) && next !== -1 && isUpper(next)) return openIndex >= 0 ? ROLE_CLOSE : ROLE_OPEN; // end."Next
      if (!isOpenContext(prev) && isCloseContext(next)) return ROLE_CLOSE;
      return ROLE_NONE; // stray: spaces on both sides, or inside a word
    }
    case 0x27: // '
    case 0x2019: // ’
      if (next === code && doubleOpen(stack) >= 0 && isCloseContext(codeIn(text, block, i + 2))) return ROLE_DOUBLE_CLOSE;
      if (prevWord && nextWord) return ROLE_NONE;
      if (!prevWord && next !== -1 && classOf(next) === CC_DIGIT) return ROLE_NONE;
      if (openIndex >= 0 && isCloseContext(next) && !isOpenContext(prev)) return ROLE_CLOSE;
      if (isOpenContext(prev) && nextWord) return ROLE_OPEN;
      return ROLE_NONE;
    case 0x2018: // ‘
      if ((prevWord && nextWord) || (!prevWord && next !== -1 && classOf(next) === CC_DIGIT)) return ROLE_NONE;
      if (findOpenCode(stack, 0x201a) >= 0 && isCloseContext(next)) return ROLE_CLOSE;
      return ROLE_OPEN;
    case 0x201a: // ‚ low-9: also a mistyped comma, so only open before a word
      return isOpenContext(prev) && nextWord ? ROLE_OPEN : ROLE_NONE;
    case 0x201c: // “
      if (findOpenCode(stack, 0x201e) >= 0) return ROLE_CLOSE;
      if (prevWord && isCloseContext(next) && openIndex >= 0) return ROLE_CLOSE;
      return ROLE_OPEN;
    case 0x201d: // ” after a space (or at the paragraph start) with nothing open: a mistyped “
      if (openIndex < 0 && (prev === -1 || prev === 0x3a || classOf(prev) === CC_SPACE) && !isClosingPunct(next)) return ROLE_OPEN;
      return ROLE_CLOSE;
    case 0x201e: // „
      return ROLE_OPEN;
    default: // guillemets: the first one opens, its mirror closes (« » and » « both occur)
      if (openIndex >= 0 && (stack[openIndex] as OpenMark).code !== code) return ROLE_CLOSE;
      return ROLE_OPEN;
  }
}

/**
 * A second double (or guillemet) opening mark at `i` before any closing one: the quote
 * opened at `openIndex` lost its closing mark and ends here, which keeps the spans apart
 * (English nests with single marks). True when the stack is left empty.
 */
function closeUnclosed(context: Context, block: Block, stack: OpenMark[], openIndex: number, i: number): boolean {
  while (stack.length > openIndex) {
    const pending = stack.pop() as OpenMark;
    if (pending.family === 'single' || pending.family === 'guillemet-single') {
      dropOpen(context, pending, block);
      continue;
    }
    context.repairs.push({
      kind: 'unbalanced-quote', start: pending.offset, end: pending.offset + 1,
      note: `opening ${context.text[pending.offset]} has no closing mark before the next opening one: the quote is read up to it`,
    });
    pushQuote(context, pending.offset + 1, i, pending.offset, null, null);
  }
  return stack.length === 0;
}

/** Closes the mark at `openIndex` with the mark at `i`; anything opened inside and never closed was not a quotation mark after all. */
function closeAt(context: Context, block: Block, stack: OpenMark[], openIndex: number, i: number): void {
  while (stack.length - 1 > openIndex) dropOpen(context, stack.pop() as OpenMark, block);
  const open = stack.pop() as OpenMark;
  pushQuote(context, open.offset + 1, i, open.offset, i, null);
}

/** Marks still open at the paragraph end. */
function closeAtBlockEnd(context: Context, blockIndex: number, stack: readonly OpenMark[]): void {
  const text = context.text;
  const block = context.blocks[blockIndex] as Block;
  for (const open of stack) {
    if (open.family === 'single' || open.family === 'guillemet-single') {
      dropOpen(context, open, block);
      continue;
    }
    let end = block.end;
    while (end > open.offset + 1 && classOf(text.charCodeAt(end - 1)) === CC_SPACE) end--;
    const continues = nextBlockOpensWith(context, blockIndex, open.family);
    if (!continues) {
      context.repairs.push({
        kind: 'unbalanced-quote', start: open.offset, end: open.offset + 1,
        note: `opening ${text[open.offset]} has no closing mark: the quote is read to the end of the paragraph`,
      });
    }
    pushQuote(context, open.offset + 1, end, open.offset, null, false);
  }
}

function doubleOpen(stack: readonly OpenMark[]): number {
  return findOpen(stack, 'double');
}

/** Punctuation that follows a closing mark, never an opening one. */
function isClosingPunct(code: number): boolean {
  return code === 0x2c || code === 0x2e || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f || code === 0x29 || code === 0x5d;
}

function isTerminal(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f;
}

function isUpper(code: number): boolean {
  return ((CHAR_CLASS[code] as number) & CC_UPPER) !== 0;
}

function findOpen(stack: readonly OpenMark[], family: Family): number {
  for (let k = stack.length - 1; k >= 0; k--) if ((stack[k] as OpenMark).family === family) return k;
  return -1;
}

function findOpenCode(stack: readonly OpenMark[], code: number): number {
  for (let k = stack.length - 1; k >= 0; k--) if ((stack[k] as OpenMark).code === code) return k;
  return -1;
}

function dropOpen(context: Context, open: OpenMark, block: Block): void {
  const single = open.family === 'single' || open.family === 'guillemet-single';
  if (single && (open.code === 0x27 || open.code === 0x2019)) return; // plain apostrophe use ("'em"): nothing to report
  context.repairs.push({
    kind: 'unbalanced-quote', start: open.offset, end: open.offset + 1,
    note: single
      ? `opening ${context.text[open.offset]} has no closing mark: read as an apostrophe`
      : `opening ${context.text[open.offset]} has no closing mark inside the enclosing quote (paragraph at ${block.start})`,
  });
}

function nextBlockOpensWith(context: Context, blockIndex: number, family: Family): boolean {
  const next = context.blocks[blockIndex + 1];
  if (!next || next.end <= next.start) return false;
  const code = context.text.charCodeAt(next.start);
  return isQuoteCode(code) && familyOf(code) === family && code !== 0x201d;
}

function pushQuote(context: Context, start: number, end: number, openMark: number | null, closeMark: number | null, phraseHint: boolean | null): void {
  // The span is the quoted words: no spaces inside the marks (« Nous restons »), and an
  // inferred start may fall on the space after an earlier quote.
  while (start < end && classOf(context.text.charCodeAt(start)) === CC_SPACE) start++;
  while (end > start && classOf(context.text.charCodeAt(end - 1)) === CC_SPACE) end--;
  if (end <= start) return;
  const { tokens, sentences } = context;
  const from = firstEndingAfter(tokens, start);
  let words = 0;
  let terminal = false;
  // Only "more than six words" matters below, so the count stops early: nested quotes
  // then cost a bounded amount each, whatever their length.
  for (let t = from, seen = 0; t < tokens.length && (tokens[t] as MutableToken).start < end && seen < 32 && words <= 6; t++, seen++) {
    const token = tokens[t] as MutableToken;
    if (token.kind === 'word' || token.kind === 'number') words++;
    else if (token.end < end && (token.norm === '.' || token.norm === '!' || token.norm === '?')) terminal = true;
  }
  if (words === 0 && openMark !== null && closeMark !== null) {
    // “” or “ – ”: marks with nothing quoted between them.
    return;
  }
  let phrase = phraseHint;
  if (phrase === null) {
    const first = tokens[from] as MutableToken | undefined;
    const sentence = first ? sentences[first.sentence] : undefined;
    const startsSentence = !!sentence && (sentence.tokenStart === from || (openMark !== null && sentence.start === openMark));
    // A capitalized span ending in a stop is a quoted sentence even after a colon or a verb.
    const last = context.text.charCodeAt(end - 1);
    const sentenceLike = !!first && first.capitalized && (last === 0x2e || last === 0x21 || last === 0x3f);
    phrase = !startsSentence && !terminal && !sentenceLike && words <= 6;
  }
  context.quotes.push({ start, end, openMark, closeMark, inferredOpen: openMark === null, phrase });
  // A plural possessive token that swallowed the closing mark ("the states'") is a plain plural.
  if (closeMark !== null) {
    const last = tokens[firstEndingAfter(tokens, closeMark)];
    if (last && last.start < closeMark && last.end === closeMark + 1 && last.kind === 'word') {
      last.norm = last.norm.slice(0, -1);
      last.base = last.norm;
      last.possessive = false;
    }
  }
}

/** Infers where a quote closed at `mark` (with no opening mark) began; `lower` bounds it. */
function inferOpen(context: Context, blockIndex: number, mark: number, lower: number): void {
  const { text, tokens, sentences } = context;
  const closeToken = firstEndingAfter(tokens, mark) - 1; // last token before the mark
  const note = (how: string): void => {
    context.repairs.push({
      kind: 'unbalanced-quote', start: mark, end: mark + 1,
      note: `closing ${text[mark]} without an opening mark: quote start inferred (${how})`,
    });
  };
  if (closeToken < 0 || (tokens[closeToken] as MutableToken).end <= lower) {
    note('nothing before it to quote; ignored');
    return;
  }
  const before = tokens[closeToken] as MutableToken;
  const sentenceIndex = before.sentence;
  const sentence = sentences[sentenceIndex] as Sentence;
  const prevCode = text.charCodeAt(mark - 1);
  const afterToken = firstEndingAfter(tokens, mark + 1); // the first token after the mark's own token
  const after = tokens[afterToken] as MutableToken | undefined;
  const sameSentenceAfter = !!after && after.sentence === sentenceIndex && after.start < (context.blocks[blockIndex] as Block).end;

  const sentenceStart = Math.max(sentence.start, lower);
  const firstInRange = firstEndingAfter(tokens, sentenceStart);

  // 1. An attribution follows: the quoted words are whole sentences.
  if (sameSentenceAfter && attributionFollows(tokens, afterToken, sentenceIndex, isWordChar(prevCode))) {
    const start = extendOverSpeech(context, blockIndex, sentenceIndex, lower, sentenceStart);
    note(start < sentence.start ? 'back to the paragraph start, before an attribution' : 'back to the sentence start, before an attribution');
    pushQuote(context, start, mark, null, mark, false);
    return;
  }
  // 2. An attribution earlier in the sentence, then a comma or colon: the quote starts after it.
  const afterAttribution = startAfterAttribution(context, firstInRange, closeToken, sentenceIndex);
  if (afterAttribution !== null && !sameSentenceAfter) {
    note('after the attribution earlier in the sentence');
    pushQuote(context, afterAttribution, mark, null, mark, false);
    return;
  }
  // 3. The sentence goes on: a quoted word or short phrase (scare quote).
  if (sameSentenceAfter) {
    const start = phraseStart(context, closeToken, lower, MAX_PHRASE_WORDS, PHRASE_STOPS, true);
    note('the word or phrase before it');
    pushQuote(context, start, mark, null, mark, true);
    return;
  }
  // 4. Sentence end without attribution: whole sentences when they read as speech, else a short phrase.
  if (hasFirstOrSecondPerson(tokens, firstInRange, closeToken + 1)) {
    const start = extendOverSpeech(context, blockIndex, sentenceIndex, lower, sentenceStart);
    note('back to the start of the sentence, which reads as speech');
    pushQuote(context, start, mark, null, mark, false);
    return;
  }
  const start = phraseStart(context, closeToken, Math.max(lower, sentenceStart), MAX_CLAUSE_WORDS, CLAUSE_STOPS, false);
  note('back to the nearest clause boundary');
  pushQuote(context, start, mark, null, mark, true);
}

/** True when a speech verb follows the mark within a few words ("he noted", "the envoy told reporters", "said Haddad"). */
function attributionFollows(tokens: readonly MutableToken[], from: number, sentenceIndex: number, wordBeforeMark: boolean): boolean {
  let words = 0;
  for (let t = from; t < tokens.length; t++) {
    const token = tokens[t] as MutableToken;
    if (token.sentence !== sentenceIndex) return false;
    if (token.kind !== 'word') return false;
    if (SPEECH_FORMS.has(token.norm)) return true;
    // With no comma inside the mark ("terrorist” leaders say"), only "he said" / "said X" count.
    if (wordBeforeMark && !(words === 0 && SPEECH_PRONOUNS.has(token.norm))) return false;
    if (++words >= 5) return false;
  }
  return false;
}

/**
 * Start of an inferred multi-sentence quote: the sentence start, moved back over earlier
 * sentences of the same paragraph that read as speech (first or second person, no
 * speech verb of their own) and lie after `lower`.
 */
function extendOverSpeech(context: Context, blockIndex: number, sentenceIndex: number, lower: number, sentenceStart: number): number {
  // `sentenceStart` is already at or after `lower`; earlier sentences must start after it too.
  const { tokens, sentences } = context;
  let start = sentenceStart;
  for (let s = sentenceIndex - 1; s >= 0; s--) {
    const sentence = sentences[s] as Sentence;
    if (sentence.block !== blockIndex || sentence.start < lower) break;
    if (!hasFirstOrSecondPerson(tokens, sentence.tokenStart, sentence.tokenEnd) || hasSpeechVerb(tokens, sentence.tokenStart, sentence.tokenEnd)) break;
    start = sentence.start;
  }
  return start;
}

function hasFirstOrSecondPerson(tokens: readonly MutableToken[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    const token = tokens[t] as MutableToken;
    // "US" (the country) is not "us".
    if (FIRST_SECOND_PERSON.has(token.norm) && !(token.norm === 'us' && token.capitalized)) return true;
  }
  return false;
}

function hasSpeechVerb(tokens: readonly MutableToken[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) if (SPEECH_FORMS.has((tokens[t] as MutableToken).norm)) return true;
  return false;
}

/**
 * "…, the minister said, adding, We also reject …”": the offset just after the comma or
 * colon that follows the last speech verb in [from, to], or null.
 */
function startAfterAttribution(context: Context, from: number, to: number, sentenceIndex: number): number | null {
  const { tokens } = context;
  for (let t = to; t >= from; t--) {
    const token = tokens[t] as MutableToken;
    if (token.sentence !== sentenceIndex) break;
    if (!SPEECH_FORMS.has(token.norm)) continue;
    // Skip the rest of the attribution ("said, adding,") up to its last comma or colon.
    let start: number | null = null;
    for (let u = t + 1; u <= to && u <= t + 3; u++) {
      const next = tokens[u] as MutableToken;
      if (next.norm === ',' || next.norm === ':') {
        const after = tokens[u + 1] as MutableToken | undefined;
        if (after && after.start < (tokens[to] as MutableToken).end) start = after.start;
        if (after && SPEECH_FORMS.has(after.norm)) continue;
        break;
      }
    }
    return start;
  }
  return null;
}

/**
 * Start of a quoted phrase ending at token `last`: back over up to `maxWords` words,
 * stopping at punctuation (other than what sits right before the mark), stop words,
 * possessives (when `stopAtPossessive`), and `lower`.
 */
function phraseStart(context: Context, last: number, lower: number, maxWords: number, stops: ReadonlySet<string>, stopAtPossessive: boolean): number {
  const { tokens } = context;
  let t = last;
  // Punctuation right before the mark belongs to the quote (`reckless,”`, `regime.”`).
  while (t >= 0 && (tokens[t] as MutableToken).kind === 'punct' && (tokens[t] as MutableToken).start >= lower) t--;
  let start = (tokens[last] as MutableToken).start;
  let words = 0;
  for (; t >= 0 && words < maxWords; t--) {
    const token = tokens[t] as MutableToken;
    if (token.start < lower) break;
    if (token.kind === 'punct' || token.kind === 'symbol') break;
    if (words > 0 && (stops.has(token.norm) || (stopAtPossessive && token.possessive))) break;
    start = token.start;
    words++;
  }
  return start;
}
