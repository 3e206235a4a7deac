import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document/types.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import { datasetArticle } from '../../src/eval/types.js';
import { createArticleStructurer } from '../../src/input/structure-article.js';
import { LexiconEnvelopeSchema } from '../../src/lexicon/file.js';
import { LoadedTermsEntrySchema, type LoadedTermsEntry } from '../../src/lexicon/kinds/loaded-terms.js';
import { bundledLexiconDir, loadLexicons } from '../../src/lexicon/load.js';
import {
  countBabeSentence,
  countPtcArticle,
  DEFAULT_OPTIONS,
  DENIED,
  deriveLexicon,
  entryFor,
  guessShape,
  markingDocuments,
  renderLexicon,
  selectForms,
  smoothedRate,
  type FormStats,
} from '../../src/tools/derive-loaded-terms.js';

const lexicons = loadLexicons();
const structure = createArticleStructurer(lexicons['text-cleaning']);
const build = createDocumentBuilder(lexicons);

function docOf(text: string): Document {
  return build(structure(datasetArticle({ id: 't', source: 'test', body: text, parts: [{ kind: 'paragraph', text }] })));
}

/** Code-point span of the first occurrence of `words` in `text` (PTC counts code points). */
function cpSpan(text: string, words: string): [number, number] {
  const at = text.indexOf(words);
  const start = Array.from(text.slice(0, at)).length;
  return [start, start + Array.from(words).length];
}

const stats = (fields: Partial<FormStats>): FormStats => ({ ptcSeen: 0, ptcInside: 0, ptcArticlesInside: 0, babeSeen: 0, babeMarked: 0, ...fields });

describe('derive-loaded-terms: counting', () => {
  it('counts PTC occurrences inside gold spans, in code points, past an emoji', () => {
    const raw = 'The Daily Lantern 🔥 called the plan a reckless gamble, and a reckless one at that.';
    const gold = [cpSpan(raw, 'reckless gamble')];
    const table = new Map<string, FormStats>();
    countPtcArticle(table, docOf(raw), raw, gold);
    expect(table.get('reckless')).toEqual(stats({ ptcSeen: 2, ptcInside: 1, ptcArticlesInside: 1 }));
    expect(table.get('gamble')).toEqual(stats({ ptcSeen: 1, ptcInside: 1, ptcArticlesInside: 1 }));
    expect(table.get('plan')).toEqual(stats({ ptcSeen: 1 }));
  });

  it('counts each BABE sentence once per word, marked when the annotators listed it', () => {
    const table = new Map<string, FormStats>();
    countBabeSentence(table, docOf('The senator blasted the blasted budget of the Harbor Board.'), ['Blasted']);
    countBabeSentence(table, docOf('The board blasted its own budget.'), []);
    expect(table.get('blasted')).toEqual(stats({ babeSeen: 2, babeMarked: 1 }));
    expect(table.get('budget')).toEqual(stats({ babeSeen: 2 }));
  });
});

describe('derive-loaded-terms: selection', () => {
  const table = new Map<string, FormStats>([
    ['scathing', stats({ ptcSeen: 4, ptcInside: 3, ptcArticlesInside: 3, babeSeen: 2, babeMarked: 2 })],
    ['budget', stats({ ptcSeen: 40, ptcInside: 2, ptcArticlesInside: 2 })],
    ['rare', stats({ ptcSeen: 2, ptcInside: 2, ptcArticlesInside: 2 })],
    ['onearticle', stats({ ptcSeen: 6, ptcInside: 6, ptcArticlesInside: 1 })],
    ['killed', stats({ ptcSeen: 20, ptcInside: 15, ptcArticlesInside: 9 })],
    ['sneered', stats({ ptcSeen: 5, ptcInside: 5, ptcArticlesInside: 5 })],
    ['openword', stats({ ptcSeen: 8, ptcInside: 6, ptcArticlesInside: 4 })],
    ['weakopen', stats({ ptcSeen: 8, ptcInside: 4, ptcArticlesInside: 4 })],
  ]);
  const listed = (form: string) => form !== 'openword' && form !== 'weakopen';

  it('keeps frequent, often-marked words from several documents and drops the rest', () => {
    const kept = selectForms(table, listed, new Set(['sneered'])).map((s) => s.form);
    // budget: rarely marked; rare: too few; onearticle: one article's pet word; killed: denied;
    // sneered: owned by the curated lexicon; weakopen: outside the lists at a lower rate.
    expect(kept).toEqual(['openword', 'scathing']);
  });

  it('names its reason for every denied word', () => {
    expect(DENIED.get('killed')).toBe('ordinary news word');
    for (const reason of DENIED.values()) expect(reason.length).toBeGreaterThan(3);
  });

  it('smooths rates towards one third, so two of two is weaker evidence than thirty of forty', () => {
    expect(smoothedRate(stats({ ptcSeen: 2, ptcInside: 2 }))).toBeLessThan(smoothedRate(stats({ ptcSeen: 40, ptcInside: 30 })));
    expect(markingDocuments(stats({ ptcArticlesInside: 2, babeMarked: 3 }))).toBe(5);
  });

  it('keeps rates strictly between 0 and 1 and rising with marked occurrences (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), fc.nat(50), (a, b, c, d) => {
        const seen = stats({ ptcSeen: a + b, ptcInside: a, babeSeen: c + d, babeMarked: c });
        const rate = smoothedRate(seen);
        const more = smoothedRate({ ...seen, ptcSeen: seen.ptcSeen + 1, ptcInside: seen.ptcInside + 1 });
        return rate > 0 && rate < 1 && more > rate;
      }),
    );
  });
});

describe('derive-loaded-terms: entries and the file', () => {
  const selected = { form: 'smear', stats: stats({ ptcSeen: 6, ptcInside: 5, ptcArticlesInside: 4, babeSeen: 3, babeMarked: 2 }), rate: 8 / 11, listed: true };

  it('builds a valid entry with attested inflections only, and statistics (not text) in its note', () => {
    const entry = entryFor(selected, 'negative', ['strong subjective'], new Set(['smeared']), (f) => f === 'smears' || f === 'smeared');
    expect(LoadedTermsEntrySchema.parse(entry)).toEqual(entry);
    // "smeared" belongs to another entry; "smearing" was never seen in the data.
    expect(entry.match).toContain('smears');
    expect(entry.match).toEqual(['smear', 'smears']);
    expect(entry).toMatchObject({ id: 'corpus-smear', category: 'emotive-intensifier', weight: 1, polarity: 'negative', source: 'ptc-train', inflect: false });
    expect(entry.note).toBe(
      'Subjective word (strong subjective in Recasens et al. 2013): inside Loaded_Language or Name_Calling spans in 5 of 6 occurrences in the PTC tuning articles; marked biased in 2 of 3 BABE tuning sentences that contain it (4 PTC articles).',
    );
  });

  it('guesses part of speech from the word shape and takes category overrides', () => {
    expect(guessShape('wildly')).toEqual({ category: 'emotive-intensifier', pos: 'adv' });
    expect(guessShape('lambasted').pos).toBe('verb');
    expect(guessShape('partisans')).toEqual({ category: 'name-calling', pos: 'noun' });
  });

  it('renders a lexicon file that validates, one entry per line, byte-stable', () => {
    const entries: LoadedTermsEntry[] = [entryFor(selected, 'negative', ['strong subjective'], new Set(), () => false)];
    const text = renderLexicon(entries, DEFAULT_OPTIONS);
    expect(renderLexicon(entries, DEFAULT_OPTIONS)).toBe(text);
    const parsed = LexiconEnvelopeSchema.parse(JSON.parse(text));
    expect(parsed.kind).toBe('loaded-terms');
    expect(parsed.sources.map((s) => s.id)).toEqual(['ptc-train', 'babe', 'recasens2013']);
    expect(text.split('\n').filter((l) => l.includes('"id":"corpus-'))).toHaveLength(1);
  });
});

describe('derive-loaded-terms: the bundled corpus lexicon', () => {
  const file = join(bundledLexiconDir(), 'loaded-terms-corpus.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { entries: LoadedTermsEntry[] };

  it('holds only generated entries, none of them a denied word, each with its statistics', () => {
    for (const entry of data.entries) {
      expect(entry.id).toMatch(/^corpus-/);
      for (const form of entry.match) expect(DENIED.has(form)).toBe(false);
      expect(entry.note).toMatch(/\d+ of \d+/);
    }
  });

  const shared = resolve(process.env.FRAMELENS_SHARED ?? resolve(process.cwd(), '..', 'shared'));
  it.skipIf(!existsSync(join(shared, 'data', 'ptc', 'train-task2-TC.labels')))('is what the script derives from the data today (re-run npm run lexicons:derive)', () => {
    const { entries } = deriveLexicon(shared, bundledLexiconDir());
    expect(renderLexicon(entries, DEFAULT_OPTIONS)).toBe(readFileSync(file, 'utf8'));
  });
});
