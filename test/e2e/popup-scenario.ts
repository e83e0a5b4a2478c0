/**
 * The popup scenario, run in each browser: the seed articles are served from 127.0.0.1, the pipeline
 * analyses them, and the popup (popup.html?tab=ID in a tab) shows each view — checked against the
 * fact pack —, works from the keyboard, passes axe-core in light and dark colour schemes, and changes
 * settings through the background. Screenshots of every view go to test-output/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FactPack } from '../../src/core/facts/types';
import packJson from '../../src/data/nso-facts.json';
import type { TabState } from '../../src/platform/messages';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { type E2EPage, type ExtensionHarness, waitForStates, waitForTabState } from './harness';
import { screenshotPath } from './screenshots';

const pack = packJson as unknown as FactPack;
const AXE_SOURCE = readFileSync(
  resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);
const VIEWS = ['page', 'status', 'timeline', 'outlets', 'search', 'settings'] as const;
type View = (typeof VIEWS)[number];

/** What a browser file gives the scenario beyond the shared harness: the popup tab's real page. */
export interface PopupControls {
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Evaluates script source in the page (not subject to the extension page's CSP). */
  evaluateSource(source: string): Promise<unknown>;
  setViewport(width: number, height: number): Promise<void>;
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
}

export type ControlsFor = (harness: ExtensionHarness, tabId: number) => Promise<PopupControls>;

const event = (id: string) => pack.events.find((e) => e.id === id)!;
const outletName = (id: string) => pack.outlets.find((o) => o.id === id)!.name;

export function popupScenario(launch: () => Promise<ExtensionHarness>, controlsFor: ControlsFor): void {
  let harness: ExtensionHarness;
  let server: FixtureServer;
  const shot = (name: string) => screenshotPath(`popup-${harness.browserName}-${name}`);

  beforeAll(async () => {
    server = await startFixtureServer();
    harness = await launch();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  /** Opens a seed page, waits for the background to hold its analysis, opens the popup for its tab. */
  async function openStory(slug: string, query = '') {
    const url = `${server.url(`pages/${slug}/source.html`)}${query}`;
    await harness.openPage(url);
    const states = await waitForStates(
      harness,
      `an analysis of ${slug}`,
      (all) => all.some((s) => s.url === url && s.analysis !== null),
      30_000,
    );
    const state = states.find((s) => s.url === url)!;
    return { state, ...(await openPopup(state.tabId)) };
  }

  async function openPopup(tabId: number) {
    const popup = await harness.openPopup(tabId);
    const controls = await controlsFor(harness, tabId);
    await controls.setViewport(460, 600);
    await popup.text('[data-testid="page-relevance"]');
    return { popup, controls };
  }

  const show = (controls: PopupControls, view: View) =>
    controls.evaluate((id) => document.getElementById(`tab-${id}`)?.click(), view);

  const attr = (controls: PopupControls, selector: string, name: string) =>
    controls.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [
      selector,
      name,
    ] as const);

  const count = (controls: PopupControls, selector: string) =>
    controls.evaluate((s) => document.querySelectorAll(s).length, selector);

  const activeId = (controls: PopupControls) =>
    controls.evaluate(
      () => document.activeElement?.id || document.activeElement?.getAttribute('data-testid') || '',
      null,
    );

  /** Waits for the logo to be decoded and the view to be at its top, then saves the viewport. */
  async function viewShot(popup: E2EPage, controls: PopupControls, name: string) {
    await controls.evaluate(async () => {
      window.scrollTo(0, 0);
      await document.querySelector<HTMLImageElement>('.popup__logo')?.decode();
    }, null);
    await popup.screenshot(shot(name));
  }

  async function screenshots(popup: E2EPage, controls: PopupControls, slug: string) {
    for (const view of VIEWS) {
      await show(controls, view);
      await popup.text(`#panel-${view} > *`);
      await viewShot(popup, controls, `${slug}-${view}`);
    }
    await show(controls, 'page');
  }

  /** Checks that hold on every analysed page, from the analysis the background holds. */
  async function commonChecks(state: TabState, popup: E2EPage, controls: PopupControls) {
    const analysis = state.analysis!.analysis;
    const outlet = analysis.article.outlet;
    expect(await popup.text('[data-testid="article-outlet"]')).toBe(
      outlet ? outletName(outlet) : 'Outlet not recognised',
    );
    expect(await popup.text('[data-testid="page-relevance"]')).toBe(
      `This page mentions the story: ${state.gate.terms.join(', ')}`,
    );
    expect(await popup.text('[data-testid="match-count"]')).toBe(
      String(new Set(analysis.matches.map((m) => m.claimId)).size),
    );
    expect(await count(controls, '[data-testid="conflict-item"]')).toBe(
      new Set(analysis.conflicts.map((c) => c.conflictId)).size,
    );
    await show(controls, 'status');
    await popup.text('[data-testid="case-status"]');
    expect(await count(controls, '[data-testid="case-status"]')).toBe(analysis.status.length);
    await show(controls, 'timeline');
    await popup.text('[data-testid="timeline-event"]');
    expect(await count(controls, '[data-testid="timeline-article"]')).toBe(
      analysis.article.published ? analysis.status.length + 1 : 0,
    );
    await show(controls, 'page');
  }

  it('JPost, 16 Jan 2020: the lawyer’s name, the hearing then and the dismissal since, its outlet row', async () => {
    const { state, popup, controls } = await openStory('jpost-2020-01-16');
    await commonChecks(state, popup, controls);
    expect(await popup.text('[data-testid="article-date"]')).toBe('Thursday 16 January 2020');
    const lawyer = '[data-testid="conflict-item"][data-conflict="conflict.lawyer-name"]';
    expect(await popup.text(`${lawyer} [data-testid="conflict-found"]`)).toBe('Itai Mack');
    expect(await popup.text(`${lawyer} [data-testid="conflict-expected"]`)).toBe('Eitay Mack');
    expect(await popup.text(lawyer)).toContain('The Jerusalem Post');

    await show(controls, 'status');
    const petition = '[data-testid="case-status"][data-case="case.amnesty-israel-petition"]';
    expect(await popup.text(`${petition} [data-testid="status-then"]`)).toBe(
      event('event.closed-hearing').status,
    );
    expect(await popup.text(petition)).toContain("On the article's date (Thursday 16 January 2020)");
    expect(await popup.text(`${petition} [data-testid="status-today"]`)).toBe(event('event.judgment').status);
    expect(await popup.text(`${petition} [data-testid="since-event"]`)).toBe(
      'Petition dismissed — 12 Jul 2020 (published 13 Jul 2020)',
    );

    await show(controls, 'timeline');
    const marker = '.timeline[data-case="case.amnesty-israel-petition"] [data-testid="timeline-article"]';
    expect(await popup.text(marker)).toContain('This article: Thursday 16 January 2020');
    expect(
      await controls.evaluate(
        (s) => (document.querySelector(s)?.previousElementSibling as HTMLElement | null)?.dataset.event,
        marker,
      ),
    ).toBe('event.closed-hearing');

    await show(controls, 'outlets');
    const row = '[data-testid="outlet-row"][data-report="report.jpost-2020-01-16"]';
    expect(await attr(controls, row, 'class')).toBe(
      state.analysis!.analysis.article.outlet === 'outlet.jpost' ? 'row row--current' : 'row',
    );
    const report = pack.reports.find((r) => r.id === 'report.jpost-2020-01-16')!;
    expect(await attr(controls, `${row} a[href*="Itai%20Mack"]`, 'href')).toBe(
      `${report.url}#:~:text=Itai%20Mack`,
    );
    expect(await popup.text(`${row} .item--off`)).toContain('imprecise');

    await screenshots(popup, controls, 'jpost');
    await popup.close();
  });

  it('Press TV, 13 Jul 2020: "his ruling", the ministry’s name, nothing since the dismissal', async () => {
    const { state, popup, controls } = await openStory('presstv-2020-07-13');
    await commonChecks(state, popup, controls);
    expect(await popup.text('[data-testid="article-outlet"]')).toBe(outletName('outlet.presstv'));
    const gender = '[data-testid="conflict-item"][data-conflict="conflict.judge-gender"]';
    expect(await popup.text(`${gender} [data-testid="conflict-found"]`)).toBe('his');
    const ministry = '[data-testid="conflict-item"][data-conflict="conflict.ministry-name"]';
    expect((await popup.text(`${ministry} [data-testid="conflict-found"]`)).toLowerCase()).toBe(
      'ministry of military affairs',
    );

    await show(controls, 'status');
    const petition = '[data-testid="case-status"][data-case="case.amnesty-israel-petition"]';
    expect(await popup.text(`${petition} [data-testid="status-then"]`)).toBe(event('event.judgment').status);
    expect(await popup.text(petition)).toContain('Nothing in this case has happened since');

    await show(controls, 'timeline');
    const marker = '.timeline[data-case="case.amnesty-israel-petition"] [data-testid="timeline-article"]';
    expect(await popup.text(marker)).toContain('Monday 13 July 2020');
    expect(
      await controls.evaluate(
        (s) => (document.querySelector(s)?.previousElementSibling as HTMLElement | null)?.dataset.event,
        marker,
      ),
    ).toBe('event.judgment');

    await show(controls, 'outlets');
    const row = '[data-testid="outlet-row"][data-report="report.presstv-2020-07-13"]';
    expect(await attr(controls, row, 'class')).toContain('row--current');
    expect(await popup.text(`${row} .item--off`)).toMatch(/wrong|house style|imprecise/);

    await screenshots(popup, controls, 'presstv');
    await popup.close();
  });

  it('AFP on i24NEWS, 16 Jan 2020: Mack’s name right, Amnesty itself “took” the ministry to court, a report without address', async () => {
    const { state, popup, controls } = await openStory('afp-i24news-2020-01-16');
    await commonChecks(state, popup, controls);
    expect(await popup.text('[data-testid="article-outlet"]')).toBe(outletName('outlet.i24news'));
    // The AFP copy spells the lawyer "Eitay Mack", as he does: no conflict. Its lead has Amnesty
    // International itself take the ministry to court (the pack's variant for this report).
    expect(await count(controls, '[data-conflict="conflict.lawyer-name"]')).toBe(0);
    const petitioners = '[data-testid="conflict-item"][data-conflict="conflict.petitioners"]';
    expect(await popup.text(`${petitioners} [data-testid="conflict-found"]`)).toContain('took');
    expect(await popup.text(petitioners)).toContain(outletName('outlet.i24news'));

    await show(controls, 'outlets');
    const row = '[data-testid="outlet-row"][data-report="report.afp-i24news-2020-01-16"]';
    expect(await attr(controls, row, 'class')).toContain('row--current');
    expect(await popup.text(row)).toContain('Eitay Mack');
    // The record has no address for this copy: wordings without links.
    expect(await count(controls, `${row} a`)).toBe(0);

    await screenshots(popup, controls, 'afp-i24news');
    await popup.close();
  });

  it('elsewhere: calm, and the fact pack can be searched from the keyboard', async () => {
    const url = server.url('pages/orchestra-nso-concert/source.html');
    await harness.openPage(url);
    const state = await waitForTabState(harness, url);
    const { popup, controls } = await openPopup(state.tabId);
    expect(await popup.text('[data-testid="page-relevance"]')).toBe('Nothing about NSO on this page');
    expect(await count(controls, '[data-testid="conflict-item"]')).toBe(0);
    await controls.evaluate(
      () => (document.querySelector('[data-testid="search-input"]') as HTMLElement).focus(),
      null,
    );
    await controls.type('itai mack');
    expect(await attr(controls, '[data-testid="search-result"]', 'data-id')).toBe('person.eitay-mack');
    expect(await popup.text('[data-testid="search-result"]')).toContain('Also written: Itai Mack');
    await viewShot(popup, controls, 'elsewhere-search');
    await popup.close();
  });

  it('moves between views with the keyboard alone', async () => {
    const { popup, controls } = await openStory('jpost-2020-01-16', '?keys');
    await controls.press('Tab');
    expect(await activeId(controls)).toBe('tab-page');
    await controls.press('ArrowRight');
    expect(await activeId(controls)).toBe('tab-status');
    expect(await attr(controls, '#tab-status', 'aria-selected')).toBe('true');
    expect(await attr(controls, '#panel-status', 'hidden')).toBeNull();
    expect(await attr(controls, '#panel-page', 'hidden')).not.toBeNull();
    await controls.press('ArrowRight');
    await controls.press('ArrowRight');
    expect(await activeId(controls)).toBe('tab-outlets');
    await controls.press('Tab');
    expect(await activeId(controls)).toBe('panel-outlets');
    await controls.press('Shift+Tab');
    expect(await activeId(controls)).toBe('tab-outlets');
    await controls.press('End');
    expect(await activeId(controls)).toBe('tab-settings');
    await controls.press('ArrowRight');
    expect(await activeId(controls)).toBe('tab-page');
    await controls.press('ArrowLeft');
    await controls.press('Home');
    expect(await attr(controls, '#tab-page', 'aria-selected')).toBe('true');
    await popup.close();
  });

  it('has no axe-core violations in any view, light or dark', async () => {
    const { popup, controls } = await openStory('jpost-2020-01-16', '?axe');
    await controls.evaluateSource(AXE_SOURCE);
    const report: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await controls.colorScheme(scheme);
      for (const view of VIEWS) {
        await show(controls, view);
        await popup.text(`#panel-${view} > *`);
        const violations = await controls.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(c: Document): Promise<AxeResult> } }).axe;
          const result = await axe.run(document);
          return result.violations.map(
            (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        }, null);
        report.push(...violations.map((v) => `${scheme}/${view}: ${v}`));
        if (scheme === 'dark') await viewShot(popup, controls, `jpost-${view}-dark`);
      }
    }
    expect(report).toEqual([]);
    await popup.close();
  });

  it('changes settings through the background and reads them back', async () => {
    const { state, popup, controls } = await openStory('jpost-2020-01-16', '?settings');
    const saved = async () => {
      const deadline = Date.now() + 10_000;
      while ((await popup.text('[data-testid="settings-status"]')) !== 'Saved.') {
        if (Date.now() > deadline) throw new Error('setting not saved');
        await new Promise((done) => setTimeout(done, 50));
      }
    };
    const checked = (testid: string) =>
      controls.evaluate(
        (id) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement).checked,
        testid,
      );

    await controls.press('Tab');
    await controls.press('End');
    await controls.press('Tab'); // the panel
    await controls.press('Tab');
    expect(await activeId(controls)).toBe('setting-paused');
    expect(await checked('setting-paused')).toBe(false);
    await controls.press('Space');
    await saved();
    await controls.press('Tab');
    expect(await activeId(controls)).toBe('setting-site');
    expect(await popup.text('label:has([data-testid="setting-site"])')).toContain('Turn off on 127.0.0.1');
    await controls.press('Tab');
    expect(await activeId(controls)).toBe('setting-style-background');
    await controls.press('ArrowDown');
    await saved();
    await viewShot(popup, controls, 'jpost-settings-changed');
    await popup.close();

    // A fresh popup shows what the background stored.
    const again = await openPopup(state.tabId);
    await again.controls.evaluate(() => document.getElementById('tab-settings')?.click(), null);
    await again.popup.text('[data-testid="setting-paused"]');
    const read = (id: string) =>
      again.controls.evaluate(
        (t) => (document.querySelector(`[data-testid="${t}"]`) as HTMLInputElement).checked,
        id,
      );
    expect(await read('setting-paused')).toBe(true);
    expect(await read('setting-style-underline')).toBe(true);
    expect(await again.popup.text('[data-testid="paused-chip"]')).toBe('Paused');

    // Put them back (pause and style), for whatever runs next in this browser.
    await again.controls.evaluate(() => {
      (document.querySelector('[data-testid="setting-paused"]') as HTMLInputElement).click();
    }, null);
    await again.controls.evaluate(() => {
      (document.querySelector('[data-testid="setting-style-background"]') as HTMLInputElement).click();
    }, null);
    const deadline = Date.now() + 10_000;
    while (
      (await read('setting-paused')) ||
      !(await read('setting-style-background')) ||
      (await again.popup.text('[data-testid="settings-status"]')) !== 'Saved.'
    ) {
      if (Date.now() > deadline) throw new Error('settings not restored');
      await new Promise((done) => setTimeout(done, 50));
    }
    await again.popup.close();
  });
}

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}
