import { describe } from 'vitest';
import { launchChromium } from './launch-chromium';
import { networkScenario } from './network-scenario';

describe('network silence in Chromium', () => {
  networkScenario(async (proxy, extensionPath) => {
    const h = await launchChromium({ args: proxy.chromiumArgs, extensionPath });
    // Playwright reports the requests of pages (content scripts' included) and service workers (the
    // extension's background), each attributed to its context.
    const requests: string[] = [];
    h.context.on('request', (request) => requests.push(request.url()));
    return {
      ...h,
      contextRequests: () => requests,
      fetchFromBackground: async (url) => {
        // In the extension's service worker.
        await h.evalInBackground(async (u: string) => {
          await fetch(u).then((r) => r.text());
        }, url);
      },
    };
  });
});
