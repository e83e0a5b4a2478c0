/**
 * Background entry (Chrome: module service worker; Firefox: event page). Listeners are registered
 * synchronously at start-up so a restarted worker receives the event that woke it.
 */

import { extensionIdentity, onMessage } from '../platform/runtime';
import { sessionArea } from '../platform/storage';
import { onTabLoading, onTabRemoved, setBadge } from '../platform/tabs';
import { badgeFor } from './badge';
import { createRouter } from './router';
import { createTabStateStore } from './tab-state';

const store = createTabStateStore(sessionArea);
const route = createRouter({ self: extensionIdentity(), store, setBadge, now: Date.now });

onMessage(route);

onTabRemoved((tabId) => {
  void store.remove(tabId);
});

// A new document is loading: what the old one reported no longer holds.
onTabLoading((tabId) => {
  void store.remove(tabId);
  void setBadge(tabId, badgeFor(null)).catch(() => undefined);
});
