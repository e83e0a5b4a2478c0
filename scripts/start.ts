/**
 * `npm start`: the demo. Builds, serves the seed fixture pages on 127.0.0.1 and opens Chromium with the
 * extension on them. With $DISPLAY the browser is a window and the script waits until it is closed;
 * without, it runs headless, saves screenshots of each page and of the popup for its tab to demo/,
 * prints their paths and exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURES_ROOT, startFixtureServer } from '../test/e2e/fixture-server';
import { launchChromium } from '../test/e2e/launch-chromium';
import { waitForAnalysis } from '../test/e2e/pipeline-scenario';
import { screenshotPath } from '../test/e2e/screenshots';

const root = resolve(import.meta.dirname, '..');
const DEMO_DIR = resolve(root, 'demo');
/** The seed articles (../shared/seeds), as fixture pages. */
const SEED_PAGES = ['afp-i24news-2020-01-16', 'jpost-2020-01-16', 'presstv-2020-07-13'];

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const slugs = SEED_PAGES.filter((slug) => existsSync(resolve(FIXTURES_ROOT, 'pages', slug, 'source.html')));
if (slugs.length === 0) throw new Error('no seed pages under test/fixtures/pages');

const headed = Boolean(process.env.DISPLAY);
const server = await startFixtureServer();
const browser = await launchChromium({ headless: !headed });
process.stdout.write(
  `serving ${server.origin}; Chromium ${headed ? 'window' : 'headless'} with dist/chrome\n`,
);

try {
  for (const slug of slugs) {
    const url = server.url(`pages/${slug}/source.html`);
    const page = await browser.openPage(url);
    // Wait for the pipeline: the highlights and the popup's views come from its analysis.
    const state = await waitForAnalysis(browser, url);
    const a = state.analysis!.analysis;
    const conflicts = a.conflicts.map((c) => `"${c.found}"`).join(', ') || 'none';
    process.stdout.write(
      `${slug}: tab ${state.tabId}, badge "${await browser.badgeText(state.tabId)}", ${a.matches.length} passages known to the record, conflicts: ${conflicts}\n`,
    );
    if (headed) continue;
    const pageShot = screenshotPath(`${slug}-page`, DEMO_DIR);
    await page.screenshot(pageShot);
    const popup = await browser.openPopup(state.tabId);
    await popup.text('[data-testid="page-relevance"]');
    const popupShot = screenshotPath(`${slug}-popup`, DEMO_DIR);
    await popup.screenshot(popupShot, 'main.popup');
    await popup.close();
    process.stdout.write(`  ${pageShot}\n  ${popupShot}\n`);
  }
  if (headed) {
    process.stdout.write(
      'Click the NSO Lens button in the toolbar on each tab. Close the browser to stop.\n',
    );
    await new Promise<void>((done) => browser.context.once('close', () => done()));
  }
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
}
