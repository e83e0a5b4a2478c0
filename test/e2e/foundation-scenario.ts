/**
 * The foundation scenario, run in each browser: the content script reports on a page, the background
 * keeps per-tab state and sets the badge, and the popup (opened as popup.html?tab=ID) shows that state.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { type ExtensionHarness, waitForStates, waitForTabState } from './harness';
import { waitForAnalysis } from './pipeline-scenario';
import { screenshotPath } from './screenshots';

const STORY_PAGE = 'pages/jpost-2020-01-16/source.html';
/** A review of a National Symphony Orchestra ("NSO") concert with a piece called "Pegasus". */
const LOOK_ALIKE_PAGE = 'pages/orchestra-nso-concert/source.html';
const RELEVANCE = '[data-testid="page-relevance"]';

const mutations = () => (window as unknown as { __nsoMutations: number }).__nsoMutations;

export function foundationScenario(launch: () => Promise<ExtensionHarness>): void {
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

  it('reports a page about the story, badges its tab, and the popup shows it', async () => {
    const url = server.url(STORY_PAGE);
    const page = await harness.openPage(url);
    const state = await waitForTabState(harness, url);

    // The page's meta description names "Judge Rachel Barkai" and "Itai Mack"; its keywords "NSO".
    expect(state.gate.hit).toBe(true);
    expect(state.gate.terms).toEqual(expect.arrayContaining(['NSO Group', 'Barkai', 'Eitay Mack']));
    expect(state.title).toBe(await page.evaluate(() => document.title));
    // Once the pipeline has run, the badge counts the passages the record knows.
    const analysed = await waitForAnalysis(harness, url);
    expect(await harness.badgeText(state.tabId)).toBe(String(analysed.analysis!.analysis.matches.length));
    // One mutation: the host element of the cards' closed shadow root; the gate itself writes nothing.
    expect(await page.evaluate(mutations)).toBe(1);
    await page.screenshot(shot('story-page'));

    const popup = await harness.openPopup(state.tabId);
    expect(await popup.text(RELEVANCE)).toBe(`This page mentions the story: ${state.gate.terms.join(', ')}`);
    expect(await popup.text('[data-testid="page-title"]')).toBe(state.title);
    expect(await popup.text('[data-testid="page-url"]')).toBe(url);
    await popup.screenshot(shot('story-popup'), 'main.popup');
    await popup.close();
  });

  it('stays quiet on a page that only looks like the story', async () => {
    const url = server.url(LOOK_ALIKE_PAGE);
    const page = await harness.openPage(url);
    const state = await waitForTabState(harness, url);

    expect(state.gate).toEqual({ hit: false, terms: [] });
    expect(await harness.badgeText(state.tabId)).toBe('');
    expect(await page.evaluate(mutations)).toBe(0);
    await page.screenshot(shot('look-alike-page'));

    const popup = await harness.openPopup(state.tabId);
    expect(await popup.text(RELEVANCE)).toBe('Nothing about NSO on this page');
    expect(await popup.text('[data-testid="page-url"]')).toBe(url);
    await popup.screenshot(shot('look-alike-popup'), 'main.popup');
    await popup.close();
  });

  it('follows the tab: same-document navigation keeps the report, a new document replaces it, closing forgets it', async () => {
    // Query strings keep these URLs apart from the other tests' tabs.
    const url = `${server.url(STORY_PAGE)}?follow`;
    const page = await harness.openPage(url);
    const { tabId, gate } = await waitForTabState(harness, url);

    // Chrome announces hash navigations as loading (and the background forgets the tab); the content
    // script is asked to report again.
    await page.evaluate(() => {
      location.hash = '#comments';
    });
    const afterHash = await waitForAnalysis(harness, `${url}#comments`);
    expect(afterHash).toMatchObject({ tabId, gate });
    expect(await harness.badgeText(tabId)).toBe(String(afterHash.analysis!.analysis.matches.length));

    await page.evaluate(() => {
      setTimeout(() => location.assign('/pages/orchestra-nso-concert/source.html?follow'), 0);
    });
    const next = await waitForTabState(harness, `${server.url(LOOK_ALIKE_PAGE)}?follow`);
    expect(next).toMatchObject({ tabId, gate: { hit: false, terms: [] } });
    expect(await harness.badgeText(tabId)).toBe('');

    await page.close();
    await waitForStates(
      harness,
      `tab ${tabId} forgotten`,
      (states) => !states.some((s) => s.tabId === tabId),
    );
  });

  it('shows page-derived text as text, never as markup', async () => {
    const url = server.url('e2e/hostile-title.html');
    const page = await harness.openPage(url);
    const state = await waitForTabState(harness, url);
    expect(state.title).toContain('<img src=x');

    const popup = await harness.openPopup(state.tabId);
    expect(await popup.text('[data-testid="page-title"]')).toBe(state.title);
    expect(
      await popup.evaluate(() => document.querySelectorAll('main img:not(.popup__logo), main b').length),
    ).toBe(0);
    expect(await popup.evaluate(() => document.documentElement.dataset.pwned)).toBeUndefined();
    await popup.close();
    await page.close();
  });

  it('says so calmly when no content script reported for the tab', async () => {
    const states = await harness.tabStates();
    const unknownTab = Math.max(0, ...states.map((s) => s.tabId)) + 1000;
    const popup = await harness.openPopup(unknownTab);
    expect(await popup.text(RELEVANCE)).toBe('NSO Lens has not read this page');
    await popup.close();
  });
}
