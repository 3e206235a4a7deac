/**
 * Where credits are found, in two passes over the text:
 *
 * 1. Credit lines, found by their cue words ("contributed", "h/t", "With inputs from",
 *    "Photo:", "Reporting by …; Editing by …", found by `phrases.ts`, and a "By …" line):
 *    every name on the line is
 *    a credit, registered or not ("With inputs from agencies" credits "agencies").
 * 2. Registry names elsewhere, kept only in a context that makes them a source:
 *    a wire dateline ("BAGHDAD (Reuters) -"), a photo credit ("(AP Photo/…)",
 *    "AFP/Getty Images", a caption ending in "… on Tuesday. IRNA"), a byline, or a
 *    citation ("according to Fars", "told Reuters", "Tasnim news agency reported",
 *    "a Reuters/Ipsos poll"). A name with no such context ("Reuters is a company") is
 *    not a credit.
 * Generic state-media citations ("according to Syrian state media") come from
 * `state-media.ts`.
 */
import { blockIndexAt } from '../../document/lookup.js';
import type { Block, CreditKind } from '../../schema/record.js';
import type { OutletsEntry } from '../../lexicon/kinds/outlets.js';
import type { NameMatch } from './names.js';
import type { PhraseMatch } from './phrases.js';
import type { CompiledRegistry } from './registry.js';
import { createWordList, lineEndOf, lineStartOf, readWordsAfter, readWordsBefore, skipSpaces, skipSpacesBack, wordsAfter, type Word } from './words.js';

export interface RawCredit {
  readonly kind: CreditKind;
  readonly start: number;
  readonly end: number;
  readonly entry: OutletsEntry | null;
  /** For unregistered sources whose country is known from the words ("Syrian state media"). */
  readonly country?: string | null;
  readonly stateAffiliated?: boolean;
  /** Which rule found it, for the finding's note. */
  readonly via: string;
}

const CONTRIBUTOR_CUES = new Set(['h/t', 'hat tip', 'with inputs from', 'with input from', 'inputs from', 'input from', 'additional reporting by', 'compiled by', 'source:']);
const BYLINE_CUES = new Set(['reporting by', 'writing by', 'editing by']);

/** Lower-case words accepted as a credited source on a credit line. */
const GENERIC_SOURCES = new Set(['agencies', 'agency', 'news agencies', 'wire services', 'wires', 'agency reports', 'staff', 'staff reports', 'wire reports', 'agencies and staff']);

/** Small words allowed inside a person's or outlet's name on a credit line. */
const NAME_CONNECTORS = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'del', 'der', 'van', 'von', 'la', 'le', 'of', 'the', 'and', '&', 'for', 'du', 'di', 'y']);

/** Words before a name that make it a source: "according to", "told", "interview with" … (last word first). */
const CITING_BEFORE: ReadonlyMap<string, readonly (readonly string[])[]> = new Map<string, (readonly string[])[]>([
  ['to', [['according'], ['told'], ['statement', 'a'], ['statement'], ['speaking'], ['spoke'], ['talking'], ['talked'], ['comments'], ['remarks'], ['interview', 'an'], ['said']]],
  ['told', [[]]],
  ['with', [['interview', 'an'], ['interview'], ['interviews'], ['speaking'], ['spoke'], ['conversation', 'a']]],
  ['by', [['reported'], ['compiled'], ['quoted'], ['cited'], ['carried'], ['published'], ['aired'], ['broadcast'], ['report', 'a'], ['report'], ['obtained'], ['seen'], ['released'], ['interviewed'], ['run'], ['operated'], ['owned']]],
  ['in', [['wrote'], ['writing'], ['op-ed', 'an'], ['article', 'an'], ['column', 'a'], ['story', 'a'], ['published'], ['appeared'], ['said'], ['interview', 'an'], ['reported'], ['quoted']]],
  ['on', [['said'], ['appeared'], ['speaking'], ['spoke'], ['broadcast'], ['aired'], ['interview', 'an'], ['interview'], ['appearance', 'an'], ['told']]],
  ['for', [['wrote'], ['writing'], ['op-ed', 'an'], ['reporting'], ['correspondent']]],
  ['quoting', [[]]],
  ['citing', [[]]],
  ['via', [[]]],
  ['from', [['report', 'a'], ['reports'], ['footage'], ['data'], ['images'], ['video']]],
]);

/** Words allowed between a cue and the name: "according to the semi-official Fars". */
const CITING_MODIFIERS = new Set([
  'the', 'a', 'an', 'state-run', 'state', 'official', 'semi-official', 'semiofficial', 'state-owned', 'state-affiliated',
  'state-controlled', 'government-run', 'government', 'pro-government', 'private', 'independent', 'pan-arab', 'news', 'agency',
  'broadcaster', 'television', 'channel', 'network', 'newspaper', 'daily', 'outlet', 'wire', 'service', 'media',
]);

/** Words after a name that make it a source: "Fars news agency reported", "a Reuters/Ipsos poll". */
const CITING_AFTER_VERBS = new Set([
  'reported', 'reports', 'reporting', 'said', 'says', 'quoted', 'quotes', 'cited', 'cites', 'published', 'publishes',
  'broadcast', 'broadcasts', 'aired', 'airs', 'carried', 'carries', 'wrote', 'writes', 'noted', 'claimed', 'claims', 'added',
  'stated', 'announced', 'revealed', 'learned', 'obtained', 'confirmed', 'showed', 'shows', 'quoting', 'citing', 'released',
  'posted', 'tweeted', 'learnt', 'described', 'called', 'reported,', 'has', 'had', 'was', 'is',
]);
const AUXILIARY_FOLLOWERS = new Set(['reported', 'learned', 'learnt', 'obtained', 'confirmed', 'published', 'broadcast', 'quoted', 'cited', 'said', 'reporting']);
const CITING_AFTER_NOUNS = new Set([
  'report', 'reports', 'poll', 'polls', 'survey', 'analysis', 'investigation', 'interview', 'count', 'tally', 'review', 'story',
  'article', 'footage', 'video', 'correspondent', 'reporter', 'reporters', 'journalist', 'photographer', 'editorial', 'op-ed',
  'website', 'broadcast', 'dispatch', 'exclusive', 'estimate', 'estimates', 'data',
]);
/** Nouns that may sit between a name and its verb: "Tasnim news agency reported". */
const OUTLET_NOUNS = new Set(['news', 'agency', 'television', 'tv', 'channel', 'website', 'newspaper', 'daily', 'network', 'radio', 'online', 'service', 'broadcaster', 'outlet', 'wire', 'news-agency', 'ipsos', 'gfk', 'marist', 'ap-gfk', 'norc', 'ap-norc', 'yougov', 'siena', 'quinnipiac']);

/** What may follow a semicolon on a staff line: the next cue. */
const NEXT_CUE = /^\s*(?:writing|editing|reporting|additional|compiled|photo|with|graphics|fact-check|research)/i;

const DASHES = new Set([0x2d, 0x2013, 0x2014, 0x2012, 0x2015]);

/**
 * `text.charCodeAt(i)`, but -1 instead of NaN outside the text. The context reads around a
 * name often fall off the text's ends (a name at its start or end); an out-of-range
 * `charCodeAt` in optimized code deoptimizes the function (each read site once), and
 * `classify` was recompiled four times for it. -1, like NaN, equals no character.
 */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** `/^by\s/i` on the block's text, read in place rather than on a slice of its first characters. */
function startsWithByAt(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  const b = text.charCodeAt(start);
  const y = text.charCodeAt(start + 1);
  return (b === 0x62 || b === 0x42) && (y === 0x79 || y === 0x59) && REGEX_SPACE.test(text[start + 2] as string);
}

/** One character of the regex class `\s`. */
const REGEX_SPACE = /^\s$/;

interface Span {
  readonly start: number;
  readonly end: number;
}

function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) if (span.start < end && start < span.end) return true;
  return false;
}

/** Trims spaces and edge punctuation from [start, end). */
function trimPart(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  const edge = (c: number): boolean => c <= 0x20 || c === 0xa0 || '.,:;()[]"“”‘’\'*|-–—'.includes(String.fromCharCode(c));
  while (s < e && edge(text.charCodeAt(s))) s++;
  while (e > s && edge(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** A person's or outlet's name as written on a credit line: capitalised words and connectors, or a generic source. */
function isNameLike(part: string): boolean {
  if (!part || part.length > 60) return false;
  if (GENERIC_SOURCES.has(part.toLowerCase())) return true;
  // At least one real word: not "N.J" or "R".
  if (!/\p{L}{3}/u.test(part) && !/^\p{Lu}{2,}$/u.test(part)) return false;
  const words = part.split(/\s+/);
  if (words.length > 6) return false;
  let capitalised = 0;
  for (const word of words) {
    const first = word[0] ?? '';
    if (first && first !== first.toLowerCase()) capitalised++;
    else if (/^\d/.test(word)) continue;
    else if (!NAME_CONNECTORS.has(word.toLowerCase())) return false;
  }
  return capitalised > 0;
}

/** True when only spaces, closing brackets, quotes and periods lie between `pos` and `limit`. */
function onlyClosersUntil(text: string, pos: number, limit: number): boolean {
  for (let i = pos; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0xa0 || c === 0x09 || c === 0x0a || c === 0x2e || c === 0x29 || c === 0x5d || c === 0x201d || c === 0x22) continue;
    return false;
  }
  return true;
}

/** "contributed to this report", "contributed reporting": not "contributed to inflation". */
function isCreditContribution(text: string, cueEnd: number, limit: number): boolean {
  const words = wordsAfter(text, cueEnd, limit, 3);
  const [w0, w1, w2] = words.map((w) => w.norm);
  if (w0 === undefined) return onlyClosersUntil(text, cueEnd, Math.min(limit, cueEnd + 2)) || text.charCodeAt(cueEnd) === 0x2e;
  if (w0 === 'reporting' || w0 === 'research' || w0 === 'additional' || w0 === 'from' || w0 === 'reports') return true;
  if (w0 !== 'to') return false;
  if (w1 === 'this') return true;
  return w1 === 'the' && (w2 === 'report' || w2 === 'story' || w2 === 'article' || w2 === 'reporting');
}

/** Capitalised words that may follow a source's name without making it part of a longer name. */
const FREE_FOLLOWERS = new Set([
  'photo', 'photos', 'via', 'staff', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb',
  'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'i',
]);

/**
 * "the National Hurricane Center", "Thomson Reuters Foundation": a registry name directly
 * followed by another capitalised word is the start of a longer name, not the outlet.
 */
function continuesAsLongerName(text: string, end: number): boolean {
  if (codeAt(text, end) !== 0x20) return false;
  const c = codeAt(text, end + 1);
  if (!(c >= 65 && c <= 90)) return false;
  const next = wordsAfter(text, end, Math.min(text.length, end + 30), 1)[0];
  return next !== undefined && !FREE_FOLLOWERS.has(next.norm);
}

export interface CreditDetectorInput {
  readonly text: string;
  readonly blocks: readonly Block[];
}

/** `cues` are the credit-line cues of the text, from `findProvenancePhrases`. */
export function createCreditDetector(registry: CompiledRegistry): (doc: CreditDetectorInput, cues: readonly PhraseMatch[]) => RawCredit[] {
  /** Splits a credit-line segment into names: registry names first, then the name-like parts between them. */
  function creditsInSegment(text: string, from: number, to: number, kind: CreditKind, via: string, out: RawCredit[]): void {
    const matches = registry.text.findAll(text, from, to);
    let cursor = from;
    const gaps: Span[] = [];
    for (const match of matches) {
      gaps.push({ start: cursor, end: match.start });
      out.push({ kind, start: match.start, end: match.end, entry: registry.entries[match.value] ?? null, via });
      cursor = match.end;
    }
    gaps.push({ start: cursor, end: to });
    gaps.forEach((gap, gapIndex) => {
      // Split on the separators of credit lines: commas, "and", "&", "/", semicolons, "|".
      let partStart = gap.start;
      // Words run on from a registry name ("RCP Video") are part of it, not a second source.
      let skipNext = gapIndex > 0 && /^[ \u00a0]+\p{L}/u.test(text.slice(gap.start, gap.start + 3));
      // "Jane Roe in Orlando, Florida": the place after "in" and its state are not sources.
      let afterPlace = false;
      const flush = (partEnd: number): void => {
        let span = trimPart(text, partStart, partEnd);
        const skip = skipNext;
        skipNext = false;
        if (span.end <= span.start || skip) return;
        const placeCut = /\s(?:in|from|at|for|on)\s/.exec(text.slice(span.start, span.end));
        const continuesPlace = afterPlace && !/\s/.test(text.slice(span.start, span.end));
        afterPlace = placeCut !== null || (afterPlace && continuesPlace);
        if (continuesPlace) return;
        if (placeCut) {
          span = trimPart(text, span.start, span.start + placeCut.index);
          // "Kim Sato in Tokyo" keeps a person's name; "Moments from the campaign" is no credit.
          if (!/\s/.test(text.slice(span.start, span.end))) return;
        }
        if (span.end > span.start && isNameLike(text.slice(span.start, span.end))) {
          out.push({ kind, start: span.start, end: span.end, entry: null, via });
        }
      };
      let i = gap.start;
      while (i < gap.end) {
        const c = text.charCodeAt(i);
        if (c === 0x2c || c === 0x2f || c === 0x3b || c === 0x7c || c === 0x26) {
          flush(i);
          partStart = i + 1;
        } else if ((c === 0x61 || c === 0x41) && text.slice(i - 1, i + 4).toLowerCase() === ' and ') {
          flush(i);
          partStart = i + 3;
          i += 3;
          continue;
        }
        i++;
      }
      flush(gap.end);
    });
  }

  /** End of a credit-line segment: a line break, ";", ")" or a sentence end, within 160 characters. */
  function segmentEnd(text: string, from: number, limit: number, stopAtSemicolon: boolean): number {
    const stop = Math.min(limit, from + 160);
    for (let i = from; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x29) return i;
      // A semicolon ends the segment when the next credit cue follows ("; Editing by …").
      if (c === 0x3b && stopAtSemicolon && NEXT_CUE.test(text.slice(i + 1, i + 16))) return i;
      if (c === 0x2e && (i + 1 >= stop || text.charCodeAt(i + 1) === 0x20)) {
        // Not after an initial ("J. Smith").
        const prev = i >= 2 ? text.charCodeAt(i - 2) : 0x20;
        if (prev === 0x20 || prev === 0x2e) continue;
        return i;
      }
    }
    return stop;
  }

  /** Start of the sentence or line holding `pos`, for names before a cue ("Press TV and Tasnim contributed"). */
  function segmentStart(text: string, pos: number, floor: number): number {
    const stop = Math.max(floor, pos - 160);
    for (let i = pos - 1; i >= stop; i--) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x28 || c === 0x3b) return i + 1;
      if ((c === 0x2e || c === 0x21 || c === 0x3f) && text.charCodeAt(i + 1) === 0x20) return i + 1;
    }
    return stop;
  }

  function creditLines(doc: CreditDetectorInput, cues: readonly PhraseMatch[], out: RawCredit[]): Span[] {
    const { text, blocks } = doc;
    const consumed: Span[] = [];
    for (const m of cues) {
      const cueStart = m.start;
      const cueEnd = m.end;
      const cue = m.text.toLowerCase().replace(/\s+/g, ' ');
      const blockIndex = blockIndexAt(doc, cueStart);
      const block = blocks[blockIndex];
      const floor = block?.start ?? 0;
      const limit = block?.end ?? text.length;
      const before = out.length;
      if (cue.startsWith('contribut')) {
        const next = skipSpaces(text, cueEnd, limit);
        const byAfter = text.charCodeAt(next) === 0x3a || text.slice(next, next + 3).toLowerCase() === 'by ';
        if (byAfter) {
          const from = text.charCodeAt(next) === 0x3a ? next + 1 : next + 3;
          const to = segmentEnd(text, from, limit, true);
          creditsInSegment(text, from, to, 'contributor', 'contributor-line', out);
          consumed.push({ start: cueStart, end: to });
        } else if ((cue === 'contributed' || cue === 'contributing') && isCreditContribution(text, cueEnd, limit)) {
          const from = segmentStart(text, cueStart, floor);
          // "Jane Doe in Beirut contributed": only the names before the cue.
          creditsInSegment(text, from, cueStart, 'contributor', 'contributor-line', out);
          consumed.push({ start: from, end: cueEnd });
        }
      } else {
        const kind: CreditKind = BYLINE_CUES.has(cue) ? 'byline' : CONTRIBUTOR_CUES.has(cue) ? 'contributor' : 'photo';
        // A credit line starts its line or follows a sentence end or a bracket, not mid-sentence
        // ("a list compiled by the council"); captions and credit blocks may hold it anywhere.
        const lineStart = lineStartOf(text, cueStart, floor, 200);
        const lead = text.slice(lineStart, cueStart).trim();
        const inCredit = block?.kind === 'caption' || block?.kind === 'credit' || block?.kind === 'byline';
        if (lead.length > 0 && !/[.|(:;\u2013\u2014-]$/.test(lead) && !inCredit) continue;
        const from = cueEnd;
        const to = segmentEnd(text, from, limit, true);
        creditsInSegment(text, from, to, kind, `${kind}-line`, out);
        consumed.push({ start: cueStart, end: to });
      }
      if (out.length === before) consumed.pop();
    }
    // "By …" lines: a byline block, or a short line that starts with "By ".
    for (const block of blocks) {
      if (block.kind !== 'byline' && block.end - block.start > 120) continue;
      const startsWithBy = startsWithByAt(text, block.start, block.end);
      if (block.kind !== 'byline' && !startsWithBy) continue;
      if (overlapsAny(consumed, block.start, block.end)) continue;
      const from = startsWithBy ? block.start + 3 : block.start;
      const before = out.length;
      const candidates: RawCredit[] = [];
      creditsInSegment(text, from, block.end, 'byline', 'byline', candidates);
      if (block.kind !== 'byline' && candidates.length === 0) continue;
      out.push(...candidates);
      if (out.length > before) consumed.push({ start: block.start, end: block.end });
    }
    return consumed;
  }

  // One word list for the context tests below (none calls another while reading it).
  const context = createWordList();
  /** The norm of the k-th word read into `context`, or undefined past the last. */
  const normAt = (k: number): string | undefined => (k < context.count ? (context.slots[k] as Word).norm : undefined);

  /** "… via Reuters": the word before `start` is "via". */
  function isAfterVia(text: string, start: number, floor: number): boolean {
    readWordsBefore(text, start, floor, 1, context);
    return normAt(0) === 'via';
  }

  function isCitedBefore(text: string, start: number, floor: number): boolean {
    readWordsBefore(text, start, floor, 6, context);
    let k = 0;
    // Skip modifiers and a possessive country ("told Iran's Press TV").
    while (k < context.count && k < 4) {
      const w = normAt(k) as string;
      if (CITING_MODIFIERS.has(w) || w.endsWith("'s")) k++;
      else break;
    }
    const cue = normAt(k);
    if (cue === undefined) return false;
    const patterns = CITING_BEFORE.get(cue);
    if (!patterns) return false;
    for (const pattern of patterns) {
      let all = true;
      for (let j = 0; j < pattern.length && all; j++) all = normAt(k + 1 + j) === pattern[j];
      if (all) return true;
    }
    return false;
  }

  function isCitedAfter(text: string, end: number, limit: number): boolean {
    readWordsAfter(text, end, limit, 6, true, context);
    let k = 0;
    if (normAt(k) === 's' || normAt(k) === "'s") k++;
    while (k < context.count && k < 4 && OUTLET_NOUNS.has(normAt(k) as string)) k++;
    const word = normAt(k);
    if (word === undefined) return false;
    if (CITING_AFTER_NOUNS.has(word)) return true;
    if (!CITING_AFTER_VERBS.has(word)) return false;
    if (word === 'has' || word === 'had' || word === 'was' || word === 'is') {
      const next = normAt(k + 1) ?? '';
      return AUXILIARY_FOLLOWERS.has(next) || (next === 'also' && AUXILIARY_FOLLOWERS.has(normAt(k + 2) ?? ''));
    }
    return true;
  }

  function classify(doc: CreditDetectorInput, match: NameMatch): { kind: CreditKind; via: string } | null {
    const { text, blocks } = doc;
    if (continuesAsLongerName(text, match.end)) return null;
    const blockIndex = blockIndexAt(doc, match.start);
    const block = blocks[blockIndex];
    const floor = block?.start ?? 0;
    const limit = block?.end ?? text.length;
    const open = skipSpacesBack(text, match.start, floor);
    const close = skipSpaces(text, match.end, limit);
    const lineStart = lineStartOf(text, match.start, floor, 120);

    // "(AP Photo/Evan Vucci)", "(Reuters) -", "BAGHDAD (Tasnim) –"; "(AP)" closing a caption is its photo credit.
    if (codeAt(text, open - 1) === 0x28) {
      const after = text.slice(close, close + 6).toLowerCase();
      if (after.startsWith('photo') || (block?.kind === 'caption' && codeAt(text, close) === 0x29)) return { kind: 'photo', via: 'photo-credit' };
      if (codeAt(text, close) === 0x29 && open - 1 - lineStart <= 80) {
        const next = skipSpaces(text, close + 1, limit);
        const c = codeAt(text, next);
        if (DASHES.has(c) || c === 0x3a || next >= limit || open - 1 === lineStart) return { kind: 'wire', via: 'dateline' };
      }
    }
    // "AFP/Getty Images", "Jane Doe/Reuters" in captions and credit lines.
    const slashBefore = codeAt(text, open - 1) === 0x2f || isAfterVia(text, match.start, floor);
    const slashAfter = codeAt(text, close) === 0x2f;
    const inCaption = block?.kind === 'caption' || block?.kind === 'credit';
    if (slashBefore || slashAfter) {
      const line = text.slice(lineStart, lineEndOf(text, match.end, limit, 120)).toLowerCase();
      if (inCaption || line.includes('photo') || line.includes('getty') || line.includes('image')) return { kind: 'photo', via: 'photo-credit' };
    }
    // A caption that ends with its credit: "… on Tuesday. IRNA".
    const endsBlock = onlyClosersUntil(text, match.end, limit);
    if (inCaption && endsBlock) {
      const previous = blocks[blockIndex - 1];
      if (block?.kind === 'caption' || previous?.kind === 'caption' || /photo|image|picture/i.test(text.slice(floor, limit))) {
        return { kind: 'photo', via: 'caption-credit' };
      }
      return { kind: 'contributor', via: 'credit-block' };
    }
    if (isCitedBefore(text, match.start, floor) || isCitedAfter(text, match.end, limit)) return { kind: 'citation', via: 'citation' };
    // A short paragraph closed by a detached name, as a caption read as a paragraph: "… in Tehran on Tuesday. IRNA".
    if (endsBlock && block && block.end - block.start <= 400 && (block.kind === 'paragraph' || block.kind === 'dek')) {
      const prev = codeAt(text, open - 1);
      if ((prev === 0x2e || prev === 0x7c || DASHES.has(prev)) && open - 1 > floor) return { kind: 'photo', via: 'caption-credit' };
    }
    if (block?.kind === 'byline') return { kind: 'byline', via: 'byline' };
    if (block?.kind === 'dateline') return { kind: 'wire', via: 'dateline' };
    return null;
  }

  return (doc, cues) => {
    const credits: RawCredit[] = [];
    // Spans already read as credit lines, sorted, swept with the (sorted) matches: linear.
    const taken = [...creditLines(doc, cues, credits), ...credits].sort((a, b) => a.start - b.start);
    let reach = -1;
    let t = 0;
    const matches = registry.text.findAll(doc.text, 0, doc.text.length);
    for (const match of matches) {
      while (t < taken.length && (taken[t] as Span).start < match.end) {
        reach = Math.max(reach, (taken[t] as Span).end);
        t++;
      }
      // Every taken span so far starts before the match ends; one reaching past its start overlaps it.
      if (reach > match.start) continue;
      const found = classify(doc, match);
      if (!found) continue;
      credits.push({ kind: found.kind, start: match.start, end: match.end, entry: registry.entries[match.value] ?? null, via: found.via });
    }
    return credits;
  };
}
