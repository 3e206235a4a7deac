/** Fictional articles and a document helper for the provenance tests (no dataset text). */
import type { Document } from '../../src/document/types.js';
import type { StructuredArticle, Part } from '../../src/input/article.js';
import type { Block } from '../../src/schema/record.js';

/** A document from parts joined by blank lines, as the document builder lays them out. */
export function docOf(parts: Part[], article: Partial<StructuredArticle> = {}): Document {
  let text = '';
  const blocks: Block[] = parts.map((part) => {
    if (text) text += '\n\n';
    const start = text.length;
    text += part.text;
    return { kind: part.kind, start, end: text.length };
  });
  const full: StructuredArticle = {
    id: 'fixture', source: 'fixture.txt', outlet: null, title: null, byline: null, url: null, published: null,
    fields: {}, removed: [], inputRepairs: [], parts, ...article,
  };
  return { article: full, text, blocks, removed: full.removed, repairs: [], tokens: [], sentences: [], quotes: [] };
}

/** A state-media story in the shape of the seed: caption credit, dateline, citations, contributor line. */
export const STATE_STORY: Part[] = [
  { kind: 'headline', text: 'Minister hails “brotherly” ties as Baghdad delegation visits' },
  { kind: 'caption', text: 'Foreign Minister Rahim Sadeghi (R) greets his Iraqi counterpart in Tehran on Monday. IRNA' },
  { kind: 'paragraph', text: 'TEHRAN (Tasnim) – The two ministers discussed trade, water and border security, according to the semi-official Fars news agency.' },
  { kind: 'paragraph', text: 'Sadeghi told Al Mayadeen in an interview that the visit would “open a new chapter”, while Syrian state media said the talks were constructive.' },
  { kind: 'paragraph', text: 'The sanctions contributed to a sharp fall in oil revenue, officials said.' },
  { kind: 'credit', text: 'Press TV and Tasnim contributed to this story.' },
];

/** A wire story as a US site might run it. */
export const WIRE_STORY: Part[] = [
  { kind: 'headline', text: 'Senate panel delays vote on river compact' },
  { kind: 'byline', text: 'By MARTA QUIRING and Dev Anand, Associated Press' },
  { kind: 'caption', text: 'Senator Lila Farrow speaks to reporters at the Capitol on Tuesday. (AP Photo/Evan Cole)' },
  { kind: 'paragraph', text: 'WASHINGTON (AP) — A Senate committee on Tuesday put off a vote on the Northwater river compact, the third delay this year.' },
  { kind: 'paragraph', text: 'Farrow told Reuters the delay was “procedural”. A Reuters/Ipsos poll last month found most voters had not heard of the compact.' },
  { kind: 'paragraph', text: 'Reuters is a news company; ap is not a word here, and the Independent Party said nothing.' },
  { kind: 'caption', text: 'Protesters outside the committee room. Photo: AFP/Getty Images' },
  { kind: 'paragraph', text: 'Reporting by Jane Okafor; Editing by Tom Brandt' },
  { kind: 'paragraph', text: '(With inputs from agencies)' },
  { kind: 'paragraph', text: 'h/t: The Hill' },
];
