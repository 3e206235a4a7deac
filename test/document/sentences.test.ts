import { describe, expect, it } from 'vitest';
import { buildDoc, buildParts, sentenceTexts } from './helpers.js';

describe('splitSentences', () => {
  const cases: [string, string[]][] = [
    ['The envoy left. Talks resumed on Monday.', ['The envoy left.', 'Talks resumed on Monday.']],
    ['Gen. Farid Nasser and Lt. Col. Dana Reyes met Sen. Ortiz. They spoke briefly.',
      ['Gen. Farid Nasser and Lt. Col. Dana Reyes met Sen. Ortiz.', 'They spoke briefly.']],
    ['Mr. and Mrs. Haddad arrived. Dr. Lee did not.', ['Mr. and Mrs. Haddad arrived.', 'Dr. Lee did not.']],
    ['The plan, backed by the U.S. Treasury, stalled.', ['The plan, backed by the U.S. Treasury, stalled.']],
    ['Aid came from the U.S. The rest came from Oslo.', ['Aid came from the U.S.', 'The rest came from Oslo.']],
    ['The ship was named after John F. Kennedy in 1967.', ['The ship was named after John F. Kennedy in 1967.']],
    ['Talks began on Jan. 5 and ended Feb. 2. Nothing changed.', ['Talks began on Jan. 5 and ended Feb. 2.', 'Nothing changed.']],
    ['Section No. 4 applies, e.g. to tariffs. Others disagree.', ['Section No. 4 applies, e.g. to tariffs.', 'Others disagree.']],
    ['“We will not retreat.” The crowd cheered.', ['“We will not retreat.”', 'The crowd cheered.']],
    ['He asked why (and when.) Nobody knew!', ['He asked why (and when.)', 'Nobody knew!']],
    ['“Is this peace?” she asked. Nobody answered.', ['“Is this peace?” she asked.', 'Nobody answered.']],
    ['Prices rose 3.5 percent. Wages did not.', ['Prices rose 3.5 percent.', 'Wages did not.']],
    ['Wait... the vote is off. Really?', ['Wait... the vote is off.', 'Really?']],
    ['visit example.com for details', ['visit example.com for details']],
    ['no terminal punctuation at all', ['no terminal punctuation at all']],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(sentenceTexts(buildDoc(text))).toEqual(expected);
  });

  it('ends sentences at block boundaries and records the block', () => {
    const doc = buildParts([
      { kind: 'headline', text: 'Envoy: Border talks will go on' },
      { kind: 'paragraph', text: 'The envoy spoke in Oslo. He was brief' },
      { kind: 'paragraph', text: 'Reporters waited outside.' },
    ]);
    expect(sentenceTexts(doc)).toEqual(['Envoy: Border talks will go on', 'The envoy spoke in Oslo.', 'He was brief', 'Reporters waited outside.']);
    expect(doc.sentences.map((s) => s.block)).toEqual([0, 1, 1, 2]);
  });

  it('treats a line break inside a block as a sentence end', () => {
    expect(sentenceTexts(buildDoc('Security Key:\nCaptcha refresh'))).toEqual(['Security Key:', 'Captcha refresh']);
  });

  it('keeps a hard-wrapped sentence together', () => {
    expect(sentenceTexts(buildDoc('The minister said\nthat talks would resume. Nobody\nbelieved him.'))).toEqual([
      'The minister said\nthat talks would resume.', 'Nobody\nbelieved him.',
    ]);
  });

  it('assigns every token to the sentence that covers it', () => {
    const doc = buildDoc('One two. Three four five. Six.');
    doc.sentences.forEach((sentence, index) => {
      for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
        expect(doc.tokens[t]?.sentence).toBe(index);
        expect(doc.tokens[t]!.start).toBeGreaterThanOrEqual(sentence.start);
        expect(doc.tokens[t]!.end).toBeLessThanOrEqual(sentence.end);
      }
    });
    expect(doc.sentences.at(-1)?.tokenEnd).toBe(doc.tokens.length);
  });
});
