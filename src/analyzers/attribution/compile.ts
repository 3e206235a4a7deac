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
        for (const form of entry.forms) {
          verbs.add(form, { entry, nounLike: nounForms.has(form), participle: (form.split(' ')[0] ?? '').endsWith('ing') });
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
  return { verbs, sourceNouns, markers, titles, organisationHeads, sourceNounHeads, entities, markerNote };
}
