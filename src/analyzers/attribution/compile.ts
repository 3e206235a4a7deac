/**
 * The speech-verbs lexicon compiled once into phrase indexes over token norms.
 */
import type { LexiconSet } from '../../lexicon/load.js';
import type { EntitiesEntry } from '../../lexicon/kinds/entities.js';
import type { SourceNounEntry, SpeechVerbEntry, TitleEntry } from '../../lexicon/kinds/speech-verbs.js';
import { PhraseIndex } from './phrase-index.js';

export interface VerbForm {
  readonly entry: SpeechVerbEntry;
  /** The form is also a common noun ("report", "claims") and needs a verbal context. */
  readonly nounLike: boolean;
  /** A present participle ("saying"), which may take the subject of its clause. */
  readonly participle: boolean;
  /** The entry's `followedBy` as a set (null: any next token). */
  readonly followedBy: ReadonlySet<string> | null;
  /** The entry's `objectHeads` as a set (null: any object). */
  readonly objectHeads: ReadonlySet<string> | null;
}

export interface CompiledAttribution {
  readonly verbs: PhraseIndex<VerbForm>;
  readonly sourceNouns: PhraseIndex<SourceNounEntry>;
  readonly markers: PhraseIndex<string>;
  readonly titles: PhraseIndex<TitleEntry>;
  readonly organisationHeads: ReadonlySet<string>;
  /** Single-token forms of source nouns, so the parser can tell a noun-phrase head cheaply. */
  readonly sourceNounHeads: ReadonlyMap<string, SourceNounEntry>;
  readonly entities: ReadonlyMap<string, EntitiesEntry>;
  readonly markerNote: string;
  /** Every token key any phrase index or head set can start with, as bit flags (`KEY_*`). */
  readonly keyFlags: ReadonlyMap<string, number>;
  /** A 64K-bit sieve over (first two characters, length) of those keys: most tokens skip the map. */
  readonly keySieve: Uint8Array;
}

function sieveIndex(key: string): number {
  return ((key.charCodeAt(0) * 961 + (key.charCodeAt(1) || 0) * 31 + key.length) & 0xffff) >>> 0;
}

export const KEY_VERB = 1;
export const KEY_TITLE = 2;
export const KEY_ORGANISATION = 4;
export const KEY_SOURCE = 8;

/**
 * One map lookup per token (two for possessives) instead of one per lexicon: the flags of
 * each token's norm and base, read by every later check as an array access.
 */
export interface TokenFlags {
  readonly norm: Uint8Array;
  readonly base: Uint8Array;
}

export function flagTokens(tokens: readonly { readonly kind: string; readonly norm: string; readonly base: string }[], compiled: CompiledAttribution): TokenFlags {
  const norm = new Uint8Array(tokens.length);
  const base = new Uint8Array(tokens.length);
  const flags = compiled.keyFlags;
  const sieve = compiled.keySieve;
  const colon = flags.get(':') ?? 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as (typeof tokens)[number];
    if (token.kind !== 'word') {
      if (token.norm === ':') norm[i] = colon;
      continue;
    }
    const f = sieve[sieveIndex(token.norm)] ? flags.get(token.norm) ?? 0 : 0;
    norm[i] = f;
    base[i] = token.base === token.norm ? f : sieve[sieveIndex(token.base)] ? flags.get(token.base) ?? 0 : 0;
  }
  return { norm, base };
}

export function compileAttribution(lexicons: LexiconSet): CompiledAttribution {
  const verbs = new PhraseIndex<VerbForm>();
  const sourceNouns = new PhraseIndex<SourceNounEntry>();
  const markers = new PhraseIndex<string>();
  const titles = new PhraseIndex<TitleEntry>();
  const organisationHeads = new Set<string>();
  const sourceNounHeads = new Map<string, SourceNounEntry>();
  let markerNote = 'The outlet grants the source anonymity.';
  for (const entry of lexicons['speech-verbs'].entries) {
    switch (entry.type) {
      case 'verb': {
        const nounForms = new Set(entry.nounForms ?? []);
        const followedBy = entry.followedBy ? new Set(entry.followedBy) : null;
        const objectHeads = entry.objectHeads ? new Set(entry.objectHeads) : null;
        for (const form of entry.forms) {
          verbs.add(form, { entry, nounLike: nounForms.has(form), participle: (form.split(' ')[0] ?? '').endsWith('ing'), followedBy, objectHeads });
        }
        break;
      }
      case 'source-noun':
        for (const form of entry.forms) {
          sourceNouns.add(form, entry);
          if (!form.includes(' ') && !sourceNounHeads.has(form)) sourceNounHeads.set(form, entry);
        }
        break;
      case 'anonymity-marker':
        markerNote = entry.note;
        for (const form of entry.forms) markers.add(form, entry.id);
        break;
      case 'title':
        for (const form of entry.forms) titles.add(form, entry);
        break;
      case 'organisation':
        for (const form of entry.forms) if (!form.includes(' ')) organisationHeads.add(form);
        break;
    }
  }
  const entities = new Map(lexicons.entities.entries.map((entry) => [entry.id, entry] as const));
  const keyFlags = new Map<string, number>();
  const flag = (phrase: string, bit: number): void => {
    const first = phrase.split(' ')[0] as string;
    keyFlags.set(first, (keyFlags.get(first) ?? 0) | bit);
  };
  for (const entry of lexicons['speech-verbs'].entries) {
    const bit = entry.type === 'verb' ? KEY_VERB : entry.type === 'title' ? KEY_TITLE : entry.type === 'organisation' ? KEY_ORGANISATION : KEY_SOURCE;
    for (const form of entry.forms) flag(form, bit);
  }
  const keySieve = new Uint8Array(65536);
  for (const key of keyFlags.keys()) keySieve[sieveIndex(key)] = 1;
  return { verbs, sourceNouns, markers, titles, organisationHeads, sourceNounHeads, entities, markerNote, keyFlags, keySieve };
}
