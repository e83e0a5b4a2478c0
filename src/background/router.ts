/**
 * The background's message router: validates the payload shape, then the sender for the message's
 * channel, then runs the handler. Dependencies are passed in so the router runs in unit tests without
 * a browser.
 */

import type { ArticleInput } from '../core/engine/engine';
import type { Analysis } from '../core/match/findings';
import { type BadgeInfo, parseMessage, type TabState } from '../platform/messages';
import { fail, ok, type Result } from '../platform/result';
import type { ExtensionIdentity, SenderInfo } from '../platform/runtime';
import { isActiveOn } from '../platform/settings';
import { badgeFor } from './badge';
import {
  handleLibraryContent,
  handleLibraryPopup,
  isLibraryContent,
  isLibraryPopup,
  type LibraryRouteDeps,
} from './library-routes';
import type { LibraryStore } from './library-store';
import { contentSenderTab, isExtensionPage } from './sender';
import type { SettingsStore } from './settings-store';
import type { TabStateStore } from './tab-state';

export interface RouterDeps {
  self: ExtensionIdentity;
  store: TabStateStore;
  settings: SettingsStore;
  setBadge: (tabId: number, badge: BadgeInfo) => Promise<void>;
  /** Loads the pipeline into a tab's top frame (scripting.executeScript). */
  injectPipeline: (tabId: number) => Promise<Result<null>>;
  now: () => number;
  /** The researcher library (the single writer of saved passages). */
  library: LibraryStore;
  /** Tells open pages (except `exceptTabId`) that saved passages changed. */
  notify: LibraryRouteDeps['notify'];
  /** Runs the engine on a very large page's article, off that page's main thread. */
  analyseArticle: (input: ArticleInput) => Analysis;
}

export type Router = (raw: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

export function createRouter(deps: RouterDeps): Router {
  const { self, store, settings, setBadge, now, library } = deps;
  const publish = async (state: TabState) => {
    await store.put(state);
    const badge = badgeFor(state);
    await setBadge(state.tabId, badge);
    return badge;
  };

  return async (raw, sender) => {
    const parsed = parseMessage(raw);
    if (!parsed.ok) return parsed;
    const message = parsed.value;

    if (message.channel === 'content') {
      const tab = contentSenderTab(sender, self);
      if (!tab.ok) return tab;
      const tabId = tab.value;
      if (isLibraryContent(message)) return handleLibraryContent(message, tabId, sender, deps);
      switch (message.type) {
        case 'page-report': {
          const previous = await store.get(tabId);
          // A re-report of the same document keeps the analysis the pipeline already made.
          const analysis = previous?.url === message.payload.url ? previous.analysis : null;
          const badge = await publish({ ...message.payload, tabId, reportedAt: now(), analysis });
          const { url, gate } = message.payload;
          if (message.payload.pipeline !== true && isActiveOn(await settings.get(), url)) {
            // A page the gate passes over still gets the pipeline when passages were saved on it, so
            // they are found and highlighted again.
            const hasSaved = async () => {
              const saved = await library.forPage(url, null);
              return saved.ok && saved.value.length > 0;
            };
            if (gate.hit || (await hasSaved())) await deps.injectPipeline(tabId);
          }
          return ok(badge);
        }
        case 'page-analysis': {
          const previous = await store.get(tabId);
          if (!previous) return fail('no page report for this tab');
          return ok(
            await publish({
              ...previous,
              url: message.payload.url,
              analysis: message.payload,
              reportedAt: now(),
            }),
          );
        }
        case 'get-settings':
          return ok(await settings.get());
        case 'analyse-article': {
          // Match quotes are slices of the text the page sent: it restores them (restoreQuotes), and
          // the answer, deserialised on the page's main thread, is half the size.
          const analysis = deps.analyseArticle(message.payload);
          return ok({ ...analysis, matches: analysis.matches.map((m) => ({ ...m, quote: '' })) });
        }
      }
    }

    if (!isExtensionPage(sender, self)) return fail('sender is not an extension page');
    if (isLibraryPopup(message)) return handleLibraryPopup(message, deps);
    switch (message.type) {
      case 'get-tab-state':
        return ok(await store.get(message.payload.tabId));
      case 'get-settings':
        return ok(await settings.get());
      case 'set-settings':
        return ok(await settings.update(message.payload));
    }
  };
}
