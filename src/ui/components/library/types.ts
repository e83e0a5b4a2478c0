/**
 * What the library views are given and call back with. Callbacks answer with an Outcome — the same
 * shape as src/platform's Result, restated so presentational components import nothing from
 * src/platform — and the views show every failure (a full store, a refused import) to the reader.
 */
import type { ImportSummary, SavedPassage } from '../../../core/library/types';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** The whole library as the background listed it. */
export type LibraryLoad =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; passages: readonly SavedPassage[] };

/** One tab's saved passages for the popup's Saved view. */
export type PageSavedLoad =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | {
      kind: 'ready';
      passages: readonly SavedPassage[];
      /** Ids of the passages the page could not place; null when the page has not anchored them yet. */
      orphans: readonly string[] | null;
    };

/** A claim id as readers see it (the fact pack's wording), for lists and the claim filter. */
export type ClaimLabel = (id: string) => string;

export type { ImportSummary, SavedPassage };

/** One record the library could not read, kept in quarantine (src/platform's QuarantinedRecord). */
export interface QuarantinedView {
  id: string | null;
  reason: string;
  quarantinedAt: string;
  /** The record as JSON text, cut when `truncated`. */
  raw: string;
  truncated: boolean;
}

/** The library's storage faults (src/platform's LibraryHealth, restated structurally). */
export interface LibraryHealthView {
  quarantinedCount: number;
  quarantined: readonly QuarantinedView[];
  lastMigration: { at: string; ok: boolean; message: string | null } | null;
  storage: { persisted: boolean | null; usage: number | null; quota: number | null };
}
