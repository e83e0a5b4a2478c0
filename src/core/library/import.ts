/**
 * Import of a library file: detect the format, check every record, and plan what to add. Nothing is
 * written unless every record is valid (the caller writes `planImport(...).add` only after
 * `parseImport` said ok), and the user sees every record that failed and why. Never throws: the file
 * comes from anywhere.
 */

import { fromHypothesis, hypothesisRecordId, hypothesisRecords } from './format-hypothesis';
import {
  annotationRecordId,
  fromAnnotation,
  isWebAnnotationDocument,
  webAnnotationRecords,
} from './format-jsonld';
import type { ImportParse, ImportProblem, SavedPassage } from './types';
import { pageKeys } from './url-key';
import type { Checked } from './validate';

/** Largest file read (characters, about 50 MB): the whole file is parsed in memory. */
export const MAX_IMPORT_CHARS = 50 * 1024 * 1024;
/** Most records one file may hold. */
export const MAX_IMPORT_RECORDS = 100_000;
/** Most problems listed; past it one last entry says how many more there were. */
export const MAX_IMPORT_PROBLEMS = 100;

/** `record: -1` marks a problem of the file as a whole rather than of one record. */
const fileProblem = (message: string): ImportParse => ({
  ok: false,
  problems: [{ record: -1, id: null, message }],
});

/** Where a JSON syntax error is, in words, from the engine's message (V8 gives a position, Firefox a line). */
function jsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return `the file is not valid JSON: ${message}`;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `the file is not valid JSON: ${message} (line ${line}, column ${column})`;
}

interface Reader {
  format: 'nso-lens-jsonld' | 'hypothesis';
  records: unknown[];
  problems: ImportProblem[];
  read: (record: unknown) => Checked<SavedPassage>;
  idOf: (record: unknown) => string | null;
}

function reader(doc: unknown): Reader | null {
  if (isWebAnnotationDocument(doc)) {
    const { records, problems } = webAnnotationRecords(doc);
    return { format: 'nso-lens-jsonld', records, problems, read: fromAnnotation, idOf: annotationRecordId };
  }
  const records = hypothesisRecords(doc);
  if (records === null) return null;
  return { format: 'hypothesis', records, problems: [], read: fromHypothesis, idOf: hypothesisRecordId };
}

/**
 * Parses an import file: NSO Lens JSON-LD (any W3C Web Annotation collection, page, annotation or list)
 * or Hypothesis JSON. Ok only when every record is a valid passage; otherwise lists all problems (up to
 * MAX_IMPORT_PROBLEMS), each with the record's 0-based index and id.
 */
export function parseImport(text: string): ImportParse {
  if (typeof text !== 'string') return fileProblem('the file is not text');
  if (text.length > MAX_IMPORT_CHARS) return fileProblem('the file is larger than 50 MB');
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fileProblem('the file is empty');
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    return fileProblem(jsonError(body, error));
  }
  const found = reader(doc);
  if (!found) {
    return fileProblem('not an NSO Lens library (Web Annotation JSON-LD) nor a Hypothesis annotation export');
  }
  if (found.records.length > MAX_IMPORT_RECORDS) {
    return fileProblem(
      `the file holds ${found.records.length} records; at most ${MAX_IMPORT_RECORDS} can be imported at once`,
    );
  }
  const problems = [...found.problems];
  let unlisted = 0;
  const passages: SavedPassage[] = [];
  found.records.forEach((record, index) => {
    const checked = found.read(record);
    if (checked.ok) passages.push(checked.value);
    else if (problems.length < MAX_IMPORT_PROBLEMS)
      problems.push({ record: index, id: found.idOf(record), message: checked.error });
    else unlisted++;
  });
  if (unlisted > 0)
    problems.push({ record: -1, id: null, message: `${unlisted} more records have problems` });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, format: found.format, passages };
}

/**
 * The keys a passage is known by for duplicate detection: its quote on each key of its page (the page
 * keys the store finds passages by, so tracking parameters, "www." or AMP do not make a new page).
 */
function quoteKeys(p: SavedPassage): string[] {
  const pages = pageKeys(p.url, p.canonicalUrl);
  return (pages.length > 0 ? pages : [p.url]).map((page) => `${page}\u0000${p.quote.exact}`);
}

/**
 * What an import adds: incoming passages (in file order) that are not duplicates. A duplicate has the
 * id of a passage already there (or earlier in the file), or the same quote (exact text) from the same
 * page: the two passages share a page key of their address or same-site canonical address (url-key.ts).
 */
export function planImport(
  existing: readonly SavedPassage[],
  incoming: readonly SavedPassage[],
): { add: SavedPassage[]; duplicates: number } {
  const ids = new Set(existing.map((p) => p.id));
  const quotes = new Set(existing.flatMap(quoteKeys));
  const add: SavedPassage[] = [];
  let duplicates = 0;
  for (const p of incoming) {
    const keys = quoteKeys(p);
    if (ids.has(p.id) || keys.some((key) => quotes.has(key))) {
      duplicates++;
      continue;
    }
    add.push(p);
    ids.add(p.id);
    for (const key of keys) quotes.add(key);
  }
  return { add, duplicates };
}
