import { describe, expect, it } from 'vitest';
import { buildDoc, quoteLines } from './helpers.js';

describe('findQuotes: marks', () => {
  const cases: [string, string[]][] = [
    ['The mayor called the plan “reckless” and left.', ['p[reckless]']],
    ['“We will rebuild the bridge,” the mayor said.', ['[We will rebuild the bridge,]']],
    ['“They called it ‘a betrayal’ yesterday,” she said.', ['[They called it ‘a betrayal’ yesterday,]', 'p[a betrayal]']],
    ['He said "we are ready" and left.', ['p[we are ready]']],
    ['"We are ready," he said.', ['[We are ready,]']],
    ['He called it \'a farce\' twice.', ['p[a farce]']],
    ['The ministers’ meeting and the rebels’ demands were ‘unacceptable’, he said.', ['p[unacceptable]']],
    ['She called them ‘the lost provinces’ in her speech.', ['p[the lost provinces]']],
    ['„Wir bleiben hier“, sagte er.', ['[Wir bleiben hier]']],
    ['« Nous restons ici », a-t-il dit.', ['[Nous restons ici]']],
    ['»Wir bleiben hier«, sagte er.', ['[Wir bleiben hier]']],
    ['Back in the ’90s the town won’t say it\'s poor.', []],
    ['Back in the \'90s the town was poor.', []],
    ['Empty marks “” are ignored.', []],
    ['"#FloodWatch was lucky this time," the mayor posted.', ['[#FloodWatch was lucky this time,]']],
    ['"[The] vote is final," she said.', ['[[The] vote is final,]']],
    ['“The chief is a strong leader,’’ the aide said.', ['[The chief is a strong leader,]']],
    ['”We keep going,” the coach said.', ['[We keep going,]']],
    ['The statement added:”Crews are on site.”', ['[Crews are on site.]']],
    ['The bridge closed at noon."Nobody crossed after that," a guard said.', ['[Nobody crossed after that,]']],
    ['A stray " mark between spaces is no quote.', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(quoteLines(buildDoc(text))).toEqual(expected);
  });

  it('gives a plural possessive mark back when it closes a single quote', () => {
    const doc = buildDoc('She called them ‘the lost provinces’ in her speech.');
    const token = doc.tokens.find((t) => doc.text.slice(t.start, t.end).startsWith('provinces'));
    expect(token).toMatchObject({ norm: 'provinces', base: 'provinces', possessive: false });
  });

  it('records the mark offsets', () => {
    const doc = buildDoc('A “fair” deal.');
    expect(doc.quotes).toEqual([{ start: 3, end: 7, openMark: 2, closeMark: 7, inferredOpen: false, phrase: true }]);
  });
});

describe('findQuotes: damaged text (lost opening marks)', () => {
  const cases: [string, string[]][] = [
    // attribution after the mark: back to the sentence start
    ['The blockade must end now and the crossings must open,” the envoy told reporters.',
      ['~[The blockade must end now and the crossings must open,]']],
    ['Nobody can ignore the cost of this war any longer,” said Amira Haddad.',
      ['~[Nobody can ignore the cost of this war any longer,]']],
    // several sentences of speech: back to the paragraph start
    ['We have waited long enough. Our patience is gone,” he said.',
      ['~[We have waited long enough. Our patience is gone,]']],
    // narration before the quoted sentence stays narration
    ['The envoy arrived late on Sunday. The talks are over,” he said.',
      ['~[The talks are over,]']],
    // mid-sentence scare quotes: the word or short phrase
    ['The ministry condemned Washingtons reckless,” “hostile” and provocative” conduct on Friday.',
      ['~p[reckless,]', 'p[hostile]', '~p[provocative]']],
    ['They stressed the urgent need” for talks.', ['~p[urgent need]']],
    // sentence end, no attribution: a short phrase back to a clause boundary
    ['He urged the partners to end the occupation by the cruel regime.”',
      ['~p[to end the occupation by the cruel regime.]']],
    // after an attribution, a new quote starts without a mark
    ['We will not sign this deal,” the minister said, adding, We also reject any new tariffs.”',
      ['~[We will not sign this deal,]', '~[We also reject any new tariffs.]']],
    // an inferred quote never starts inside an earlier one
    ['‘He told me “they said, yes” and no” to it', ['p[they said, yes]', '~p[no]']],
    // a sentence that reads as speech, closed at its end
    ['We will never forget what our neighbours did for us.”', ['~[We will never forget what our neighbours did for us.]']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(quoteLines(buildDoc(text))).toEqual(expected);
  });

  it('records every inferred opening as a repair at the closing mark', () => {
    const doc = buildDoc('They stressed the urgent need” for talks.');
    const mark = doc.text.indexOf('”');
    expect(doc.repairs).toEqual([
      { kind: 'unbalanced-quote', start: mark, end: mark + 1, note: expect.stringContaining('inferred') as string },
    ]);
    expect(doc.quotes[0]).toMatchObject({ openMark: null, closeMark: mark, inferredOpen: true });
  });
});

describe('findQuotes: opening marks without a closing one', () => {
  it('runs to the end of the paragraph and records a repair', () => {
    const doc = buildDoc('“We will stay here until the end', 'The crowd left.');
    expect(quoteLines(doc)).toEqual(['[We will stay here until the end]']);
    expect(doc.quotes[0]?.closeMark).toBeNull();
    expect(doc.repairs.map((r) => [r.kind, r.start])).toEqual([['unbalanced-quote', 0]]);
  });

  it('follows the multi-paragraph convention without a repair', () => {
    const doc = buildDoc('“We came to talk.', '“We leave with nothing,” she said.');
    expect(quoteLines(doc)).toEqual(['[We came to talk.]', '[We leave with nothing,]']);
    expect(doc.repairs).toEqual([]);
  });

  it('ends an unclosed quote at the next opening mark', () => {
    const doc = buildDoc('"He is ready. "We are too," she said.');
    expect(quoteLines(doc)).toEqual(['[He is ready.]', '[We are too,]']);
    expect(doc.quotes[0]?.closeMark).toBeNull();
    expect(doc.repairs.map((r) => [r.kind, r.start])).toEqual([['unbalanced-quote', 0]]);
  });

  it('reads an unpaired single opening mark as an apostrophe', () => {
    const doc = buildDoc('The ‘twas season began.');
    expect(doc.quotes).toEqual([]);
    expect(doc.repairs.map((r) => r.kind)).toEqual(['unbalanced-quote']);
  });
});
