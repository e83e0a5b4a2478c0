/**
 * Hostile pages (issue 8), run in each browser against the release build. Every page in
 * test/fixtures/hostile/ carries the story (Press TV's seed text) so the pipeline runs on it, and
 * attacks in its own way: markup and `javascript:` URLs as article text, replaced globals and DOM
 * methods, elements whose names shadow DOM properties, a strict CSP with Trusted Types, an article
 * rendered again every second, a page that removes what it did not create, bursts of pushState and
 * hash navigations, frames of every kind, custom elements with late shadow roots, a 5 MB article,
 * CSS aimed at our host, and text with right-to-left runs, combining marks, emoji, no-break spaces
 * and soft hyphens. For each:
 * - no exception or console error appears, from the page's world or the extension's;
 * - the page's DOM is unchanged except our host (mutations the page makes itself are in elements it
 *   marks `data-page-owned`; see installMutationCounter);
 * - nothing from the page's text runs (the pages' traps record any call) and nothing the clone holds
 *   is fetched;
 * - the annotations are right — the same findings as on the clean seed page, and each highlight
 *   covers exactly its finding's words — or cleanly absent.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/match/findings';
import type { TabState } from '../../src/platform/messages';
import { type CardsHarness, type CardsPage, HOST_TAG } from './cards-driver';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { waitForStates } from './harness';
import { screenshotPath } from './screenshots';

/** What a browser's test file adds to the cards harness. */
export interface HostileHarness extends CardsHarness {
  /** Every uncaught exception, unhandled rejection and console error of any page since launch, any world. */
  errors(): readonly string[];
  /** Runs `fn` in every child frame of the open page at `url`: the frame's URL, and its result or error. */
  inFrames<R>(url: string, fn: () => R): Promise<{ url: string; value?: R; error?: string }[]>;
}

/** The seed's findings as comparable lines: "claim <id> <quote>", "conflict <id> <found>". */
function findings(analysis: Analysis): string[] {
  return [
    ...analysis.matches.map((m) => `claim ${m.claimId} ${m.quote}`),
    ...analysis.conflicts.map((c) => `conflict ${c.conflictId} ${c.found}`),
  ].sort();
}

interface Painted {
  /** The text of each highlighted range; '' for a collapsed one (its nodes left the page). */
  claims: string[];
  conflicts: string[];
}

/** In the page's own world (the highlight registry is shared with it): the highlighted texts. */
const painted = (): Painted => {
  const reg = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights;
  const texts = (name: string) => Array.from(reg.get(name) ?? [], (r) => (r.collapsed ? '' : r.toString()));
  return { claims: texts('nso-lens-claim'), conflicts: texts('nso-lens-conflict') };
};

interface PageSigns {
  hosts: number;
  /** Mutations neither the page's own nor of our host (see installMutationCounter). */
  foreign: string[];
  /** Calls of the page's traps: `__pwn` (markup or URLs from text ran) and `__hostileHits` (globals). */
  pwned: string[];
  hostileHits: string[];
}

const signs = (tag: string): PageSigns => {
  const w = window as unknown as { __nsoForeign?: string[]; __pwned?: string[]; __hostileHits?: string[] };
  return {
    // Through the prototype: on some hostile pages `document.querySelectorAll` is an <img>.
    hosts: Document.prototype.querySelectorAll.call(document, tag).length,
    foreign: [...(w.__nsoForeign ?? ['mutation counter missing'])],
    pwned: [...(w.__pwned ?? [])],
    hostileHits: [...(w.__hostileHits ?? [])],
  };
};

/** Whitespace as the engine's text map reads it: any run is one space. */
const squash = (s: string) => s.replace(/[ \n\t\r\f]+/g, ' ').trim();

/** Each highlight covers exactly its finding's words (in the placed findings' order, as painted). */
function expectHighlightsRight(inPage: Painted, analysis: Analysis): void {
  expect(inPage.claims.map(squash).sort()).toEqual(analysis.matches.map((m) => m.quote).sort());
  expect(inPage.conflicts.map(squash).sort()).toEqual(analysis.conflicts.map((c) => c.found).sort());
}

/** Right or cleanly absent: every highlight still in the page covers its words; gone ones are collapsed. */
function expectRightOrAbsent(inPage: Painted, analysis: Analysis): void {
  const claims = new Set(analysis.matches.map((m) => m.quote));
  const conflicts = new Set(analysis.conflicts.map((c) => c.found));
  for (const text of inPage.claims) if (text !== '') expect(claims).toContain(squash(text));
  for (const text of inPage.conflicts) if (text !== '') expect(conflicts).toContain(squash(text));
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 80));
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** In the page: the viewport centre of the first occurrence of `text` (scrolled into view). */
const locate = (text: string): { x: number; y: number } | null => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    let rect = range.getBoundingClientRect();
    if (rect.top < 120 || rect.bottom > innerHeight - 300) {
      window.scrollBy({ top: rect.top - innerHeight * 0.3, behavior: 'instant' });
      rect = range.getBoundingClientRect();
    }
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
};

export function hostileScenario(launch: () => Promise<HostileHarness>): void {
  let harness: HostileHarness;
  let server: FixtureServer;
  /** A second origin, for the cross-origin frame. */
  let other: FixtureServer;
  let reference: TabState;
  let seen = 0;
  const shot = (name: string) => screenshotPath(`${harness.browserName}-hostile-${name}`);

  /** Errors of any page since the last call. */
  const newErrors = () => {
    const all = harness.errors();
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  };

  const stateOf = async (tabId: number, url: string): Promise<TabState> => {
    const states = await waitForStates(
      harness,
      `an analysis of ${url}`,
      (all) => all.some((s) => s.tabId === tabId && s.url === url && s.analysis !== null),
      20_000,
    );
    return states.find((s) => s.tabId === tabId)!;
  };

  /** Opens a hostile page and waits for its analysis. */
  const open = async (path: string): Promise<{ page: CardsPage; url: string; state: TabState }> => {
    newErrors();
    const url = server.url(`hostile/${path}`);
    const page = await harness.openCardsPage(url);
    return { page, url, state: await stateOf(page.tabId, url) };
  };

  /** The checks every hostile page must pass, whatever its attack. */
  const expectUntouched = async (page: CardsPage, expectedHosts: number | null = 1) => {
    const s = await page.run(signs, HOST_TAG);
    expect(s.foreign).toEqual([]);
    expect(s.pwned).toEqual([]);
    expect(s.hostileHits).toEqual([]);
    if (expectedHosts !== null) expect(s.hosts).toBe(expectedHosts);
    expect(newErrors()).toEqual([]);
  };

  /** The seed's findings, the highlights exactly on them, and nothing else touched. */
  const expectAnnotatedLikeSeed = async (page: CardsPage, state: TabState) => {
    const { analysis, highlights } = state.analysis!;
    expect(findings(analysis)).toEqual(findings(reference.analysis!.analysis));
    expect(highlights).toEqual({ supported: true, placed: findings(analysis).length, unplaced: 0 });
    expectHighlightsRight(await page.run(painted, null), analysis);
    await expectUntouched(page);
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    other = await startFixtureServer();
    harness = await launch();
    // The clean seed, read first: what every Press TV page below must be found to say.
    const url = server.url('pages/presstv-2020-07-13/source.html');
    const page = await harness.openCardsPage(url);
    reference = await stateOf(page.tabId, url);
    await page.close();
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
    await other?.close();
  });

  it('reference: the clean Press TV seed is read as the story, with its known misreports', () => {
    const { analysis } = reference.analysis!;
    expect(analysis.relevant).toBe(true);
    expect(analysis.conflicts.map((c) => c.found)).toEqual(
      expect.arrayContaining(['his', 'ministry of military affairs', 'co-director for tech']),
    );
    expect(newErrors()).toEqual([]);
  });

  it('XSS payloads in the title, metadata and article text stay text; nothing the clone holds is fetched', async () => {
    const { page, url, state } = await open('xss.html');
    await expectAnnotatedLikeSeed(page, state);
    expect(state.title).toContain(`<img src=x onerror="__pwn('title')">`);
    expect(state.analysis!.analysis.article.title).toContain(`<svg onload=__pwn('og')>`);

    // Cards open (by keyboard and by hovering the linked words) and show the article's words as text.
    await page.step('next');
    expect((await until('a card opens', () => page.card())).text.length).toBeGreaterThan(20);
    await page.press('Escape');
    const at = await page.run(locate, 'ministry of military affairs');
    await page.move(at!.x, at!.y + 150);
    await page.move(at!.x, at!.y);
    const card = await until('the conflict card over the javascript: link opens', () => page.card());
    expect(card.kind).toBe('conflict');
    expect(card.links.every((l) => /^https?:\/\//.test(l.href))).toBe(true);

    // The live page fetched its own image once; the copy Readability read fetched nothing: not the
    // lazy image Readability gives a src, not the <noscript> image it parses, and the template's image
    // no more than the browser's own preloader does without the extension (Firefox: once).
    await sleep(500);
    const probes = server.requests.filter((r) => r.includes('/hostile/probe.svg'));
    expect(probes.filter((r) => r.endsWith('?live'))).toHaveLength(1);
    expect(probes.filter((r) => /\?(?:lazy|noscript)$/.test(r))).toEqual([]);
    expect(probes.filter((r) => r.endsWith('?template')).length).toBeLessThanOrEqual(1);

    // The popup shows the page's title as text.
    const popup = await harness.openPopup(page.tabId);
    expect(await popup.text('[data-testid="page-title"]')).toBe(state.title);
    await popup.close();
    await expectUntouched(page);
    expect(url).toContain('xss');
    await page.close();
  });

  it('a page that replaces globals and DOM methods (URL, navigation, Node and Element methods, attachShadow…) never reaches ours', async () => {
    const { page, state } = await open('globals.html');
    await expectAnnotatedLikeSeed(page, state);
    const at = await page.run(locate, 'in his ruling');
    await page.move(at!.x, at!.y + 150);
    await page.move(at!.x - 20, at!.y);
    expect((await until('the pronoun card opens', () => page.card())).kind).toBe('conflict');
    await page.press('Escape');
    await page.step('next');
    await until('a card opens by keyboard', () => page.card());
    await expectUntouched(page);
    await page.close();
  });

  it('elements whose names shadow globals and DOM properties (<div id=browser>, <img name=title>, form controls named parentNode…)', async () => {
    const { page, state } = await open('clobber.html');
    await expectAnnotatedLikeSeed(page, state);
    // The gate read the real title, not the image named "title".
    expect(state.title).toBe(reference.title);
    // A card opens with focus inside (read through the prototype: the cards driver's reader calls
    // document.querySelector, which is an <img> on this page).
    await page.step('next');
    await until('a card takes focus', async () =>
      (await page.run(
        (tag: string) =>
          Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement')!.get!.call(document)?.localName ===
          tag,
        HOST_TAG,
      ))
        ? true
        : null,
    );
    await expectUntouched(page);
    await page.close();
  });

  it("a strict CSP (default-src, script-src and style-src 'none', Trusted Types required): annotated, cards styled", async () => {
    const { page, state } = await open('csp.html');
    await expectAnnotatedLikeSeed(page, state);
    await page.step('next');
    const card = await until('a card opens', () => page.card());
    expect(card.colors.background).toBe('rgb(255, 255, 255)');
    expect(card.box.width).toBeGreaterThan(200);
    await page.screenshot(shot('csp-card'));
    await expectUntouched(page);
    await page.close();
  });
}
