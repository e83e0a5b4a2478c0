import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatJsonLd, fromAnnotation, toAnnotation } from '../../../src/core/library/format-jsonld';
import { parseImport } from '../../../src/core/library/import';
import type { SavedPassage } from '../../../src/core/library/types';
import { forensics, NOW, statement } from './sample-library';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/library/${name}`, import.meta.url), 'utf8');

describe('JSON-LD export', () => {
  it('writes a passage as a Web Annotation with namespaced extras', () => {
    expect(toAnnotation(statement)).toEqual({
      id: 'urn:uuid:6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2026-11-20T09:15:00.000Z',
      modified: '2026-11-21T10:02:33.120Z',
      'nso:schema': 1,
      body: [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          value: 'Compare with the 2019 WhatsApp suit.',
          format: 'text/plain',
        },
        { type: 'TextualBody', purpose: 'tagging', value: 'pegasus' },
        { type: 'TextualBody', purpose: 'tagging', value: 'nso-statement' },
        { type: 'TextualBody', purpose: 'identifying', value: 'nso-sells-only-to-governments' },
      ],
      target: {
        source:
          'https://www.haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export?utm_source=newsletter',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact:
              'NSO said it sells Pegasus only to vetted governments, for use against terrorism and crime.',
            prefix: 'In a statement, ',
            suffix: ' The company denied',
          },
          { type: 'TextPositionSelector', start: 1200, end: 1290 },
        ],
        'nso:canonicalUrl': 'https://www.haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export',
        'nso:title': 'NSO: "We sell only to governments"',
        'nso:outlet': 'Haaretz',
        'nso:published': '2021-07-18',
      },
    });
  });

  it('writes a bare highlight with no body, no empty prefix or suffix and no position', () => {
    const bare = { ...forensics, note: '', tags: [] };
    const annotation = toAnnotation(bare);
    expect(annotation).not.toHaveProperty('body');
    expect(annotation.motivation).toBe('highlighting');
    expect((annotation.target as { selector: unknown }).selector).toEqual([
      { type: 'TextQuoteSelector', exact: forensics.quote.exact, prefix: 'hat we found: ' },
    ]);
  });

  it('wraps the passages in one self-contained AnnotationCollection', () => {
    const doc = JSON.parse(formatJsonLd([statement, forensics], NOW));
    expect(doc['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { nso: 'urn:nso-lens:' }]);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.label).toBe('NSO Lens library');
    expect(doc.total).toBe(2);
    expect(doc.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.id).not.toBe(doc.id);
    expect(doc.first.startIndex).toBe(0);
    expect(doc.first.items.map((a: { id: string }) => a.id)).toEqual([
      `urn:uuid:${statement.id}`,
      `urn:uuid:${forensics.id}`,
    ]);
  });

  it('gives the same document for the same library and time, another for another time', () => {
    expect(formatJsonLd([statement], NOW)).toBe(formatJsonLd([statement], NOW));
    expect(formatJsonLd([statement], NOW)).not.toBe(
      formatJsonLd([statement], new Date('2026-11-23T00:00:00Z')),
    );
  });
});

describe('JSON-LD import', () => {
  it('reads the example library file, which is exactly what the export writes', () => {
    const expected: SavedPassage[] = [
      {
        id: '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e',
        schema: 1,
        quote: {
          type: 'TextQuoteSelector',
          exact: 'NSO said it sells Pegasus only to vetted governments.',
          prefix: 'In a statement, ',
          suffix: ' The company denied',
        },
        position: { type: 'TextPositionSelector', start: 1200, end: 1253 },
        url: 'https://www.haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export?utm_source=newsletter',
        canonicalUrl: 'https://www.haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export',
        title: 'NSO: "We sell only to governments"',
        outlet: 'Haaretz',
        published: '2021-07-18',
        savedAt: '2026-11-20T09:15:00.000Z',
        updatedAt: '2026-11-21T10:02:33.120Z',
        note: 'Compare with the WhatsApp v. NSO filing.\nSecond line of the note.',
        tags: ['pegasus', 'court'],
        claims: ['nso-sells-only-to-governments'],
      },
      {
        id: 'a0b1c2d3-e4f5-4a6b-9c8d-7e6f5a4b3c2d',
        schema: 1,
        quote: {
          type: 'TextQuoteSelector',
          exact: 'פגסוס הותקן בטלפון ללא כל פעולה של המשתמש',
          prefix: '',
          suffix: '',
        },
        position: null,
        url: 'https://citizenlab.ca/2021/07/forensic-methodology/',
        canonicalUrl: null,
        title: '',
        outlet: null,
        published: null,
        savedAt: '2026-11-21T18:45:10.000Z',
        updatedAt: '2026-11-21T18:45:10.000Z',
        note: '',
        tags: [],
        claims: [],
      },
    ];
    expect(parseImport(fixture('nso-lens-library.jsonld'))).toEqual({
      ok: true,
      format: 'nso-lens-jsonld',
      passages: expected,
    });
    // Collection and page ids in the file were computed with Python's uuid.uuid5(NAMESPACE_URL, ...) over
    // "urn:nso-lens:export:2026-11-22T08:00:00.000Z:<ids joined by commas>" and "<collection id>/page/1".
    expect(formatJsonLd(expected, NOW)).toBe(fixture('nso-lens-library.jsonld'));
  });

  it("reads another tool's Web Annotation: IRI id, bodyValue, offset times, no extras", () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://example.org/anno/7',
      type: 'Annotation',
      bodyValue: 'Worth checking.',
      created: '2021-07-19T10:00:00+02:00',
      target: {
        source: { id: 'https://example.org/article', type: 'Text' },
        selector: { type: 'TextQuoteSelector', exact: 'Pegasus', prefix: 'the ', suffix: ' spyware' },
      },
    };
    expect(fromAnnotation(annotation)).toEqual({
      ok: true,
      value: {
        // uuid.uuid5(uuid.NAMESPACE_URL, 'https://example.org/anno/7') in Python.
        id: '87b1964c-c527-526c-9b6d-9291ff8db73c',
        schema: 1,
        quote: { type: 'TextQuoteSelector', exact: 'Pegasus', prefix: 'the ', suffix: ' spyware' },
        position: null,
        url: 'https://example.org/article',
        canonicalUrl: null,
        title: '',
        outlet: null,
        published: null,
        savedAt: '2021-07-19T08:00:00.000Z',
        updatedAt: '2021-07-19T08:00:00.000Z',
        note: 'Worth checking.',
        tags: [],
        claims: [],
      },
    });
  });

  it('refuses annotations without a quote, id or creation time, and bad extras', () => {
    const good = toAnnotation(statement);
    const target = good.target as Record<string, unknown>;
    expect(fromAnnotation({ ...good, target: { source: statement.url } })).toEqual({
      ok: false,
      error: 'the annotation quotes no text (no TextQuoteSelector)',
    });
    expect(fromAnnotation({ ...good, id: undefined })).toEqual({
      ok: false,
      error: 'the annotation has no id',
    });
    expect(fromAnnotation({ ...good, id: 'urn:uuid:not-a-uuid' })).toEqual({
      ok: false,
      error: 'id must be a UUID',
    });
    expect(fromAnnotation({ ...good, created: 'yesterday' })).toEqual({
      ok: false,
      error: 'savedAt and updatedAt must be ISO 8601 instants',
    });
    expect(fromAnnotation({ ...good, target: { ...target, 'nso:published': '2021-02-30' } })).toEqual({
      ok: false,
      error: 'published must be a date YYYY-MM-DD or null',
    });
    expect(fromAnnotation({ ...good, type: 'Note' })).toEqual({
      ok: false,
      error: 'not a Web Annotation (type is not "Annotation")',
    });
    expect(
      fromAnnotation({ ...good, body: [{ type: 'TextualBody', purpose: 'commenting', value: 7 }] }),
    ).toEqual({
      ok: false,
      error: 'a note must be text',
    });
  });

  it('refuses a collection whose annotations are not all in the file', () => {
    const doc = JSON.parse(formatJsonLd([statement, forensics], NOW));
    const linked = { ...doc, first: 'https://example.org/page1' };
    expect(parseImport(JSON.stringify(linked))).toEqual({
      ok: false,
      problems: [
        { record: -1, id: null, message: 'the annotations are on another page (a link), not in this file' },
      ],
    });
    const paged = { ...doc, first: { ...doc.first, next: 'https://example.org/page2' } };
    expect(parseImport(JSON.stringify(paged))).toMatchObject({
      ok: false,
      problems: [{ record: -1, message: 'the collection continues on pages this file does not hold' }],
    });
    const short = { ...doc, total: 3 };
    expect(parseImport(JSON.stringify(short))).toEqual({
      ok: false,
      problems: [
        { record: -1, id: null, message: 'the collection says it holds 3 annotations but this file has 2' },
      ],
    });
  });

  it('reads a bare AnnotationPage, a single annotation and a list of annotations', () => {
    const doc = JSON.parse(formatJsonLd([statement, forensics], NOW));
    const both = [statement, forensics];
    expect(parseImport(JSON.stringify(doc.first))).toEqual({
      ok: true,
      format: 'nso-lens-jsonld',
      passages: both,
    });
    expect(parseImport(JSON.stringify(doc.first.items))).toEqual({
      ok: true,
      format: 'nso-lens-jsonld',
      passages: both,
    });
    expect(parseImport(JSON.stringify(doc.first.items[1]))).toEqual({
      ok: true,
      format: 'nso-lens-jsonld',
      passages: [forensics],
    });
  });
});
