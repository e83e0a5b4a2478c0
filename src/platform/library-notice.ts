/**
 * Library change notices for extension pages (issue 8): the background tells the open library pages
 * and popups that passages changed, so they list again without a reload. runtime.sendMessage reaches
 * every extension page but not content scripts (they hear `saved-changed` through tabs.sendMessage);
 * pages accept a notice only from our own background — same extension, not from a tab.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from './browser';
import { LIMITS, type LibraryChange, type PageNotice, parsePageNotice } from './messages';
import { errorMessage, ok } from './result';
import type { SenderInfo } from './runtime';

/** Chrome and Firefox's words for "no extension page is open to receive it". */
const NO_RECEIVER = /Receiving end does not exist|Could not establish connection/i;

/**
 * The change a runtime message announces, or null when it is not a notice from our background: other
 * extensions, tabs (a content script or a library page in a tab) and malformed payloads are ignored.
 */
export function acceptLibraryNotice(raw: unknown, sender: SenderInfo, selfId: string): LibraryChange | null {
  if (sender.id !== selfId || sender.tab !== undefined) return null;
  const parsed = parsePageNotice(raw);
  return parsed.ok ? parsed.value.payload : null;
}

/**
 * Tells open extension pages that these passages changed, in messages of at most LIMITS.ids ids. With
 * no page open the browser reports a missing receiver: that is the usual case and not a fault.
 */
export async function notifyExtensionPages(ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += LIMITS.ids) {
    const notice: PageNotice = {
      channel: 'background',
      type: 'library-changed',
      payload: { ids: ids.slice(i, i + LIMITS.ids) },
    };
    try {
      await browser.runtime.sendMessage(notice);
    } catch (error) {
      if (!NO_RECEIVER.test(errorMessage(error))) {
        console.warn(`NSO Lens: could not tell open pages about a library change: ${errorMessage(error)}`);
      }
    }
  }
}

/**
 * Calls `callback` for each library change notice until `signal` aborts. Messages that are not notices
 * get no answer from here, so a request another page sends the background is never answered by us.
 */
export function onLibraryChanged(callback: (change: LibraryChange) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (raw: unknown, sender: Runtime.MessageSender) => {
    const change = acceptLibraryNotice(raw, sender, browser.runtime.id);
    if (change === null) return undefined;
    callback(change);
    return Promise.resolve(ok(null));
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
