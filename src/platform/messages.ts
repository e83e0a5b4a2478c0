/**
 * The message protocol between extension contexts: one map per direction, each entry naming the request
 * payload and the response value. Pure (no browser API) so the background router and the unit tests
 * share the exact same validators.
 */

import type { ArticleInput } from '../core/engine/engine';
import type {
  ExportFile,
  ExportFormat,
  ImportSummary,
  PassageDraft,
  SavedPassage,
} from '../core/library/types';
import { PASSAGE_LIMITS } from '../core/library/types';
import { cleanTags, isUuid, isWebUrl, validateDraft, validatePassage } from '../core/library/validate';
import type { Analysis } from '../core/match/findings';
import { validatePageAnalysis } from './analysis-validate';
import { validateArticleInput } from './article-validate';
import { fail, ok, type Result } from './result';
import { type Settings, validateSettingsPatch } from './settings';

/** What the content script's gate found on the page. */
export interface GateResult {
  /** True when at least one of the story's names was found. */
  hit: boolean;
  /** Display labels of the names found, in gate-term order, without duplicates. */
  terms: string[];
}

/** The content script's report about the document it runs in. */
export interface PageReport {
  url: string;
  title: string;
  gate: GateResult;
  /** True when the pipeline is already loaded in this document (it re-runs itself; no new injection). */
  pipeline?: boolean;
}

/** How the page's highlights went: placed in the page, or not (API missing, text changed). */
export interface HighlightReport {
  /** False where the CSS Custom Highlight API is missing: the popup says so. */
  supported: boolean;
  placed: number;
  unplaced: number;
}

/** The pipeline's result for the document it ran on (the engine's analysis, DESIGN.md §4). */
export interface PageAnalysis {
  url: string;
  analysis: Analysis;
  highlights: HighlightReport;
  /** How long the run took, by stage (diagnostics and `npm run bench`); absent from older senders. */
  timings?: RunTimings;
}

/** Milliseconds per stage of one pipeline run (see src/content/pipeline/analyse-page.ts). */
export interface RunTimings {
  extract: number;
  engine: number;
  place: number;
  total: number;
  /** The longest stretch the run held the page's main thread without yielding (large pages). */
  longestSlice: number;
  /** True when the background ran the engine. */
  remote: boolean;
  /** performance.now() in the page when the run started (the page's own clock: tools line up long tasks). */
  startedAt: number;
}

/** What the background holds for one tab. */
export interface TabState extends PageReport {
  tabId: number;
  /** Epoch milliseconds at which the background accepted the report. */
  reportedAt: number;
  /** The full analysis, once the pipeline ran on this document; null before (or on pages it skipped). */
  analysis: PageAnalysis | null;
}

/** The badge the background set for a tab; echoed to the content script for diagnostics and tests. */
export interface BadgeInfo {
  text: string;
  color: string;
}

/** Where this page's saved passages ended up (the content script's report after anchoring them). */
export interface AnchoringReport {
  url: string;
  /** Ids of the passages highlighted in the page. */
  placed: string[];
  /** Ids of the passages that could not be placed (the popup lists them as orphans). */
  orphans: string[];
}

/** The popup's view of one tab's saved passages. */
export interface PagePassages {
  passages: SavedPassage[];
  /** The page's last anchoring report, or null when the page has not anchored them (yet). */
  anchoring: AnchoringReport | null;
}

/** Who a library change came from; the library page and popups refresh on it. */
export interface LibraryChange {
  /** Passages added, changed or removed (ids). */
  ids: string[];
}

/** One stored record the library could not read, moved to quarantine (kept, never deleted). */
export interface QuarantinedRecord {
  /** The record's own id when it had a readable one. */
  id: string | null;
  /** Why it could not be read (the validator's or migration's words). */
  reason: string;
  /** When it was moved aside (ISO instant). */
  quarantinedAt: string;
  /**
   * The record as it is stored, as JSON text (values JSON cannot hold are described in place), cut at
   * HEALTH_LIMITS.rawChars characters so one huge record cannot swamp the message.
   */
  raw: string;
  /** True when `raw` was cut: the whole record is still in storage. */
  truncated: boolean;
}

/** How the last migration of stored records to this version's schema went. */
export interface MigrationOutcome {
  /** When it ran (ISO instant). */
  at: string;
  ok: boolean;
  /** Why it failed, for the reader; null when it succeeded. */
  message: string | null;
}

/** The browser's account of our storage; each figure null where the browser does not say. */
export interface StorageEstimate {
  /** True when the browser will not evict our data under storage pressure. */
  persisted: boolean | null;
  /** Bytes used and available (navigator.storage.estimate()). */
  usage: number | null;
  quota: number | null;
}

/** The library's storage faults, for the library page's health banner. */
export interface LibraryHealth {
  /** How many records are in quarantine (may be more than `quarantined` lists). */
  quarantinedCount: number;
  /** The oldest HEALTH_LIMITS.listed quarantined records. */
  quarantined: QuarantinedRecord[];
  /**
   * The last migration's outcome (creating or upgrading the database migrates too); null when none was
   * recorded.
   */
  lastMigration: MigrationOutcome | null;
  storage: StorageEstimate;
}

/** Bounds on the health report: it travels in one message. */
export const HEALTH_LIMITS = {
  /** Characters of one quarantined record's JSON text. */
  rawChars: 100_000,
  /** Quarantined records listed in one report (at most about 10 MB of text). */
  listed: 100,
} as const;

/** content script → background. */
export interface ContentToBackground {
  /**
   * Saves a passage the reader selected in this page. The draft's url must be the sender's page; the
   * background adds id, schema version and times and returns the stored passage.
   */
  'save-passage': { request: PassageDraft; response: SavedPassage };
  /**
   * Edits note and tags of a passage saved from this same page (the editor shown right after saving).
   * Passages of other pages can only be edited from the library page.
   */
  'edit-saved-passage': { request: { id: string; note: string; tags: string[] }; response: SavedPassage };
  /** This page's saved passages (matched by URL, canonical URL of the same site, AMP and tracking variants). */
  'get-page-passages': { request: { url: string; canonicalUrl: string | null }; response: SavedPassage[] };
  /** Which of this page's saved passages were placed and which are orphans. */
  'anchoring-report': { request: AnchoringReport; response: null };
  /** The gate result for the current document; sent once per document (again after bfcache restore). */
  'page-report': { request: PageReport; response: BadgeInfo };
  /** The pipeline's analysis of the current document (sent again after a same-document navigation). */
  'page-analysis': { request: PageAnalysis; response: BadgeInfo };
  /** The pipeline's view of the settings (pause, per-site disable, highlight style). */
  'get-settings': { request: Record<string, never>; response: Settings };
  /**
   * Analyses a very large page's article text in the background, off the page's main thread (a 1 MB
   * engine run would freeze the tab for a few hundred milliseconds). The matches come back with empty
   * quotes: each is the text between its offsets, which the page has (restoreQuotes in analyse-page.ts).
   */
  'analyse-article': { request: ArticleInput; response: Analysis };
}

/** popup (or any extension page) → background. */
export interface PopupToBackground {
  /** The state the background holds for a tab, or null when no content script reported there. */
  'get-tab-state': { request: { tabId: number }; response: TabState | null };
  'get-settings': { request: Record<string, never>; response: Settings };
  /** Changes some settings; privileged: only extension pages may send it. Returns the new settings. */
  'set-settings': { request: Partial<Settings>; response: Settings };
  /** One tab's saved passages and where they were placed. */
  'get-page-saved': { request: { tabId: number }; response: PagePassages };
  /** The whole library, newest first. */
  'list-passages': { request: Record<string, never>; response: SavedPassage[] };
  /** Edits note and tags of any passage. */
  'update-passage': { request: { id: string; note: string; tags: string[] }; response: SavedPassage };
  /** Deletes passages; returns them so the page can offer undo (restore-passages). */
  'delete-passages': { request: { ids: string[] }; response: SavedPassage[] };
  /** Puts deleted passages back exactly as they were (undo). Returns how many were restored. */
  'restore-passages': { request: { passages: SavedPassage[] }; response: number };
  /** The library in one export format. */
  'export-library': { request: { format: ExportFormat }; response: ExportFile };
  /**
   * Imports a file's text (our JSON-LD or Hypothesis JSON). Validated first: on any problem nothing is
   * written and the error lists which record failed and why.
   */
  'import-library': { request: { text: string }; response: ImportSummary };
  /**
   * The library's storage faults: records moved to quarantine (kept, never deleted, each as JSON text
   * so the reader can recover it by hand), the last migration's outcome, and how full storage is.
   */
  'library-health': { request: Record<string, never>; response: LibraryHealth };
}

/** background → content script (sent with tabs.sendMessage to a tab's top frame). */
export interface BackgroundToContent {
  /**
   * Send your page report again. The background forgets a tab's state when the tab starts loading; in
   * Chrome that also happens on same-document navigations (hash, pushState), where the content script
   * is still there and its page unchanged.
   */
  'report-again': { request: Record<string, never>; response: null };
  /** A keyboard shortcut (manifest "commands"): go to the next or previous highlight and open its card. */
  'step-highlight': { request: { direction: StepDirection }; response: null };
  /** Context menu or shortcut: save the current selection (the page then shows the note editor). */
  'save-selection': { request: Record<string, never>; response: null };
  /** Saved passages changed (edited, deleted, imported elsewhere): fetch and anchor this page's again. */
  'saved-changed': { request: LibraryChange; response: null };
}

/**
 * background → extension pages (runtime.sendMessage, which content scripts do not receive): the library
 * page and popups list again when the library changes.
 */
export interface BackgroundToPages {
  /** Passages were saved, edited, deleted, restored or imported (from any tab or page). */
  'library-changed': { request: LibraryChange; response: null };
}

export type StepDirection = 'next' | 'previous';

/** The manifest's keyboard commands and the step each one asks the page for. */
export const STEP_COMMANDS: Readonly<Record<string, StepDirection>> = {
  'next-highlight': 'next',
  'previous-highlight': 'previous',
};

/** The step a command name stands for, or null for commands that are not ours. */
export function stepForCommand(command: string): StepDirection | null {
  return Object.hasOwn(STEP_COMMANDS, command) ? STEP_COMMANDS[command]! : null;
}

/** A message of one direction's map, as it travels. */
export type Envelope<Map, Channel extends string> = {
  [K in keyof Map]: {
    channel: Channel;
    type: K;
    payload: Map[K] extends { request: infer Req } ? Req : never;
  };
}[keyof Map];

export type ContentMessage = Envelope<ContentToBackground, 'content'>;
export type PopupMessage = Envelope<PopupToBackground, 'popup'>;
export type AnyMessage = ContentMessage | PopupMessage;
export type BackgroundMessage = Envelope<BackgroundToContent, 'background'>;
export type PageNotice = Envelope<BackgroundToPages, 'background'>;

/** The response type of a message type in a direction's map. */
export type ResponseOf<Map, K extends keyof Map> = Map[K] extends { response: infer R } ? R : never;

/** Bounds on reported data: a content script runs in hostile pages and must not grow our storage. */
export const LIMITS = {
  url: 4096,
  title: 1000,
  terms: 32,
  term: 64,
  /** Passage ids in one message (delete, anchoring report, change notice). */
  ids: 10_000,
  /** Passages in one restore (undo of a delete of at most `ids` passages). */
  passages: 10_000,
  /**
   * Characters of an import file (about 50 MB), as core/library/import.ts MAX_IMPORT_CHARS (a test pins
   * them equal); not imported from there, so the content script does not bundle the import parsers.
   */
  importText: 50 * 1024 * 1024,
} as const;

type Validator<T> = (payload: unknown) => Result<T>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts only http(s) URLs of bounded length: the content script runs on nothing else. */
function isPageUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > LIMITS.url) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function validateGate(value: unknown): Result<GateResult> {
  if (!isRecord(value) || typeof value.hit !== 'boolean' || !Array.isArray(value.terms)) {
    return fail('gate must be {hit: boolean, terms: string[]}');
  }
  const terms = value.terms;
  if (terms.length > LIMITS.terms) return fail('too many gate terms');
  if (!terms.every((t) => typeof t === 'string' && t.length > 0 && t.length <= LIMITS.term)) {
    return fail('gate terms must be short non-empty strings');
  }
  if (new Set(terms).size !== terms.length) return fail('gate terms repeat');
  if (value.hit !== terms.length > 0) return fail('gate hit must equal "some terms found"');
  return ok({ hit: value.hit, terms: [...(terms as string[])] });
}

const validatePageReport: Validator<PageReport> = (payload) => {
  if (!isRecord(payload)) return fail('page-report payload must be an object');
  if (!isPageUrl(payload.url)) return fail('page-report url must be an http(s) URL');
  if (typeof payload.title !== 'string' || payload.title.length > LIMITS.title) {
    return fail('page-report title must be a string of bounded length');
  }
  const gate = validateGate(payload.gate);
  if (!gate.ok) return gate;
  if (payload.pipeline !== undefined && typeof payload.pipeline !== 'boolean')
    return fail('page-report pipeline must be a boolean');
  const loaded = payload.pipeline === true ? { pipeline: true } : {};
  return ok({ url: payload.url, title: payload.title, gate: gate.value, ...loaded });
};

const validateTabQuery: Validator<{ tabId: number }> = (payload) => {
  if (!isRecord(payload) || !Number.isSafeInteger(payload.tabId) || (payload.tabId as number) < 0) {
    return fail('payload must be {tabId: non-negative integer}');
  }
  return ok({ tabId: payload.tabId as number });
};

const validateEmpty: Validator<Record<string, never>> = (payload) =>
  isRecord(payload) && Object.keys(payload).length === 0 ? ok({}) : fail('payload must be {}');

/** A bounded list of unique passage ids (UUIDs, lower-cased as the store keeps them). */
function validateIds(value: unknown, what: string): Result<string[]> {
  if (!Array.isArray(value) || value.length > LIMITS.ids) {
    return fail(`${what} must be a list of at most ${LIMITS.ids} passage ids`);
  }
  if (!value.every(isUuid)) return fail(`${what} must hold passage ids (UUIDs)`);
  const ids = value.map((id: string) => id.toLowerCase());
  if (new Set(ids).size !== ids.length) return fail(`${what} repeats an id`);
  return ok(ids);
}

const validateDraftMessage: Validator<PassageDraft> = (payload) => {
  const checked = validateDraft(payload);
  return checked.ok ? ok(checked.value) : fail(`save-passage: ${checked.error}`);
};

const validateNoteEdit: Validator<{ id: string; note: string; tags: string[] }> = (payload) => {
  if (!isRecord(payload) || !isUuid(payload.id)) return fail('an edit must name a passage id (UUID)');
  const { note } = payload;
  if (typeof note !== 'string' || note.length > PASSAGE_LIMITS.note) {
    return fail(`note must be text of at most ${PASSAGE_LIMITS.note} characters`);
  }
  const tags = cleanTags(payload.tags);
  if (!tags.ok) return fail(tags.error);
  return ok({ id: payload.id.toLowerCase(), note, tags: tags.value });
};

const validatePageQuery: Validator<{ url: string; canonicalUrl: string | null }> = (payload) => {
  if (!isRecord(payload) || !isWebUrl(payload.url))
    return fail('get-page-passages url must be an http(s) URL');
  const canonicalUrl = payload.canonicalUrl ?? null;
  if (canonicalUrl !== null && !isWebUrl(canonicalUrl)) {
    return fail('get-page-passages canonicalUrl must be an http(s) URL or null');
  }
  return ok({ url: payload.url, canonicalUrl });
};

const validateAnchoring: Validator<AnchoringReport> = (payload) => {
  if (!isRecord(payload) || !isPageUrl(payload.url))
    return fail('anchoring-report url must be an http(s) URL');
  const placed = validateIds(payload.placed, 'anchoring-report placed');
  if (!placed.ok) return placed;
  const orphans = validateIds(payload.orphans, 'anchoring-report orphans');
  if (!orphans.ok) return orphans;
  if (placed.value.length + orphans.value.length > LIMITS.ids)
    return fail('anchoring-report lists too many ids');
  const both = new Set(placed.value);
  if (orphans.value.some((id) => both.has(id))) return fail('a passage cannot be both placed and an orphan');
  return ok({ url: payload.url, placed: placed.value, orphans: orphans.value });
};

const validateIdsPayload: Validator<{ ids: string[] }> = (payload) => {
  if (!isRecord(payload)) return fail('payload must be {ids: [...]}');
  const ids = validateIds(payload.ids, 'ids');
  if (!ids.ok) return ids;
  return ids.value.length > 0 ? ok({ ids: ids.value }) : fail('ids must not be empty');
};

const validateRestore: Validator<{ passages: SavedPassage[] }> = (payload) => {
  if (!isRecord(payload) || !Array.isArray(payload.passages) || payload.passages.length > LIMITS.passages) {
    return fail(`restore-passages must carry a list of at most ${LIMITS.passages} passages`);
  }
  const passages: SavedPassage[] = [];
  for (const [index, raw] of payload.passages.entries()) {
    const checked = validatePassage(raw);
    if (!checked.ok) return fail(`restore-passages: passage ${index + 1}: ${checked.error}`);
    passages.push(checked.value);
  }
  if (new Set(passages.map((p) => p.id)).size !== passages.length)
    return fail('restore-passages repeats an id');
  return ok({ passages });
};

const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonld', 'markdown', 'csv', 'csl'];

const validateExport: Validator<{ format: ExportFormat }> = (payload) => {
  const format = isRecord(payload) ? payload.format : undefined;
  return EXPORT_FORMATS.includes(format as ExportFormat)
    ? ok({ format: format as ExportFormat })
    : fail(`export format must be one of ${EXPORT_FORMATS.join(', ')}`);
};

const validateImport: Validator<{ text: string }> = (payload) => {
  if (!isRecord(payload) || typeof payload.text !== 'string')
    return fail('import-library must carry the file text');
  if (payload.text.length > LIMITS.importText) return fail('the import file is larger than 50 MB');
  return ok({ text: payload.text });
};

const contentValidators: { [K in keyof ContentToBackground]: Validator<ContentToBackground[K]['request']> } =
  {
    'save-passage': validateDraftMessage,
    'edit-saved-passage': validateNoteEdit,
    'get-page-passages': validatePageQuery,
    'anchoring-report': validateAnchoring,
    'page-report': validatePageReport,
    'page-analysis': (payload) => validatePageAnalysis(payload, isPageUrl),
    'get-settings': validateEmpty,
    'analyse-article': (payload) => validateArticleInput(payload, isPageUrl),
  };

const popupValidators: { [K in keyof PopupToBackground]: Validator<PopupToBackground[K]['request']> } = {
  'get-tab-state': validateTabQuery,
  'get-settings': validateEmpty,
  'set-settings': validateSettingsPatch,
  'get-page-saved': validateTabQuery,
  'list-passages': validateEmpty,
  'update-passage': validateNoteEdit,
  'delete-passages': validateIdsPayload,
  'restore-passages': validateRestore,
  'export-library': validateExport,
  'import-library': validateImport,
  'library-health': validateEmpty,
};

function hasOwn<T extends object>(table: T, key: unknown): key is keyof T {
  return typeof key === 'string' && Object.hasOwn(table, key);
}

/**
 * Checks an incoming message's envelope and payload shape. Copies what it accepts, so nothing the sender
 * attached beyond the protocol (extra keys, getters, prototypes) reaches the handlers.
 */
export function parseMessage(raw: unknown): Result<AnyMessage> {
  if (!isRecord(raw)) return fail('message must be an object');
  const { channel, type, payload } = raw;
  if (channel === 'content' && hasOwn(contentValidators, type)) {
    const checked = contentValidators[type](payload);
    // Each validator belongs to its own type, which TypeScript cannot correlate through the table.
    return checked.ok ? ok({ channel, type, payload: checked.value } as AnyMessage) : checked;
  }
  if (channel === 'popup' && hasOwn(popupValidators, type)) {
    const checked = popupValidators[type](payload);
    return checked.ok ? ok({ channel, type, payload: checked.value } as AnyMessage) : checked;
  }
  return fail(`unknown message ${String(channel)}/${String(type)}`);
}

/** Checks a message the content script receives; only the background's known requests pass. */
export function parseBackgroundMessage(raw: unknown): Result<BackgroundMessage> {
  if (!isRecord(raw) || raw.channel !== 'background') return fail('not a background request');
  if (raw.type === 'report-again') return ok({ channel: 'background', type: 'report-again', payload: {} });
  if (raw.type === 'step-highlight' && isRecord(raw.payload)) {
    const { direction } = raw.payload;
    if (direction === 'next' || direction === 'previous') {
      return ok({ channel: 'background', type: 'step-highlight', payload: { direction } });
    }
  }
  if (raw.type === 'save-selection')
    return ok({ channel: 'background', type: 'save-selection', payload: {} });
  if (raw.type === 'saved-changed' && isRecord(raw.payload)) {
    const ids = validateIds(raw.payload.ids, 'saved-changed ids');
    if (ids.ok) return ok({ channel: 'background', type: 'saved-changed', payload: { ids: ids.value } });
  }
  return fail('not a background request');
}

/** Checks a notice an extension page receives; only a library change with passage ids passes. */
export function parsePageNotice(raw: unknown): Result<PageNotice> {
  if (!isRecord(raw) || raw.channel !== 'background' || raw.type !== 'library-changed') {
    return fail('not a library notice');
  }
  if (!isRecord(raw.payload)) return fail('library-changed payload must be {ids: [...]}');
  const ids = validateIds(raw.payload.ids, 'library-changed ids');
  if (!ids.ok) return ids;
  if (ids.value.length === 0) return fail('library-changed ids must not be empty');
  return ok({ channel: 'background', type: 'library-changed', payload: { ids: ids.value } });
}
