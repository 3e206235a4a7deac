/**
 * CSV and TSV, streamed through `csv-parse` with a header row. Each data row is one record;
 * its `source` is `file:row` where row is the 1-based number of the data row (the header
 * is not counted, so row 1 is the first article, as in a spreadsheet's "record 1"; a
 * quoted field spanning several lines still counts as one row).
 *
 * Quotes and column counts are read leniently (`relax_quotes`, `relax_column_count`),
 * since exports from scrapers are often slightly broken. A file that cannot be parsed
 * past some row yields one `invalid-record` error there and reading stops: the rows after
 * a broken quote cannot be told apart reliably.
 */
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { StreamTextDecoder, streamEncoding } from './decode.js';
import { inputError, type InputItem } from './input-error.js';
import { decodeChunks, peek } from './read-lines.js';
import { recordToArticle, type ColumnMap } from './record-to-article.js';

export interface CsvContext {
  /** Shown in `source` (`file:row`). */
  readonly name: string;
  /** Base of derived ids (`base:row`). */
  readonly base: string;
  readonly delimiter: ',' | '\t';
  readonly columns?: ColumnMap | undefined;
  readonly maxArticleBytes?: number | undefined;
}

/** Header names trimmed; empty or repeated names made unique so no column is lost. */
function headerNames(header: unknown[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, index) => {
    let name = String(raw ?? '').trim() || `column_${index + 1}`;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    if (count > 0) name = `${name}_${count + 1}`;
    return name;
  });
}

export async function* readCsv(source: AsyncIterable<Uint8Array | string>, context: CsvContext): AsyncGenerator<InputItem> {
  const decoder = new StreamTextDecoder();
  const { first, all } = await peek(source);
  // UTF-8 (the usual case) goes to csv-parse as bytes, which is about twice as fast as
  // decoding first; UTF-16 and Windows-1252 are decoded to text by our own decoder.
  const start = first === null ? null : streamEncoding(first);
  const plainUtf8 = start?.encoding === 'utf-8';
  const parser = parse({
    columns: headerNames,
    delimiter: context.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    bom: true,
  });
  const input = plainUtf8 ? all : decodeChunks(all, decoder);
  const repairs = plainUtf8 ? start.repairs : null;
  pipeline(Readable.from(input), parser, () => {
    // Errors surface through the parser's async iterator below.
  });
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      row++;
      yield recordToArticle(record, {
        source: `${context.name}:${row}`,
        derivedId: `${context.base}:${row}`,
        columns: context.columns,
        maxArticleBytes: context.maxArticleBytes,
        inputRepairs: repairs ?? decoder.repairs.slice(),
      });
    }
  } catch (error) {
    // Only parse errors become a record here; read errors and binary content are the caller's.
    if (!(typeof (error as { code?: unknown } | null)?.code === 'string' && (error as { code: string }).code.startsWith('CSV_'))) throw error;
    const reason = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 200) : String(error);
    yield inputError(`${context.name}:${row + 1}`, `${context.base}:${row + 1}`, 'invalid-record', `The CSV file ${context.name} could not be read after row ${row}: ${reason}.`);
  } finally {
    parser.destroy();
  }
}
