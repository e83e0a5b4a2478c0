/**
 * What the library scenario needs beyond the cards harness: extension pages (library.html, the popup)
 * driven like a reader drives them — real clicks, typing, a file chosen in the file picker.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { type CardsHarness, chromiumCards, firefoxCards } from './cards-driver';
import type { ChromiumExtension } from './launch-chromium';
import { type FirefoxExtension, waitForSelector } from './launch-firefox';

export interface UiPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Waits for `selector`, then clicks its middle with the mouse. */
  click(selector: string): Promise<void>;
  /** Focuses `selector`, clears it and types `text`. */
  fill(selector: string, text: string): Promise<void>;
  press(key: string): Promise<void>;
  /** Chooses `file` in the file input `selector`, as the file picker would. */
  upload(selector: string, file: string): Promise<void>;
  waitFor(selector: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface LibraryHarness extends CardsHarness {
  /** Opens an extension page (e.g. `library.html`, `popup.html?tab=3`) in a new tab. */
  openExtensionPage(path: string, size?: { width: number; height: number }): Promise<UiPage>;
}

const TIMEOUT = 15_000;

/** Polls `probe` until `ok` holds; throws, naming `what` and the last value, after `ms`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  ms = TIMEOUT,
  every = 150,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen in ${ms} ms (last: ${JSON.stringify(value)})`);
    }
    await new Promise((done) => setTimeout(done, every));
  }
}

export function chromiumLibrary(h: ChromiumExtension): LibraryHarness {
  return {
    ...chromiumCards(h),
    async openExtensionPage(path, size = { width: 1100, height: 800 }) {
      const page: PlaywrightPage = await h.context.newPage();
      await page.setViewportSize(size);
      await page.goto(`chrome-extension://${h.extensionId}/${path}`);
      return {
        evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
        click: (selector) => page.click(selector, { timeout: TIMEOUT }),
        fill: async (selector, text) => {
          await page.fill(selector, '', { timeout: TIMEOUT });
          await page.locator(selector).first().pressSequentially(text);
        },
        press: (key) => page.keyboard.press(key),
        upload: (selector, file) => page.setInputFiles(selector, file, { timeout: TIMEOUT }),
        waitFor: async (selector) => {
          await page.waitForSelector(selector, { timeout: TIMEOUT });
        },
        screenshot: async (file) => {
          await page.screenshot({ path: file });
        },
        close: () => page.close(),
      };
    },
  };
}

interface BidiFrameLike {
  browsingContext: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

export function firefoxLibrary(h: FirefoxExtension): LibraryHarness {
  return {
    ...firefoxCards(h),
    async openExtensionPage(path, size = { width: 1100, height: 800 }) {
      const page: PuppeteerPage = await h.browser.newPage();
      await page.setViewport(size);
      // BiDi's navigate: page.goto does not work for moz-extension: URLs.
      await (page.mainFrame() as unknown as BidiFrameLike).browsingContext.navigate(
        `${h.baseUrl}${path}`,
        'complete',
      );
      const handle = (selector: string) => waitForSelector(page, selector, TIMEOUT);
      return {
        evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg) as never,
        click: async (selector) => (await handle(selector)).click(),
        fill: async (selector, text) => {
          const input = await handle(selector);
          await input.click({ count: 3 });
          await page.keyboard.press('Backspace');
          await input.type(text);
        },
        press: (key) => page.keyboard.press(key as never),
        upload: async (selector, file) => {
          const input = await handle(selector);
          await (input as unknown as { uploadFile(f: string): Promise<void> }).uploadFile(file);
        },
        waitFor: async (selector) => {
          await handle(selector);
        },
        screenshot: async (file) => {
          await page.screenshot({ path: file as `${string}.png` });
        },
        close: () => page.close(),
      };
    },
  };
}

/** In the closed root: the Save button's middle, once it is shown. */
export const SAVE_BUTTON = `function (root) {
  const b = root.querySelector('[data-testid="save-passage"]');
  if (!b) return 'null';
  const r = b.getBoundingClientRect();
  return JSON.stringify(r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null);
}`;
