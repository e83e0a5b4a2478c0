import { describe, expect, it } from 'vitest';
import { toAnnotation } from '../../../src/core/library/format-jsonld';
import {
  MAX_IMPORT_CHARS,
  MAX_IMPORT_PROBLEMS,
  MAX_IMPORT_RECORDS,
  parseImport,
  planImport,
} from '../../../src/core/library/import';
import type { SavedPassage } from '../../../src/core/library/types';
import { forensics, ruling, statement } from './sample-library';

const fileProblem = (message: string) => ({ ok: false, problems: [{ record: -1, id: null, message }] });

describe('parseImport: the file', () => {
  it('refuses an empty file', () => {
    expect(parseImport('')).toEqual(fileProblem('the file is empty'));
    expect(parseImport(' \n\t')).toEqual(fileProblem('the file is empty'));
  });

  it('says where JSON is broken', () => {
    const result = parseImport('{\n  "type": "AnnotationCollection",\n  "total": 1,,\n}');
    expect(result.ok).toBe(false);
    const [problem] = result.ok ? [] : result.problems;
    expect(problem?.record).toBe(-1);
    expect(problem?.message).toMatch(/^the file is not valid JSON: /);
    expect(problem?.message).toMatch(/line 3/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(parseImport(' '.repeat(MAX_IMPORT_CHARS + 1))).toEqual(
      fileProblem('the file is larger than 50 MB'),
    );
  });

  it('refuses a file with more records than the limit', () => {
    const text = `[${Array(MAX_IMPORT_RECORDS + 1)
      .fill('{}')
      .join(',')}]`;
    expect(parseImport(text)).toEqual(
      fileProblem(
        `the file holds ${MAX_IMPORT_RECORDS + 1} records; at most ${MAX_IMPORT_RECORDS} can be imported at once`,
      ),
    );
  });

  it('refuses JSON of another kind', () => {
    const message = 'not an NSO Lens library (Web Annotation JSON-LD) nor a Hypothesis annotation export';
    for (const text of ['{"foo": 1}', '"text"', '42', 'null', 'true'])
      expect(parseImport(text)).toEqual(fileProblem(message));
  });

  it('reads a file that starts with a byte order mark', () => {
    const text = `\uFEFF${JSON.stringify(toAnnotation(statement))}`;
    expect(parseImport(text)).toEqual({ ok: true, format: 'nso-lens-jsonld', passages: [statement] });
  });

  it('accepts an empty list as an empty import', () => {
    expect(parseImport('[]')).toEqual({ ok: true, format: 'hypothesis', passages: [] });
  });
});

describe('parseImport: the records', () => {
  it('lists every bad record with its index and id, and imports nothing', () => {
    const bad1 = {
      ...toAnnotation(ruling),
      id: 'urn:uuid:0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
      created: 'soon',
    };
    const bad2 = toAnnotation({ ...forensics, quote: { ...forensics.quote, exact: '   ' } });
    const text = JSON.stringify([toAnnotation(statement), bad1, bad2]);
    expect(parseImport(text)).toEqual({
      ok: false,
      problems: [
        {
          record: 1,
          id: 'urn:uuid:0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
          message: 'savedAt and updatedAt must be ISO 8601 instants',
        },
        { record: 2, id: `urn:uuid:${forensics.id}`, message: 'quote must be non-empty text' },
      ],
    });
  });

  it('lists at most the problem cap, then says how many more', () => {
    const records = Array.from({ length: MAX_IMPORT_PROBLEMS + 7 }, (_, i) => ({
      id: `h${i}`,
      uri: 'https://x.org/',
    }));
    const result = parseImport(JSON.stringify(records));
    if (result.ok) throw new Error('should fail');
    expect(result.problems).toHaveLength(MAX_IMPORT_PROBLEMS + 1);
    expect(result.problems[MAX_IMPORT_PROBLEMS - 1]).toEqual({
      record: MAX_IMPORT_PROBLEMS - 1,
      id: `h${MAX_IMPORT_PROBLEMS - 1}`,
      message: 'a page note has no quote, only quoted text can be imported',
    });
    expect(result.problems[MAX_IMPORT_PROBLEMS]).toEqual({
      record: -1,
      id: null,
      message: '7 more records have problems',
    });
  });

  it('shortens enormous ids in the problem list', () => {
    const result = parseImport(JSON.stringify([{ id: 'x'.repeat(10_000), uri: 'https://x.org/' }]));
    if (result.ok) throw new Error('should fail');
    expect(result.problems[0]?.id).toBe(`${'x'.repeat(199)}…`);
  });

  it('reads only own properties (no prototype keys) and copies what it accepts', () => {
    const text = JSON.stringify(toAnnotation(statement)).replace(
      '{',
      '{"__proto__": {"polluted": true}, "extra": 1,',
    );
    const result = parseImport(text);
    expect(result).toEqual({ ok: true, format: 'nso-lens-jsonld', passages: [statement] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('planImport', () => {
  const withId = (p: SavedPassage, id: string): SavedPassage => ({ ...p, id });

  it('adds new passages and counts those already there by id', () => {
    expect(planImport([statement], [statement, ruling])).toEqual({ add: [ruling], duplicates: 1 });
  });

  it('counts the same quote from the same page as a duplicate, whatever its id', () => {
    const copy = withId(statement, '11111111-1111-4111-8111-111111111111');
    expect(planImport([statement], [copy])).toEqual({ add: [], duplicates: 1 });
  });

  it('matches the page by canonical address and page key (tracking parameters, www.)', () => {
    const viaCanonical = {
      ...withId(statement, '22222222-2222-4222-8222-222222222222'),
      url: 'https://haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export?fbclid=abc',
      canonicalUrl: null,
    };
    expect(planImport([statement], [viaCanonical])).toEqual({ add: [], duplicates: 1 });
  });

  it('keeps the same quote from another page, and another quote from the same page', () => {
    const otherPage = {
      ...withId(statement, '33333333-3333-4333-8333-333333333333'),
      url: 'https://example.org/x',
      canonicalUrl: null,
    };
    const otherQuote = {
      ...withId(statement, '44444444-4444-4444-8444-444444444444'),
      quote: { ...statement.quote, exact: 'Another sentence.' },
    };
    expect(planImport([statement], [otherPage, otherQuote])).toEqual({
      add: [otherPage, otherQuote],
      duplicates: 0,
    });
  });

  it('skips duplicates inside the file itself, keeping the first', () => {
    const again = withId(ruling, '55555555-5555-4555-8555-555555555555');
    expect(planImport([], [ruling, ruling, again, forensics])).toEqual({
      add: [ruling, forensics],
      duplicates: 2,
    });
  });
});
