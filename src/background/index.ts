/**
 * Background entry (Chrome: module service worker; Firefox: event page). Listeners are registered
 * synchronously at start-up so a restarted worker receives the event that woke it.
 */

import { extensionIdentity, onMessage } from '../platform/runtime';
import { sessionArea } from '../platform/storage';
import { onTabRemoved, onTabStatus, sendToTab, setBadge } from '../platform/tabs';
import { badgeFor } from './badge';
import { createRouter } from './router';
import { createTabStateStore } from './tab-state';

const store = createTabStateStore(sessionArea);
const route = createRouter({ self: extensionIdentity(), store, setBadge, now: Date.now });

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
