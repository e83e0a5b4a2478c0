/**
 * Background entry (Chrome: module service worker; Firefox: event page). Listeners are registered
 * synchronously at start-up so a restarted worker receives the event that woke it.
 */

import { createEngine, type Engine } from '../core/engine/engine';
import { nsoPack } from '../data/pack';
import { t } from '../platform/i18n';
import { notifyExtensionPages } from '../platform/library-notice';
import { stepForCommand } from '../platform/messages';
import { extensionIdentity, onMessage } from '../platform/runtime';
import { localArea, sessionArea } from '../platform/storage';
import {
  allTabIds,
  injectPipeline,
  onCommand,
  onInstallOrStartup,
  onMenuClick,
  onTabRemoved,
  onTabStatus,
  onTabUrlChange,
  sendToTab,
  setBadge,
  setUpSelectionMenu,
} from '../platform/tabs';
import { badgeFor } from './badge';
import { libraryConnection } from './library-db';
import { browserEstimate } from './library-health';
import { noticeChunks } from './library-routes';
import { createLibraryStore } from './library-store';
import { createRouter } from './router';
import { createSettingsStore } from './settings-store';
import { createTabStateStore } from './tab-state';

/** The context-menu item's id and the keyboard command's name (manifest "commands"). */
const SAVE_PASSAGE = 'save-passage';

const store = createTabStateStore(sessionArea);
const settings = createSettingsStore(localArea);
const library = createLibraryStore({
  db: libraryConnection(indexedDB, { now: () => new Date().toISOString() }),
  now: Date.now,
  uuid: () => crypto.randomUUID(),
  estimate: () => browserEstimate(),
});

/**
 * Tells every other tab's page that passages changed (pages without our content script fail quietly),
 * and every open extension page — the library page and popups list again, whoever made the change.
 */
async function broadcast(ids: string[], exceptTabId?: number): Promise<void> {
  const pages = notifyExtensionPages(ids);
  const tabs = (await allTabIds().catch(() => [])).filter((id) => id !== exceptTabId);
  for (const chunk of noticeChunks(ids)) {
    await Promise.all(tabs.map((tabId) => sendToTab(tabId, 'saved-changed', { ids: chunk })));
  }
  await pages;
}

let engine: Engine | null = null;
const route = createRouter({
  self: extensionIdentity(),
  store,
  settings,
  setBadge,
  injectPipeline,
  now: Date.now,
  library,
  // Not awaited: a busy page must not hold up the answer to the page that made the change.
  notify: async (ids, exceptTabId) => void broadcast(ids, exceptTabId),
  analyseArticle: (input) => {
    // Made on the first very large page only: most sessions never need the engine here.
    engine ??= createEngine(nsoPack);
    return engine.analyse(input);
  },
});

/**
 * Context menu or shortcut: the page saves its selection. The saving code is part of the pipeline, so
 * it is loaded first where it is not yet (a page the gate passed over); where it is, it is not loaded
 * twice. Saving is the reader's explicit request, so it works on paused or disabled sites too.
 */
async function saveSelection(tabId: number): Promise<void> {
  const state = await store.get(tabId);
  if (state?.pipeline !== true && !state?.analysis) await injectPipeline(tabId);
  await sendToTab(tabId, 'save-selection', {});
}

onMessage(route);

onTabRemoved((tabId) => {
  void store.remove(tabId);
});

onTabStatus(async (tabId, status) => {
  if (status === 'loading') {
    // A new document may be loading: what the old one reported no longer holds.
    await store.remove(tabId);
    await setBadge(tabId, badgeFor(null)).catch(() => undefined);
  } else if ((await store.get(tabId)) === null) {
    // Loaded, and nothing reported since: after a same-document navigation the content script is
    // still there and will answer; on pages it does not run on, this fails quietly.
    await sendToTab(tabId, 'report-again', {});
  }
});

// Firefox reports a pushState or hash navigation only as a new URL: ask the page to report again,
// which re-runs the gate and, on a hit, the pipeline for the new article.
onTabUrlChange((tabId) => {
  void sendToTab(tabId, 'report-again', {});
});

// Keyboard shortcuts (manifest "commands"): the page's top frame steps through its highlights, or
// saves the selected passage.
onCommand((command, tabId) => {
  if (command === SAVE_PASSAGE) {
    void saveSelection(tabId);
    return;
  }
  const direction = stepForCommand(command);
  if (direction) void sendToTab(tabId, 'step-highlight', { direction });
});

onMenuClick((menuId, tabId) => {
  if (menuId === SAVE_PASSAGE) void saveSelection(tabId);
});

onInstallOrStartup(async (reason) => {
  await setUpSelectionMenu(SAVE_PASSAGE, t('contextMenuSavePassage'));
  // After an update, bring stored records to this version's schema and page keys (idempotent); after
  // a failed one, try again at the next start. A failure is recorded for the library page's banner.
  const failedBefore = async () => {
    const health = await library.health();
    return health.ok && health.value.lastMigration?.ok === false;
  };
  if (reason === 'update' || (reason === 'startup' && (await failedBefore()))) {
    const migrated = await library.migrate();
    if (!migrated.ok) console.warn(`NSO Lens: library migration failed: ${migrated.error}`);
  }
});
