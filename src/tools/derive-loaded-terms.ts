/**
 * Derives `lexicons/loaded-terms-corpus.json` from annotated news: `npm run lexicons:derive
 * [shared-dir] [out]` (after a build; the shared dir defaults to `$FRAMELENS_SHARED` or
 * `../shared`).
 *
 * Candidates are the subjective words of Recasens et al. 2013's lists (Riloff and Wiebe's
 * strong subjectives, Liu's negative and positive opinion words), compared by Porter stem
 * so "slammed" is a candidate through "slam". For each candidate word form the script
 * counts, on the TUNING part only (`isHeldOut` false) of
 * - PTC train articles: occurrences, and how many lie inside a `Loaded_Language` or
 *   `Name_Calling,Labeling` span;
 * - BABE sentences: sentences containing the word, and how many of those list it among
 *   the annotators' `biased_words`;
 * and keeps a form when it occurs at least `minCount` times and a smoothed rate
 * (Beta(1, 1) prior: (inside + 1) / (occurrences + 2)) reaches `minRate`. The smoothing
 * keeps a word seen twice, both times marked, from outranking one marked 30 times in 40.
 * Words that are usually neutral in news are denied by name (`DENIED`), with the reason.
 *
 * Only words and counts leave the data: notes give statistics, never dataset text. Forms
 * the hand-curated lexicon (`loaded-terms.json`) already matches, itself or through its
 * inflections, are skipped so every phrase has one owner. Output is sorted and written one
 * entry per line, so re-running on the same data is byte-stable.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandForms } from '../analyzers/loaded-language/compile.js';
import { createDocumentBuilder } from '../document/build-document.js';
import type { Document } from '../document/types.js';
import { createArticleStructurer } from '../input/structure-article.js';
import type { LoadedCategory, LoadedTermsEntry } from '../lexicon/kinds/loaded-terms.js';
import { bundledLexiconDir, loadLexicons, parseLexiconFile, type LexiconProblem } from '../lexicon/load.js';
import { alignTexts, codePointOffsets } from '../nlp/align-text.js';
import { regularInflections, stemWord } from '../nlp/porter.js';
import { wordsOf } from '../eval/babe.js';
import { mergeSpans, ptcArticle, type Span } from '../eval/ptc.js';
import { datasetArticle, isHeldOut } from '../eval/types.js';

/** Counts of one word form on the tuning data. */
export interface FormStats {
  ptcSeen: number;
  ptcInside: number;
  babeSeen: number;
  babeMarked: number;
}

export interface DeriveOptions {
  /** Fewest occurrences (PTC occurrences plus BABE sentences) a form needs. */
  readonly minCount: number;
  /** Lowest smoothed share of occurrences inside gold spans or marked biased. */
  readonly minRate: number;
  /** Smoothed rate from which an entry weighs 2 instead of 1. */
  readonly strongRate: number;
}

export const DEFAULT_OPTIONS: DeriveOptions = { minCount: 3, minRate: 0.5, strongRate: 0.75 };

/**
 * Subjective words that the annotated data marks often enough but that a reader of news
 * would not call loaded on their own: topic words, ordinary verbs of conflict and law,
 * and evaluations that reports need. Each line says why.
 */
export const DENIED: Readonly<Record<string, string>> = {
  // Topic nouns: annotators mark the frame around them, the word itself is the subject.
  abortion: 'topic word', immigration: 'topic word', terror: 'owned by a targeted entry', war: 'topic word',
  crisis: 'ordinary news word', attack: 'ordinary news word', attacks: 'ordinary news word', attacked: 'ordinary news word',
  killed: 'ordinary news word', kill: 'ordinary news word', killing: 'ordinary news word', death: 'ordinary news word', dead: 'ordinary news word',
  violence: 'ordinary news word', violent: 'ordinary news word', illegal: 'legal status, loaded only in fixed phrases', illegally: 'legal status',
  police: 'ordinary news word', protest: 'ordinary news word', protests: 'ordinary news word', conservative: 'political label in ordinary use',
  liberal: 'political label in ordinary use', liberals: 'political label in ordinary use', conservatives: 'political label in ordinary use',
  progressive: 'political label in ordinary use', controversial: 'reporting word', critics: 'reporting word', criticism: 'reporting word',
  support: 'ordinary word', supporters: 'ordinary word', free: 'ordinary word', like: 'ordinary word', right: 'ordinary word', well: 'ordinary word',
  just: 'ordinary word', even: 'ordinary word', only: 'ordinary word', fair: 'ordinary word', clear: 'ordinary word', help: 'ordinary word',
  poor: 'ordinary word', hard: 'ordinary word', die: 'ordinary word', died: 'ordinary word', fear: 'ordinary word', fears: 'ordinary word',
  concern: 'ordinary word', concerns: 'ordinary word', threat: 'ordinary news word', threats: 'ordinary news word', warned: 'reporting verb',
  claim: 'reporting word (the attribution analyzer owns doubt verbs)', claims: 'reporting word', claimed: 'reporting word',
  accused: 'reporting word', alleged: 'hedge (context rule)', allegedly: 'hedge', suspect: 'ordinary news word', victims: 'ordinary news word',
  victim: 'ordinary news word', refugees: 'ordinary news word', racist: 'owned by name-calling context; usually reported', racism: 'topic word',
  hate: 'topic word (hate crime, hate speech)', rape: 'crime name', murder: 'crime name', murdered: 'crime name', abuse: 'crime name', fraud: 'crime name',
  corruption: 'topic word', corrupt: 'topic word in anti-corruption reporting', extremist: 'used by security services and courts',
  extremists: 'used by security services and courts', extremism: 'topic word', cancer: 'disease name', disease: 'ordinary word',
  gun: 'topic word', guns: 'topic word', love: 'ordinary word', god: 'ordinary word', religious: 'ordinary word', christian: 'ordinary word',
  muslim: 'ordinary word', jewish: 'ordinary word', black: 'ordinary word', white: 'ordinary word', gay: 'ordinary word', transgender: 'ordinary word',
  women: 'ordinary word', sexual: 'ordinary word', assault: 'crime name', harassment: 'crime name', danger: 'ordinary word', dangerous: 'ordinary word',
  risk: 'ordinary word', problem: 'ordinary word', problems: 'ordinary word', issue: 'ordinary word', wrong: 'ordinary word', bad: 'ordinary word',
  good: 'ordinary word', best: 'ordinary word', great: 'ordinary word', better: 'ordinary word', important: 'ordinary word', leading: 'ordinary word',
  top: 'ordinary word', strong: 'ordinary word', powerful: 'ordinary word', huge: 'ordinary word', big: 'ordinary word', new: 'ordinary word',
  really: 'ordinary word', very: 'ordinary word', much: 'ordinary word', many: 'ordinary word', most: 'ordinary word', never: 'ordinary word',
  defend: 'ordinary word', freedom: 'ordinary word', justice: 'ordinary word', security: 'ordinary word', peace: 'ordinary word', safe: 'ordinary word',
  trump: 'a name (and a card game)', force: 'ordinary word', forced: 'ordinary word', failed: 'ordinary word', fail: 'ordinary word',
  deny: 'reporting word', denied: 'reporting word', admitted: 'reporting word', revealed: 'reporting word', reveal: 'reporting word',
  exposed: 'reporting word', secret: 'ordinary word', secretly: 'ordinary word', lost: 'ordinary word', loss: 'ordinary word',
  cut: 'ordinary word', cuts: 'ordinary word', ban: 'ordinary word', banned: 'ordinary word', block: 'ordinary word', blocked: 'ordinary word',
  fight: 'ordinary word', fighting: 'ordinary word', struggle: 'ordinary word', battle: 'ordinary word', conflict: 'ordinary word',
  hostile: 'ordinary news word', enemy: 'ordinary news word', enemies: 'ordinary news word', opposition: 'ordinary news word',
  racial: 'ordinary word', hispanic: 'ordinary word', emergency: 'ordinary word', damage: 'ordinary word', destroyed: 'ordinary news word',
  destroy: 'ordinary news word', destruction: 'ordinary news word', injured: 'ordinary news word', wounded: 'ordinary news word',
  sanctions: 'ordinary news word', lawsuit: 'ordinary news word', sued: 'ordinary news word', arrest: 'ordinary news word', arrested: 'ordinary news word',
  charged: 'ordinary news word', guilty: 'ordinary news word', convicted: 'ordinary news word', prison: 'ordinary news word', jail: 'ordinary news word',
};

/** Category overrides where the suffix heuristic would be wrong; the rest are emotive intensifiers. */
export const CATEGORY_OF: Readonly<Record<string, LoadedCategory>> = {};

/** How the category and part of speech of a derived form are guessed from its shape. */
export function guessShape(form: string): { category: LoadedCategory; pos: LoadedTermsEntry['pos'] } {
  const override = CATEGORY_OF[form];
  const pos: LoadedTermsEntry['pos'] = form.endsWith('ly') ? 'adv' : /(?:ed|ing)$/.test(form) ? 'verb' : 'adj';
  return { category: override ?? 'emotive-intensifier', pos };
}

/** Porter stems of every word in the Recasens lists that mark subjectivity or opinion. */
export function readSubjectiveStems(dir: string): { stems: Map<string, Set<string>>; polarity: Map<string, 'negative' | 'positive'> } {
  const stems = new Map<string, Set<string>>();
  const polarity = new Map<string, 'negative' | 'positive'>();
  const files: [string, string][] = [
    ['strong_subjectives_riloff2003.txt', 'strong subjective'],
    ['negative_liu2005.txt', 'negative opinion'],
    ['positive_liu2005.txt', 'positive opinion'],
  ];
  for (const [file, list] of files) {
    for (const line of readFileSync(join(dir, file), 'latin1').split('\n')) {
      const word = line.trim().toLowerCase();
      if (!word || word.startsWith(';') || !/^[a-z][a-z-]*$/.test(word)) continue;
      const stem = stemWord(word);
      const lists = stems.get(stem) ?? new Set<string>();
      lists.add(list);
      stems.set(stem, lists);
      if (list === 'negative opinion') polarity.set(stem, 'negative');
      else if (list === 'positive opinion' && !polarity.has(stem)) polarity.set(stem, 'positive');
    }
  }
  return { stems, polarity };
}

function statsOf(table: Map<string, FormStats>, form: string): FormStats {
  let s = table.get(form);
  if (!s) {
    s = { ptcSeen: 0, ptcInside: 0, babeSeen: 0, babeMarked: 0 };
    table.set(form, s);
  }
  return s;
}

/** Word tokens of a document as lower-case bases with their offsets. */
function wordTokens(doc: Document): { base: string; start: number; end: number }[] {
  return doc.tokens.filter((t) => t.kind === 'word' && /^[a-z][a-z'-]*$/.test(t.base)).map((t) => ({ base: t.base, start: t.start, end: t.end }));
}

/** Adds one PTC article: every word token, and whether it lies inside a merged gold span (code points of `raw`). */
export function countPtcArticle(table: Map<string, FormStats>, doc: Document, raw: string, gold: readonly Span[]): void {
  const toRaw = alignTexts(doc.text, raw);
  const toCp = codePointOffsets(raw);
  let g = 0;
  for (const token of wordTokens(doc)) {
    const s = toCp[toRaw[token.start] as number] as number;
    const e = toCp[toRaw[token.end] as number] as number;
    while (g < gold.length && (gold[g] as Span)[1] <= s) g++;
    const span = gold[g];
    const stats = statsOf(table, token.base);
    stats.ptcSeen++;
    if (span && span[0] <= s && e <= span[1]) stats.ptcInside++;
  }
}

/** Adds one BABE sentence: each distinct word once, marked when the annotators listed it. */
export function countBabeSentence(table: Map<string, FormStats>, doc: Document, biasedWords: readonly string[]): void {
  const marked = new Set(biasedWords.flatMap((w) => wordsOf(w)));
  for (const base of new Set(wordTokens(doc).map((t) => t.base))) {
    const stats = statsOf(table, base);
    stats.babeSeen++;
    if (marked.has(base)) stats.babeMarked++;
  }
}

export function smoothedRate(s: FormStats): number {
  return (s.ptcInside + s.babeMarked + 1) / (s.ptcSeen + s.babeSeen + 2);
}

export interface Selected {
  readonly form: string;
  readonly stats: FormStats;
  readonly rate: number;
}

/** The candidate forms that pass the thresholds, sorted by form. */
export function selectForms(
  table: ReadonlyMap<string, FormStats>,
  isCandidate: (form: string) => boolean,
  claimed: ReadonlySet<string>,
  options: DeriveOptions = DEFAULT_OPTIONS,
): Selected[] {
  const out: Selected[] = [];
  for (const [form, stats] of table) {
    if (form.length < 3 || claimed.has(form) || form in DENIED || !isCandidate(form)) continue;
    if (stats.ptcSeen + stats.babeSeen < options.minCount) continue;
    const rate = smoothedRate(stats);
    if (rate >= options.minRate) out.push({ form, stats, rate });
  }
  return out.sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
}

function percent(n: number, d: number): string {
  return `${n} of ${d}`;
}

/** The lexicon entry for one selected form, with its regular inflections that nobody else owns. */
export function entryFor(selected: Selected, polarity: 'negative' | 'positive' | 'neutral', lists: readonly string[], claimed: ReadonlySet<string>): LoadedTermsEntry {
  const { form, stats, rate } = selected;
  const match = [form, ...regularInflections(form).filter((f) => !claimed.has(f))];
  const { category, pos } = guessShape(form);
  const evidence: string[] = [];
  if (stats.ptcSeen) evidence.push(`inside Loaded_Language or Name_Calling spans in ${percent(stats.ptcInside, stats.ptcSeen)} occurrences in the PTC tuning articles`);
  if (stats.babeSeen) evidence.push(`marked biased in ${percent(stats.babeMarked, stats.babeSeen)} BABE tuning sentences that contain it`);
  return {
    id: `corpus-${form}`,
    match,
    inflect: false,
    exceptions: [],
    category,
    weight: rate >= DEFAULT_OPTIONS.strongRate ? 2 : 1,
    polarity,
    pos,
    alternatives: [],
    note: `Subjective word (${lists.join(', ')} in Recasens et al. 2013): ${evidence.join('; ')}.`,
    source: stats.ptcSeen >= stats.babeSeen ? 'ptc-train' : 'babe',
  };
}

export const SOURCES = [
  {
    id: 'ptc-train',
    citation:
      'Occurrence statistics on the tuning part (not held out) of the PTC training articles: share of a word\'s occurrences inside Loaded_Language or Name_Calling,Labeling spans (Da San Martino et al. 2019, EMNLP; 2020, SemEval Task 11). No text was copied.',
    url: 'https://propaganda.qcri.org/semeval2020-task11/',
  },
  {
    id: 'babe',
    citation:
      'Occurrence statistics on the tuning part of BABE: share of sentences containing a word whose annotators list it among biased_words (Spinde et al. 2021, Findings of EMNLP). No text was copied.',
    url: 'https://github.com/Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE',
    licence: 'AGPL-3.0 (data); only word counts were derived',
  },
  {
    id: 'recasens2013',
    citation:
      'Candidate words: Recasens, Danescu-Niculescu-Mizil and Jurafsky 2013 (ACL) lists, via the Wiki Neutrality Corpus code: strong subjectives (Riloff and Wiebe 2003), negative and positive opinion words (Liu et al. 2005).',
    url: 'https://github.com/rpryzant/neutralizing-bias',
    licence: 'MIT',
  },
] as const;

/** Serializes the lexicon file with one entry per line (stable, reviewable diffs). */
export function renderLexicon(entries: readonly LoadedTermsEntry[], options: DeriveOptions): string {
  const head = {
    id: 'loaded-terms-corpus',
    kind: 'loaded-terms',
    version: '1.0.0',
    description: `Subjective words that annotators of news mark as loaded: generated by npm run lexicons:derive (src/tools/derive-loaded-terms.ts) from Recasens et al.'s subjectivity lists, kept where at least ${options.minCount} occurrences in the tuning parts of PTC and BABE fall inside loaded-language spans or biased-word marks at a smoothed rate of ${options.minRate} or more, minus words that are usually neutral in news. Weight 2 from a rate of ${options.strongRate}. Do not edit by hand: change the script's lists and re-run.`,
    sources: SOURCES,
  };
  const json = JSON.stringify(head, null, 2);
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  return `${json.slice(0, -2)},\n  "entries": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

export function deriveLexicon(sharedDir: string, lexiconDir: string, options: DeriveOptions = DEFAULT_OPTIONS): { entries: LoadedTermsEntry[]; table: Map<string, FormStats> } {
  const lexicons = loadLexicons();
  const structure = createArticleStructurer(lexicons['text-cleaning']);
  const build = createDocumentBuilder(lexicons);
  const table = new Map<string, FormStats>();

  const ptcDir = join(sharedDir, 'data', 'ptc');
  const gold = readGoldSync(ptcDir);
  for (const file of readdirSync(join(ptcDir, 'train-articles')).filter((f) => /^article\d+\.txt$/.test(f)).sort()) {
    const id = file.slice('article'.length, -'.txt'.length);
    if (isHeldOut(id)) continue;
    const raw = readFileSync(join(ptcDir, 'train-articles', file), 'utf8');
    countPtcArticle(table, build(structure(ptcArticle(id, raw))), raw, gold.get(id) ?? []);
  }
  for (const line of readFileSync(join(sharedDir, 'data', 'babe', 'babe-sg2-dev.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; text: string; biased_words: string[] };
    if (isHeldOut(row.id)) continue;
    const doc = build(structure(datasetArticle({ id: row.id, source: 'babe', body: row.text, parts: [{ kind: 'paragraph', text: row.text }] })));
    countBabeSentence(table, doc, row.biased_words);
  }

  const problems: LexiconProblem[] = [];
  const curated = parseLexiconFile(join(lexiconDir, 'loaded-terms.json'), problems);
  const claimed = new Set<string>();
  for (const entry of (curated?.lexicon.entries ?? []) as readonly LoadedTermsEntry[]) for (const { text } of expandForms(entry)) claimed.add(text);

  const { stems, polarity } = readSubjectiveStems(join(sharedDir, 'data', 'resources', 'bias-lexicons-recasens2013'));
  const selected = selectForms(table, (form) => stems.has(stemWord(form)), claimed, options);
  const entries: LoadedTermsEntry[] = [];
  const owned = new Set(claimed);
  for (const s of selected) owned.add(s.form);
  for (const s of selected) {
    const stem = stemWord(s.form);
    const entry = entryFor(s, polarity.get(stem) ?? 'neutral', [...(stems.get(stem) ?? [])].sort(), owned);
    for (const f of entry.match) owned.add(f);
    entries.push(entry);
  }
  return { entries, table };
}

function readGoldSync(dir: string): Map<string, Span[]> {
  // The eval's readGold is async; this one-off batch job reads the same file synchronously.
  const lines = readFileSync(join(dir, 'train-task2-TC.labels'), 'utf8').split('\n');
  const spans = new Map<string, [number, number][]>();
  for (const line of lines) {
    const [id, technique, start, end] = line.split('\t');
    if (!id || (technique !== 'Loaded_Language' && technique !== 'Name_Calling,Labeling')) continue;
    const list = spans.get(id) ?? [];
    list.push([Number(start), Number(end)]);
    spans.set(id, list);
  }
  const merged = new Map<string, Span[]>();
  for (const [id, list] of spans) merged.set(id, mergeSpans(list));
  return merged;
}

function main(argv: readonly string[]): number {
  const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
  const sharedDir = resolve(argv[0] ?? process.env.FRAMELENS_SHARED ?? resolve(process.cwd(), '..', 'shared'));
  const out = resolve(argv[1] ?? join(root, 'lexicons', 'loaded-terms-corpus.json'));
  const { entries } = deriveLexicon(sharedDir, bundledLexiconDir());
  writeFileSync(out, renderLexicon(entries, DEFAULT_OPTIONS));
  process.stderr.write(`lexicons:derive: ${entries.length} entries → ${out}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
