import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { type ChromiumExtension, launchChromium } from './launch-chromium';
import { type PopupControls, popupScenario } from './popup-scenario';

/** The popup tab opened last for `tabId`, driven through Playwright's real keyboard and media emulation. */
async function controlsFor(harness: ChromiumExtension, tabId: number): Promise<PopupControls> {
  const page: Page | undefined = harness.context
    .pages()
    .filter((p) => p.url().includes(`/popup.html?tab=${tabId}`))
    .at(-1);
  if (!page) throw new Error(`no popup page for tab ${tabId}`);
  return {
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    // The cast: Playwright types the argument as its serialised form, which equals A for our plain values.
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    evaluateSource: (source) => page.evaluate(source),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
  };
}

describe('popup in Chromium', () => {
  popupScenario(
    () => launchChromium(),
    (harness, tabId) => controlsFor(harness as ChromiumExtension, tabId),
  );
});
