/**
 * The library's single writer. Every change to saved passages goes through here, each as one IndexedDB
 * transaction, so concurrent saves from many tabs cannot lose each other's writes and an interrupted
 * write (quota, the worker stopped, storage closed) leaves nothing half-written. Every failure comes
 * back as a `Result` whose message tells the reader what happened and that nothing was stored — a
 * full disk is never swallowed. Records that fail validation are moved to quarantine, never dropped.
 */

import type { IDBPTransaction } from 'idb';
import { planImport } from '../core/library/import';
import {
  type ImportSummary,
  PASSAGE_SCHEMA,
  type PassageDraft,
  type SavedPassage,
} from '../core/library/types';
import { pageKeys } from '../core/library/url-key';
import { validateDraft, validatePassage } from '../core/library/validate';
import {
  HEALTH_LIMITS,
  type LibraryHealth,
  type MigrationOutcome,
  type StorageEstimate,
} from '../platform/messages';
import { errorMessage, fail, ok, type Result } from '../platform/result';
import {
  LAST_MIGRATION,
  type LibraryDb,
  type LibrarySchema,
  type MigrationReport,
  migrateRecords,
  type PassageRow,
  type QuarantineRow,
  quarantineEntry,
  readRow,
  rowFor,
} from './library-db';
import { migrationOutcome, quarantinedRecord } from './library-health';

export interface LibraryStoreDeps {
  /** The shared connection (library-db.ts `libraryConnection`). */
  db: () => Promise<LibraryDb>;
  /** Epoch milliseconds. */
  now: () => number;
  /** A fresh UUID (crypto.randomUUID in the extension). */
  uuid: () => string;
  /** The browser's storage estimate for the health report (navigator.storage in the extension). */
  estimate?: () => Promise<StorageEstimate>;
}

export interface NoteAndTags {
  note: string;
  tags: string[];
}

/** What an import did, and the ids it added (for the change notice to open pages). */
export interface ImportOutcome {
  summary: ImportSummary;
  ids: string[];
}

export interface LibraryStore {
  save(draft: PassageDraft): Promise<Result<SavedPassage>>;
  /** Changes note and tags; `allowed` can refuse the stored passage (a content script's own page only). */
  edit(
    id: string,
    change: NoteAndTags,
    allowed?: (p: SavedPassage) => boolean,
  ): Promise<Result<SavedPassage>>;
  /** Every passage, newest first. */
  list(): Promise<Result<SavedPassage[]>>;
  /** The passages saved on a page (its URL variants, and its same-site canonical page), newest first. */
  forPage(url: string, canonicalUrl: string | null): Promise<Result<SavedPassage[]>>;
  /** Deletes the passages that exist; returns them as they were (for undo). */
  delete(ids: string[]): Promise<Result<SavedPassage[]>>;
  /** Puts passages back exactly as given (undo of delete). */
  restore(passages: SavedPassage[]): Promise<Result<number>>;
  /** Adds an import's passages, skipping duplicates, all in one transaction: all or nothing. */
  importPlan(format: ImportSummary['format'], passages: SavedPassage[]): Promise<Result<ImportOutcome>>;
  /** Records moved aside because they failed validation. */
  quarantined(): Promise<Result<QuarantineRow[]>>;
  /**
   * Brings every record to the current schema (after an update); idempotent. A failure changes no
   * record and is recorded as the last migration's outcome, for the health report.
   */
  migrate(): Promise<Result<MigrationReport>>;
  /** The storage faults the reader must hear about: quarantined records, a failed migration, a full disk. */
  health(): Promise<Result<LibraryHealth>>;
}

type Action = 'save' | 'change' | 'import' | 'read' | 'migrate';
const NOTHING: Record<Action, string> = {
  migrate: 'Your saved passages are kept as they were.',
  save: 'Nothing was saved.',
  change: 'Nothing was changed.',
  import: 'Nothing was imported.',
  read: 'Your saved passages are unchanged.',
};

/** The reader's message for a storage failure, by the DOMException name the browser gave. */
export function storageErrorMessage(error: unknown, action: Action): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const nothing = NOTHING[action];
  switch (name) {
    case 'QuotaExceededError':
      return `Your browser's storage for NSO Lens is full: free some disk space, or export your library and delete passages you no longer need. ${nothing}`;
    case 'AbortError':
    case 'TransactionInactiveError':
    case 'InvalidStateError':
      return `The write was interrupted before it finished (the browser stopped NSO Lens or closed its storage). ${nothing} Please try again.`;
    case 'VersionError':
      return `Your library was written by a newer version of NSO Lens, which this version cannot read: update NSO Lens. ${nothing}`;
    case 'ConstraintError':
      return `A passage with the same id is already in your library. ${nothing}`;
    default:
      return `NSO Lens's library storage failed (${errorMessage(error)}). ${nothing}`;
  }
}

function openErrorMessage(error: unknown, action: Action): string {
  if (error instanceof Error && (error.name === 'VersionError' || error.name === 'QuotaExceededError')) {
    return storageErrorMessage(error, action);
  }
  return `NSO Lens cannot open its library storage (${errorMessage(error)}); browsers may refuse it in private windows. ${NOTHING[action]}`;
}

type Stores = ('passages' | 'quarantine' | 'meta')[];
type WriteTx = IDBPTransaction<LibrarySchema, Stores, 'readwrite'>;

/** Runs `body` in one read-write transaction; any failure aborts it, so nothing of it is kept. */
async function inTransaction<T>(db: LibraryDb, body: (tx: WriteTx) => Promise<T>): Promise<T> {
  const tx = db.transaction(['passages', 'quarantine', 'meta'], 'readwrite');
  try {
    const value = await body(tx);
    await tx.done;
    return value;
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request, or finished.
    }
    throw error;
  }
}

const NO_ESTIMATE: StorageEstimate = { persisted: null, usage: null, quota: null };

const newestFirst = (a: SavedPassage, b: SavedPassage) =>
  b.savedAt < a.savedAt ? -1 : b.savedAt > a.savedAt ? 1 : a.id < b.id ? -1 : 1;

export function createLibraryStore(deps: LibraryStoreDeps): LibraryStore {
  const iso = () => new Date(deps.now()).toISOString();
  /** A failed migration that could not be written to the meta store either (the disk is full, say). */
  let unrecorded: MigrationOutcome | null = null;

  async function run<T>(action: Action, body: (db: LibraryDb) => Promise<Result<T>>): Promise<Result<T>> {
    let db: LibraryDb;
    try {
      db = await deps.db();
    } catch (error) {
      return fail(openErrorMessage(error, action));
    }
    try {
      return await body(db);
    } catch (error) {
      return fail(storageErrorMessage(error, action));
    }
  }

  /**
   * Reads rows: valid ones as passages; corrupt ones are moved to quarantine (if they are still as read)
   * in their own transaction. A failed move loses nothing: the record stays where it was.
   */
  async function readRows(db: LibraryDb, rows: unknown[]): Promise<SavedPassage[]> {
    const passages: SavedPassage[] = [];
    const corrupt: { key: IDBValidKey; entry: QuarantineRow }[] = [];
    const at = iso();
    for (const raw of rows) {
      const read = readRow(raw);
      if (!('corrupt' in read)) passages.push(read.passage);
      else if (typeof raw === 'object' && raw !== null && 'id' in raw) {
        corrupt.push({ key: raw.id as IDBValidKey, entry: quarantineEntry(raw, read.corrupt, at) });
      }
    }
    if (corrupt.length > 0) {
      await inTransaction(db, async (tx) => {
        const store = tx.objectStore('passages');
        for (const { key, entry } of corrupt) {
          const now = await store.get(key as string);
          if (now === undefined || !('corrupt' in readRow(now))) continue;
          await tx.objectStore('quarantine').add(entry);
          await store.delete(key as string);
        }
      }).catch(() => undefined);
    }
    return passages.sort(newestFirst);
  }

  /** Stores a failed migration's outcome in its own transaction; in memory when even that fails. */
  async function recordMigrationFailure(message: string): Promise<void> {
    const outcome: MigrationOutcome = { at: iso(), ok: false, message };
    try {
      const db = await deps.db();
      await inTransaction(db, (tx) => tx.objectStore('meta').put({ key: LAST_MIGRATION, value: outcome }));
      unrecorded = null;
    } catch {
      unrecorded = outcome;
    }
  }

  return {
    save: (draft) =>
      run('save', async (db) => {
        const checked = validateDraft(draft);
        if (!checked.ok) return fail(`${checked.error}. ${NOTHING.save}`);
        const at = iso();
        const passage = validatePassage({
          ...checked.value,
          id: deps.uuid(),
          schema: PASSAGE_SCHEMA,
          savedAt: at,
          updatedAt: at,
        });
        if (!passage.ok) return fail(`${passage.error}. ${NOTHING.save}`);
        // add, not put: a repeated id must fail rather than replace another passage.
        await inTransaction(db, (tx) => tx.objectStore('passages').add(rowFor(passage.value)));
        return ok(passage.value);
      }),

    edit: (id, change, allowed = () => true) =>
      run('change', (db) =>
        inTransaction(db, async (tx): Promise<Result<SavedPassage>> => {
          const store = tx.objectStore('passages');
          const raw = await store.get(id);
          const read = raw === undefined ? null : readRow(raw);
          if (read === null || 'corrupt' in read || !allowed(read.passage)) {
            return fail(`That passage is not in your library (deleted elsewhere?). ${NOTHING.change}`);
          }
          const next = validatePassage({ ...read.passage, ...change, updatedAt: iso() });
          if (!next.ok) return fail(`${next.error}. ${NOTHING.change}`);
          await store.put(rowFor(next.value));
          return ok(next.value);
        }),
      ),

    list: () => run('read', async (db) => ok(await readRows(db, await db.getAll('passages')))),

    forPage: (url, canonicalUrl) =>
      run('read', async (db) => {
        const tx = db.transaction('passages');
        const index = tx.store.index('keys');
        const found = new Map<string, unknown>();
        for (const key of pageKeys(url, canonicalUrl)) {
          for (const row of await index.getAll(key)) found.set(row.id, row);
        }
        await tx.done;
        return ok(await readRows(db, [...found.values()]));
      }),

    delete: (ids) =>
      run('change', (db) =>
        inTransaction(db, async (tx) => {
          const store = tx.objectStore('passages');
          const deleted: SavedPassage[] = [];
          for (const id of new Set(ids)) {
            const raw = await store.get(id);
            const read = raw === undefined ? null : readRow(raw);
            if (read === null || 'corrupt' in read) continue;
            await store.delete(id);
            deleted.push(read.passage);
          }
          return ok(deleted);
        }),
      ),

    restore: (passages) =>
      run('change', async (db) => {
        const rows: PassageRow[] = [];
        for (const p of passages) {
          const checked = validatePassage(p);
          if (!checked.ok) return fail(`${checked.error}. ${NOTHING.change}`);
          rows.push(rowFor(checked.value));
        }
        await inTransaction(db, async (tx) => {
          for (const row of rows) await tx.objectStore('passages').put(row);
        });
        return ok(rows.length);
      }),

    importPlan: (format, passages) =>
      run('import', (db) =>
        inTransaction(db, async (tx) => {
          const store = tx.objectStore('passages');
          // Ids of unreadable records count as taken too: an import never overwrites a record.
          const taken = new Set<string>(await store.getAllKeys());
          const fresh = passages.filter((p) => !taken.has(p.id));
          const existing = (await store.getAll()).flatMap((raw) => {
            const read = readRow(raw);
            return 'corrupt' in read ? [] : [read.passage];
          });
          const plan = planImport(existing, fresh);
          for (const p of plan.add) await store.add(rowFor(p));
          const summary: ImportSummary = {
            format,
            added: plan.add.length,
            duplicates: passages.length - fresh.length + plan.duplicates,
          };
          return ok({ summary, ids: plan.add.map((p) => p.id) });
        }),
      ),

    quarantined: () => run('read', async (db) => ok(await db.getAll('quarantine'))),

    migrate: async () => {
      const result = await run('migrate', async (db) =>
        ok(await inTransaction(db, (tx) => migrateRecords(tx, iso()))),
      );
      if (result.ok) unrecorded = null;
      else await recordMigrationFailure(result.error);
      return result;
    },

    health: () =>
      run('read', async (db) => {
        const tx = db.transaction(['quarantine', 'meta']);
        const quarantine = tx.objectStore('quarantine');
        const [count, rows, meta] = await Promise.all([
          quarantine.count(),
          quarantine.getAll(null, HEALTH_LIMITS.listed),
          tx.objectStore('meta').get(LAST_MIGRATION),
        ]);
        await tx.done;
        const stored = migrationOutcome(meta?.value);
        const lastMigration =
          unrecorded !== null && (stored === null || unrecorded.at > stored.at) ? unrecorded : stored;
        const storage = await (deps.estimate?.() ?? Promise.resolve(NO_ESTIMATE)).catch(() => NO_ESTIMATE);
        return ok({
          quarantinedCount: count,
          quarantined: rows.map(quarantinedRecord),
          lastMigration,
          storage,
        });
      }),
  };
}
