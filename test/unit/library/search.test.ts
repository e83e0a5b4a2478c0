import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryFacets, parseQuery, searchLibrary } from '../../../src/core/library/search';
import type { SavedPassage } from '../../../src/core/library/types';

let n = 0;
function passage(fields: Partial<SavedPassage> & { exact?: string }): SavedPassage {
  n += 1;
  const { exact = 'A quote.', ...rest } = fields;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    schema: 1,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: null,
    url: 'https://example.org/a',
    canonicalUrl: null,
    title: '',
    outlet: null,
    published: null,
    savedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    note: '',
    tags: [],
    claims: [],
    ...rest,
  };
}

const court = passage({
  exact: 'Judge Rachel Barkai dismissed the suit against NSO Group.',
  title: 'Court throws out Pegasus case',
  outlet: 'The Jerusalem Post',
  url: 'https://www.jpost.com/israel-news/article-682355',
  published: '2021-07-19',
  savedAt: '2024-03-02T10:00:00.000Z',
  tags: ['ruling', 'Barkai'],
  claims: ['claim-ruling-2021'],
});
const mexico = passage({
  exact: 'The spyware was used against journalists in Mexico.',
  note: 'Compare with the Citizen Lab report',
  outlet: 'Haaretz',
  url: 'https://www.haaretz.com/israel-news/tech-news/pegasus-mexico',
  published: '2017-06-19',
  savedAt: '2024-03-05T09:00:00.000Z',
  tags: ['Mexico', 'journalists'],
  claims: ['claim-mexico', 'claim-ruling-2021'],
});
const hebrew = passage({
  exact: 'השופטת רחל ברקאי דחתה את התביעה נגד קבוצת NSO',
  outlet: 'Ynet',
  url: 'https://www.ynet.co.il/news/article/abc',
  published: null,
  savedAt: '2023-11-20T08:00:00.000Z',
  tags: ['ruling'],
});
const accented = passage({
  exact: 'Le juge a rejeté la plainte déposée contre la société israélienne.',
  outlet: 'Le Monde',
  published: '2021-07-20',
  savedAt: '2024-03-05T09:00:00.000Z',
  tags: [],
});
const ALL = [court, mexico, hebrew, accented];

const ids = (ps: SavedPassage[]) => ps.map((p) => p.id);

describe('searchLibrary', () => {
  it('lists everything newest saved first for an empty query (ties by id)', () => {
    expect(ids(searchLibrary(ALL, {}))).toEqual([mexico.id, accented.id, court.id, hebrew.id]);
    expect(ids(searchLibrary(ALL, { text: '   ' }))).toEqual([mexico.id, accented.id, court.id, hebrew.id]);
  });

  it('does not change the given list', () => {
    const given = [...ALL];
    searchLibrary(given, {});
    expect(given).toEqual(ALL);
  });

  it('matches words case-insensitively at word starts in quote, note, title, outlet, tags and url', () => {
    expect(ids(searchLibrary(ALL, { text: 'barkai' }))).toEqual([court.id]);
    expect(ids(searchLibrary(ALL, { text: 'PEGA' }))).toEqual([mexico.id, court.id]);
    expect(ids(searchLibrary(ALL, { text: 'citizen' }))).toEqual([mexico.id]);
    expect(ids(searchLibrary(ALL, { text: 'jerusalem' }))).toEqual([court.id]);
    expect(ids(searchLibrary(ALL, { text: 'jpost' }))).toEqual([court.id]);
    expect(ids(searchLibrary(ALL, { text: 'journalists' }))).toEqual([mexico.id]);
    // "gasus" is inside a word, not at its start.
    expect(searchLibrary(ALL, { text: 'gasus' })).toEqual([]);
  });

  it('needs every word to match (anywhere in the passage)', () => {
    expect(ids(searchLibrary(ALL, { text: 'spyware citizen' }))).toEqual([mexico.id]);
    expect(searchLibrary(ALL, { text: 'spyware barkai' })).toEqual([]);
  });

  it('folds diacritics and compatibility forms', () => {
    expect(ids(searchLibrary(ALL, { text: 'rejete deposee' }))).toEqual([accented.id]);
    expect(ids(searchLibrary(ALL, { text: 'REJETÉ' }))).toEqual([accented.id]);
    expect(ids(searchLibrary(ALL, { text: 'ＮＳＯ' }))).toEqual([court.id, hebrew.id]);
    const german = passage({ exact: 'Die Klage wurde in der Hauptstraße eingereicht.' });
    expect(searchLibrary([german], { text: 'HAUPTSTRASSE' })).toEqual([german]);
  });

  it('finds Hebrew words, also without joined prefixes and with points', () => {
    expect(ids(searchLibrary(ALL, { text: 'ברקאי' }))).toEqual([hebrew.id]);
    expect(ids(searchLibrary(ALL, { text: 'תביעה' }))).toEqual([hebrew.id]);
    expect(ids(searchLibrary(ALL, { text: 'הַשּׁוֹפֶטֶת' }))).toEqual([hebrew.id]);
  });

  it('matches quoted phrases and hyphenated terms as adjacent words', () => {
    expect(ids(searchLibrary(ALL, { text: '"rachel barkai"' }))).toEqual([court.id]);
    expect(searchLibrary(ALL, { text: '"barkai rachel"' })).toEqual([]);
    expect(ids(searchLibrary(ALL, { text: '“against journ”' }))).toEqual([mexico.id]);
    expect(ids(searchLibrary(ALL, { text: 'nso-group' }))).toEqual([court.id]);
  });

  it('filters by outlet, tag and claim', () => {
    expect(ids(searchLibrary(ALL, { outlet: 'Haaretz' }))).toEqual([mexico.id]);
    expect(ids(searchLibrary(ALL, { tag: 'ruling' }))).toEqual([court.id, hebrew.id]);
    expect(ids(searchLibrary(ALL, { tag: 'mexico' }))).toEqual([mexico.id]);
    expect(ids(searchLibrary(ALL, { claim: 'claim-ruling-2021' }))).toEqual([mexico.id, court.id]);
    expect(searchLibrary(ALL, { claim: 'claim-ruling' })).toEqual([]);
  });

  it('filters by date range, inclusive, using the saved date when the article date is unknown', () => {
    expect(ids(searchLibrary(ALL, { from: '2021-07-19', to: '2021-07-19' }))).toEqual([court.id]);
    expect(ids(searchLibrary(ALL, { from: '2021-01-01' }))).toEqual([accented.id, court.id, hebrew.id]);
    expect(ids(searchLibrary(ALL, { to: '2020-12-31' }))).toEqual([mexico.id]);
    expect(ids(searchLibrary(ALL, { from: '2023-11-20', to: '2023-11-20' }))).toEqual([hebrew.id]);
  });

  it('combines every given filter', () => {
    expect(ids(searchLibrary(ALL, { text: 'barkai', tag: 'ruling', from: '2021-01-01' }))).toEqual([
      court.id,
    ]);
    expect(searchLibrary(ALL, { text: 'barkai', outlet: 'Haaretz' })).toEqual([]);
  });
});

describe('parseQuery', () => {
  it('splits words, phrases and hyphenated terms, folded', () => {
    expect(parseQuery('Pegasus "Rachel  Barkai" Lavi-Barkai , ')).toEqual([
      ['pegasus'],
      ['rachel', 'barkai'],
      ['lavi', 'barkai'],
    ]);
    expect(parseQuery('"unclosed phrase')).toEqual([['unclosed', 'phrase']]);
    expect(parseQuery('""')).toEqual([]);
  });
});

describe('libraryFacets', () => {
  it('counts outlets, tags and claims (most first, then by value) and years (newest first)', () => {
    expect(libraryFacets(ALL)).toEqual({
      outlets: [
        { value: 'Haaretz', count: 1 },
        { value: 'Le Monde', count: 1 },
        { value: 'The Jerusalem Post', count: 1 },
        { value: 'Ynet', count: 1 },
      ],
      tags: [
        { value: 'ruling', count: 2 },
        { value: 'Barkai', count: 1 },
        { value: 'Mexico', count: 1 },
        { value: 'journalists', count: 1 },
      ],
      claims: [
        { value: 'claim-ruling-2021', count: 2 },
        { value: 'claim-mexico', count: 1 },
      ],
      years: [
        { value: '2023', count: 1 },
        { value: '2021', count: 2 },
        { value: '2017', count: 1 },
      ],
    });
  });

  it('is empty for an empty library', () => {
    expect(libraryFacets([])).toEqual({ outlets: [], tags: [], claims: [], years: [] });
  });
});

describe('searchLibrary (properties)', () => {
  it('never throws and returns a subset of the given passages', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), (text, tag) => {
        const found = searchLibrary(ALL, { text, tag, from: text, to: tag });
        expect(found.every((p) => ALL.includes(p))).toBe(true);
      }),
    );
  });

  it('finds a passage by any word (or word start) of its quote', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (words, pick, cut) => {
        const p = passage({ exact: words.join(' ') });
        const w = words[pick % words.length] as string;
        const start = w.slice(0, 1 + (cut % w.length));
        expect(searchLibrary([p], { text: start.toUpperCase() })).toEqual([p]);
      }),
    );
  });
});
