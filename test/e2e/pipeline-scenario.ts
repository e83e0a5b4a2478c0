/**
 * The in-page pipeline, run in each browser: on story pages the background loads the pipeline, the
 * engine's matches and conflicts are painted as CSS highlights (the page's DOM unchanged), and the
 * analysis reaches the background; on look-alike pages nothing loads; a single-page app is followed
 * through pushState navigations.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TabState } from '../../src/platform/messages';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { type ExtensionHarness, waitForStates } from './harness';
import { screenshotPath } from './screenshots';

interface PageHighlights {
  claims: number;
  conflicts: number;
  mutations: number;
}

/** Read in the page's own world: the highlight registry is shared with the page. */
const pageHighlights = (): PageHighlights => {
  const reg = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
  return {
    claims: reg.get('nso-lens-claim')?.size ?? 0,
    conflicts: reg.get('nso-lens-conflict')?.size ?? 0,
    mutations: (window as unknown as { __nsoMutations: number }).__nsoMutations,
  };
};

export async function waitForAnalysis(
  harness: ExtensionHarness,
  url: string,
  timeoutMs = 20_000,
): Promise<TabState> {
  const states = await waitForStates(
    harness,
    `an analysis of ${url}`,
    (all) => all.some((s) => s.url === url && s.analysis !== null),
    timeoutMs,
  );
  return states.find((s) => s.url === url)!;
}

const SEEDS: { slug: string; conflicts: string[] }[] = [
  { slug: 'jpost-2020-01-16', conflicts: ['Itai Mack'] },
  { slug: 'presstv-2020-07-13', conflicts: ['his', 'ministry of military affairs', 'co-director for tech'] },
  { slug: 'afp-i24news-2020-01-16', conflicts: [] },
];

export function pipelineScenario(launch: () => Promise<ExtensionHarness>): void {
  let harness: ExtensionHarness;
  let server: FixtureServer;
  const shot = (name: string) => screenshotPath(`${harness.browserName}-${name}`);

  beforeAll(async () => {
    server = await startFixtureServer();
    harness = await launch();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  for (const seed of SEEDS) {
    it(`annotates the ${seed.slug} seed page: highlights equal the engine's findings`, async () => {
      const url = server.url(`pages/${seed.slug}/source.html`);
      const page = await harness.openPage(url);
      const state = await waitForAnalysis(harness, url);
      const { analysis, highlights } = state.analysis!;

      expect(analysis.relevant).toBe(true);
      expect(analysis.matches.length).toBeGreaterThan(5);
      expect(highlights).toEqual({
        supported: true,
        placed: analysis.matches.length + analysis.conflicts.length,
        unplaced: 0,
      });
      const found = analysis.conflicts.map((c) => c.found);
      for (const f of seed.conflicts) expect(found).toContain(f);

      const inPage = await page.evaluate(pageHighlights);
      expect(inPage.claims).toBe(analysis.matches.length);
      expect(inPage.conflicts).toBe(analysis.conflicts.length);
      expect(await harness.badgeText(state.tabId)).toBe(String(analysis.matches.length));
      await page.screenshot(shot(`pipeline-${seed.slug}`));
      await page.close();
    });
  }

  it('loads nothing on look-alike pages and changes nothing there', async () => {
    for (const slug of ['orchestra-nso-concert', 'pegasus-horse-racing', 'statistics-office-nso']) {
      const url = server.url(`pages/${slug}/source.html`);
      const page = await harness.openPage(url);
      const states = await waitForStates(harness, `a report for ${url}`, (all) =>
        all.some((s) => s.url === url),
      );
      const state = states.find((s) => s.url === url)!;
      expect(state.gate.hit).toBe(false);
      // Give a wrongly loaded pipeline time to show itself.
      await new Promise((done) => setTimeout(done, 800));
      const again = (await harness.tabStates()).find((s) => s.tabId === state.tabId)!;
      expect(again.analysis).toBeNull();
      expect(await page.evaluate(pageHighlights)).toEqual({ claims: 0, conflicts: 0, mutations: 0 });
      await page.close();
    }
  });

  it('follows a single-page app: pushState to the article annotates it, away clears it', async () => {
    const url = server.url('pages/spa-article/source.html');
    const page = await harness.openPage(url);
    // The app renders the article 50 ms after load; on a busy machine the first run may read the
    // shell ("Loading…", whose meta tags name the story) and find no article: the article's own
    // run must follow and report it: relevant, with the claims the article states.
    await waitForStates(harness, 'the article analysed', (all) =>
      all.some(
        (s) =>
          s.url === url && s.analysis?.analysis.relevant === true && s.analysis.analysis.matches.length > 0,
      ),
    );
    await expect
      .poll(async () => (await page.evaluate(pageHighlights)).claims, { timeout: 10_000, interval: 100 })
      .toBeGreaterThan(0);

    // The site's own router: a click on "Home" renders the home view at "/".
    await page.evaluate(() => (document.querySelector('a[data-route="/"]') as HTMLElement).click());
    const home = server.url('');
    const cleared = await waitForStates(harness, 'the home view analysed', (all) =>
      all.some((s) => s.url === home && s.analysis !== null && !s.analysis.analysis.relevant),
    );
    expect(cleared.length).toBeGreaterThan(0);
    expect(await page.evaluate(pageHighlights)).toMatchObject({ claims: 0, conflicts: 0 });

    // And back to the article through the home view's own link.
    await page.evaluate(() => (document.querySelector('.bw-card a[data-route]') as HTMLElement).click());
    const back = await waitForStates(harness, 'the article analysed again', (all) =>
      all.some((s) => s.url !== home && s.url !== url && s.analysis?.analysis.relevant === true),
    );
    expect(back.length).toBeGreaterThan(0);
    // The route may render the article in steps, each growth a new run that repaints: the article
    // must end up highlighted, whichever run the report above came from.
    await expect
      .poll(async () => (await page.evaluate(pageHighlights)).claims, { timeout: 10_000, interval: 100 })
      .toBeGreaterThan(0);
    await page.close();
  });
}
