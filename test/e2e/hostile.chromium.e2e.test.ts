import { describe } from 'vitest';
import { chromiumCards } from './cards-driver';
import { type HostileHarness, hostileScenario } from './hostile-scenario';
import { launchChromium } from './launch-chromium';

/** The cards harness, plus every page's errors (any world) and evaluation in child frames. */
async function chromiumHostile(): Promise<HostileHarness> {
  const h = await launchChromium();
  const errors: string[] = [];
  // Context-wide, so no page can raise an error before a listener exists; content scripts' errors
  // arrive here too (checked with a throwing test extension while writing this).
  h.context.on('weberror', (error) => errors.push(`uncaught: ${error.error().message}`));
  h.context.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return {
    ...chromiumCards(h),
    errors: () => errors,
    async inFrames(url, fn) {
      const page = h.context
        .pages()
        .filter((p) => p.url() === url)
        .pop();
      if (!page) throw new Error(`no open page at ${url}`);
      return Promise.all(
        page
          .frames()
          .filter((frame) => frame !== page.mainFrame())
          .map(async (frame) => {
            try {
              return { url: frame.url(), value: await frame.evaluate(fn) };
            } catch (error) {
              return { url: frame.url(), error: error instanceof Error ? error.message : String(error) };
            }
          }),
      );
    },
  };
}

describe('hostile pages in Chromium', () => {
  hostileScenario(chromiumHostile);
});
