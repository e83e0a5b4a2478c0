/**
 * Shared set-up for the library tests: a fresh in-memory IndexedDB per test (fake-indexeddb), a store
 * with a fixed clock and counted UUIDs, a router wired like the background's, and passage drafts.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { libraryConnection } from '../../src/background/library-db';
import { createLibraryStore, type LibraryStore } from '../../src/background/library-store';
import { createRouter } from '../../src/background/router';
import { createSettingsStore } from '../../src/background/settings-store';
import { createTabStateStore } from '../../src/background/tab-state';
import { createEngine, type Engine } from '../../src/core/engine/engine';
import type { PassageDraft } from '../../src/core/library/types';
import { nsoPack } from '../../src/data/pack';
import type { KeyValueArea } from '../../src/platform/storage';

let compiled: Engine | null = null;
/** The bundled engine, compiled once for all tests. */
const engine = () => (compiled ??= createEngine(nsoPack));

export const self = { id: 'nso-lens@nso-lens.org', baseUrl: 'moz-extension://1234/' };
export const popupSender = { id: self.id, url: `${self.baseUrl}popup.html?tab=5` };
export const libraryPageSender = { id: self.id, url: `${self.baseUrl}library.html`, tab: { id: 40 } };

/** A content-script sender in tab `tabId`'s top frame, on `url`. */
export function pageSender(tabId: number, url: string) {
  return { id: self.id, url, frameId: 0, tab: { id: tabId } };
}

/** A clock the tests move by hand; starts at 2024-03-05T10:00:00Z. */
export function testClock(start = Date.UTC(2024, 2, 5, 10, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Deterministic UUIDs (version 4 layout) numbered from 1. */
export function countingUuid() {
  let n = 0;
  return () => {
    n++;
    return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

export interface TestLibrary {
  factory: IDBFactory;
  clock: ReturnType<typeof testClock>;
  library: LibraryStore;
  /** A second store over the same database, as after a browser restart or an extension update. */
  reopen: () => LibraryStore;
}

export function freshLibrary(options: { uuid?: () => string } = {}): TestLibrary {
  const factory = new IDBFactory();
  const clock = testClock();
  const uuid = options.uuid ?? countingUuid();
  const make = () =>
    createLibraryStore({
      db: libraryConnection(factory, { now: () => new Date(clock.now()).toISOString() }),
      now: clock.now,
      uuid,
    });
  return { factory, clock, library: make(), reopen: make };
}

export function draft(url: string, exact: string, extra: Partial<PassageDraft> = {}): PassageDraft {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 7, end: 7 + exact.length },
    url,
    canonicalUrl: null,
    title: 'NSO export licence hearing',
    outlet: 'Haaretz',
    published: '2020-01-16',
    note: '',
    tags: [],
    claims: [],
    ...extra,
  };
}

export function memoryArea(): KeyValueArea {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    remove: async (key) => void map.delete(key),
    all: async () => Object.fromEntries(map),
  };
}

/** A router like the background's, over a fresh library; records injections and change notices. */
export function libraryRouter(options: { uuid?: () => string } = {}) {
  const test = freshLibrary(options);
  const store = createTabStateStore(memoryArea());
  const settings = createSettingsStore(memoryArea());
  const injected: number[] = [];
  const notices: { ids: string[]; exceptTabId?: number }[] = [];
  const route = createRouter({
    self,
    store,
    settings,
    setBadge: async () => undefined,
    injectPipeline: async (tabId) => {
      injected.push(tabId);
      return { ok: true, value: null };
    },
    now: () => Date.UTC(2024, 2, 5, 12, 0, 0),
    library: test.library,
    analyseArticle: (input) => engine().analyse(input),
    notify: async (ids, exceptTabId) => {
      notices.push(exceptTabId === undefined ? { ids } : { ids, exceptTabId });
    },
  });
  return { ...test, route, store, settings, injected, notices };
}
