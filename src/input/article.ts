/**
 * The article as read from any input format, before the document is built.
 * Readers (text, HTML, JSON, JSONL, CSV, URL) all produce this shape.
 */
import { z } from 'zod';
import { BlockKindSchema, RemovedSchema } from '../schema/record.js';

/** A piece of the article whose role is already known (HTML readers, structured JSON). */
export const PartSchema = z.object({ kind: BlockKindSchema, text: z.string() });
export type Part = z.infer<typeof PartSchema>;

export const ArticleSchema = z.object({
  id: z.string(),
  /**
   * True when `id` was derived from the file name, line or row because the input gave
   * none; structuring may then replace it with an id printed in the text ("News ID: …").
   */
  idDerived: z.boolean().optional(),
  /** `file`, `file:line` (JSONL), `file:row` (CSV) or the URL. */
  source: z.string(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  url: z.string().nullable(),
  /** ISO 8601 date or date-time when known. */
  published: z.string().nullable(),
  /** Extra input fields kept for grouping (`topic`, `bias_text`, …). */
  fields: z.record(z.string(), z.string()),
  /**
   * The body as plain text (paragraphs separated by blank lines), to be structured by
   * `structureArticle` (header lines, captions, credits, chrome) — or null when `parts`
   * already carries the structure.
   */
  body: z.string().nullable(),
  parts: z.array(PartSchema).nullable(),
  /** What the reader already removed (HTML boilerplate, metadata lines). */
  removed: z.array(RemovedSchema),
  /** Whole-record repairs made while reading (`encoding`: decoded as windows-1252, BOM stripped). */
  inputRepairs: z.array(z.object({ kind: z.string(), note: z.string() })),
});
export type Article = z.infer<typeof ArticleSchema>;

/** An article after plain-text structuring: every part has its role. */
export interface StructuredArticle extends Omit<Article, 'body' | 'parts'> {
  parts: Part[];
}

/** An article from already-known fields: everything not given is null or empty. */
export function articleFromFields(fields: Partial<Article> & { id: string; source: string; body: string | null }): Article {
  return {
    outlet: null, title: null, byline: null, url: null, published: null, fields: {}, parts: null,
    removed: [], inputRepairs: [], ...fields,
  };
}
