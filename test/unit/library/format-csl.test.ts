import { describe, expect, it } from 'vitest';
import { formatCsl, toCslItems } from '../../../src/core/library/format-csl';
import type { SavedPassage } from '../../../src/core/library/types';
import { forensics, ruling, statement } from './sample-library';

const HAARETZ = 'https://www.haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export';

describe('CSL-JSON export', () => {
  it('writes one article-newspaper item per article with quotes and notes in the abstract', () => {
    const expected = [
      {
        id: 'haaretz-2021',
        type: 'article-newspaper',
        title: 'NSO: "We sell only to governments"',
        'container-title': 'Haaretz',
        URL: HAARETZ,
        issued: { 'date-parts': [[2021, 7, 18]] },
        accessed: { 'date-parts': [[2026, 11, 20]] },
        abstract:
          '“NSO said it sells Pegasus only to vetted governments, for use against terrorism and crime.”\n' +
          'Compare with the 2019 WhatsApp suit.\n\n' +
          '“The court wrote that the licence was "not a blank cheque" - see *Section 4* of the ruling.”',
        keyword: 'pegasus, nso-statement',
      },
      {
        id: 'citizenlab-ca-nd',
        type: 'article-newspaper',
        title: 'Forensic Methodology',
        URL: 'https://citizenlab.ca/2021/07/forensic-methodology/',
        accessed: { 'date-parts': [[2026, 11, 21]] },
        abstract:
          '“Pegasus was deployed, via zero-click exploits, against "journalists, activists and lawyers".\n' +
          'The attacks used iMessage.”\n-1 means the count was not reported; check the original',
        keyword: 'forensics',
      },
    ];
    const text = formatCsl([statement, ruling, forensics]);
    expect(JSON.parse(text)).toEqual(expected);
    expect(text.endsWith(']\n')).toBe(true);
  });

  it('writes an empty array for an empty library', () => {
    expect(JSON.parse(formatCsl([]))).toEqual([]);
  });

  it('tells apart articles that would share a citation key, and keys non-Latin outlets by host', () => {
    const other = (
      id: string,
      url: string,
      outlet: string | null,
      published: string | null,
    ): SavedPassage => ({
      ...forensics,
      id,
      url,
      outlet,
      published,
    });
    const items = toCslItems([
      other('00000000-0000-4000-8000-000000000001', 'https://www.haaretz.com/a', 'Haaretz', '2021-07-18'),
      other('00000000-0000-4000-8000-000000000002', 'https://www.haaretz.com/b', 'Haaretz', '2021-08-01'),
      other('00000000-0000-4000-8000-000000000003', 'https://www.haaretz.co.il/c', 'הארץ', null),
      other(
        '00000000-0000-4000-8000-000000000004',
        'https://www.lemonde.fr/d',
        'Le Monde Diplomatique',
        '2022-01-01',
      ),
    ]);
    expect(items.map((item) => item.id)).toEqual([
      'haaretz-2021a',
      'haaretz-2021b',
      'haaretz-co-il-nd',
      'le-monde-diplomatique-2022',
    ]);
  });

  it('uses the first save of an article as its accessed date and leaves out unknown fields', () => {
    const later = {
      ...forensics,
      id: '00000000-0000-4000-8000-00000000000a',
      savedAt: '2026-12-01T00:00:00.000Z',
    };
    const [item] = toCslItems([later, forensics]);
    expect(item?.accessed).toEqual({ 'date-parts': [[2026, 11, 21]] });
    expect(item).not.toHaveProperty('container-title');
    expect(item).not.toHaveProperty('issued');
  });
});
