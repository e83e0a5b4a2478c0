import { describe } from 'vitest';
import { launchFirefox } from './launch-firefox';
import { networkScenario } from './network-scenario';

// Firefox's remote-settings client ignores its server preference in release builds unless this is
// set; without it, it calls firefox.settings.services.mozilla.com through the test proxy all along.
process.env.MOZ_REMOTE_SETTINGS_DEVTOOLS = '1';

describe('network silence in Firefox', () => {
  networkScenario(async (proxy, extensionPath) => {
    const h = await launchFirefox({ prefs: proxy.firefoxPrefs, extensionPath });
    return {
      ...h,
      fetchFromBackground: async (url) => {
        // In the extension's background page, reached from an extension page.
        await h.evalInExtension(async (u: string) => {
          type Api = { runtime: { getBackgroundPage(): Promise<{ fetch: typeof fetch } | null> } };
          const bg = await (globalThis as unknown as { browser: Api }).browser.runtime.getBackgroundPage();
          if (!bg) throw new Error('no background page');
          await bg.fetch(u).then((r) => r.text());
        }, url);
      },
    };
  });
});
