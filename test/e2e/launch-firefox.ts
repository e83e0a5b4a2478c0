/**
 * Firefox ESR with the built extension (dist/firefox) installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (no geckodriver). See ../shared/research/toolchain.md:
 * - the moz-extension:// UUID is pinned by a pref so tests can open extension pages;
 * - extension pages are opened with the raw BiDi navigate call (page.goto() hangs on them) and need
 *   --remote-allow-system-access;
 * - there is no background handle: background state is read from an extension page's `browser` API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { TabState } from '../../src/platform/messages';
import { isBidiXrayGlitch } from './bidi-glitch';
import { requireBrowser } from './browsers';
import { builtExtension, type E2EPage, type ExtensionHarness, installMutationCounter } from './harness';

/** Fixed so tests know the extension's base URL. */
export const FIREFOX_EXTENSION_UUID = '4f3d8e6a-2b1c-4e5f-9a7b-5c6d7e8f9a0b';

export interface FirefoxOptions {
  extensionPath?: string;
  headless?: boolean;
  /** More preferences (e.g. a proxy that records every request). */
  prefs?: Record<string, unknown>;
}

export interface FirefoxExtension extends ExtensionHarness {
  browser: Browser;
  geckoId: string;
  /** moz-extension://UUID/ */
  baseUrl: string;
  /** Runs `fn(arg)` in an extension page (the extension's privileged context). */
  evalInExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The browser API as extension pages see it (only what the tests call). */
interface BrowserInPage {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

interface BidiFrameLike {
  browsingContext: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

/** Navigates with BiDi's browsingContext.navigate, which (unlike page.goto) works for moz-extension:. */
async function navigateRaw(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as BidiFrameLike).browsingContext.navigate(url, 'complete');
}

/** `page.waitForSelector`, waited for again once after a BiDi Xray glitch; throws when absent. */
export async function waitForSelector(page: Page, selector: string, timeout: number) {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await page.waitForSelector(selector, { timeout });
      if (!handle) throw new Error(`no ${selector}`);
      return handle;
    } catch (error) {
      if (attempt > 0 || !isBidiXrayGlitch(error)) throw error;
    }
  }
}

function adapt(page: Page): E2EPage {
  return {
    evaluate: (fn) => page.evaluate(fn),
    async text(selector) {
      const handle = await waitForSelector(page, selector, 15_000);
      return (await handle.evaluate((element) => element.textContent)) ?? '';
    },
    async screenshot(path, selector) {
      if (!selector) {
        await page.screenshot({ path: path as `${string}.png` });
        return;
      }
      const handle = await waitForSelector(page, selector, 15_000);
      await handle.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  };
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxExtension> {
  const extensionPath = options.extensionPath ?? builtExtension('firefox');
  const manifest = JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBrowser('firefox'),
    headless: options.headless ?? true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_EXTENSION_UUID }),
      'extensions.originControls.grantByDefault': true,
      ...options.prefs,
    },
  });
  await browser.installExtension(extensionPath);
  const baseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;

  // One extension page kept open to reach the extension's APIs.
  const probe = await browser.newPage();
  await navigateRaw(probe, `${baseUrl}popup.html`);
  const evalInExtension = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    // The cast: Puppeteer types the argument as its serialised form, which equals A for our plain values.
    probe.evaluate(fn as unknown as (arg: unknown) => R, arg) as Promise<R>;

  return {
    browserName: 'firefox',
    browser,
    geckoId,
    baseUrl,
    evalInExtension,
    async openPage(url) {
      const page = await browser.newPage();
      await page.evaluateOnNewDocument(installMutationCounter);
      await page.goto(url, { waitUntil: 'load' });
      return adapt(page);
    },
    tabStates: () =>
      evalInExtension(
        async (_: null) =>
          Object.entries(
            await (globalThis as unknown as { browser: BrowserInPage }).browser.storage.session.get(null),
          )
            .filter(([key]) => key.startsWith('tab:'))
            .map(([, value]) => value as TabState),
        null,
      ),
    badgeText: (tabId) =>
      evalInExtension(
        (id: number) =>
          (globalThis as unknown as { browser: BrowserInPage }).browser.action.getBadgeText({ tabId: id }),
        tabId,
      ),
    async openPopup(tabId) {
      const page = await browser.newPage();
      await page.setViewport({ width: 380, height: 420 });
      await navigateRaw(page, `${baseUrl}popup.html?tab=${tabId}`);
      return adapt(page);
    },
    close: () => browser.close(),
  };
}
