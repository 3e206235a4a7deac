import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/document/tokenize.js';
import { tableById, tokenIds, wordId } from '../../src/nlp/vocabulary.js';

describe('vocabulary: word ids', () => {
  it('gives one stable id per word', () => {
    const id = wordId('kremlin');
    expect(wordId('kremlin')).toBe(id);
    expect(wordId('pentagon')).not.toBe(id);
  });

  it('turns a table into an array by id', () => {
    const table = new Map([['ceasefire', 1], ['truce', 2]]);
    const byId = tableById(table);
    expect(byId[wordId('ceasefire')]).toBe(1);
    expect(byId[wordId('truce')]).toBe(2);
  });

  it('reads the ids of norm and base, -1 for unknown words', () => {
    wordId('tehran');
    wordId('said');
    const tokens = tokenize("Tehran's envoy said zyxwv.");
    const ids = tokenIds(tokens);
    // "tehran's" is unknown as written; its base "tehran" is known.
    expect(ids.norm[0]).toBe(-1);
    expect(ids.base[0]).toBe(wordId('tehran'));
    expect(ids.norm[2]).toBe(wordId('said'));
    expect(ids.norm[3]).toBe(-1);
  });

  it('recomputes the ids of a document after a later table added words', () => {
    const tokens = tokenize('The Vortexia Herald reported.');
    expect(tokenIds(tokens).norm[1]).toBe(-1);
    const id = wordId('vortexia');
    expect(tokenIds(tokens).norm[1]).toBe(id);
  });

  it('agrees with a direct lookup for every token (property)', () => {
    const words = ['alpha', 'beta', "gamma's", 'delta', 'Epsilon', ',', 'zeta-eta', 'theta'];
    const known = new Set(['alpha', 'gamma', 'epsilon', ',', 'zeta-eta']);
    for (const word of known) wordId(word);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (picked) => {
        const tokens = tokenize(picked.join(' '));
        const ids = tokenIds(tokens);
        tokens.forEach((token, i) => {
          expect(ids.norm[i]).toBe(known.has(token.norm) ? wordId(token.norm) : -1);
          expect(ids.base[i]).toBe(known.has(token.base) ? wordId(token.base) : -1);
        });
      }),
    );
  });

  it('keeps every id after the table grows, and still misses unknown words', () => {
    // Enough words to grow the slot table several times over.
    const many = Array.from({ length: 5000 }, (_, k) => `growth${k.toString(36)}`);
    const ids = many.map((word) => wordId(word));
    expect(new Set(ids).size).toBe(many.length);
    const tokens = tokenize(`${many.slice(0, 50).join(' ')} growthzzzz growth-x`);
    const found = tokenIds(tokens);
    for (let k = 0; k < 50; k++) expect(found.norm[k]).toBe(ids[k]);
    expect(found.norm[50]).toBe(-1);
    expect(found.norm[51]).toBe(-1);
    expect(many.every((word, k) => wordId(word) === ids[k])).toBe(true);
  });
});
