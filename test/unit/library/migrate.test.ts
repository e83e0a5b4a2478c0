import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migratePassage, sameJson } from '../../../src/core/library/migrate';
import type { SavedPassage } from '../../../src/core/library/types';

const ID = '3f2b6c1e-8a4d-4e2f-9b7a-1c2d3e4f5a6b';

/** A record as the pre-release builds wrote it (schema 0, see migrate.ts). */
const schema0 = {
  id: ID,
  text: 'the court lifted the gag order',
  prefix: 'On Sunday, after two years of secrecy, ',
  suffix: ' and published the ruling in full, naming',
  start: 120,
  end: 150,
  page: 'https://www.haaretz.com/israel-news/2020-01-16/ty-article/nso',
  canonical: '',
  title: 'Court hearing on NSO held behind closed doors',
  site: 'Haaretz',
  published: '2020-01-16',
  note: 'first report of the closed hearing',
  tags: ' court, Barkai ,, court ',
  created: Date.UTC(2020, 0, 17, 8, 30, 0),
  modified: Date.UTC(2020, 0, 18, 9, 0, 0),
};

/** The same passage in the current shape, written out from the schema-0 mapping rules. */
const current: SavedPassage = {
  id: ID,
  schema: 1,
  quote: {
    type: 'TextQuoteSelector',
    exact: 'the court lifted the gag order',
    // The 32 characters nearest the quote.
    prefix: 'ay, after two years of secrecy, ',
    suffix: ' and published the ruling in ful',
  },
  position: { type: 'TextPositionSelector', start: 120, end: 150 },
  url: 'https://www.haaretz.com/israel-news/2020-01-16/ty-article/nso',
  canonicalUrl: null,
  title: 'Court hearing on NSO held behind closed doors',
  outlet: 'Haaretz',
  published: '2020-01-16',
  savedAt: '2020-01-17T08:30:00.000Z',
  updatedAt: '2020-01-18T09:00:00.000Z',
  note: 'first report of the closed hearing',
  tags: ['court', 'Barkai'],
  claims: [],
};

describe('migratePassage: schema 0 → 1', () => {
  it('maps text, page, site, comma tags and epoch times to the current shape', () => {
    expect(migratePassage(schema0)).toEqual({ passage: current, changed: true });
  });

  it('fills what schema 0 could leave out: no offsets, no modified, no tags, no note', () => {
    const { start: _s, end: _e, modified: _m, tags: _t, note: _n, canonical: _c, ...bare } = schema0;
    const result = migratePassage(bare);
    expect(result).toEqual({
      passage: { ...current, position: null, updatedAt: current.savedAt, tags: [], note: '' },
      changed: true,
    });
  });

  it('changes nothing when run again on its own output', () => {
    const once = migratePassage(schema0);
    if (!('passage' in once)) throw new Error(once.corrupt);
    const twice = migratePassage(structuredClone(once.passage));
    expect(twice).toEqual({ passage: once.passage, changed: false });
  });

  it.each([
    ['an unparseable creation time', { created: 'yesterday' }],
    ['a date that does not exist', { published: '2020-02-31' }],
    ['a page that is not a web address', { page: 'file:///home/me/a.html' }],
    ['tags that are not a string', { tags: ['court'] }],
    ['only one offset', { end: undefined }],
    ['an empty quote', { text: '   ' }],
    ['a bad id', { id: 'passage-1' }],
  ])(
    'calls a schema 0 record with %s corrupt (kept whole by the store, never half-migrated)',
    (_n, patch) => {
      const result = migratePassage({ ...schema0, ...patch });
      expect(result).toHaveProperty('corrupt');
      expect((result as { corrupt: string }).corrupt).toMatch(/\S/);
    },
  );
});

describe('migratePassage: current and unreadable records', () => {
  it('leaves a valid current record unchanged', () => {
    expect(migratePassage(structuredClone(current))).toEqual({ passage: current, changed: false });
  });

  it('normalises a current record and says it changed (so the store rewrites it)', () => {
    const messy = { ...current, id: ID.toUpperCase(), tags: [' court ', 'court', 'Barkai'], extra: 1 };
    expect(migratePassage(messy)).toEqual({ passage: current, changed: true });
  });

  it.each([
    ['null', null],
    ['a string', 'passage'],
    ['an array', [current]],
    ['a record from a newer version', { ...current, schema: 2 }],
    ['a record with no schema and no schema-0 fields', { id: ID, quote: current.quote }],
    ['a current record with a broken quote', { ...current, quote: { type: 'TextQuoteSelector' } }],
    ['a current record with a bad time', { ...current, savedAt: 'Jan 17' }],
  ])('reports %s as corrupt', (_n, raw) => {
    expect(migratePassage(raw)).toHaveProperty('corrupt');
  });

  it('never throws, and anything it accepts is stable under a second run', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const result = migratePassage(raw);
        if ('passage' in result)
          expect(migratePassage(result.passage)).toEqual({ ...result, changed: false });
      }),
    );
  });
});

describe('sameJson', () => {
  it('ignores key order and compares deeply', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
