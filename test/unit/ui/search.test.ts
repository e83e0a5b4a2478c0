/**
 * Browsing the fact pack without a page: case- and diacritic-insensitive, aliases and other
 * spellings included, results typed.
 */
import { describe, expect, it } from 'vitest';
import { createFactSearch, foldForSearch } from '../../../src/ui/components/model/search';
import { pack } from './helpers';

const search = createFactSearch(pack);
const ids = (query: string) => search.search(query).results.map((r) => r.id);

describe('createFactSearch', () => {
  it('finds the lawyer by the other spelling outlets used, and says so', () => {
    const [first] = search.search('itai mack').results;
    expect(first).toMatchObject({
      id: 'person.eitay-mack',
      kind: 'person',
      title: 'Eitay Mack',
      alsoWritten: 'Itai Mack',
    });
  });

  it('ignores case and diacritics', () => {
    expect(ids('BARKAÏ')[0]).toBe('person.rachel-barkai');
    expect(ids('rachel barkai')[0]).toBe('person.rachel-barkai');
  });

  it('finds names by their Hebrew and Arabic aliases', () => {
    expect(ids('ברקאי')).toContain('person.rachel-barkai');
    expect(ids('بيغاسوس')).toContain('product.pegasus');
  });

  it('finds claims and events with their verdict and date', () => {
    const results = search.search('dismissed').results;
    const judgment = results.find((r) => r.id === 'event.judgment');
    expect(judgment).toMatchObject({ kind: 'event', date: '2020-07-12', verdict: 'verified' });
    expect(results.some((r) => r.kind === 'claim' && r.id === 'claim.petition-dismissed')).toBe(true);
  });

  it('needs every word of the query; an empty query finds nothing', () => {
    expect(ids('mack zebra')).toEqual([]);
    expect(search.search('   ')).toEqual({ results: [], total: 0 });
  });

  it('caps the list but reports the total', () => {
    const answer = search.search('nso', 5);
    expect(answer.results).toHaveLength(5);
    expect(answer.total).toBeGreaterThan(5);
  });

  it('folds punctuation and hyphens into spaces', () => {
    expect(foldForSearch('Lavi‑Barkai’s “ruling”')).toBe(' lavi barkai s ruling ');
  });
});
