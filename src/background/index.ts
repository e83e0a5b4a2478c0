/**
 * Background entry (Chrome: module service worker; Firefox: event page). Listeners are registered
 * synchronously at start-up so a restarted worker receives the event that woke it.
 */

import { stepForCommand } from '../platform/messages';
import { extensionIdentity, onMessage } from '../platform/runtime';
import { localArea, sessionArea } from '../platform/storage';
import {
  injectPipeline,
  onCommand,
  onTabRemoved,
  onTabStatus,
  onTabUrlChange,
  sendToTab,
  setBadge,
} from '../platform/tabs';
import { badgeFor } from './badge';
import { createRouter } from './router';
import { createSettingsStore } from './settings-store';
import { createTabStateStore } from './tab-state';

const store = createTabStateStore(sessionArea);
const settings = createSettingsStore(localArea);
const route = createRouter({
  self: extensionIdentity(),
  store,
  settings,
  setBadge,
  injectPipeline,
  now: Date.now,
});

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

// Keyboard shortcuts (manifest "commands"): the page's top frame steps through its highlights.
onCommand((command, tabId) => {
  const direction = stepForCommand(command);
  if (direction) void sendToTab(tabId, 'step-highlight', { direction });
});
