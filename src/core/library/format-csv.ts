/**
 * The library as CSV (RFC 4180) for spreadsheets: a header row, then one row per passage with every
 * field. Records end in CRLF; fields holding a comma, a double quote, CR or LF are quoted, with quotes
 * doubled. The file starts with a UTF-8 byte order mark, without which Excel reads UTF-8 as a legacy
 * code page and garbles Hebrew, Arabic and typographic quotes.
 *
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or tab or CR, which some
 * strip before looking) as a formula, and quotes and notes are page text anyone can write. Such cells
 * get a leading apostrophe (OWASP "CSV Injection"), which spreadsheets show as text. The apostrophe is
 * visible to programs that read the CSV; this format is for people, the JSON-LD export for programs.
 */
import type { SavedPassage } from './types';

/** Columns in order: what a reader looks at first, then provenance, then anchoring details. */
export const CSV_COLUMNS = [
  'quote',
  'note',
  'tags',
  'claims',
  'outlet',
  'title',
  'published',
  'url',
  'canonicalUrl',
  'savedAt',
  'updatedAt',
  'prefix',
  'suffix',
  'positionStart',
  'positionEnd',
  'id',
  'schema',
] as const;

/** One cell: formula triggers neutralised, then quoted if it must be. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(p: SavedPassage): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    quote: p.quote.exact,
    note: p.note,
    tags: p.tags.join('; '),
    claims: p.claims.join('; '),
    outlet: p.outlet ?? '',
    title: p.title,
    published: p.published ?? '',
    url: p.url,
    canonicalUrl: p.canonicalUrl ?? '',
    savedAt: p.savedAt,
    updatedAt: p.updatedAt,
    prefix: p.quote.prefix,
    suffix: p.quote.suffix,
    positionStart: p.position ? String(p.position.start) : '',
    positionEnd: p.position ? String(p.position.end) : '',
    id: p.id,
    schema: String(p.schema),
  };
}

/** The passages (in the order given) as a CSV document. Unknown values are empty cells. */
export function formatCsv(passages: readonly SavedPassage[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const p of passages) {
    const cells = row(p);
    lines.push(CSV_COLUMNS.map((column) => csvCell(cells[column])).join(','));
  }
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}
