import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { readArticleFile } from '../../src/input/read-inputs.js';
import { loadLexicons } from '../../src/lexicon/load.js';
import { createArticleAnalyzer } from '../../src/pipeline/analyze-article.js';

it('scratch', async () => {
  const analyze = createArticleAnalyzer(loadLexicons());
  const article = await readArticleFile(process.env.SCRATCH_FILE ?? '/work/shared/seed/000_5bd232881ca3315c.txt');
  const record = analyze(article);
  const show = (s: number, e: number) => record.text.slice(s, e).replace(/\n/g, ' ');
  const lines = [
    ...record.quotes.map((q) => `${q.kind} [${q.speaker}] cue=${q.cue?.verb ?? '-'} io=${q.inferredOpen} :: ${show(q.start, q.end).slice(0, 110)}`),
    ...record.voices.map((v) => JSON.stringify(v)),
    ...record.findings.filter((f) => f.analyzer === 'attribution').map((f) => `${f.rule} ${f.category} ${f.text} sp=${f.speaker} tg=${f.target}`),
    record.summary,
  ];
  writeFileSync('/tmp/attr/scratch.txt', lines.join('\n'));
});
