/**
 * Tab and toolbar-button helpers. Uses no `tabs` permission: tab ids, load status and the badge are
 * available without it.
 */
import browser from './browser';
import type { BackgroundToContent, BadgeInfo } from './messages';
import { errorMessage, fail, ok, type Result } from './result';

/** The id of the active tab in the current window, or null (e.g. no normal window). */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** The file the build writes for the heavy part of the content side (scripts/extension-dist.ts). */
export const PIPELINE_FILE = 'pipeline.js';

/**
 * Loads the pipeline (Readability, engine, fact pack, highlights, cards) into a tab's top frame.
 * Injected on demand by the background — never listed as a content script or exposed through
 * web_accessible_resources — so pages that fail the gate never load it and cannot fetch it.
 */
export async function injectPipeline(tabId: number): Promise<Result<null>> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PIPELINE_FILE] });
    return ok(null);
  } catch (error) {
    return fail(errorMessage(error));
  }
}

/** Calls back when a tab's document changes address without loading (pushState, hash). */
export function onTabUrlChange(callback: (tabId: number, url: string) => void): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.url !== undefined && changeInfo.status === undefined) callback(tabId, changeInfo.url);
  });
}

/** Calls back when a tab closes. */
export function onTabRemoved(callback: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => callback(tabId));
}

/**
 * Calls back when a tab starts loading (a navigation, a reload; in Chrome also hash and pushState
 * navigations) and when it has finished.
 */
export function onTabStatus(callback: (tabId: number, status: 'loading' | 'complete') => void): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    const { status } = changeInfo;
    if (status === 'loading' || status === 'complete') callback(tabId, status);
  });
}

/** background → the content script in a tab's top frame. Fails (as a Result) where none runs. */
export async function sendToTab<K extends keyof BackgroundToContent>(
  tabId: number,
  type: K,
  payload: BackgroundToContent[K]['request'],
): Promise<Result<BackgroundToContent[K]['response']>> {
  try {
    await browser.tabs.sendMessage(tabId, { channel: 'background', type, payload }, { frameId: 0 });
    return ok(null);
  } catch (error) {
    return fail(errorMessage(error));
  }
}

/** Sets (or, with empty text, clears) the toolbar badge of one tab. */
export async function setBadge(tabId: number, badge: BadgeInfo): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: badge.text });
  if (badge.text !== '') {
    await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    await browser.action.setBadgeTextColor({ tabId, color: '#ffffff' });
  }
}

/**
 * Calls back on our keyboard shortcuts (manifest "commands") with the tab they were pressed in; when a
 * browser does not say, the active tab of the current window.
 */
export function onCommand(callback: (command: string, tabId: number) => void): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    const tabId = tab?.id ?? (await activeTabId());
    if (tabId !== null && tabId !== undefined) callback(command, tabId);
  });
}

/** Ids of every open tab (no `tabs` permission needed: ids come without URLs or titles). */
export async function allTabIds(): Promise<number[]> {
  const tabs = await browser.tabs.query({});
  return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
}

/**
 * (Re)creates our one context-menu item, on text selections in web pages. Removing first makes it safe
 * to call on every install, update and browser start: Chrome keeps items across worker restarts and
 * refuses a duplicate id, while Firefox may drop them on restart.
 */
export async function setUpSelectionMenu(id: string, title: string): Promise<Result<null>> {
  try {
    await browser.contextMenus.removeAll();
    await new Promise<void>((resolve, reject) => {
      browser.contextMenus.create(
        { id, title, contexts: ['selection'], documentUrlPatterns: ['http://*/*', 'https://*/*'] },
        () => {
          const error = browser.runtime.lastError;
          if (error) reject(new Error(error.message));
          else resolve();
        },
      );
    });
    return ok(null);
  } catch (error) {
    return fail(errorMessage(error));
  }
}

/** Calls back when one of our context-menu items is clicked in a tab. */
export function onMenuClick(callback: (menuId: string, tabId: number) => void): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id !== undefined && tab.id >= 0) callback(String(info.menuItemId), tab.id);
  });
}

/** Calls back once the extension is installed or updated, and on every browser start. */
export function onInstallOrStartup(
  callback: (reason: 'install' | 'update' | 'startup' | 'other') => void,
): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    callback(reason === 'install' || reason === 'update' ? reason : 'other');
  });
  browser.runtime.onStartup.addListener(() => callback('startup'));
}
