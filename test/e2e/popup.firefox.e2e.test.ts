import type { KeyInput, Page } from 'puppeteer-core';
import { describe } from 'vitest';
import { type FirefoxExtension, launchFirefox } from './launch-firefox';
import { type PopupControls, popupScenario } from './popup-scenario';

/**
 * In the page: apply (or drop) the stylesheets' `prefers-color-scheme: dark` rules unconditionally.
 * Puppeteer's media emulation is CDP-only, so over WebDriver BiDi this is how the dark palette gets
 * checked in Firefox: the very declarations the media query would switch on.
 */
function forceScheme(scheme: 'light' | 'dark'): void {
  const w = window as unknown as { __nsoDark?: CSSStyleSheet };
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== w.__nsoDark);
  document.documentElement.style.colorScheme = scheme;
  if (scheme === 'light') return;
  const rules: string[] = [];
  for (const sheet of [...document.styleSheets]) {
    for (const rule of [...sheet.cssRules]) {
      if (rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.conditionText)) {
        rules.push(...[...rule.cssRules].map((r) => r.cssText));
      }
    }
  }
  const dark = new CSSStyleSheet();
  dark.replaceSync(rules.join('\n'));
  w.__nsoDark = dark;
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, dark];
}

/** The popup tab opened last for `tabId`, driven through Puppeteer's keyboard over WebDriver BiDi. */
async function controlsFor(harness: FirefoxExtension, tabId: number): Promise<PopupControls> {
  // Pages opened with the raw BiDi navigation may not report their URL to Puppeteer: ask each page.
  const wanted = `/popup.html?tab=${tabId}`;
  let page: Page | undefined;
  for (const candidate of (await harness.browser.pages()).reverse()) {
    const href = await candidate.evaluate(() => location.href).catch(() => '');
    if (href.includes(wanted)) {
      page = candidate;
      break;
    }
  }
  if (!page) throw new Error(`no popup page for tab ${tabId}`);
  return {
    async press(chord) {
      // Puppeteer presses one key at a time: hold the modifiers of "Shift+Tab" around the key.
      // Puppeteer names the space bar " " (Playwright: "Space").
      const keys = chord.split('+').map((k) => (k === 'Space' ? ' ' : k)) as KeyInput[];
      const key = keys.pop()!;
      for (const modifier of keys) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    type: (text) => page.keyboard.type(text),
    // The cast: Puppeteer types the argument as its serialised form, which equals A for our plain values.
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    evaluateSource: (source) => page.evaluate(source),
    setViewport: (width, height) => page.setViewport({ width, height }),
    colorScheme: (scheme) => page.evaluate(forceScheme, scheme),
  };
}

describe('popup in Firefox', () => {
  popupScenario(
    () => launchFirefox(),
    (harness, tabId) => controlsFor(harness as FirefoxExtension, tabId),
  );
});
