/**
 * The researcher library's database: IndexedDB, owned by the background (the single writer).
 *
 * Why `idb` and not Dexie or raw IndexedDB: idb (Jake Archibald, ~1 KB) only turns requests into
 * promises and keeps IndexedDB's own model — real transactions, versioned upgrades, indexes — which is
 * all this store needs; Dexie is about ten times the size for query builders, live queries and sync
 * hooks we do not use. Raw IndexedDB would work too, but its event plumbing is where bugs hide.
 *
 * The factory is passed in so tests run on fake-indexeddb in node and each test gets its own database.
 *
 * Database versions (structural; record shapes are versioned separately, see core/library/migrate.ts):
 *   1 — pre-release builds: store `passages` (keyPath id), schema-0 records, no indexes.
 *   2 — current: `passages` gains the indexes `keys` (multiEntry over each record's page keys) and
 *       `savedAt`; new stores `quarantine` (records that fail validation, kept with the reason) and
 *       `meta` (the last migration's outcome). Every record is migrated to the current schema in the
 *       upgrade transaction itself, so a failure aborts the upgrade and leaves version 1 untouched.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, wrap } from 'idb';
import { migratePassage, sameJson } from '../core/library/migrate';
import type { SavedPassage } from '../core/library/types';
import { pageKeys } from '../core/library/url-key';

export const DB_NAME = 'nso-lens-library';
export const DB_VERSION = 2;

/** A stored passage: the passage plus the page keys the `keys` index is built from. */
export interface PassageRow extends SavedPassage {
  pageKeys: string[];
}

/** A record that failed validation, moved aside intact with why; never deleted by the store. */
export interface QuarantineRow {
  qid?: number;
  /** The record's id when it had a readable one. */
  id: string | null;
  reason: string;
  /** The record exactly as it was stored. */
  record: unknown;
  quarantinedAt: string;
}

/** What one migration pass over the library did. */
export interface MigrationReport {
  /** Records rewritten in the current shape (older schema, normalised values, stale page keys). */
  migrated: number;
  /** Records moved to quarantine. */
  quarantined: number;
  /** Records already current. */
  unchanged: number;
}

/**
 * The meta key of the last migration's outcome: `{at, ok: true, migrated, quarantined, unchanged}` after
 * a pass (builds before issue 8 wrote it without `ok`), `{at, ok: false, message}` after a failed one.
 */
export const LAST_MIGRATION = 'lastMigration';

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface LibrarySchema extends DBSchema {
  passages: { key: string; value: PassageRow; indexes: { keys: string; savedAt: string } };
  quarantine: { key: number; value: QuarantineRow };
  meta: { key: string; value: MetaRow };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;
type Stores = ('passages' | 'quarantine' | 'meta')[];
export type MigrationTx = IDBPTransaction<LibrarySchema, Stores, 'readwrite' | 'versionchange'>;

/** The keys a passage is found under: its page's, and its canonical page's when on the same site. */
export function pageKeysOf(passage: Pick<SavedPassage, 'url' | 'canonicalUrl'>): string[] {
  return pageKeys(passage.url, passage.canonicalUrl);
}

/** A stored row for a passage: the passage with its page keys. */
export function rowFor(passage: SavedPassage): PassageRow {
  return { ...passage, pageKeys: pageKeysOf(passage) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a stored row: the current passage, whether the row must be rewritten, or why it is corrupt. */
export function readRow(raw: unknown): { passage: SavedPassage; stale: boolean } | { corrupt: string } {
  if (!isRecord(raw)) return { corrupt: 'record is not an object' };
  const { pageKeys, ...record } = raw;
  const migrated = migratePassage(record);
  if ('corrupt' in migrated) return migrated;
  const stale = migrated.changed || !sameJson(pageKeys, pageKeysOf(migrated.passage));
  return { passage: migrated.passage, stale };
}

/** A quarantine entry for a stored record. */
export function quarantineEntry(raw: unknown, reason: string, at: string): QuarantineRow {
  const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id.slice(0, 200) : null;
  return { id, reason, record: raw, quarantinedAt: at };
}

/**
 * Brings every record to the current schema inside the given transaction: rewrites stale ones, moves
 * corrupt ones to quarantine. Idempotent: a second pass finds nothing to do.
 */
export async function migrateRecords(tx: MigrationTx, at: string): Promise<MigrationReport> {
  const report: MigrationReport = { migrated: 0, quarantined: 0, unchanged: 0 };
  const passages = tx.objectStore('passages');
  const quarantine = tx.objectStore('quarantine');
  let cursor = await passages.openCursor();
  while (cursor) {
    const raw: unknown = cursor.value;
    const read = readRow(raw);
    if ('corrupt' in read) {
      await quarantine.add(quarantineEntry(raw, read.corrupt, at));
      await cursor.delete();
      report.quarantined++;
    } else if (!read.stale) {
      report.unchanged++;
    } else if (read.passage.id === cursor.primaryKey) {
      await cursor.update(rowFor(read.passage));
      report.migrated++;
    } else if ((await passages.getKey(read.passage.id)) !== undefined) {
      // Its normalised id (lower case) belongs to another record: keep both, this one aside.
      await quarantine.add(quarantineEntry(raw, 'another passage has the same id', at));
      await cursor.delete();
      report.quarantined++;
    } else {
      await cursor.delete();
      await passages.add(rowFor(read.passage));
      report.migrated++;
    }
    cursor = await cursor.continue();
  }
  await tx.objectStore('meta').put({ key: LAST_MIGRATION, value: { at, ok: true, ...report } });
  return report;
}

type UpgradeTx = IDBPTransaction<LibrarySchema, Stores, 'versionchange'>;
type UpgradeStep = (db: LibraryDb, tx: UpgradeTx, at: string) => Promise<unknown> | undefined;

/** Step n builds version n from version n − 1. Never edit a released step: add a new one. */
const STEPS: Record<number, UpgradeStep> = {
  1: (db) => {
    db.createObjectStore('passages', { keyPath: 'id' });
    return undefined;
  },
  2: (db, tx, at) => {
    const passages = tx.objectStore('passages');
    passages.createIndex('keys', 'pageKeys', { multiEntry: true });
    passages.createIndex('savedAt', 'savedAt');
    db.createObjectStore('quarantine', { keyPath: 'qid', autoIncrement: true });
    db.createObjectStore('meta', { keyPath: 'key' });
    return migrateRecords(tx, at);
  },
};

export interface OpenOptions {
  name?: string;
  /** For tests that build an older database; the store always opens DB_VERSION. */
  version?: number;
  /** The current instant (ISO), stamped on quarantined records. */
  now: () => string;
}

/**
 * Opens (creating or upgrading) the library database. Rejects with the browser's error when it cannot:
 * the store turns that into a message for the user.
 */
export function openLibraryDb(factory: IDBFactory, options: OpenOptions): Promise<LibraryDb> {
  const version = options.version ?? DB_VERSION;
  const request = factory.open(options.name ?? DB_NAME, version);
  let stepError: unknown = null;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as LibraryDb;
    const tx = wrap(request.transaction!) as unknown as UpgradeTx;
    tx.done.catch(() => undefined); // the open request reports the failure
    const at = options.now();
    const run = async () => {
      for (let step = event.oldVersion + 1; step <= version; step++) await STEPS[step]!(db, tx, at);
    };
    // A failed step aborts the whole upgrade: the database stays at its old version, records intact.
    run().catch((error: unknown) => {
      stepError = error;
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request.
      }
    });
  });
  // The open fails with the step's own error (a full disk, say), not the abort that followed it.
  return (wrap(request) as unknown as Promise<LibraryDb>).catch((error: unknown) => {
    throw stepError ?? error;
  });
}

/**
 * One shared connection, opened on first use and reopened after the browser closes it (storage cleared,
 * another version wanting to upgrade). A failed open is not cached: the next call tries again.
 */
export function libraryConnection(factory: IDBFactory, options: OpenOptions): () => Promise<LibraryDb> {
  let pending: Promise<LibraryDb> | null = null;
  return () => {
    if (pending) return pending;
    const opening = openLibraryDb(factory, options).then((db) => {
      const forget = () => {
        if (pending === opening) pending = null;
      };
      db.addEventListener('close', forget);
      db.addEventListener('versionchange', () => {
        db.close();
        forget();
      });
      return db;
    });
    pending = opening;
    opening.catch(() => {
      if (pending === opening) pending = null;
    });
    return opening;
  };
}
