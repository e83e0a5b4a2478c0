import { describe, expect, it } from 'vitest';
import { exportLibrary, sortPassages } from '../../../src/core/library/export';
import type { ExportFormat } from '../../../src/core/library/types';
import { forensics, NOW, ruling, sample, statement } from './sample-library';

describe('exportLibrary', () => {
  it.each([
    [
      'jsonld',
      'nso-lens-library-2026-11-22.jsonld',
      'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    ],
    ['markdown', 'nso-lens-library-2026-11-22.md', 'text/markdown;charset=utf-8'],
    ['csv', 'nso-lens-library-2026-11-22.csv', 'text/csv;charset=utf-8;header=present'],
    ['csl', 'nso-lens-library-2026-11-22.csl.json', 'application/vnd.citationstyles.csl+json'],
  ] as [ExportFormat, string, string][])('names and types the %s file', (format, filename, mime) => {
    const file = exportLibrary(sample, format, NOW);
    expect(file.filename).toBe(filename);
    expect(file.mime).toBe(mime);
  });

  it('names the file for the UTC day of the export', () => {
    expect(exportLibrary([], 'csv', new Date('2026-12-31T23:59:59.999Z')).filename).toBe(
      'nso-lens-library-2026-12-31.csv',
    );
  });

  it('writes passages oldest first whatever order it is given them in', () => {
    for (const format of ['jsonld', 'markdown', 'csv', 'csl'] as ExportFormat[]) {
      const a = exportLibrary([forensics, ruling, statement], format, NOW).text;
      const b = exportLibrary([statement, forensics, ruling], format, NOW).text;
      expect(a).toBe(b);
    }
    const ids = JSON.parse(exportLibrary(sample, 'jsonld', NOW).text).first.items.map(
      (a: { id: string }) => a.id,
    );
    expect(ids).toEqual([statement, ruling, forensics].map((p) => `urn:uuid:${p.id}`));
  });
});

describe('sortPassages', () => {
  it('orders by saved instant (not by string form), then by id', () => {
    const a = { ...ruling, id: 'aaaaaaaa-0000-4000-8000-000000000000', savedAt: '2026-11-20T09:20:00Z' };
    const b = { ...ruling, id: 'bbbbbbbb-0000-4000-8000-000000000000', savedAt: '2026-11-20T09:20:00.000Z' };
    const early = {
      ...ruling,
      id: 'cccccccc-0000-4000-8000-000000000000',
      savedAt: '2026-11-20T09:19:59.999Z',
    };
    expect(sortPassages([b, a, early]).map((p) => p.id)).toEqual([early.id, a.id, b.id]);
  });
});
