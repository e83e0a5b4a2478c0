import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportLibrary, sortPassages } from '../../../src/core/library/export';
import { parseImport, planImport } from '../../../src/core/library/import';
import { PASSAGE_LIMITS, type SavedPassage } from '../../../src/core/library/types';
import { cleanTags, isWebUrl, validatePassage } from '../../../src/core/library/validate';

// Characters that break naive writers: quotes, separators, line breaks, Markdown and HTML syntax,
// right-to-left text and marks, emoji (surrogate pairs), combining marks and a lone surrogate.
const tricky = fc.constantFrom(
  '"',
  "'",
  ',',
  ';',
  '\n',
  '\r',
  '\r\n',
  '\t',
  ' ',
  '<',
  '>',
  '&',
  '[',
  ']',
  '(',
  ')',
  '*',
  '_',
  '#',
  '=',
  '+',
  '-',
  '@',
  '\\',
  '/',
  'a',
  'Z',
  '0',
  'פגסוס',
  'بيغاسوس',
  '\u200f',
  '\u202e',
  '😀',
  '👩🏽‍💻',
  'é',
  '\u0301',
  '\ud800',
  '\u0000',
);
const text = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: tricky, maxLength: Math.min(maxLength, 40) }),
    fc.string({ unit: 'binary', maxLength }),
  );
const nonBlank = (maxLength: number) =>
  text(maxLength).filter((s) => s.trim() !== '' && s.length <= maxLength);

const day = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2099-12-31T00:00:00Z'),
  noInvalidDate: true,
});
// toISOString form, and the shorter forms the validator also accepts (kept exactly by the round trip).
const instant = fc.tuple(day, fc.constantFrom('ms', 's', 'tenths')).map(([d, form]) => {
  const iso = d.toISOString();
  return form === 'ms' ? iso : form === 's' ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 21)}Z`;
});
const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(isWebUrl);

const passage: fc.Arbitrary<SavedPassage> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    schema: fc.integer({ min: 1, max: 3 }),
    exact: nonBlank(300),
    prefix: text(PASSAGE_LIMITS.context),
    suffix: text(PASSAGE_LIMITS.context),
    position: fc.option(
      fc.tuple(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 5000 })).map(([start, length]) => ({
        type: 'TextPositionSelector' as const,
        start,
        end: start + length,
      })),
    ),
    url,
    canonicalUrl: fc.option(url),
    title: text(200),
    outlet: fc.option(nonBlank(PASSAGE_LIMITS.outlet)),
    published: fc.option(day.map((d) => d.toISOString().slice(0, 10))),
    savedAt: instant,
    updatedAt: instant,
    note: fc.oneof(fc.constant(''), text(500)),
    tags: fc.array(text(30), { maxLength: 8 }),
    claims: fc.uniqueArray(nonBlank(40), { maxLength: 5 }),
  })
  .map(
    (r): SavedPassage => ({
      id: r.id.toLowerCase(),
      schema: r.schema,
      quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
      position: r.position,
      url: r.url,
      canonicalUrl: r.canonicalUrl,
      title: r.title,
      outlet: r.outlet,
      published: r.published,
      savedAt: r.savedAt,
      updatedAt: r.updatedAt,
      note: r.note,
      tags: (cleanTags(r.tags) as { ok: true; value: string[] }).value,
      claims: r.claims,
    }),
  );

const library = fc.uniqueArray(passage, { selector: (p) => p.id, maxLength: 12 });
const now = day.map((d) => new Date(d.getTime() + 12 * 3600_000));

describe('export → import', () => {
  it('generates only valid passages (so the round trip below tests the formats, not the generator)', () => {
    fc.assert(
      fc.property(passage, (p) => {
        expect(validatePassage(p)).toEqual({ ok: true, value: p });
      }),
    );
  });

  it('is the identity through JSON-LD', () => {
    fc.assert(
      fc.property(library, now, (passages, at) => {
        const file = exportLibrary(passages, 'jsonld', at);
        expect(parseImport(file.text)).toEqual({
          ok: true,
          format: 'nso-lens-jsonld',
          passages: sortPassages(passages),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('adds nothing when a library is imported into itself', () => {
    fc.assert(
      fc.property(library, now, (passages, at) => {
        const parsed = parseImport(exportLibrary(passages, 'jsonld', at).text);
        if (!parsed.ok) throw new Error('export did not parse');
        expect(planImport(passages, parsed.passages)).toEqual({ add: [], duplicates: passages.length });
      }),
    );
  });

  it('writes every other format without throwing', () => {
    fc.assert(
      fc.property(
        library,
        now,
        fc.constantFrom('markdown', 'csv', 'csl') as fc.Arbitrary<'markdown' | 'csv' | 'csl'>,
        (passages, at, format) => {
          expect(typeof exportLibrary(passages, format, at).text).toBe('string');
        },
      ),
    );
  });
});

/** Every outcome is well formed: a list of valid passages, or a non-empty list of located problems. */
function expectWellFormed(text: string): void {
  const result = parseImport(text);
  if (result.ok) {
    for (const p of result.passages) expect(validatePassage(p)).toEqual({ ok: true, value: p });
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.length).toBeLessThanOrEqual(101);
    for (const problem of result.problems) {
      expect(problem.record).toBeGreaterThanOrEqual(-1);
      expect(typeof problem.message).toBe('string');
    }
  }
}

describe('parseImport never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), expectWellFormed), { numRuns: 500 });
  });

  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWellFormed(JSON.stringify(value) ?? 'null')),
      { numRuns: 500 },
    );
  });

  it('on arbitrary values in the shapes it reads', () => {
    const any = fc.jsonValue({ maxDepth: 3 });
    const annotation = fc.record(
      {
        id: fc.oneof(
          any,
          fc.uuid().map((u) => `urn:uuid:${u}`),
        ),
        type: fc.oneof(any, fc.constant('Annotation')),
        created: fc.oneof(any, instant),
        modified: any,
        body: any,
        bodyValue: any,
        target: fc.oneof(
          any,
          fc.record(
            { source: fc.oneof(any, url), selector: any, 'nso:title': any, 'nso:outlet': any },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: ['type'] },
    );
    const hypothesis = fc.record(
      {
        id: any,
        created: any,
        updated: any,
        uri: any,
        text: any,
        tags: any,
        target: any,
        document: any,
        references: any,
      },
      { requiredKeys: ['uri'] },
    );
    const doc = fc.oneof(
      fc.array(annotation),
      annotation.map((items) => ({ type: 'AnnotationPage', items: [items] })),
      fc.record({
        type: fc.constant('AnnotationCollection'),
        total: any,
        first: fc.oneof(any, fc.array(annotation)),
      }),
      fc.array(hypothesis).map((rows) => ({ total: rows.length, rows })),
      fc.array(hypothesis).map((annotations) => ({ export_date: '2024-01-01', annotations })),
      hypothesis,
    );
    fc.assert(
      fc.property(doc, (value) => expectWellFormed(JSON.stringify(value))),
      { numRuns: 500 },
    );
  });

  it('on very deeply nested JSON', () => {
    const depth = 100_000;
    expectWellFormed(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expectWellFormed(`${'{"rows":'.repeat(depth)}[]${'}'.repeat(depth)}`);
  });
});
