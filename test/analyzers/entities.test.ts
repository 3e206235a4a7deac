import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '../../src/analyzers/entities.js';
import { createDocumentBuilder } from '../../src/document/build-document.js';
import type { Document } from '../../src/document/types.js';
import { loadLexicons } from '../../src/lexicon/load.js';

const lexicons = loadLexicons();
const build = createDocumentBuilder(lexicons);
const find = createEntityFinder(lexicons);

function docOf(text: string): Document {
  return build({ id: 't', source: 'test', outlet: null, title: null, byline: null, url: null, published: null, fields: {}, removed: [], inputRepairs: [], parts: [{ kind: 'paragraph', text }] });
}

/** One line per mention: `text entity via`. */
function lines(text: string): string[] {
  const doc = docOf(text);
  return find(doc).map((m) => `${doc.text.slice(m.start, m.end)} ${m.entity} ${m.via}`);
}

describe('entity finder', () => {
  it.each([
    ['Washington and Tehran traded threats.', ['Washington us metonym', 'Tehran iran metonym']],
    ['The Kremlin said the White House was wrong.', ['Kremlin russia metonym', 'White House us metonym']],
    ['Let us talk to the US envoy and the U.S. Navy.', ['US us alias', 'U.S. us alias']],
    ['Iraqi and American officials met in Baghdad.', ['Iraqi iraq demonym', 'American us demonym', 'Baghdad iraq metonym']],
    ['Daesh, also called ISIS or the Islamic State, lost ground.', ['Daesh isis alias', 'ISIS isis alias', 'Islamic State isis alias']],
    ['The Popular Mobilization Units, or Hashd al-Shaabi, are Iraqi.', ['Popular Mobilization Units pmu name', 'Hashd al-Shaabi pmu alias', 'Iraqi iraq demonym']],
    ['A reporter for the Washington Post met George Washington fans.', []],
    ['The Islamic Republic of Iran and the Islamic Republic.', ['Islamic Republic of Iran iran alias', 'Islamic Republic iran metonym']],
  ])('%s', (text, expected) => {
    expect(lines(text)).toEqual(expected);
  });

  it("reads a possessive, and one whose apostrophe was lost, as the name alone", () => {
    expect(lines("Iran's envoy and Irans minister.")).toEqual(['Iran iran name', 'Iran iran name']);
  });

  it('mentions are inside the text, sorted and never overlap (property)', () => {
    const words = ['Washington', 'Post', 'US', 'us', 'Iran', "Iran's", 'Irans', 'the', 'Kremlin', 'Islamic', 'State', 'Republic', 'of', ',', '.', 'é', '🙂'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string()), { maxLength: 30 }), (pieces) => {
        const doc = docOf(pieces.join(' '));
        let last = -1;
        for (const m of find(doc)) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(doc.text.length);
          expect(m.tokenEnd).toBeGreaterThan(m.tokenStart);
          last = m.end;
        }
      }),
      { numRuns: 150 },
    );
  });
});
