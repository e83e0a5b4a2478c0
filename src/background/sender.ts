/**
 * Who may send what. Content messages must come from our own content script in a tab's top frame;
 * popup messages only from our own extension pages. A page cannot forge `sender` (the browser fills it),
 * so these checks hold even if a content script is fed hostile data.
 */
import { fail, ok, type Result } from '../platform/result';
import type { ExtensionIdentity, SenderInfo } from '../platform/runtime';

function isWebUrl(url: string): boolean {
  return url.startsWith('http://') || url.startsWith('https://');
}

/** The tab id of a content-script sender, or why the sender is refused. */
export function contentSenderTab(sender: SenderInfo, self: ExtensionIdentity): Result<number> {
  if (sender.id !== self.id) return fail('sender is not this extension');
  const tabId = sender.tab?.id;
  if (tabId === undefined || !Number.isSafeInteger(tabId) || tabId < 0) return fail('sender is not in a tab');
  if (sender.frameId !== undefined && sender.frameId !== 0) return fail('sender is not a top frame');
  if (sender.url !== undefined && !isWebUrl(sender.url)) return fail('sender is not a web page');
  return ok(tabId);
}

/**
 * True for our own extension pages (popup, later the library page). Chrome also reports `origin`,
 * which a compromised renderer cannot spoof; Firefox reports only `url`.
 */
export function isExtensionPage(sender: SenderInfo, self: ExtensionIdentity): boolean {
  if (sender.id !== self.id || sender.url === undefined || !sender.url.startsWith(self.baseUrl)) return false;
  // Not new URL().origin: for non-special schemes such as chrome-extension: it can be "null".
  return sender.origin === undefined || sender.origin === self.baseUrl.replace(/\/$/, '');
}
