import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_NAME, openLibraryDb } from '../../src/background/library-db';
import { createLibraryStore } from '../../src/background/library-store';
import type { SavedPassage } from '../../src/core/library/types';
import { countingUuid, draft, freshLibrary, testClock } from './library-fixtures';

const ARTICLE = 'https://www.haaretz.com/israel-news/2020-01-16/ty-article/court-nso';
const T0 = '2024-03-05T10:00:00.000Z';
const ID = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('library store: save, list, find by page', () => {
  it('saves a draft with a new id, the schema version and the save time', async () => {
    const { library } = freshLibrary();
    const saved = unwrap(await library.save(draft(ARTICLE, 'the court lifted the gag order')));
    expect(saved).toEqual({
      ...draft(ARTICLE, 'the court lifted the gag order'),
      id: ID(1),
      schema: 1,
      savedAt: T0,
      updatedAt: T0,
    });
    expect(unwrap(await library.list())).toEqual([saved]);
  });

  it('lists newest first', async () => {
    const { library, clock } = freshLibrary();
    const a = unwrap(await library.save(draft(ARTICLE, 'first')));
    clock.advance(1000);
    const b = unwrap(await library.save(draft(ARTICLE, 'second')));
    expect(unwrap(await library.list()).map((p) => p.id)).toEqual([b.id, a.id]);
  });

  it('finds a page passages under its AMP, AMP-cache, tracking and www variants, and no others', async () => {
    const { library } = freshLibrary();
    const saved = unwrap(await library.save(draft(`${ARTICLE}?utm_source=twitter&fbclid=x1`, 'a quote')));
    unwrap(await library.save(draft('https://www.haaretz.com/israel-news/other-article', 'elsewhere')));
    for (const url of [
      ARTICLE,
      'https://haaretz.com/israel-news/2020-01-16/ty-article/court-nso/',
      'https://amp.haaretz.com/israel-news/2020-01-16/ty-article/court-nso/amp',
      'https://www-haaretz-com.cdn.ampproject.org/c/s/www.haaretz.com/israel-news/2020-01-16/ty-article/court-nso',
      `${ARTICLE}?gclid=abc#comments`,
    ]) {
      expect(unwrap(await library.forPage(url, null)), url).toEqual([saved]);
    }
    expect(unwrap(await library.forPage(`${ARTICLE}-2`, null))).toEqual([]);
    expect(unwrap(await library.forPage('https://www.timesofisrael.com/court-nso', null))).toEqual([]);
  });

  it('finds passages through a same-site canonical link, never through another site', async () => {
    const { library } = freshLibrary();
    const canonical = 'https://www.haaretz.com/2020-01-16/court-nso-1.8412';
    const saved = unwrap(await library.save(draft(ARTICLE, 'a quote', { canonicalUrl: canonical })));
    // Another address of the same article, whose canonical link is the same.
    expect(unwrap(await library.forPage('https://www.haaretz.com/print/8412', canonical))).toEqual([saved]);
    // A page on another site claiming that canonical link gets nothing.
    expect(unwrap(await library.forPage('https://evil.example/copy', canonical))).toEqual([]);
  });

  it('keeps its data for a new connection (browser restart, extension update)', async () => {
    const { library, reopen } = freshLibrary();
    const saved = unwrap(await library.save(draft(ARTICLE, 'kept')));
    expect(unwrap(await reopen().list())).toEqual([saved]);
  });
});

describe('library store: edit, delete, restore', () => {
  it('edits note and tags, stamps updatedAt, keeps savedAt', async () => {
    const { library, clock } = freshLibrary();
    const saved = unwrap(await library.save(draft(ARTICLE, 'q')));
    clock.advance(60_000);
    const edited = unwrap(
      await library.edit(saved.id, { note: 'check the date', tags: [' court ', 'court'] }),
    );
    expect(edited).toEqual({
      ...saved,
      note: 'check the date',
      tags: ['court'],
      updatedAt: '2024-03-05T10:01:00.000Z',
    });
    expect(unwrap(await library.list())).toEqual([edited]);
  });

  it('refuses an edit the caller does not allow, or of a missing passage, and changes nothing', async () => {
    const { library } = freshLibrary();
    const saved = unwrap(await library.save(draft(ARTICLE, 'q')));
    const refused = await library.edit(saved.id, { note: 'x', tags: [] }, () => false);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('Nothing was changed.') });
    expect((await library.edit(ID(99), { note: 'x', tags: [] })).ok).toBe(false);
    expect(unwrap(await library.list())).toEqual([saved]);
  });

  it('returns deleted passages, and restoring them gives back the identical library', async () => {
    const { library } = freshLibrary();
    unwrap(await library.save(draft(ARTICLE, 'one', { tags: ['court'], note: 'n' })));
    unwrap(await library.save(draft(ARTICLE, 'two')));
    unwrap(await library.save(draft(ARTICLE, 'three')));
    const before = unwrap(await library.list());
    const deleted = unwrap(await library.delete([ID(1), ID(3), ID(77)]));
    expect(deleted.map((p) => p.id)).toEqual([ID(1), ID(3)]);
    expect(unwrap(await library.list()).map((p) => p.id)).toEqual([ID(2)]);
    expect(unwrap(await library.restore(deleted))).toBe(2);
    expect(unwrap(await library.list())).toEqual(before);
    expect(unwrap(await library.forPage(ARTICLE, null))).toEqual(before);
  });
});

describe('library store: import', () => {
  const incoming = (n: number, url: string, exact: string): SavedPassage => ({
    ...draft(url, exact),
    id: `11111111-1111-4111-8111-${String(n).padStart(12, '0')}`,
    schema: 1,
    savedAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2023-01-01T00:00:00.000Z',
  });

  it('adds new passages and counts duplicates by id and by address + quote', async () => {
    const { library } = freshLibrary();
    const mine = unwrap(await library.save(draft(ARTICLE, 'already here')));
    const file = [
      incoming(1, ARTICLE, 'new one'),
      { ...incoming(2, ARTICLE, 'same id as mine'), id: mine.id },
      incoming(3, ARTICLE, 'already here'),
      incoming(4, 'https://www.calcalistech.com/ctechnews/article/nso', 'another page'),
    ];
    const outcome = unwrap(await library.importPlan('nso-lens-jsonld', file));
    expect(outcome).toEqual({
      summary: { format: 'nso-lens-jsonld', added: 2, duplicates: 2 },
      ids: [file[0]!.id, file[3]!.id],
    });
    expect(unwrap(await library.list())).toHaveLength(3);
    const again = unwrap(await library.importPlan('nso-lens-jsonld', file));
    expect(again.summary).toEqual({ format: 'nso-lens-jsonld', added: 0, duplicates: 4 });
  });

  it('writes all or nothing: an interrupted import leaves the library as it was', async () => {
    const { library } = freshLibrary();
    const mine = unwrap(await library.save(draft(ARTICLE, 'already here')));
    const file = [1, 2, 3, 4, 5].map((n) => incoming(n, ARTICLE, `quote ${n}`));
    const add = IDBObjectStore.prototype.add;
    let calls = 0;
    // The browser stops the write half way (worker stopped, storage closed): the transaction aborts.
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      calls++;
      if (calls === 3) this.transaction.abort();
      return add.apply(this, args);
    });
    const result = await library.importPlan('nso-lens-jsonld', file);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/interrupted.*Nothing was imported\./),
    });
    vi.restoreAllMocks();
    expect(unwrap(await library.list())).toEqual([mine]);
  });
});

describe('library store: faults reach the reader', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('reports a full quota on save, and nothing is stored', async () => {
    const { library } = freshLibrary();
    const kept = unwrap(await library.save(draft(ARTICLE, 'kept')));
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw quota();
    });
    const result = await library.save(draft(ARTICLE, 'lost?'));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^Your browser's storage for NSO Lens is full: .*Nothing was saved\.$/),
    });
    vi.restoreAllMocks();
    expect(unwrap(await library.list())).toEqual([kept]);
  });

  it('reports a full quota on an edit, and the passage keeps its old note', async () => {
    const { library } = freshLibrary();
    const kept = unwrap(await library.save(draft(ARTICLE, 'kept')));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    const result = await library.edit(kept.id, { note: 'new', tags: [] });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/full: .*Nothing was changed\.$/) });
    vi.restoreAllMocks();
    expect(unwrap(await library.list())).toEqual([kept]);
  });

  it('says when the database cannot be opened (private window, broken profile)', async () => {
    const broken = {
      open: () => {
        throw new DOMException('The operation failed for reasons unrelated to the database.', 'UnknownError');
      },
    } as unknown as IDBFactory;
    const { libraryConnection } = await import('../../src/background/library-db');
    const library = createLibraryStore({
      db: libraryConnection(broken, { now: () => T0 }),
      now: testClock().now,
      uuid: countingUuid(),
    });
    expect(await library.save(draft(ARTICLE, 'q'))).toEqual({
      ok: false,
      error: expect.stringMatching(/^NSO Lens cannot open its library storage .*Nothing was saved\.$/),
    });
    expect(await library.list()).toEqual({ ok: false, error: expect.stringContaining('unchanged') });
  });

  it('refuses a database from a newer version of NSO Lens and says so', async () => {
    const { factory, library } = freshLibrary();
    await new Promise<void>((resolve) => {
      const request = factory.open(DB_NAME, 9);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    expect(await library.list()).toEqual({ ok: false, error: expect.stringContaining('newer version') });
  });

  it('quarantines a corrupt record with its reason, keeps it intact, and lists the rest', async () => {
    const { factory, library, clock } = freshLibrary();
    const good = unwrap(await library.save(draft(ARTICLE, 'good')));
    // A stored record damaged in one field (a bad disk sector, a buggy older build).
    const corrupt = { ...good, id: ID(50), quote: 'not a selector', pageKeys: ['x'] };
    const db = await openLibraryDb(factory, { now: () => T0 });
    clock.advance(5000);
    await db.put('passages', corrupt as never);
    db.close();
    expect(unwrap(await library.list())).toEqual([good]);
    expect(unwrap(await library.quarantined())).toEqual([
      {
        qid: 1,
        id: ID(50),
        reason: 'quote must be a TextQuoteSelector',
        record: corrupt,
        quarantinedAt: '2024-03-05T10:00:05.000Z',
      },
    ]);
    // Moved, not copied: listing again neither shows nor re-quarantines it.
    expect(unwrap(await library.list())).toEqual([good]);
    expect(unwrap(await library.quarantined())).toHaveLength(1);
  });
});

describe('library store: migrations from the pre-release database', () => {
  const OLD = 'https://www.calcalistech.com/ctech/articles/0,7340,L-3877423,00.html';
  /** Records as the pre-release build stored them (database version 1, record schema 0). */
  const schema0 = {
    id: 'aaaaaaaa-0000-4000-8000-000000000001',
    text: 'Pegasus was used against activists',
    prefix: 'The report found that ',
    suffix: ' in at least 45 countries.',
    start: 22,
    end: 57,
    page: `${OLD}?utm_medium=email`,
    title: 'NSO report',
    site: 'Calcalist',
    tags: 'pegasus, citizen lab',
    created: Date.UTC(2021, 6, 19, 7, 0, 0),
  };
  const broken = { ...schema0, id: 'aaaaaaaa-0000-4000-8000-000000000002', created: 'last week' };
  const shouting = {
    ...schema0,
    id: 'AAAAAAAA-0000-4000-8000-000000000003',
    text: 'a second quote',
    start: 100,
    end: 114,
  };
  const clash = { ...shouting, id: 'AAAAAAAA-0000-4000-8000-000000000001', text: 'clashing id' };

  /** The schema-1 passage the first record becomes (mapping rules in migrate.ts). */
  const migrated: SavedPassage = {
    id: schema0.id,
    schema: 1,
    quote: {
      type: 'TextQuoteSelector',
      exact: 'Pegasus was used against activists',
      prefix: 'The report found that ',
      suffix: ' in at least 45 countries.',
    },
    position: { type: 'TextPositionSelector', start: 22, end: 57 },
    url: `${OLD}?utm_medium=email`,
    canonicalUrl: null,
    title: 'NSO report',
    outlet: 'Calcalist',
    published: null,
    savedAt: '2021-07-19T07:00:00.000Z',
    updatedAt: '2021-07-19T07:00:00.000Z',
    note: '',
    tags: ['pegasus', 'citizen lab'],
    claims: [],
  };

  async function oldDatabase(records: object[]) {
    const test = freshLibrary();
    const v1 = await openLibraryDb(test.factory, { version: 1, now: () => T0 });
    for (const record of records) await v1.put('passages', record as never);
    v1.close();
    return test;
  }

  it('migrates schema-0 records on open, re-keys ids, quarantines what it cannot read', async () => {
    const { library } = await oldDatabase([schema0, broken, shouting, clash]);
    const list = unwrap(await library.list());
    expect(list).toEqual([
      migrated,
      {
        ...migrated,
        id: shouting.id.toLowerCase(),
        quote: { ...migrated.quote, exact: 'a second quote' },
        position: { type: 'TextPositionSelector', start: 100, end: 114 },
      },
    ]);
    // The page-key index covers migrated records: found from the clean address.
    expect(unwrap(await library.forPage(OLD, null))).toEqual(list);
    const quarantine = unwrap(await library.quarantined());
    // In the order the upgrade walks the store: by key, and upper case sorts before lower case.
    expect(quarantine.map((q) => [q.id, q.reason, q.record])).toEqual([
      [clash.id, 'another passage has the same id', clash],
      [broken.id, 'schema 0 created must be epoch milliseconds', broken],
    ]);
  });

  it('changes nothing when the migration runs again', async () => {
    const { library } = await oldDatabase([schema0, broken, shouting]);
    const list = unwrap(await library.list());
    const quarantine = unwrap(await library.quarantined());
    expect(unwrap(await library.migrate())).toEqual({ migrated: 0, quarantined: 0, unchanged: 2 });
    expect(unwrap(await library.list())).toEqual(list);
    expect(unwrap(await library.quarantined())).toEqual(quarantine);
  });

  it('rewrites records whose stored page keys are stale (keys computed by an older build)', async () => {
    const { library, factory } = freshLibrary();
    const saved = unwrap(await library.save(draft(ARTICLE, 'q')));
    const db = await openLibraryDb(factory, { now: () => T0 });
    await db.put('passages', { ...saved, pageKeys: ['haaretz.com/old-key-format'] });
    db.close();
    expect(unwrap(await library.forPage(ARTICLE, null))).toEqual([]);
    expect(unwrap(await library.migrate())).toEqual({ migrated: 1, quarantined: 0, unchanged: 0 });
    expect(unwrap(await library.forPage(ARTICLE, null))).toEqual([saved]);
  });

  it('leaves the old database untouched when the upgrade fails, and upgrades on the next try', async () => {
    const { library } = await oldDatabase([schema0, broken]);
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await library.list()).toEqual({ ok: false, error: expect.stringContaining('is full') });
    vi.restoreAllMocks();
    expect(unwrap(await library.list())).toEqual([migrated]);
    expect(unwrap(await library.quarantined()).map((q) => q.record)).toEqual([broken]);
  });
});
