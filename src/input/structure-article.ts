/**
 * Plain-text structuring: turns an article body as saved from the web into parts with
 * roles (headline, dek, caption, byline, paragraph, credit), and records what it took out
 * (page chrome, header metadata, a repeated headline) in `removed`.
 *
 * Characters are never changed here (apostrophes, quotation marks, mojibake and NBSP are
 * the document builder's business, because it records repairs with offsets); each part is
 * only trimmed, and the lines of a hard-wrapped paragraph are joined with one space.
 *
 * The layout it expects, top to bottom, all optional:
 *   header lines (id, publication time, byline) · headline · the headline again ·
 *   photo caption ending with a credit · dek · paragraphs · credit lines · page chrome.
 * Everything is one linear pass over the lines; patterns come from `text-cleaning`.
 */
import type { Lexicon } from '../lexicon/file.js';
import type { TextCleaningEntry } from '../lexicon/kinds/text-cleaning.js';
import type { Removed } from '../schema/record.js';
import type { Article, Part, StructuredArticle } from './article.js';
import { normalizeLineEndings } from './decode.js';
import { parseDate } from './parse-date.js';
import { compileTextCleaning } from './text-cleaning-matcher.js';

/** How many non-blank lines after the start can still be header, headline, caption or dek. */
const TOP_ZONE_LINES = 10;
const HEADLINE_MAX_CHARS = 250;
const HEADLINE_MAX_WORDS = 35;
const DEK_MAX_CHARS = 160;
const DEK_MAX_WORDS = 25;
const MAX_DEKS = 2;
/** Lines shorter than this end a paragraph even without final punctuation (lists, short items). */
const WRAP_MIN_CHARS = 40;
/** Longest paragraph still considered as a credit line or a stand-alone caption. */
const CREDIT_MAX_CHARS = 300;
const CAPTION_MAX_CHARS = 400;

interface Line {
  readonly text: string;
  /** Lines of one group were not separated by a blank line. */
  readonly group: number;
}

/** Text compared for "is this the same headline": case, spacing and quote styles ignored. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b`´]/g, "'")
    .replace(/[\u201c\u201d\u201e«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether `text` is the headline again: `comparable(text) === key`. Every non-space character
 * of `text` stays at least one non-space character in its comparable form (lower-casing never
 * shortens, and only spaces are collapsed or trimmed), so a text with more of them than `key`
 * has characters is not the headline: the lines of the top zone, mostly paragraphs, are then
 * told apart by counting up to the headline's length, not by lower-casing and three replaces.
 */
function isHeadlineAgain(text: string, key: string): boolean {
  let nonSpace = 0;
  for (let i = 0; i < text.length; i++) if (!isWhiteSpace(text.charCodeAt(i)) && ++nonSpace > key.length) return false;
  return comparable(text) === key;
}

function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32 || text[i] === '\u00a0';
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** Sentence ends inside a line: ". X", "! X", "? X". */
function sentenceBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i + 2 < text.length; i++) {
    const ch = text[i];
    if ((ch === '.' || ch === '!' || ch === '?') && text[i + 1] === ' ' && /[A-Z“"]/.test(text[i + 2] as string)) count++;
  }
  return count;
}

const FINAL_PUNCTUATION = /[.!?…:;]["'”’»)\]]*$/;
const STARTS_LOWER = /^[a-z]/;

function looksLikeHeadline(line: string, next: Line | undefined, current: Line): boolean {
  if (line.length > HEADLINE_MAX_CHARS || wordCount(line) > HEADLINE_MAX_WORDS) return false;
  if (sentenceBreaks(line) > 1) return false;
  // Headlines do not end with a full stop; a first line that does is the lede.
  if (/\.["'”’»)]*$/.test(line) && !/\.\.\.$|…$/.test(line)) return false;
  // A text of one line is one paragraph, not a headline without a story.
  if (!next) return false;
  // A hard-wrapped first paragraph: the next line of the same group continues the sentence.
  if (next && next.group === current.group && STARTS_LOWER.test(next.text) && !FINAL_PUNCTUATION.test(line)) return false;
  return true;
}

function looksLikeDek(line: string): boolean {
  if (line.length > DEK_MAX_CHARS) return false;
  const words = wordCount(line);
  if (words < 2 || words > DEK_MAX_WORDS) return false;
  if (/[.!?…]["'”’»)]*$/.test(line)) return false;
  // A dateline on its own line ("TEHRAN —") is the start of the story, not a dek.
  if (/^[A-Z][A-Z .,'-]+[—–-]$/.test(line)) return false;
  return true;
}

const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'van', 'von', 'der', 'al', 'bin', 'da', 'del', 'la', 'le', 'and']);
const NAME_WORD = /^(?:[A-Z][a-zA-Z'’.-]{0,20}|[A-Z]\.)$/;

/** "Dana Okafor", "Ines de la Marr", "Jane Roe and Ari Pell": 2–5 capitalised words and nothing else. */
function looksLikeNameLine(line: string): boolean {
  if (line.length > 50) return false;
  const words = line.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NAME_PARTICLES.has(word)) continue;
    if (!NAME_WORD.test(word)) return false;
    capitalised++;
  }
  return capitalised >= 2;
}

/** Splits a body into trimmed non-blank lines; blank lines separate groups, or every line is its own group when there are none. */
function splitLines(body: string): Line[] {
  const text = normalizeLineEndings(body);
  // One pass: groups count the blank lines before a line, and are renumbered one per line
  // at the end when no blank line follows any text. Each line's trimmed bounds are found in
  // place and sliced once, so neither the raw lines nor blank ones become strings.
  const lines: Line[] = [];
  let hasBlank = false;
  let group = 0;
  for (let from = 0; from <= text.length; ) {
    const newline = text.indexOf('\n', from);
    const lineEnd = newline === -1 ? text.length : newline;
    let start = from;
    let end = lineEnd;
    while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
    while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
    from = lineEnd + 1;
    if (start === end) {
      if (lines.length > 0) hasBlank = true;
      group++;
      continue;
    }
    lines.push({ text: text.slice(start, end), group });
  }
  if (!hasBlank) for (let i = 0; i < lines.length; i++) (lines[i] as { group: number }).group = group + i;
  return lines;
}

/** White space and line terminators: what `String.prototype.trim` removes and `\s` matches. */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

interface State {
  id: string;
  idTaken: boolean;
  published: string | null;
  publishedFromUpdate: boolean;
  byline: string | null;
  readonly parts: Part[];
  readonly removed: Removed[];
}

export function createArticleStructurer(lexicon: Lexicon<TextCleaningEntry>): (article: Article) => StructuredArticle {
  const matcher = compileTextCleaning(lexicon);
  const matchIdLine = matcher.forRole('id-line');
  const matchPublishedLine = matcher.forRole('published-line');
  const matchBylineLine = matcher.forRole('byline-line');
  const matchCreditLine = matcher.forRole('credit-line');
  const matchCaptionCredit = matcher.forRole('caption-credit');
  // Caption credits valid anywhere, for captions in the middle of the body.
  const matchAnywhereCaptionCredit = matcher.forRole('caption-credit', { anywhereOnly: true });
  const matchPageChrome = matcher.forRole('page-chrome');

  /** Header lines (id, publication time, byline): true when the line was consumed. */
  function takeHeader(line: string, state: State, idDerived: boolean): boolean {
    const id = matchIdLine(line);
    if (id) {
      state.removed.push({ text: line, reason: 'metadata' });
      if (idDerived && !state.idTaken && id.value) {
        state.id = id.value;
        state.idTaken = true;
      }
      return true;
    }
    const published = matchPublishedLine(line);
    if (published) {
      const parsed = parseDate(published.value);
      if (parsed || /^(?:published|posted|date)/i.test(line)) {
        state.removed.push({ text: line, reason: 'metadata' });
        // An "Updated:" time fills in only until a publication time is found; the input's own date wins.
        const isUpdate = /^(?:updated|last)/i.test(line);
        if (parsed && (state.published === null || (state.publishedFromUpdate && !isUpdate))) {
          state.published = parsed;
          state.publishedFromUpdate = isUpdate;
        }
        return true;
      }
    }
    // A line that is nothing but a date ("March 4, 2021") is the page's time stamp.
    if (line.length <= 60 && /[0-9]/.test(line)) {
      const parsed = parseDate(line);
      if (parsed) {
        state.removed.push({ text: line, reason: 'metadata' });
        if (state.published === null) state.published = parsed;
        return true;
      }
    }
    const byline = matchBylineLine(line);
    if (byline) {
      state.parts.push({ kind: 'byline', text: line });
      state.byline ??= byline.value.replace(/[,;]$/, '').trim() || null;
      return true;
    }
    return false;
  }

  /** A paragraph in the body: credit line, stand-alone caption, or paragraph. */
  function classifyParagraph(text: string): Part['kind'] {
    if (text.length <= CREDIT_MAX_CHARS && matchCreditLine(text)) return 'credit';
    if (text.length <= CAPTION_MAX_CHARS && matchAnywhereCaptionCredit(text)) return 'caption';
    return 'paragraph';
  }

  function structureBody(article: Article, state: State): void {
    const lines = splitLines(article.body ?? '');
    const title = article.title?.trim() || null;
    let headline: string | null = null;
    if (title) {
      headline = title;
      state.parts.push({ kind: 'headline', text: title });
    }
    let headlineKey: string | null = null;
    let headlineConsidered = title !== null;
    let deks = 0;
    let inTop = true;
    let topSeen = 0;
    // Lines of the paragraph being read; emptied, not replaced, so one array serves the article.
    const paragraph: string[] = [];
    let paragraphGroup = -1;

    const flush = () => {
      if (!paragraph.length) return;
      // Most paragraphs are one line: no join (a call and a copy) for them.
      const text = paragraph.length === 1 ? (paragraph[0] as string) : paragraph.join(' ');
      state.parts.push({ kind: classifyParagraph(text), text });
      paragraph.length = 0;
    };

    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as Line;
      const text = line.text;
      if (matchPageChrome(text)) {
        flush();
        state.removed.push({ text, reason: 'page-chrome' });
        continue;
      }
      if (inTop && ++topSeen > TOP_ZONE_LINES) inTop = false;
      if (inTop) {
        if (takeHeader(text, state, article.idDerived === true)) continue;
        // The headline's comparable form is computed once, not once per top line.
        if (headline !== null && isHeadlineAgain(text, (headlineKey ??= comparable(headline)))) {
          state.removed.push({ text, reason: 'duplicate-headline' });
          continue;
        }
        if (!headlineConsidered) {
          headlineConsidered = true;
          if (looksLikeHeadline(text, lines[i + 1], line)) {
            headline = text;
            headlineKey = null;
            state.parts.push({ kind: 'headline', text });
            continue;
          }
          inTop = false;
        } else if (matchCaptionCredit(text)) {
          state.parts.push({ kind: 'caption', text });
          continue;
        } else if (looksLikeNameLine(text)) {
          // A writer's name on its own line under the headline: a byline without "By".
          state.parts.push({ kind: 'byline', text });
          state.byline ??= text;
          continue;
        } else if (deks < MAX_DEKS && looksLikeDek(text) && !continuesInGroup(lines, i)) {
          deks++;
          state.parts.push({ kind: 'dek', text });
          continue;
        } else {
          inTop = false;
        }
      }
      // Body: lines of one group form a paragraph while they read as one hard-wrapped text.
      if (paragraph.length && (line.group !== paragraphGroup || endsParagraph(paragraph[paragraph.length - 1] as string))) flush();
      paragraph.push(text);
      paragraphGroup = line.group;
    }
    flush();
  }

  function structureParts(article: Article, parts: readonly Part[], state: State): void {
    const title = article.title?.trim() || null;
    const hasHeadline = parts.some((p) => p.kind === 'headline');
    const headline = title ?? parts.find((p) => p.kind === 'headline')?.text.trim() ?? null;
    if (!hasHeadline && title) state.parts.push({ kind: 'headline', text: title });
    let seenBody = 0;
    let bodyStarted = false;
    let deks = 0;
    let duplicateChecked = false;
    for (const part of parts) {
      const text = part.text.trim();
      if (!text) continue;
      if (part.kind !== 'headline' && matchPageChrome(text)) {
        state.removed.push({ text, reason: 'page-chrome' });
        continue;
      }
      if (part.kind === 'headline') {
        state.parts.push({ kind: 'headline', text });
        continue;
      }
      if (!duplicateChecked && headline !== null) {
        duplicateChecked = true;
        if (isHeadlineAgain(text, comparable(headline))) {
          state.removed.push({ text, reason: 'duplicate-headline' });
          continue;
        }
      }
      if (part.kind === 'paragraph') {
        seenBody++;
        if (seenBody <= 4 && !bodyStarted) {
          if (takeHeader(text, state, article.idDerived === true)) continue;
          // A short line without final punctuation before the story starts: the page's standfirst.
          if (deks < MAX_DEKS && looksLikeDek(text) && !looksLikeNameLine(text)) {
            deks++;
            state.parts.push({ kind: 'dek', text });
            continue;
          }
        }
        bodyStarted = true;
        state.parts.push({ kind: classifyParagraph(text), text });
        continue;
      }
      state.parts.push({ kind: part.kind, text });
    }
  }

  return (article) => {
    const { body, parts } = article;
    // Copied into a literal, not spread: V8 then learns from the literal's allocation site
    // that the array holds objects, and the pushes in structureBody do not deoptimize it
    // (a spread of an empty array starts with small-integer elements).
    const removed: Removed[] = [];
    for (const item of article.removed) removed.push(item);
    const state: State = {
      id: article.id,
      idTaken: false,
      published: article.published,
      publishedFromUpdate: false,
      byline: article.byline,
      parts: [],
      removed,
    };
    if (parts) structureParts(article, parts, state);
    else if (body !== null) structureBody(article, state);
    // Field by field, not `{ ...rest }` of the article without body and parts: a rest copy and a
    // spread take V8's generic property-copying path, a measurable share of a short article.
    const structured: StructuredArticle = {
      id: state.id,
      source: article.source,
      outlet: article.outlet,
      title: article.title,
      byline: state.byline,
      url: article.url,
      published: state.published,
      fields: article.fields,
      removed: state.removed,
      inputRepairs: article.inputRepairs,
      parts: state.parts,
    };
    if (article.idDerived !== undefined) structured.idDerived = article.idDerived;
    return structured;
  };
}

/** True when the line ends a sentence or is short: the next line of its group starts a new paragraph. */
function endsParagraph(line: string): boolean {
  return line.length < WRAP_MIN_CHARS || FINAL_PUNCTUATION.test(line);
}

/** The next line of the same group continues this one (a wrapped paragraph, not a dek). */
function continuesInGroup(lines: readonly Line[], i: number): boolean {
  const line = lines[i] as Line;
  const next = lines[i + 1];
  return next !== undefined && next.group === line.group && STARTS_LOWER.test(next.text);
}
