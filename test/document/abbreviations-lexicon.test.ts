import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileAbbreviations } from '../../src/document/abbreviations.js';
import { tokenize } from '../../src/document/tokenize.js';
import { bundledLexiconDir, parseLexiconFile, type LexiconProblem } from '../../src/lexicon/load.js';
import type { AbbreviationsEntry } from '../../src/lexicon/kinds/abbreviations.js';

describe('lexicons/abbreviations.json', () => {
  const problems: LexiconProblem[] = [];
  const parsed = parseLexiconFile(resolve(bundledLexiconDir(), 'abbreviations.json'), problems);
  const entries = (parsed?.lexicon.entries ?? []) as AbbreviationsEntry[];

  it('validates, with unique forms and a note on every entry', () => {
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThan(50);
    const forms = entries.map((e) => e.form);
    expect(new Set(forms).size).toBe(forms.length);
    for (const entry of entries) expect(entry.note.length).toBeGreaterThan(2);
  });

  it('every form is read by the tokenizer as one token', () => {
    const table = compileAbbreviations(entries);
    for (const entry of entries) {
      const text = `see ${entry.form} 12 Smith`;
      const tokens = tokenize(text, { abbreviations: table });
      expect(tokens.map((t) => text.slice(t.start, t.end)), entry.form).toContain(entry.form);
    }
  });
});
