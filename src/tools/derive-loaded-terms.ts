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
 * and keeps a form when it occurs at least `minCount` times, is marked in at least
 * `minDocuments` distinct documents (one article's pet word is not evidence), and a
 * smoothed rate (a Beta(1, 2) prior, which leans towards "not loaded": (inside + 1) /
 * (occurrences + 3)) reaches `minRate`. The smoothing keeps a word seen twice, both times
 * marked, from outranking one marked 30 times in 40. Words outside the lists may enter
 * only at stricter bars (`openMin*`), where the data alone must carry them. Words that are
 * usually neutral in news are denied by name (`DENIED_GROUPS`), each group with its reason;
 * inflections join an entry only when attested in the data and not themselves judged
 * neutral there. On the 2026 data the thresholds were chosen on the tuning split only.
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
  /** Distinct PTC articles with at least one occurrence inside a span. */
  ptcArticlesInside: number;
  babeSeen: number;
  babeMarked: number;
}

export interface DeriveOptions {
  /** Fewest occurrences (PTC occurrences plus BABE sentences) a subjective-list form needs. */
  readonly minCount: number;
  /** Lowest smoothed share of occurrences inside gold spans or marked biased. */
  readonly minRate: number;
  /** Fewest distinct documents (PTC articles, BABE sentences) that mark it: one article's pet word is not evidence. */
  readonly minDocuments: number;
  /** Stricter bars for words outside the subjectivity lists (the data alone must carry them). */
  readonly openMinCount: number;
  readonly openMinRate: number;
  readonly openMinDocuments: number;
  /** Smoothed rate from which an entry weighs 2 instead of 1. */
  readonly strongRate: number;
}

export const DEFAULT_OPTIONS: DeriveOptions = { minCount: 3, minRate: 0.4, minDocuments: 2, openMinCount: 5, openMinRate: 0.6, openMinDocuments: 3, strongRate: 0.75 };

/**
 * Words that the annotated data marks often enough but that a reader of news would not
 * call loaded on their own (topic words, ordinary verbs of conflict and law, literal
 * meanings, feelings reported of people), grouped by the reason they are left out.
 */
export const DENIED_GROUPS: readonly (readonly [reason: string, words: readonly string[]])[] = [
  ['topic word', ['abortion', 'immigration', 'war', 'racism', 'corruption', 'extremism', 'gun', 'guns']],
  ['owned by a targeted entry', ['terror']],
  [
    'ordinary news word',
    [
      'crisis', 'attack', 'attacks', 'attacked', 'killed', 'kill', 'killing', 'death', 'dead', 'violence', 'violent',
      'police', 'protest', 'protests', 'threat', 'threats', 'suspect', 'victims', 'victim', 'refugees', 'hostile',
      'enemy', 'enemies', 'opposition', 'destroyed', 'destroy', 'destruction', 'injured', 'wounded', 'sanctions',
      'lawsuit', 'sued', 'arrest', 'arrested', 'charged', 'guilty', 'convicted', 'prison', 'jail',
    ],
  ],
  ['legal status, loaded only in fixed phrases (another entry owns them)', ['illegal', 'illegally']],
  ['political label in ordinary use', ['conservative', 'liberal', 'liberals', 'conservatives', 'progressive']],
  [
    'reporting word',
    [
      'controversial', 'critics', 'criticism', 'claims', 'claimed', 'accused', 'deny', 'denied', 'admitted',
      'revealed', 'reveal', 'exposed',
    ],
  ],
  [
    'ordinary word',
    [
      'support', 'supporters', 'free', 'like', 'right', 'well', 'just', 'even', 'only', 'fair', 'clear', 'help',
      'poor', 'hard', 'die', 'died', 'fear', 'fears', 'concern', 'concerns', 'disease', 'love', 'god', 'religious',
      'christian', 'muslim', 'jewish', 'black', 'white', 'gay', 'transgender', 'women', 'sexual', 'danger',
      'dangerous', 'risk', 'problem', 'problems', 'issue', 'wrong', 'bad', 'good', 'best', 'great', 'better',
      'important', 'leading', 'top', 'strong', 'powerful', 'huge', 'big', 'new', 'really', 'very', 'much', 'many',
      'most', 'never', 'defend', 'freedom', 'justice', 'security', 'peace', 'safe', 'force', 'forced', 'failed',
      'fail', 'secret', 'secretly', 'lost', 'loss', 'cut', 'cuts', 'ban', 'banned', 'block', 'blocked', 'fight',
      'fighting', 'struggle', 'battle', 'conflict', 'racial', 'hispanic', 'emergency', 'damage',
    ],
  ],
  ['reporting verb (the attribution analyzer owns doubt and aggressive cue verbs)', ['warned', 'claim']],
  ['a hedge, read by the context rules', ['alleged', 'allegedly']],
  ['usually reports an accusation rather than making one', ['racist']],
  ['topic word (hate crime, hate speech)', ['hate']],
  ['crime name', ['rape', 'murder', 'murdered', 'abuse', 'fraud', 'assault', 'harassment']],
  ['topic word in anti-corruption reporting', ['corrupt']],
  ['used by security services and courts', ['extremist', 'extremists']],
  ['disease name', ['cancer']],
  ['a name (and a card game)', ['trump']],
  [
    'ordinary praise in features and obituaries',
    [
      'beautiful', 'beauty', 'beloved', 'charming', 'delighted', 'fun', 'heavenly', 'lavish', 'passion', 'precious',
      'profound', 'wonderful', 'monumental', 'extraordinarily', 'fanfare', 'masters',
      'brilliant',
    ],
  ],
  ['names a genre or a game as often as it judges', ['fantasy', 'horror']],
  [
    'literal meaning dominates in news',
    [
      'bite', 'blow', 'cracks', 'dog', 'sink', 'explode', 'exploded', 'hostage', 'poison', 'poisoned', 'wounds',
      'hack', 'spies', 'cracker', 'flood', 'crushed', 'ripped', 'sucked', 'raging', 'foul', 'gross', 'mad', 'con',
      'striking', 'shock', 'temper', 'posture', 'darkness', 'severity', 'gravely', 'hazy', 'obscure', 'obscured',
      'grim', 'violently', 'quashed',
      'kick', 'master', 'explosive', 'tortured',
    ],
  ],
  [
    'a feeling reported of people, not a label',
    [
      'terrified', 'frustrated', 'nervous', 'confused', 'conflicted', 'weeping', 'sorrow', 'suicidal', 'cried',
    ],
  ],
  [
    'ordinary reporting or policy wording',
    [
      'unequivocally', 'outcry', 'embattled', 'disproportionate', 'unnecessary', 'harmful', 'harsh', 'degradation',
      'radicalized', 'radically', 'rhetorical', 'ironies', 'abuser', 'abusive', 'enslaved', 'exploited',
      'suppress', 'outright', 'partisan',
    ],
  ],
  ['loaded only inside a phrase another entry owns or a topic-specific usage', ['witch', 'non-partisan', 'disordered', 'sanctity']],
];

export const DENIED: ReadonlyMap<string, string> = new Map(DENIED_GROUPS.flatMap(([reason, words]) => words.map((w) => [w, reason] as const)));

/** Category overrides where the suffix heuristic would be wrong; the rest are emotive intensifiers. */
export const CATEGORY_OF: Readonly<Record<string, LoadedCategory>> = {
  anarchist: 'name-calling', partisans: 'name-calling', ego: 'ridicule', mocked: 'ridicule', ridiculed: 'ridicule',
  myth: 'doubt-marker', vengeance: 'violence-framing', bloody: 'violence-framing',
};

/** How the category and part of speech of a derived form are guessed from its shape. */
export function guessShape(form: string): { category: LoadedCategory; pos: LoadedTermsEntry['pos'] } {
  const category = CATEGORY_OF[form] ?? 'emotive-intensifier';
  // Name-calling words are nouns; otherwise the suffix decides, and subjective words are mostly adjectives.
  const pos: LoadedTermsEntry['pos'] = category === 'name-calling' ? 'noun' : form.endsWith('ly') ? 'adv' : /(?:ed|ing)$/.test(form) ? 'verb' : 'adj';
  return { category, pos };
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
    s = { ptcSeen: 0, ptcInside: 0, ptcArticlesInside: 0, babeSeen: 0, babeMarked: 0 };
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
  const inside = new Set<string>();
  for (const token of wordTokens(doc)) {
    const s = toCp[toRaw[token.start] as number] as number;
    const e = toCp[toRaw[token.end] as number] as number;
    while (g < gold.length && (gold[g] as Span)[1] <= s) g++;
    const span = gold[g];
    const stats = statsOf(table, token.base);
    stats.ptcSeen++;
    if (span && span[0] <= s && e <= span[1]) {
      stats.ptcInside++;
      inside.add(token.base);
    }
  }
  for (const base of inside) statsOf(table, base).ptcArticlesInside++;
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
  return (s.ptcInside + s.babeMarked + 1) / (s.ptcSeen + s.babeSeen + 3);
}

export interface Selected {
  readonly form: string;
  readonly stats: FormStats;
  readonly rate: number;
  /** In Recasens et al.'s subjectivity lists. */
  readonly listed: boolean;
}

/** Distinct documents that mark a form: PTC articles with it inside a span, BABE sentences listing it. */
export function markingDocuments(s: FormStats): number {
  return s.ptcArticlesInside + s.babeMarked;
}

/**
 * The forms that pass the thresholds, sorted by form: subjective-list words (`isListed`)
 * at the ordinary bars, any other word only at the open (stricter) ones.
 */
export function selectForms(
  table: ReadonlyMap<string, FormStats>,
  isListed: (form: string) => boolean,
  claimed: ReadonlySet<string>,
  options: DeriveOptions = DEFAULT_OPTIONS,
): Selected[] {
  const out: Selected[] = [];
  for (const [form, stats] of table) {
    if (form.length < 3 || claimed.has(form) || DENIED.has(form)) continue;
    const listed = isListed(form);
    const count = stats.ptcSeen + stats.babeSeen;
    const rate = smoothedRate(stats);
    const docs = markingDocuments(stats);
    const pass = listed
      ? count >= options.minCount && rate >= options.minRate && docs >= options.minDocuments
      : count >= options.openMinCount && rate >= options.openMinRate && docs >= options.openMinDocuments;
    if (pass) out.push({ form, stats, rate, listed });
  }
  return out.sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
}

function percent(n: number, d: number): string {
  return `${n} of ${d}`;
}

/** The lexicon entry for one selected form, with its regular inflections that nobody else owns. */
export function entryFor(
  selected: Selected,
  polarity: 'negative' | 'positive' | 'neutral',
  lists: readonly string[],
  claimed: ReadonlySet<string>,
  attested: (form: string) => boolean,
): LoadedTermsEntry {
  const { form, stats, rate } = selected;
  // Only inflections attested in the data: the generator also yields non-words ("bitterlies").
  const match = [form, ...regularInflections(form).filter((f) => attested(f) && !claimed.has(f) && !DENIED.has(f))];
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
    note: `${lists.length ? `Subjective word (${lists.join(', ')} in Recasens et al. 2013)` : 'Word marked by news annotators'}: ${evidence.join('; ')}${stats.ptcArticlesInside ? ` (${stats.ptcArticlesInside} PTC article${stats.ptcArticlesInside === 1 ? '' : 's'})` : ''}.`,
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
    const entry = entryFor(s, polarity.get(stem) ?? 'neutral', [...(stems.get(stem) ?? [])].sort(), owned, (f) => {
      // Seen in the data, and not itself seen often enough to be judged and found neutral.
      const st = table.get(f);
      return st !== undefined && !(st.ptcSeen + st.babeSeen >= options.minCount && smoothedRate(st) < options.minRate);
    });
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
