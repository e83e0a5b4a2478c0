import type { Page } from 'puppeteer-core';
import { describe } from 'vitest';
import { firefoxCards } from './cards-driver';
import { type HostileHarness, hostileScenario } from './hostile-scenario';
import { launchFirefox } from './launch-firefox';

/** The cards harness, plus every page's errors (any world) and evaluation in child frames. */
async function firefoxHostile(): Promise<HostileHarness> {
  const h = await launchFirefox();
  const errors: string[] = [];
  const watch = (page: Page) => {
    // WebDriver BiDi's log events include content scripts' errors (checked with a throwing test
    // extension while writing this).
    page.on('pageerror', (error) =>
      errors.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
    });
  };
  for (const page of await h.browser.pages()) watch(page);
  h.browser.on('targetcreated', (target) => {
    void target.page().then((page) => page && watch(page));
  });
  return {
    ...firefoxCards(h),
    errors: () => errors,
    async inFrames(url, fn) {
      const page = (await h.browser.pages()).filter((p) => p.url() === url).pop();
      if (!page) throw new Error(`no open page at ${url}`);
      return Promise.all(
        page
          .frames()
          .filter((frame) => frame !== page.mainFrame())
          .map(async (frame) => {
            try {
              return {
                url: frame.url(),
                value: (await frame.evaluate(fn)) as Awaited<ReturnType<typeof fn>>,
              };
            } catch (error) {
              return { url: frame.url(), error: error instanceof Error ? error.message : String(error) };
            }
          }),
      );
    },
  };
}

describe('hostile pages in Firefox', () => {
  hostileScenario(firefoxHostile);
});
