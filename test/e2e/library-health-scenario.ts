/**
 * Storage faults and live refresh end to end (issue 8), in each browser, against the release build:
 * a corrupt record written straight into the library's IndexedDB is set aside when the store reads it,
 * counted in the library page's health banner, kept (in quarantine, never deleted, not duplicated on
 * later reads) and downloadable as it was stored; and a change made in another tab — an import through
 * a second library page — shows up in an open library page without a reload or a focus change.
 *
 * The corrupt record is written from the library page itself: extension pages share the background's
 * origin, so they reach the same database the background owns.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LibraryHarness, type UiPage, until } from './library-driver';
import { screenshotPath } from './screenshots';

const DB = 'nso-lens-library';

/** A stored passage damaged in two fields (a bad sector, a buggy build): no quote selector, no date. */
const CORRUPT = {
  id: 'e2e-corrupt-record-1',
  schema: 1,
  quote: 'not a selector',
  url: 'https://news.example/pegasus-story',
  title: 'A record the store cannot read',
  savedAt: 'yesterday',
  pageKeys: ['news.example/pegasus-story'],
};

/** In an extension page: puts `record` into the library's passages store, bypassing the background. */
const putRecord = (arg: { db: string; record: object }): Promise<boolean> =>
  new Promise((done, fail) => {
    const open = indexedDB.open(arg.db);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('passages', 'readwrite');
      tx.objectStore('passages').put(arg.record);
      tx.oncomplete = () => {
        db.close();
        done(true);
      };
      tx.onerror = () => fail(tx.error);
    };
  });

/** In an extension page: the records in the passages and quarantine stores with `id`. */
const findRecord = (arg: {
  db: string;
  id: string;
}): Promise<{ passages: unknown[]; quarantine: unknown[] }> =>
  new Promise((done, fail) => {
    const open = indexedDB.open(arg.db);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['passages', 'quarantine']);
      const passages = tx.objectStore('passages').getAll();
      const quarantine = tx.objectStore('quarantine').getAll();
      tx.oncomplete = () => {
        db.close();
        const mine = (rows: { id?: unknown; record?: { id?: unknown } }[]) =>
          rows.filter((r) => r.id === arg.id || r.record?.id === arg.id);
        done({ passages: mine(passages.result), quarantine: mine(quarantine.result) });
      };
      tx.onerror = () => fail(tx.error);
    };
  });

const bannerText = () => document.querySelector('[data-testid="library-health"]')?.textContent ?? null;

const itemIds = () =>
  Array.from(document.querySelectorAll<HTMLElement>('[data-testid="saved-item"]')).map((el) => el.dataset.id);

export function libraryHealthScenario(launch: () => Promise<LibraryHarness>): void {
  let h: LibraryHarness;

  beforeAll(async () => {
    h = await launch();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  /** The library page, once it has listed the library (so the background has created the database). */
  async function openLibrary(): Promise<UiPage> {
    const library = await h.openExtensionPage('library.html');
    await library.waitFor('[data-testid="library-count"], [data-testid="library-empty"]');
    return library;
  }

  async function reload(page: UiPage): Promise<void> {
    await page.evaluate(() => location.reload(), null);
    await new Promise((done) => setTimeout(done, 300));
    await page.waitFor('[data-testid="library-count"]');
  }

  it('sets a corrupt record aside, says so in a banner, keeps it and offers it for download', async () => {
    const library = await openLibrary();
    expect(await library.evaluate(bannerText, null)).toBeNull();
    expect(await library.evaluate(putRecord, { db: DB, record: CORRUPT })).toBe(true);

    // The store reads the record when the page lists the library again.
    await reload(library);
    await library.waitFor('[data-testid="library-health"]');
    const text = await library.evaluate(bannerText, null);
    expect(text).toContain('NSO Lens could not read 1 saved record.');
    expect(text).toContain('It is kept, never deleted');
    expect(await library.evaluate(itemIds, null)).toEqual([]);

    // Kept: moved to quarantine exactly as it was stored, not deleted.
    const stored = await library.evaluate(findRecord, { db: DB, id: CORRUPT.id });
    expect(stored.passages).toEqual([]);
    expect(stored.quarantine).toEqual([
      expect.objectContaining({ id: CORRUPT.id, record: CORRUPT, reason: expect.stringMatching(/\S/) }),
    ]);

    // Downloadable: the page hands the browser a Blob through an <a download>; keep what it hands over.
    await library.evaluate(() => {
      const w = window as unknown as { __file: Promise<{ name: string; text: string }> };
      w.__file = new Promise((done) => {
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          void fetch(this.href)
            .then((r) => r.text())
            .then((text) => done({ name: this.download, text }));
        };
      });
    }, null);
    await library.click('[data-testid="health-download"]');
    const file = await library.evaluate(
      () => (window as unknown as { __file: Promise<{ name: string; text: string }> }).__file,
      null,
    );
    expect(file.name).toMatch(/^nso-lens-unreadable-records-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(file.text) as { total: number; records: { id: string; record: unknown }[] };
    expect(doc.total).toBe(1);
    expect(doc.records).toEqual([expect.objectContaining({ id: CORRUPT.id, record: CORRUPT })]);
    await library.screenshot(screenshotPath(`library-health-${h.browserName}-banner`));

    // Read again: still one record, still kept once.
    await reload(library);
    await library.waitFor('[data-testid="library-health"]');
    expect(await library.evaluate(bannerText, null)).toContain('could not read 1 saved record');
    const again = await library.evaluate(findRecord, { db: DB, id: CORRUPT.id });
    expect(again.quarantine).toHaveLength(1);
    await library.close();
  });

  it('shows a change made in another tab without a reload or a focus change', async () => {
    const watching = await openLibrary();
    const before = await watching.evaluate(itemIds, null);
    // Marks this document (a reload would lose the mark) and counts the events that also list again.
    await watching.evaluate(() => {
      const w = window as unknown as { __mark: string; __wakes: number };
      w.__mark = 'same document';
      w.__wakes = 0;
      window.addEventListener('focus', () => w.__wakes++);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') w.__wakes++;
      });
    }, null);

    const other = await openLibrary();
    await other.upload(
      '[data-testid="import-file"]',
      resolve(import.meta.dirname, '../fixtures/library/nso-lens-library.jsonld'),
    );
    await other.waitFor('[data-testid="import-summary"]');
    const imported = await until(
      'the import in the other library page',
      () => other.evaluate(itemIds, null),
      (ids) => ids.length === before.length + 2,
    );

    const seen = await until(
      'the imported passages in the first library page',
      () => watching.evaluate(itemIds, null),
      (ids) => ids.length === imported.length,
    );
    expect([...seen].sort()).toEqual([...imported].sort());
    const state = await watching.evaluate(() => {
      const w = window as unknown as { __mark?: string; __wakes?: number };
      return { mark: w.__mark ?? null, wakes: w.__wakes ?? null };
    }, null);
    expect(state).toEqual({ mark: 'same document', wakes: 0 });
    await watching.screenshot(screenshotPath(`library-health-${h.browserName}-live`));
    await other.close();
    await watching.close();
  });
}
