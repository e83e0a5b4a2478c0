/**
 * The background's message router: validates the payload shape, then the sender for the message's
 * channel, then runs the handler. Dependencies are passed in so the router runs in unit tests without
 * a browser.
 */

import { type BadgeInfo, parseMessage } from '../platform/messages';
import { fail, ok, type Result } from '../platform/result';
import type { ExtensionIdentity, SenderInfo } from '../platform/runtime';
import { badgeFor } from './badge';
import { contentSenderTab, isExtensionPage } from './sender';
import type { TabStateStore } from './tab-state';

export interface RouterDeps {
  self: ExtensionIdentity;
  store: TabStateStore;
  setBadge: (tabId: number, badge: BadgeInfo) => Promise<void>;
  now: () => number;
}

export type Router = (raw: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

export function createRouter({ self, store, setBadge, now }: RouterDeps): Router {
  return async (raw, sender) => {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return parsed;
    const message = parsed.value;

    if (message.channel === 'content') {
      const tab = contentSenderTab(sender, self);
      if (!tab.ok) return tab;
      // type is 'page-report', the only content message so far.
      const state = { ...message.payload, tabId: tab.value, reportedAt: now() };
      await store.put(state);
      const badge = badgeFor(state);
      await setBadge(tab.value, badge);
      return ok(badge);
    }

    if (!isExtensionPage(sender, self)) return fail('sender is not an extension page');
    // type is 'get-tab-state', the only popup message so far.
    return ok(await store.get(message.payload.tabId));
  };
}
