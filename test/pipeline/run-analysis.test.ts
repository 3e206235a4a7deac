import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { articleFromFields } from '../../src/input/article.js';
import { inputError, type InputItem } from '../../src/input/input-error.js';
import type { JsonlFile, JsonlLineItem } from '../../src/input/jsonl-line.js';
import { defaultWorkersFor, groupIntoSlots, WORKER_MAX_ARTICLE_CHARS, workersForBytes, type Slot } from '../../src/pipeline/run-analysis.js';

const MB = 1e6;

describe('workersForBytes', () => {
  it('keeps a small corpus in this thread, where a worker would not repay its start', () => {
    expect(workersForBytes(6 * MB, 2)).toBe(1);
    expect(workersForBytes(30 * MB, 2)).toBe(1);
  });

  it('uses both cores of a 2-core machine on a corpus of 68 MB and more', () => {
    expect(workersForBytes(68 * MB, 2)).toBe(2);
    expect(workersForBytes(680 * MB, 2)).toBe(2);
  });

  it('uses every core on a large corpus, and some where compiling can run on spare cores', () => {
    expect(workersForBytes(2000 * MB, 8)).toBe(8);
    const medium = workersForBytes(20 * MB, 8);
    expect(medium).toBeGreaterThan(1);
    expect(medium).toBeLessThan(8);
  });

  it('is between 1 and the cores, and never falls as the input grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 64 }), (a, b, cores) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        const fewer = workersForBytes(small * MB, cores);
        const more = workersForBytes(large * MB, cores);
        expect(fewer).toBeGreaterThanOrEqual(1);
        expect(more).toBeLessThanOrEqual(cores);
        expect(more).toBeGreaterThanOrEqual(fewer);
      }),
    );
  });
});

describe('defaultWorkersFor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'framelens-workers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const small = join(dir, 'small.jsonl');
  writeFileSync(small, '{"text":"The minister said the talks would resume."}\n');
  // Sparse: the size is what counts, not the bytes written.
  const large = join(dir, 'large.jsonl');
  writeFileSync(large, '');
  truncateSync(large, 200 * MB);

  it('analyses a small file in this thread', async () => {
    expect(await defaultWorkersFor([small], 1, 8)).toBe(1);
  });

  it('gives a large file every core', async () => {
    expect(await defaultWorkersFor([large], 1, 2)).toBe(2);
  });

  it('counts only the share of a sharded run', async () => {
    expect(await defaultWorkersFor([large], 100, 2)).toBe(1);
  });

  it('gives every core to inputs of unknown size: standard input and directories', async () => {
    expect(await defaultWorkersFor(['-'], 1, 4)).toBe(4);
    expect(await defaultWorkersFor([small, dir], 1, 4)).toBe(4);
  });

  it('adds nothing for URLs and unreadable paths', async () => {
    expect(await defaultWorkersFor(['https://example.org/a', join(dir, 'missing.jsonl'), small], 1, 4)).toBe(1);
  });
});

describe('groupIntoSlots', () => {
  const story = (id: string, body: string): InputItem => ({ kind: 'article', article: articleFromFields({ id, source: `stories.jsonl:${id}`, body }) });
  async function* from(items: readonly (InputItem | JsonlLineItem)[]): AsyncGenerator<InputItem | JsonlLineItem> {
    yield* items;
  }
  async function slotsOf(items: readonly (InputItem | JsonlLineItem)[]): Promise<Slot[]> {
    const slots: Slot[] = [];
    for await (const slot of groupIntoSlots(from(items))) slots.push(slot);
    return slots;
  }
  const idsOf = (slot: Slot): string[] => (slot.kind === 'error' ? [] : slot.kind === 'lines' ? slot.lines.numbers.map((n) => `${slot.lines.file.base}:${n}`) : slot.articles.map((article) => article.id));
  const feed = (name: string): JsonlFile => ({ name: `${name}.jsonl`, base: name, repairs: [] });
  const line = (file: JsonlFile, number: number, json = '{"text":"Talks resumed."}'): JsonlLineItem => ({ kind: 'jsonl-line', file, number, bytes: Buffer.from(json) });

  it('keeps an article too long for a worker in this thread, in its place between batches', async () => {
    const long = 'The minister said the talks would resume. '.repeat(Math.ceil(WORKER_MAX_ARTICLE_CHARS / 40));
    const slots = await slotsOf([story('a', 'Officials said on Monday.'), story('long', long), story('b', 'Talks resumed.')]);
    expect(slots.map((slot) => [slot.kind, idsOf(slot)])).toEqual([
      ['articles', ['a']], ['here', ['long']], ['articles', ['b']],
    ]);
  });

  it('batches JSONL lines by file, between the articles and errors around them', async () => {
    const [a, b] = [feed('a'), feed('b')];
    const bad = inputError('a.jsonl:3', null, 'too-large', 'line 3 is too long');
    const slots = await slotsOf([line(a, 1), line(a, 2), bad, line(a, 4), line(b, 1), story('c', 'Text.'), line(b, 2)]);
    expect(slots.map((slot) => [slot.kind, idsOf(slot)])).toEqual([
      ['lines', ['a:1', 'a:2']], ['error', []], ['lines', ['a:4']], ['lines', ['b:1']], ['articles', ['c']], ['lines', ['b:2']],
    ]);
    const first = slots[0];
    if (first?.kind !== 'lines') throw new Error('expected lines');
    // The batch owns exactly its lines' bytes, end to end.
    expect(Buffer.from(first.lines.bytes).toString('utf8')).toBe('{"text":"Talks resumed."}'.repeat(2));
    expect(first.lines.ends).toEqual([25, 50]);
    expect(first.lines.bytes.buffer.byteLength).toBe(50);
  });

  it('passes error records through in place', async () => {
    const bad = inputError('stories.jsonl:2', null, 'invalid-json', 'line 2 is not JSON');
    const slots = await slotsOf([story('a', 'One.'), bad, story('b', 'Two.')]);
    expect(slots.map((slot) => slot.kind)).toEqual(['articles', 'error', 'articles']);
  });

  it('loses nothing and keeps the input order, whatever the lengths', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant(10), fc.constant(40_000), fc.constant(WORKER_MAX_ARTICLE_CHARS + 1), fc.constant(-1), fc.constant(0)), { maxLength: 60 }), async (lengths) => {
        // -1: an error record; 0: a JSONL line; else an article of that length.
        const s = feed('s');
        const items = lengths.map((length, i) => (length < 0 ? inputError(`in:${i}`, `e${i}`, 'invalid-json', 'not JSON') : length === 0 ? line(s, i) : story(`s:${i}`, 'x'.repeat(length))));
        const slots = await slotsOf(items);
        const out = slots.flatMap((slot) => (slot.kind === 'error' ? [(JSON.parse(slot.line.json) as { id: string }).id] : idsOf(slot)));
        expect(out).toEqual(lengths.map((length, i) => (length < 0 ? `e${i}` : `s:${i}`)));
        for (const slot of slots) {
          if (slot.kind === 'lines') expect(slot.lines.numbers.length).toBeLessThanOrEqual(16);
          if (slot.kind === 'here') expect(slot.articles).toHaveLength(1);
          if (slot.kind === 'articles') for (const article of slot.articles) expect(article.body!.length).toBeLessThanOrEqual(WORKER_MAX_ARTICLE_CHARS);
        }
      }),
    );
  });
});
