/**
 * A broken user lexicon or registry: the error names the file, the entry and the field,
 * every problem is reported at once, and nothing is half-loaded (the call throws, and a
 * later load is unaffected).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LexiconError, loadLexicons, type LexiconProblem } from '../../src/lexicon/load.js';
import { bundledAnalyzer, articleFromBody, recordProblems, tempDir } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

let n = 0;
function lexiconFile(content: unknown, name = `user-${n++}.json`): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const goodTerm = {
  id: 'my-good',
  match: ['jackboot'],
  category: 'demonizing',
  weight: 2,
  polarity: 'negative',
  pos: 'noun',
  note: 'A test term.',
  source: 'codebook',
};
const envelope = (entries: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'my-terms',
  kind: 'loaded-terms',
  version: '1',
  sources: [{ id: 'codebook', citation: 'A test codebook.' }],
  entries,
  ...extra,
});

function problemsOf(extraFiles: string[]): readonly LexiconProblem[] {
  try {
    loadLexicons({ extraFiles });
  } catch (error) {
    expect(error).toBeInstanceOf(LexiconError);
    return (error as LexiconError).problems;
  }
  throw new Error('expected a LexiconError');
}

describe('broken user lexicons', () => {
  it('a good user lexicon loads (the baseline for the cases below)', () => {
    const set = loadLexicons({ extraFiles: [lexiconFile(envelope([goodTerm]))] });
    expect(set['loaded-terms'].entries.some((entry) => entry.id === 'my-good')).toBe(true);
  });

  it('invalid JSON: names the file', () => {
    const file = lexiconFile('{"id": "x", "kind": "loaded-terms", "entries": [ {"id": "a",, } ]');
    const problems = problemsOf([file]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.file).toContain(file.split('/').pop()!);
    expect(problems[0]!.message).toMatch(/JSON/);
  });

  it('a missing file: names the file, no stack trace in the message', () => {
    const missing = join(tmp.dir, 'does-not-exist.json');
    const problems = problemsOf([missing]);
    expect(problems[0]!.file).toContain('does-not-exist.json');
    expect(problems[0]!.message).not.toMatch(/\n\s+at /);
  });

  it('an unknown kind, a bad id and a missing version: each names its field', () => {
    const problems = problemsOf([lexiconFile({ id: 'My Terms!', kind: 'loaded-terms', entries: [] })]);
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('id');
    expect(fields).toContain('version');
    const unknown = problemsOf([lexiconFile(envelope([], { kind: 'loaded-termz' }))]);
    expect(unknown[0]!.field).toBe('kind');
    expect(unknown[0]!.message).toContain('loaded-terms');
  });

  it('bad entries: index, id and field of each problem, all reported at once', () => {
    const file = lexiconFile(
      envelope([
        goodTerm,
        { ...goodTerm, id: 'my-no-category', category: undefined },
        { ...goodTerm, id: 'my-heavy', weight: 7 },
        { ...goodTerm, id: 'my-shouting', match: ['JACKBOOT THUGS'] },
        { ...goodTerm, id: 'my-good' },
        { ...goodTerm, id: 'my-uncited', source: 'nowhere' },
        'not an object',
      ]),
    );
    const problems = problemsOf([file]);
    const find = (entryIndex: number) => problems.filter((p) => p.entryIndex === entryIndex);
    expect(find(1).map((p) => [p.entryId, p.field])).toContainEqual(['my-no-category', 'category']);
    expect(find(2).map((p) => [p.entryId, p.field])).toContainEqual(['my-heavy', 'weight']);
    expect(find(3).map((p) => [p.entryId, p.field])).toContainEqual(['my-shouting', 'match.0']);
    expect(find(4).map((p) => [p.entryId, p.field])).toContainEqual(['my-good', 'id']);
    expect(problems.some((p) => p.entryId === 'my-uncited' && p.field === 'source')).toBe(true);
    expect(find(6)).not.toHaveLength(0);
    // The message a user reads says all of it.
    const message = new LexiconError(problems).message;
    expect(message).toContain(file.split('/').pop()!);
    expect(message).toContain('entry 2 ("my-heavy")');
    expect(message).toContain('field "weight"');
  });

  it('problems in two files are reported together, each naming its own file', () => {
    const a = lexiconFile(envelope([{ ...goodTerm, weight: 'high' }]), 'first.json');
    const b = lexiconFile({ id: 'reg', kind: 'outlets', version: '1', entries: [{ id: 'Bad Outlet', name: 42 }] }, 'second-registry.json');
    const problems = problemsOf([a, b]);
    expect(problems.some((p) => p.file.endsWith('first.json') && p.field === 'weight')).toBe(true);
    expect(problems.some((p) => p.file.endsWith('second-registry.json') && p.entryIndex === 0 && p.field === 'id')).toBe(true);
    expect(problems.some((p) => p.file.endsWith('second-registry.json') && p.field === 'name')).toBe(true);
  });

  it('an unsafe regex in a user text-cleaning lexicon names the pattern field', () => {
    const file = lexiconFile({
      id: 'my-cleaning',
      kind: 'text-cleaning',
      version: '1',
      entries: [{ id: 'my-chrome', role: 'page-chrome', match: 'regex', pattern: '^(\\w+\\s?)+$', note: 'x' }],
    });
    const problems = problemsOf([file]);
    expect(problems[0]).toMatchObject({ entryIndex: 0, entryId: 'my-chrome', field: 'pattern' });
  });

  it('nothing is half-loaded: good entries of a broken file never reach a later load', () => {
    const file = lexiconFile(envelope([{ ...goodTerm, id: 'my-half' }, { ...goodTerm, id: 'my-broken', pos: 'verbish' }]));
    expect(() => loadLexicons({ extraFiles: [file] })).toThrow(LexiconError);
    const clean = loadLexicons();
    expect(clean['loaded-terms'].entries.some((entry) => entry.id === 'my-half')).toBe(false);
    expect(clean['loaded-terms'].version).not.toContain('my-terms');
  });

  it('a lexicon entry that disables a bundled one and a hostile lexicon id do not leak between loads', () => {
    const file = lexiconFile(envelope([{ id: '__proto__', disabled: true }, { ...goodTerm, id: 'constructor' }]));
    const set = loadLexicons({ extraFiles: [file] });
    expect(set['loaded-terms'].entries.some((entry) => entry.id === 'constructor')).toBe(true);
    expect(({} as Record<string, unknown>).disabled).toBeUndefined();
  });
});

describe('hostile words meet lexicon lookups', () => {
  it('Object.prototype names in text and in a user lexicon neither throw nor match by accident', async () => {
    const file = lexiconFile(envelope([{ ...goodTerm, id: 'my-proto', match: ['constructor', 'to string', 'prototype evil'] }]));
    const { createArticleAnalyzer } = await import('../../src/pipeline/analyze-article.js');
    const analyze = createArticleAnalyzer(loadLexicons({ extraFiles: [file] }));
    const body = 'Hostile words: constructor, __proto__, toString, valueOf, hasOwnProperty, prototype, __defineGetter__, isPrototypeOf.\n\nThe constructor said the __proto__ attack was prototype evil. To string a sentence, he said, “constructor”.';
    const record = analyze(articleFromBody(body));
    expect(recordProblems(record)).toEqual([]);
    const proto = record.findings.filter((f) => f.rule.endsWith('/my-proto'));
    expect([...new Set(proto.map((f) => f.text.toLowerCase()))].sort()).toEqual(['constructor', 'prototype evil', 'to string']);
    // The bundled lexicons alone: no finding on these words.
    const plain = bundledAnalyzer()(articleFromBody('constructor __proto__ toString valueOf hasOwnProperty prototype'));
    expect(recordProblems(plain)).toEqual([]);
    expect(plain.findings).toEqual([]);
  });
});
