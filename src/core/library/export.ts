/**
 * Export of the library in the four formats the library page offers. The output depends only on the
 * passages and the time given (no clock, no randomness), and passages come out in one stable order
 * whatever order the store returned them in, so two exports of one library are byte-identical.
 */
import { formatCsl } from './format-csl';
import { formatCsv } from './format-csv';
import { formatJsonLd } from './format-jsonld';
import { formatMarkdown } from './format-markdown';
import type { ExportFile, ExportFormat, SavedPassage } from './types';

/** Oldest saved first; ties by id, so the order never depends on the store. */
export function sortPassages(passages: readonly SavedPassage[]): SavedPassage[] {
  return [...passages].sort(
    (a, b) => Date.parse(a.savedAt) - Date.parse(b.savedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const FORMATS: Record<
  ExportFormat,
  { extension: string; mime: string; write: (passages: SavedPassage[], now: Date) => string }
> = {
  // The media type the Web Annotation Data Model recommends (§ 4, "Serialization").
  jsonld: {
    extension: 'jsonld',
    mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    write: formatJsonLd,
  },
  markdown: { extension: 'md', mime: 'text/markdown;charset=utf-8', write: formatMarkdown },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8;header=present', write: formatCsv },
  // The registered CSL-JSON media type; ".json" so reference managers offer to open it.
  csl: { extension: 'csl.json', mime: 'application/vnd.citationstyles.csl+json', write: formatCsl },
};

/**
 * The library as one downloadable file, named for the export day (UTC), e.g.
 * "nso-lens-library-2026-11-22.jsonld". `now` is the export time (written into JSON-LD and Markdown).
 */
export function exportLibrary(
  passages: readonly SavedPassage[],
  format: ExportFormat,
  now: Date,
): ExportFile {
  const { extension, mime, write } = FORMATS[format];
  return {
    filename: `nso-lens-library-${now.toISOString().slice(0, 10)}.${extension}`,
    mime,
    text: write(sortPassages(passages), now),
  };
}
