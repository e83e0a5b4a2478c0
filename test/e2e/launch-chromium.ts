/**
 * Chromium with the built extension (dist/chrome) loaded, through playwright-core's persistent context
 * (the only way Chromium loads an unpacked extension). See ../shared/research/toolchain.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { TabState } from '../../src/platform/messages';
import { requireBrowser } from './browsers';
import { builtExtension, type E2EPage, type ExtensionHarness, installMutationCounter } from './harness';

/** Chromium without its own background traffic and updates (which would also disturb timings). */
export const QUIET_CHROMIUM = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumOptions {
  extensionPath?: string;
  /** Default true; false opens a window (needs a display). */
  headless?: boolean;
  /** A profile directory to use and keep (restart tests); default: a fresh one, removed on close. */
  profileDir?: string;
  /** More command-line switches (e.g. a proxy that records every request). */
  args?: string[];
}

export interface ChromiumExtension extends ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** Runs `fn(arg)` in the extension's service worker. */
  evalInBackground<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/** The slice of the `chrome` API the tests call inside the worker. */
interface ChromeInWorker {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

function adapt(page: Page): E2EPage {
  return {
    evaluate: (fn) => page.evaluate(fn),
    text: async (selector) => (await page.locator(selector).first().textContent({ timeout: 15_000 })) ?? '',
    screenshot: async (path, selector) => {
      if (selector) await page.locator(selector).first().screenshot({ path });
      else await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumExtension> {
  const extensionPath = options.extensionPath ?? builtExtension('chrome');
  const headless = options.headless ?? true;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'nso-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireBrowser('chromium'),
    headless: false,
    viewport: { width: 1100, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...QUIET_CHROMIUM,
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      ...(options.args ?? []),
    ],
  });
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const evalInBackground = <R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> =>
    // A stopped worker is restarted by Chromium on the next event; look it up afresh each time.
    // The cast: Playwright types the argument as its serialised form, which equals A for our plain values.
    (context.serviceWorkers()[0] ?? worker).evaluate(fn as unknown as (arg: unknown) => R, arg);

  return {
    browserName: 'chromium',
    context,
    extensionId,
    evalInBackground,
    async openPage(url) {
      const page = await context.newPage();
      await page.addInitScript(installMutationCounter);
      await page.goto(url, { waitUntil: 'load' });
      return adapt(page);
    },
    tabStates: () =>
      evalInBackground(
        async (_: null) =>
          // Serialised into the worker: reach `chrome` from inside the function.
          Object.entries(
            await (globalThis as unknown as { chrome: ChromeInWorker }).chrome.storage.session.get(null),
          )
            .filter(([key]) => key.startsWith('tab:'))
            .map(([, value]) => value as TabState),
        null,
      ),
    badgeText: (tabId) =>
      evalInBackground(
        (id: number) =>
          (globalThis as unknown as { chrome: ChromeInWorker }).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      ),
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 380, height: 420 });
      await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return adapt(page);
    },
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
