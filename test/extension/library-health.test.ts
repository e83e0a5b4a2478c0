/**
 * Issue 8's storage faults as the health report sees them: a corrupt record is moved to quarantine and
 * reported with its reason and its stored form as JSON text (never deleted, however often the library
 * is read); a failed migration is recorded — in the meta store, or in memory when even that write
 * fails — and a later success replaces it; reports stay bounded; the browser's storage estimate is
 * passed on when it has one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, LAST_MIGRATION, openLibraryDb } from '../../src/background/library-db';
import {
  browserEstimate,
  migrationOutcome,
  quarantinedRecord,
  recordText,
} from '../../src/background/library-health';
import { createLibraryStore } from '../../src/background/library-store';
import { HEALTH_LIMITS } from '../../src/platform/messages';
import { countingUuid, draft, freshLibrary, libraryPageSender, libraryRouter } from './library-fixtures';

const ARTICLE = 'https://www.haaretz.com/israel-news/2020-01-16/ty-article/court-nso';
const T0 = '2024-03-05T10:00:00.000Z';
const T1 = '2024-03-06T08:00:00.000Z';
const ID = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** Writes records straight into the passages store, as a damaged disk or a buggy build would leave them. */
async function putRaw(factory: IDBFactory, records: object[]) {
  const db = await openLibraryDb(factory, { now: () => T0 });
  for (const record of records) await db.put('passages', record as never);
  db.close();
}

describe('library health: quarantined records', () => {
  it('reports no fault for a healthy library created by this version', async () => {
    const { library } = freshLibrary();
    unwrap(await library.save(draft(ARTICLE, 'fine')));
    expect(unwrap(await library.health())).toEqual({
      quarantinedCount: 0,
      quarantined: [],
      // Creating the database runs the (empty) migration of its upgrade.
      lastMigration: { at: T0, ok: true, message: null },
      storage: { persisted: null, usage: null, quota: null },
    });
  });

  it('reports a corrupt record with its reason and stored form, and keeps it however often it is read', async () => {
    const { factory, library, clock } = freshLibrary();
    const good = unwrap(await library.save(draft(ARTICLE, 'good')));
    // A stored passage damaged in one field (a bad disk sector, a buggy older build).
    const corrupt = { ...good, id: ID(77), quote: 'not a selector', pageKeys: ['haaretz.com/x'] };
    await putRaw(factory, [corrupt]);
    clock.advance(60_000);
    expect(unwrap(await library.list())).toEqual([good]);
    const report = unwrap(await library.health());
    expect(report.quarantinedCount).toBe(1);
    expect(report.quarantined).toEqual([
      {
        id: ID(77),
        reason: 'quote must be a TextQuoteSelector',
        quarantinedAt: '2024-03-05T10:01:00.000Z',
        raw: expect.any(String),
        truncated: false,
      },
    ]);
    expect(JSON.parse(report.quarantined[0]!.raw)).toEqual(corrupt);
    // Reading the report and the library again deletes nothing and quarantines nothing twice.
    unwrap(await library.list());
    expect(unwrap(await library.health())).toEqual(report);
    expect(unwrap(await library.quarantined()).map((q) => q.record)).toEqual([corrupt]);
  });

  it('counts every quarantined record but lists a bounded number, each cut to a bounded size', async () => {
    const { factory, library } = freshLibrary();
    const huge = { id: ID(1), quote: 'x'.repeat(HEALTH_LIMITS.rawChars * 2) };
    const rest = Array.from({ length: HEALTH_LIMITS.listed }, (_, i) => ({ id: ID(i + 2), quote: i }));
    await putRaw(factory, [huge, ...rest]);
    expect(unwrap(await library.list())).toEqual([]);
    const report = unwrap(await library.health());
    expect(report.quarantinedCount).toBe(HEALTH_LIMITS.listed + 1);
    expect(report.quarantined).toHaveLength(HEALTH_LIMITS.listed);
    const first = report.quarantined[0]!;
    expect(first.id).toBe(ID(1));
    expect(first.truncated).toBe(true);
    expect(first.raw).toHaveLength(HEALTH_LIMITS.rawChars);
    expect(first.raw.startsWith('{\n  "id": "00000000-0000-4000-8000-000000000001",\n  "quote": "xxx')).toBe(
      true,
    );
    // The whole record is still stored, uncut.
    const stored = unwrap(await library.quarantined()).find((q) => q.id === ID(1))!;
    expect(stored.record).toEqual(huge);
  });

  it('is answered to the library page through the router', async () => {
    const test = libraryRouter();
    await putRaw(test.factory, [{ id: ID(9), quote: null }]);
    await test.route({ channel: 'popup', type: 'list-passages', payload: {} }, libraryPageSender);
    const answer = await test.route(
      { channel: 'popup', type: 'library-health', payload: {} },
      libraryPageSender,
    );
    expect(answer).toMatchObject({
      ok: true,
      value: { quarantinedCount: 1, quarantined: [{ id: ID(9), reason: expect.stringMatching(/\S/) }] },
    });
    expect(test.notices).toEqual([]);
  });
});

describe('library health: migrations', () => {
  /** A library whose one passage has stale page keys, so a migration must rewrite it. */
  async function staleLibrary() {
    const test = freshLibrary();
    const saved = unwrap(await test.library.save(draft(ARTICLE, 'q')));
    await putRaw(test.factory, [{ ...saved, pageKeys: ['haaretz.com/old-key-format'] }]);
    return { ...test, saved };
  }

  it('reports an upgrade from the pre-release database as a successful migration', async () => {
    const test = freshLibrary();
    const v1 = await openLibraryDb(test.factory, { version: 1, now: () => T0 });
    v1.close();
    expect(unwrap(await test.library.health()).lastMigration).toEqual({ at: T0, ok: true, message: null });
  });

  it('records a failed migration in the meta store, changes no record, and a later success replaces it', async () => {
    const { library, clock, saved, factory } = await staleLibrary();
    clock.advance(1000);
    vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(() => {
      throw quota();
    });
    const failed = await library.migrate();
    expect(failed).toEqual({
      ok: false,
      error: expect.stringMatching(/is full: .*Your saved passages are kept as they were\.$/),
    });
    vi.restoreAllMocks();
    expect(unwrap(await library.health()).lastMigration).toEqual({
      at: '2024-03-05T10:00:01.000Z',
      ok: false,
      message: failed.ok ? null : failed.error,
    });
    // Recorded in storage, not only in this worker's memory: a new worker reads it too.
    const db = await openLibraryDb(factory, { now: () => T0 });
    const meta = await db.get('meta', LAST_MIGRATION);
    db.close();
    expect(meta?.value).toMatchObject({ ok: false, at: '2024-03-05T10:00:01.000Z' });
    expect(unwrap(await library.list())).toEqual([saved]);

    clock.advance(1000);
    expect(unwrap(await library.migrate())).toEqual({ migrated: 1, quarantined: 0, unchanged: 0 });
    expect(unwrap(await library.health()).lastMigration).toEqual({
      at: '2024-03-05T10:00:02.000Z',
      ok: true,
      message: null,
    });
  });

  it('keeps the failure in memory when even the meta store cannot be written', async () => {
    const { library, clock } = await staleLibrary();
    clock.advance(3000);
    vi.spyOn(IDBCursor.prototype, 'update').mockImplementation(() => {
      throw quota();
    });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    expect((await library.migrate()).ok).toBe(false);
    vi.restoreAllMocks();
    expect(unwrap(await library.health()).lastMigration).toMatchObject({
      at: '2024-03-05T10:00:03.000Z',
      ok: false,
      message: expect.stringContaining('is full'),
    });
  });

  it('records a migration that could not even open the database in memory, and reports it later', async () => {
    let fail = false;
    const { factory, library: first } = freshLibrary();
    unwrap(await first.save(draft(ARTICLE, 'q')));
    const flaky = {
      open: (name: string, version?: number) => {
        if (fail) throw new DOMException('The operation failed.', 'UnknownError');
        return factory.open(name, version);
      },
    } as unknown as IDBFactory;
    const { libraryConnection } = await import('../../src/background/library-db');
    const library = createLibraryStore({
      db: libraryConnection(flaky, { now: () => T0 }),
      now: () => Date.parse(T1),
      uuid: countingUuid(),
    });
    fail = true;
    const migrated = await library.migrate();
    expect(migrated).toEqual({ ok: false, error: expect.stringMatching(/cannot open its library storage/) });
    expect(await library.health()).toEqual({ ok: false, error: expect.stringMatching(/unchanged/) });
    fail = false;
    expect(unwrap(await library.health()).lastMigration).toEqual({
      at: T1,
      ok: false,
      message: migrated.ok ? null : migrated.error,
    });
  });

  it('reads the outcome older builds stored (no ok field) as a success, and ignores malformed values', () => {
    expect(migrationOutcome({ at: T0, migrated: 1, quarantined: 0, unchanged: 3 })).toEqual({
      at: T0,
      ok: true,
      message: null,
    });
    expect(migrationOutcome({ at: T0, ok: false })).toEqual({ at: T0, ok: false, message: 'unknown error' });
    for (const bad of [null, 'x', { ok: false }, { at: 5, ok: true }])
      expect(migrationOutcome(bad)).toBeNull();
  });
});

describe('library health: records as text', () => {
  it('writes values JSON cannot hold in place instead of failing', () => {
    const cyclic: Record<string, unknown> = { id: 'c' };
    cyclic.self = cyclic;
    const record = {
      id: ID(3),
      when: new Date(Date.UTC(2020, 0, 16)),
      bad: new Date(Number.NaN),
      big: 12345678901234567890n,
      nan: Number.NaN,
      tags: new Set(['a']),
      map: new Map([['k', 1]]),
      bytes: new Uint8Array(4),
      cyclic,
      shared: [cyclic, cyclic],
      nothing: undefined,
    };
    const { raw, truncated } = recordText(record);
    expect(truncated).toBe(false);
    expect(JSON.parse(raw)).toEqual({
      id: ID(3),
      when: '2020-01-16T00:00:00.000Z',
      bad: 'Invalid Date',
      big: '12345678901234567890n',
      nan: 'NaN',
      tags: { '[Set]': ['a'] },
      map: { '[Map]': [['k', 1]] },
      bytes: '[Uint8Array 4 bytes]',
      cyclic: { id: 'c', self: '[cycle]' },
      // The same object twice is not a cycle: both copies are written out.
      shared: [
        { id: 'c', self: '[cycle]' },
        { id: 'c', self: '[cycle]' },
      ],
      nothing: null,
    });
  });

  it('describes nesting deeper than any passage instead of overflowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const { raw } = recordText(deep, Number.MAX_SAFE_INTEGER);
    expect(raw).toContain('"[nested too deep]"');
    expect(raw).not.toContain('bottom');
  });

  it('bounds the reason and keeps a record without an id', () => {
    const row = { id: null, reason: 'r'.repeat(5000), record: 'just text', quarantinedAt: T0 };
    expect(quarantinedRecord(row)).toEqual({
      id: null,
      reason: 'r'.repeat(1000),
      quarantinedAt: T0,
      raw: '"just text"',
      truncated: false,
    });
  });
});

describe('library health: storage estimate', () => {
  it('passes the browser estimate on, and reports unknowns as null', async () => {
    const storage = {
      estimate: async () => ({ usage: 900, quota: 1000 }),
      persisted: async () => true,
    };
    expect(await browserEstimate(storage)).toEqual({ persisted: true, usage: 900, quota: 1000 });
    const failing = {
      estimate: () => Promise.reject(new Error('denied')),
      persisted: () => Promise.reject(new Error('denied')),
    };
    expect(await browserEstimate(failing)).toEqual({ persisted: null, usage: null, quota: null });
    expect(await browserEstimate({})).toEqual({ persisted: null, usage: null, quota: null });
    expect(await browserEstimate({ estimate: async () => ({ usage: -1, quota: Number.NaN }) })).toEqual({
      persisted: null,
      usage: null,
      quota: null,
    });
  });

  it('puts the estimate in the report, and a failing estimate does not fail the report', async () => {
    const { factory } = freshLibrary();
    const { libraryConnection } = await import('../../src/background/library-db');
    const make = (
      estimate: () => Promise<{ persisted: boolean | null; usage: number | null; quota: number | null }>,
    ) =>
      createLibraryStore({
        db: libraryConnection(factory, { name: DB_NAME, now: () => T0 }),
        now: () => Date.parse(T0),
        uuid: countingUuid(),
        estimate,
      });
    const figures = { persisted: false, usage: 5, quota: 10 };
    expect(unwrap(await make(async () => figures).health()).storage).toEqual(figures);
    expect(unwrap(await make(() => Promise.reject(new Error('no'))).health()).storage).toEqual({
      persisted: null,
      usage: null,
      quota: null,
    });
  });
});
