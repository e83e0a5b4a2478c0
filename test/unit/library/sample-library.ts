/**
 * A small hand-written library for the format tests: two passages from one Haaretz article (saved in
 * the reverse of reading order, one from a tracking-parameter address with a canonical link) and one from
 * a Citizen Lab page with no outlet, date or position, whose note starts with a formula trigger.
 */
import type { SavedPassage } from '../../../src/core/library/types';

const HAARETZ = 'https://www.haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export';

export const statement: SavedPassage = {
  id: '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e',
  schema: 1,
  quote: {
    type: 'TextQuoteSelector',
    exact: 'NSO said it sells Pegasus only to vetted governments, for use against terrorism and crime.',
    prefix: 'In a statement, ',
    suffix: ' The company denied',
  },
  position: { type: 'TextPositionSelector', start: 1200, end: 1290 },
  url: `${HAARETZ}?utm_source=newsletter`,
  canonicalUrl: HAARETZ,
  title: 'NSO: "We sell only to governments"',
  outlet: 'Haaretz',
  published: '2021-07-18',
  savedAt: '2026-11-20T09:15:00.000Z',
  updatedAt: '2026-11-21T10:02:33.120Z',
  note: 'Compare with the 2019 WhatsApp suit.',
  tags: ['pegasus', 'nso-statement'],
  claims: ['nso-sells-only-to-governments'],
};

export const ruling: SavedPassage = {
  id: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
  schema: 1,
  quote: {
    type: 'TextQuoteSelector',
    exact: 'The court wrote that the licence was "not a blank cheque" - see *Section 4* of the ruling.',
    prefix: '',
    suffix: '',
  },
  position: { type: 'TextPositionSelector', start: 300, end: 390 },
  url: HAARETZ,
  canonicalUrl: HAARETZ,
  title: 'NSO: "We sell only to governments"',
  outlet: 'Haaretz',
  published: '2021-07-18',
  savedAt: '2026-11-20T09:20:00.000Z',
  updatedAt: '2026-11-20T09:20:00.000Z',
  note: '',
  tags: [],
  claims: [],
};

export const forensics: SavedPassage = {
  id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
  schema: 1,
  quote: {
    type: 'TextQuoteSelector',
    exact:
      'Pegasus was deployed, via zero-click exploits, against "journalists, activists and lawyers".\nThe attacks used iMessage.',
    prefix: 'hat we found: ',
    suffix: '',
  },
  position: null,
  url: 'https://citizenlab.ca/2021/07/forensic-methodology/',
  canonicalUrl: null,
  title: 'Forensic Methodology',
  outlet: null,
  published: null,
  savedAt: '2026-11-21T18:45:10.000Z',
  updatedAt: '2026-11-21T18:45:10.000Z',
  note: '-1 means the count was not reported; check the original',
  tags: ['forensics'],
  claims: [],
};

/** The sample, deliberately not in saved order (exports sort it). */
export const sample: SavedPassage[] = [forensics, ruling, statement];

/** The export time used by the tests: 22 November 2026. */
export const NOW = new Date('2026-11-22T08:00:00.000Z');
