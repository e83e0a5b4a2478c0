import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHypothesis, hypothesisPassageId } from '../../../src/core/library/format-hypothesis';
import { parseImport, planImport } from '../../../src/core/library/import';
import type { SavedPassage } from '../../../src/core/library/types';

const text = readFileSync(new URL('../../fixtures/library/hypothesis-export.json', import.meta.url), 'utf8');
const exported = JSON.parse(text) as { annotations: Record<string, unknown>[] };

const AMNESTY =
  'https://www.amnesty.org/en/latest/research/2021/07/forensic-methodology-report-how-to-catch-nso-groups-pegasus/';
const AMNESTY_TITLE = 'Forensic Methodology Report: How to catch NSO Group’s Pegasus';

// Ids: uuid.uuid5(uuid.NAMESPACE_URL, 'https://hypothes.is/a/' + hypothesis_id) in Python.
const expected: SavedPassage[] = [
  {
    id: '0f58e39a-1db8-58fe-95e9-cdd126ec651f',
    schema: 1,
    quote: {
      type: 'TextQuoteSelector',
      exact:
        'Amnesty International’s Security Lab has performed in-depth forensic analysis of numerous mobile devices from human rights defenders and journalists around the world.',
      prefix: 'e than 50 phones were examined. ',
      suffix: ' Our analysis has uncovered pers',
    },
    position: { type: 'TextPositionSelector', start: 2412, end: 2578 },
    url: AMNESTY,
    canonicalUrl: null,
    title: AMNESTY_TITLE,
    outlet: null,
    published: null,
    savedAt: '2024-03-02T14:05:09.481Z',
    updatedAt: '2024-03-02T14:07:31.002Z',
    note: 'The methodology the Pegasus Project relied on.\n\nSee also the MVT docs.',
    tags: ['pegasus', 'forensics', 'MVT'],
    claims: [],
  },
  {
    id: '3ea3dd59-2479-5219-8f1f-40692a7a9487',
    schema: 1,
    quote: {
      type: 'TextQuoteSelector',
      exact:
        'The Mobile Verification Toolkit (MVT) is a tool to help check whether a phone has been compromised.',
      prefix: 'nd published as open source. \n',
      suffix: ' It runs on Linux and macOS, and',
    },
    position: { type: 'TextPositionSelector', start: 9876, end: 9975 },
    url: AMNESTY,
    canonicalUrl: null,
    title: AMNESTY_TITLE,
    outlet: null,
    published: null,
    savedAt: '2024-03-02T14:11:40.100Z',
    updatedAt: '2024-03-02T14:11:40.100Z',
    note: '',
    tags: [],
    claims: [],
  },
  {
    id: '5e86f43a-af30-5a83-8344-cdd6c3e6dbab',
    schema: 1,
    quote: {
      type: 'TextQuoteSelector',
      exact:
        'The leak contains a list of more than 50,000 phone numbers that, it is believed, have been identified as those of people of interest by clients of NSO since 2016.',
      prefix: 'e of cyber-surveillance weapon\n\n',
      suffix: '\nThe list does not identify who ',
    },
    position: null,
    url: 'https://www.theguardian.com/world/2021/jul/18/revealed-leak-uncovers-global-abuse-of-cyber-surveillance-weapon-nso-group-pegasus',
    canonicalUrl: null,
    title: 'Revealed: leak uncovers global abuse of cyber-surveillance weapon | Surveillance | The Guardian',
    outlet: null,
    published: null,
    savedAt: '2024-03-03T09:00:02.000Z',
    updatedAt: '2024-03-04T07:59:59.999Z',
    note: 'Numbers on the list are not proof of infection — the report says so itself.',
    tags: ['pegasus-project', 'leak'],
    claims: [],
  },
];

describe('Hypothesis import', () => {
  it("reads the Hypothesis client's export file", () => {
    expect(parseImport(text)).toEqual({ ok: true, format: 'hypothesis', passages: expected });
  });

  it('reads API search results, a bare list and a single annotation', () => {
    const rows = JSON.stringify({ total: 3, rows: exported.annotations });
    expect(parseImport(rows)).toEqual({ ok: true, format: 'hypothesis', passages: expected });
    expect(parseImport(JSON.stringify(exported.annotations))).toEqual({
      ok: true,
      format: 'hypothesis',
      passages: expected,
    });
    expect(parseImport(JSON.stringify(exported.annotations[2]))).toEqual({
      ok: true,
      format: 'hypothesis',
      passages: [expected[2]],
    });
  });

  it('derives the same id every time, so a second import adds nothing', () => {
    expect(hypothesisPassageId('Kx7qJOAbEeyZ2W9hF0b1vA')).toBe('0f58e39a-1db8-58fe-95e9-cdd126ec651f');
    const first = parseImport(text);
    const again = parseImport(text);
    if (!first.ok || !again.ok) throw new Error('fixture did not parse');
    expect(planImport(first.passages, again.passages)).toEqual({ add: [], duplicates: 3 });
  });

  it('reports page notes and replies, which have no quote, with their index and Hypothesis id', () => {
    const pageNote = {
      ...exported.annotations[0],
      id: 'PageNote0000000000000A',
      target: [{ source: AMNESTY }],
    };
    const reply = { ...pageNote, id: 'Reply00000000000000000', references: ['Kx7qJOAbEeyZ2W9hF0b1vA'] };
    expect(parseImport(JSON.stringify([exported.annotations[0], pageNote, reply]))).toEqual({
      ok: false,
      problems: [
        {
          record: 1,
          id: 'PageNote0000000000000A',
          message: 'a page note has no quote, only quoted text can be imported',
        },
        {
          record: 2,
          id: 'Reply00000000000000000',
          message: 'a reply has no quote, only quoted text can be imported',
        },
      ],
    });
  });

  it('cuts long context to the stored limit, drops a bad position and converts time zones', () => {
    const target = {
      source: AMNESTY,
      selector: [
        { type: 'TextPositionSelector', start: 50, end: 10 },
        {
          type: 'TextQuoteSelector',
          exact: 'Pegasus',
          prefix: `${'p'.repeat(70)}END`,
          suffix: `START${'s'.repeat(70)}`,
        },
      ],
    };
    const result = fromHypothesis({
      id: 'abc',
      created: '2024-01-01T01:30:00.5+02:00',
      updated: '2024-01-01T01:30:00.5+02:00',
      uri: AMNESTY,
      target: [target],
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.quote.prefix).toBe(`${'p'.repeat(61)}END`);
    expect(result.value.quote.suffix).toBe(`START${'s'.repeat(59)}`);
    expect(result.value.position).toBeNull();
    expect(result.value.savedAt).toBe('2023-12-31T23:30:00.500Z');
    expect(result.value.note).toBe('');
    expect(result.value.title).toBe('');
  });

  it('prefers a web address when the target source is not one, and refuses documents with none', () => {
    const base = exported.annotations[0] as Record<string, unknown>;
    const [target] = base.target as Record<string, unknown>[];
    const pdf = { ...target, source: 'urn:x-pdf:7b0e1a2c3d' };
    const viaUri = fromHypothesis({ ...base, target: [pdf] });
    expect(viaUri.ok && viaUri.value.url).toBe(AMNESTY);
    expect(fromHypothesis({ ...base, uri: 'urn:x-pdf:7b0e1a2c3d', target: [pdf] })).toEqual({
      ok: false,
      error: 'url must be an http(s) URL',
    });
  });

  it('reads a title given as a string, as older clients write it', () => {
    const result = fromHypothesis({ ...exported.annotations[0], document: { title: 'Plain title' } });
    expect(result.ok && result.value.title).toBe('Plain title');
  });
});
