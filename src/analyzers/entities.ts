/**
 * Finds the gazetteer's actors in the text: countries by name, alias, metonym
 * ("Washington", "the Kremlin") or demonym ("American"), organisations and armed groups by
 * their names, and a few people. Names are matched token by token and case-sensitively as
 * written ("US" the country, never "us" the pronoun); a leading "the" is not part of a
 * name. A mention inside one of an entry's exceptions ("Washington Post") is dropped.
 */
import type { Document, Token } from '../document/types.js';
import type { EntitiesEntry } from '../lexicon/kinds/entities.js';
import type { LexiconSet } from '../lexicon/load.js';
import { createDualIndex, longestInBucket, phraseMatchesAt, type DualIndex, type DualSlot, type IndexedPhrase, type PhraseEntry } from '../nlp/phrase-index.js';
import { createPhraseTokenizer, type PhraseTokenizer } from '../nlp/phrase-tokens.js';
import { tableById, tokenIds } from '../nlp/vocabulary.js';
import type { EntityMention } from './types.js';

type Via = EntityMention['via'];

interface NameForm {
  readonly entity: string;
  readonly via: Via;
  /** Surface of each token as written in the lexicon, compared case-sensitively. */
  readonly surfaces: readonly string[];
}

/** "the Kremlin" → "Kremlin": the article may write "The Kremlin" or "the Kremlin". */
export function stripArticle(form: string): string {
  return form.replace(/^(?:the|The) /, '');
}

export interface CompiledGazetteer {
  /** Names (primary) and exception phrases (secondary), by first token. */
  readonly index: DualIndex<NameForm, null>;
  /** `index` as an array by word id (`src/nlp/vocabulary.ts`): the hot loop reads it per token. */
  readonly slotsByWord: readonly (DualSlot<NameForm, null> | undefined)[];
  readonly byId: ReadonlyMap<string, EntitiesEntry>;
}

export function compileGazetteer(entries: readonly EntitiesEntry[], tokenize: PhraseTokenizer): CompiledGazetteer {
  const names: IndexedPhrase<NameForm>[] = [];
  const exceptions: IndexedPhrase<null>[] = [];
  const seen = new Set<string>();
  const add = (entity: string, via: Via, form: string): void => {
    const tokens = tokenize(stripArticle(form));
    if (!tokens.length) return;
    const key = tokens.map((t) => t.surface).join('\u0000');
    // The first entry to claim a surface form keeps it; the data lint reports clashes.
    if (seen.has(key)) return;
    seen.add(key);
    names.push({ keys: tokens.map((t) => t.base), value: { entity, via, surfaces: tokens.map((t) => t.surface) } });
  };
  for (const entry of entries) {
    add(entry.id, 'name', entry.name);
    for (const alias of entry.aliases) add(entry.id, 'alias', alias);
    for (const metonym of entry.metonyms) add(entry.id, 'metonym', metonym);
    for (const demonym of entry.demonyms) add(entry.id, 'demonym', demonym);
    for (const exception of entry.exceptions) {
      const tokens = tokenize(exception);
      if (tokens.length) exceptions.push({ keys: tokens.map((t) => t.base), value: null });
    }
  }
  const index = createDualIndex(names, exceptions);
  return { index, slotsByWord: tableById(index), byId: new Map(entries.map((e) => [e.id, e])) };
}

function mergeSlots<A, B>(a: DualSlot<A, B> | undefined, b: DualSlot<A, B> | undefined): DualSlot<A, B> | undefined {
  if (!a) return b;
  if (!b) return a;
  return {
    primary: [...a.primary, ...b.primary].sort((x, y) => y.keys.length - x.keys.length),
    secondary: [...a.secondary, ...b.secondary].sort((x, y) => y.keys.length - x.keys.length),
  };
}

/** Case-sensitive check, as a prefix so "Iran's" and a repaired "Irans" match "Iran". */
function caseMatches(text: string, tokens: readonly Token[], surfaces: readonly string[], at: number): boolean {
  for (let k = 0; k < surfaces.length; k++) {
    if (!text.startsWith(surfaces[k] as string, (tokens[at + k] as Token).start)) return false;
  }
  return true;
}

/** Finds the mentions of a compiled gazetteer in a document, left to right, longest first. */
export function findMentions(gazetteer: CompiledGazetteer, doc: Document): EntityMention[] {
  const { text, tokens } = doc;
  const mentions: EntityMention[] = [];
  let blockedUntil = 0;
  const slots = gazetteer.slotsByWord;
  const ids = tokenIds(tokens);
  const baseIds = ids.base;
  const normIds = ids.norm;
  for (let i = 0; i < tokens.length; i++) {
    const baseId = baseIds[i] as number;
    const normId = normIds[i] as number;
    // Ids of words registered after the gazetteer (by later analyzers) lie past its end.
    let slot = baseId < 0 || baseId >= slots.length ? undefined : slots[baseId];
    const normSlot = normId === baseId || normId < 0 || normId >= slots.length ? undefined : slots[normId];
    // Most tokens name no actor either way: skip them without reading the token.
    if (slot === undefined && normSlot === undefined) continue;
    const token = tokens[i] as Token;
    // "Guards" read as a lost-apostrophe possessive of "Guard": try the written form too.
    if (token.possessive && token.norm !== token.base) slot = mergeSlots(normSlot, slot);
    if (slot === undefined) continue;
    if (slot.secondary.length) {
      const exception = longestInBucket(slot.secondary, tokens, ids, i);
      if (exception) blockedUntil = Math.max(blockedUntil, i + exception.keys.length);
    }
    if (i < blockedUntil) continue;
    let match: PhraseEntry<NameForm> | null = null;
    for (const phrase of slot.primary) {
      if (phraseMatchesAt(phrase, tokens, ids, i) && caseMatches(text, tokens, phrase.value.surfaces, i)) {
        match = phrase;
        break;
      }
    }
    if (!match) continue;
    const end = i + match.keys.length;
    mentions.push({
      entity: match.value.entity,
      start: token.start,
      // The name without a possessive ending: "Iran" in "Iran's" and in a repaired "Irans".
      end: (tokens[end - 1] as Token).start + (match.value.surfaces[match.keys.length - 1] as string).length,
      tokenStart: i,
      tokenEnd: end,
      via: match.value.via,
    });
    i = end - 1;
  }
  return mentions;
}

export function createEntityFinder(lexicons: LexiconSet): (doc: Document) => EntityMention[] {
  const gazetteer = compileGazetteer(lexicons.entities.entries, createPhraseTokenizer(lexicons));
  return (doc) => findMentions(gazetteer, doc);
}
