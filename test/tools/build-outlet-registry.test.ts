import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LexiconEnvelopeSchema } from '../../src/lexicon/file.js';
import { OutletsEntrySchema } from '../../src/lexicon/kinds/outlets.js';
import { bundledLexiconDir } from '../../src/lexicon/load.js';
import { buildRegistry, cleanAssetName, cleanHost, CURATED_FILE, curatedNames, registrableDomain } from '../../src/tools/build-outlet-registry.js';
import { MATRIX_CURATION } from '../../src/tools/outlet-registry-curation.js';
import type { MatrixCuration } from '../../src/tools/outlet-registry-curation.js';

const HEADER = 'Region,Country,Media company,Main assets,URL,Typology,Status,Notes,Instagram Link';

/** A fictional Matrix: duplicates, URLs with and without scheme, language editions, bad rows. */
const CSV = [
  HEADER,
  'Europe,Ruritania,Ruritanian News Agency (RNA),News agency: RNA,https://www.rna.rt/,SC,,,',
  'Europe,Ruritania,Ruritanian News Agency (RNA),RNA English,https://en.rna.rt/,SC,,Merged from Project,',
  'Europe,Ruritania,Ruritanian News Agency (RNA),News agency: RNA,rna.rt,SC,,,',
  'Europe,Ruritania,Ruritanian Broadcasting (RBC),Television: Channel One Ruritania (Канал Один),http://tv.rbc.rt/,CaPu,,,',
  'Europe,Ruritania,Ruritanian Broadcasting (RBC),Radio Ruritania,http://tv.rbc.rt/,CaPu,,,',
  'Europe,Ruritania,Ruritanian Broadcasting (RBC),Ruritania Today,https://test.today.rt/,ISFM?,,,',
  'Europe,Ruritania,Daily Star Group,Star,http://www.star.rt/,CaPr,Currently Not Functional,,',
  'Europe,Grand Fenwick,Fenwick Public Radio,FPR,http://fpr.gf/,IP,,,',
  'Europe,Grand Fenwick,Fenwick Mouse,Star,http://star.gf/,ISF,,,',
  'Europe,Grand Fenwick,Broken Row,Nothing,http://nothing.gf/,XX,,,',
  ',,,,,,,,',
].join('\n');

const CURATION: MatrixCuration[] = [
  { id: 'rna', country: 'Ruritania', hosts: ['rna.rt'], name: 'RNA', aliases: ['Ruritanian News Agency', 'РНА'], kind: 'wire' },
];

describe('building the registry from the State Media Matrix', () => {
  const { entries, report, json } = buildRegistry(CSV, CURATION);
  const byId = new Map(entries.map((e) => [e.id, e]));

  it('reports what it dropped and why', () => {
    expect(report).toMatchObject({ rows: 11, kept: 9 });
    expect(report.dropped).toEqual([
      { line: 11, reason: 'unknown typology "XX"' },
      { line: 12, reason: 'no country or asset' },
    ]);
  });

  it('merges duplicate rows, language editions and URLs with and without scheme into one outlet', () => {
    expect(byId.get('rna')).toMatchObject({
      name: 'RNA', aliases: ['Ruritanian News Agency', 'РНА'], domains: ['rna.rt'], kind: 'wire', country: 'Ruritania',
      type: 'state-controlled', typeCode: 'SC', stateAffiliated: true, source: 'state-media-matrix', asOf: '2023',
    });
    expect(byId.get('rna')?.note).toMatch(/Matrix rows 2, 3, 4/);
  });

  it('keeps the typology, strips medium prefixes, and turns bracketed names into aliases', () => {
    expect(byId.get('channel-one-ruritania')).toMatchObject({
      aliases: ['Radio Ruritania', 'Канал Один'], domains: ['tv.rbc.rt'], type: 'captured-public', typeCode: 'CaPu',
      stateAffiliated: true, parent: 'Ruritanian Broadcasting (RBC)', kind: 'outlet',
    });
    expect(byId.get('ruritania-today')).toMatchObject({ domains: [], typeCode: 'ISFM', stateAffiliated: false });
    expect(byId.get('ruritania-today')?.note).toMatch(/uncertain/);
    expect(byId.get('fpr')).toMatchObject({ type: 'independent-public', stateAffiliated: false });
  });

  it('keeps common words and names shared by two outlets out of running-text matching', () => {
    const stars = entries.filter((e) => e.ambiguousNames.includes('Star'));
    expect(stars.map((e) => e.id).sort()).toEqual(['star', 'star-grand-fenwick']);
    expect(byId.get('star')?.note).toMatch(/Currently Not Functional/);
  });

  it('writes a valid lexicon, byte-identical on a rebuild', () => {
    const envelope = LexiconEnvelopeSchema.parse(JSON.parse(json));
    expect(envelope.kind).toBe('outlets');
    for (const entry of envelope.entries) OutletsEntrySchema.parse(entry);
    expect(buildRegistry(CSV, CURATION).json).toBe(json);
  });
});

describe('cleaning helpers', () => {
  it.each([
    ['https://www.PressTV.ir/Section/1', 'presstv.ir'],
    ['presstv.ir', 'presstv.ir'],
    ['www.cankaoxiaoxi.com', 'cankaoxiaoxi.com'],
    ['https://ww.ukrinform.net/', 'ukrinform.net'],
    ['https://test.bbc.com/', null],
    ['', null],
    ['not a url', null],
  ])('host of %j is %j', (url, host) => {
    expect(cleanHost(url)).toBe(host);
  });

  it.each([
    ['espanol.cgtn.com', 'cgtn.com'],
    ['english.almanar.com.lb', 'almanar.com.lb'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['irna.ir', 'irna.ir'],
  ])('registrable domain of %s is %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it.each([
    ['Print: Jiefang Daily', { name: 'Jiefang Daily', aliases: [] }],
    ['China Central Television (CCTV)', { name: 'China Central Television', aliases: ['CCTV'] }],
    ["People's Daily (English)", { name: "People's Daily", aliases: [] }],
    ['Xinhua Spanish', { name: 'Xinhua Spanish', aliases: ['Xinhua'] }],
    ['Yicai Media Group (Television: Yicai TV', { name: 'Yicai Media Group', aliases: [] }],
    ['CBN Weekly)', { name: 'CBN Weekly', aliases: [] }],
  ])('asset %j', (asset, expected) => {
    expect(cleanAssetName(asset)).toEqual(expected);
  });
});

describe('the committed registry', () => {
  const csv = resolve(process.env['FRAMELENS_SHARED'] ?? resolve(bundledLexiconDir(), '..', '..', 'shared'), 'data', 'resources', 'state-media-matrix', 'State_Media_Matrix.csv');
  it.skipIf(!existsSync(csv))('is what `npm run registry:build` makes from the Matrix', () => {
    const committed = readFileSync(resolve(bundledLexiconDir(), 'outlets-state-media.json'), 'utf8');
    const reserved = curatedNames(resolve(bundledLexiconDir(), CURATED_FILE));
    expect(buildRegistry(readFileSync(csv, 'utf8'), MATRIX_CURATION, reserved).json).toBe(committed);
  });
});
