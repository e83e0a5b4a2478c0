/**
 * The saved-passage model (issue 7): what a researcher's library holds, shared by the content script
 * (which makes passages), the background (which stores them), the library and popup pages (which show
 * them), the export/import formats and the tests. Pure data, no browser API.
 *
 * Selectors follow the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/#selectors).
 * Their text basis is the page text as defined by `src/dom/page-text.ts`: the data of the text nodes
 * under document.body in document order, skipping script, style, noscript, template and NSO Lens's own
 * host element, with nothing inserted between nodes (the same basis Hypothesis uses for body text).
 */

/** The record schema version this code writes. Older records are migrated (see migrate.ts). */
export const PASSAGE_SCHEMA = 1;

/** The quote with up to QUOTE_CONTEXT characters of context either side (W3C TextQuoteSelector). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Character offsets of the quote in the page text, end exclusive (W3C TextPositionSelector). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Characters of prefix and suffix kept with a quote: enough to tell repeated quotes apart. */
export const QUOTE_CONTEXT = 32;

/** One saved passage. Every field is always present; unknown values are null or empty. */
export interface SavedPassage {
  /** A UUID (crypto.randomUUID), stable across export and import. */
  id: string;
  /** Record schema version (PASSAGE_SCHEMA when written by this code). */
  schema: number;
  quote: TextQuoteSelector;
  /** Null when the source (e.g. an imported annotation) gave none. */
  position: TextPositionSelector | null;
  /** The page's address when saved (http or https). */
  url: string;
  /** The page's canonical link (http or https), when it had one. */
  canonicalUrl: string | null;
  /** The page's title when saved ("" when it had none). */
  title: string;
  /** The outlet's display name (from the fact pack when known, else the page's site name). */
  outlet: string | null;
  /** The article's publication date, YYYY-MM-DD, when known. */
  published: string | null;
  /** ISO 8601 instant (Date.prototype.toISOString). */
  savedAt: string;
  /** ISO 8601 instant of the last edit of note or tags; equals savedAt until then. */
  updatedAt: string;
  /** The researcher's note, plain text ("" when none). */
  note: string;
  /** Tags, trimmed, non-empty, unique, in the order given. */
  tags: string[];
  /** Ids of the fact-pack claims the passage overlaps, in pack order, unique. */
  claims: string[];
}

/** What the content script sends to save a passage; the background adds id, schema and times. */
export type PassageDraft = Omit<SavedPassage, 'id' | 'schema' | 'savedAt' | 'updatedAt'>;

/** Bounds: passages come from hostile pages and import files and must not grow the store unboundedly. */
export const PASSAGE_LIMITS = {
  quote: 20_000,
  context: 64,
  url: 4096,
  title: 1000,
  outlet: 200,
  note: 20_000,
  tags: 50,
  tag: 100,
  claims: 200,
  claimId: 200,
} as const;

/** Export formats (library page buttons export-json, export-markdown, export-csv, export-csl). */
export type ExportFormat = 'jsonld' | 'markdown' | 'csv' | 'csl';

/** One export, ready to download. */
export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
}

/**
 * Why one record of an import file was refused: its position (0-based) in the file, its id if any.
 * `record` is -1 for a problem with the file as a whole (not JSON, unknown shape, too big) and for the
 * closing "N more records have problems" line; the import UI shows those without a record number.
 */
export interface ImportProblem {
  record: number;
  id: string | null;
  message: string;
}

/** The outcome of parsing an import file: all records valid, or the list of problems (nothing written). */
export type ImportParse =
  | { ok: true; format: 'nso-lens-jsonld' | 'hypothesis'; passages: SavedPassage[] }
  | { ok: false; problems: ImportProblem[] };

/** What an import did: added passages, skipped duplicates (same id, or same url + quote). */
export interface ImportSummary {
  format: 'nso-lens-jsonld' | 'hypothesis';
  added: number;
  duplicates: number;
}

/** Where a saved passage was found in the page text, and how sure the anchoring is (0..1). */
export interface Anchored {
  start: number;
  end: number;
  /** 1 for an exact match at the recorded position; lower for moved or fuzzily matched quotes. */
  score: number;
  /** True when the page text at start..end equals the quote exactly. */
  exact: boolean;
}

/** A library query (library page search and filters); every field optional, all given must match. */
export interface LibraryQuery {
  /** Full-text: every word must occur in quote, note, title, outlet, tags or url (case/diacritics folded). */
  text?: string;
  outlet?: string;
  tag?: string;
  claim?: string;
  /** Inclusive YYYY-MM-DD bounds on the article's published date (saved date when unknown). */
  from?: string;
  to?: string;
}
