/**
 * Tab and toolbar-button helpers. Uses no `tabs` permission: tab ids, load status and the badge are
 * available without it.
 */
import browser from './browser';
import type { BadgeInfo } from './messages';

/** The id of the active tab in the current window, or null (e.g. no normal window). */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Calls back when a tab closes. */
export function onTabRemoved(callback: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => callback(tabId));
}

/** Calls back when a tab starts loading something new (a navigation, a reload). */
export function onTabLoading(callback: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') callback(tabId);
  });
}

/** Sets (or, with empty text, clears) the toolbar badge of one tab. */
export async function setBadge(tabId: number, badge: BadgeInfo): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: badge.text });
  if (badge.text !== '') {
    await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await browser.action.setBadgeTextColor({ tabId, color: '#ffffff' });
  }
}
