import { describe, expect, it } from 'vitest';
import type { InputItem } from '../../src/input/read-inputs.js';
import { recordToArticle } from '../../src/input/record-to-article.js';

const context = { source: 'data.jsonl:4', derivedId: 'data:4' };

function article(item: InputItem) {
  if (item.kind !== 'article') throw new Error(`expected an article, got ${JSON.stringify(item)}`);
  return item.article;
}

describe('recordToArticle', () => {
  it('recognises the usual dataset columns, case-insensitively', () => {
    const result = article(recordToArticle({ ID: 'abc', Headline: 'Talks stall', Media_Name: 'Coast Radio', Publish_Date: '2021-03-04', Link: 'https://coast.example/1', Author: 'Ines Marr', Story: 'Talks stalled.' }, context));
    expect(result).toMatchObject({ id: 'abc', title: 'Talks stall', outlet: 'Coast Radio', published: '2021-03-04', url: 'https://coast.example/1', byline: 'Ines Marr', body: 'Talks stalled.' });
    expect(result.idDerived).toBeUndefined();
  });

  it('prefers content_original over a processed content column, and keeps neither in fields', () => {
    const result = article(recordToArticle({ content: 'talks stalled .', content_original: 'Talks stalled.', bias: 0, topic: 'ports' }, context));
    expect(result.body).toBe('Talks stalled.');
    expect(result.fields).toEqual({ bias: '0', topic: 'ports' });
    expect(result).toMatchObject({ id: 'data:4', idDerived: true, source: 'data.jsonl:4' });
  });

  it('joins paragraphs given as lists of sentences', () => {
    const result = article(recordToArticle({ title: 'T', 'body-paragraphs': [['One.', 'Two.'], ['Three.']] }, context));
    expect(result.body).toBe('One. Two.\n\nThree.');
  });

  it('reads numeric timestamps and keeps dates it cannot read in fields', () => {
    expect(article(recordToArticle({ text: 'x', date: 1595381820 }, context)).published).toBe('2020-07-22T01:37:00Z');
    const unsure = article(recordToArticle({ text: 'x', date: '03/04/2020' }, context));
    expect(unsure.published).toBeNull();
    expect(unsure.fields.date_unparsed).toBe('03/04/2020');
  });

  it('reads an HTML text column as HTML', () => {
    const result = article(recordToArticle({ title: 'Port reopens', text: '<p>The port reopened.</p><p>Ships queued.</p>' }, context));
    expect(result.body).toBeNull();
    expect(result.parts?.map((p) => p.text)).toEqual(['The port reopened.', 'Ships queued.']);
    expect(result.title).toBe('Port reopens');
  });

  it('reports a record without text, or over the size limit', () => {
    const missing = recordToArticle({ id: 7, title: 'Only a title' }, context);
    expect(missing).toMatchObject({ kind: 'error', error: { id: '7', source: 'data.jsonl:4', error: { code: 'no-text' } } });
    const blank = recordToArticle({ text: '   ' }, context);
    expect(blank).toMatchObject({ kind: 'error', error: { error: { code: 'no-text' } } });
    const big = recordToArticle({ text: 'x'.repeat(2000) }, { ...context, maxArticleBytes: 1000 });
    expect(big).toMatchObject({ kind: 'error', error: { error: { code: 'too-large', message: 'The article at data.jsonl:4 is 2 KB, over the limit of 1000 bytes.' } } });
  });

  it('uses mapped column names first', () => {
    const result = article(recordToArticle({ text: 'wrong', article_body: 'right', paper: 'Gazette' }, { ...context, columns: { text: 'article_body', outlet: 'paper' } }));
    expect(result).toMatchObject({ body: 'right', outlet: 'Gazette' });
  });
});
