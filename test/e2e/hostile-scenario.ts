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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/match/findings';
import type { TabState } from '../../src/platform/messages';
import { type CardsHarness, type CardsPage, HOST_TAG } from './cards-driver';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { waitForStates } from './harness';
import { hugeArticle } from './hostile-huge';
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

  /**
   * The checks every hostile page must pass, whatever its attack: `hosts` host elements (null: any),
   * no error except one the browser itself logs about the test driver (`driverNotice`).
   */
  const expectUntouched = async (page: CardsPage, hosts: number | null = 1, driverNotice?: RegExp) => {
    const s = await page.run(signs, HOST_TAG);
    expect(s.foreign).toEqual([]);
    expect(s.pwned).toEqual([]);
    expect(s.hostileHits).toEqual([]);
    if (hosts !== null) expect(s.hosts).toBe(hosts);
    expect(newErrors().filter((e) => !driverNotice?.test(e))).toEqual([]);
  };

  /** The seed's findings, the highlights exactly on them, and nothing else touched. */
  const expectAnnotatedLikeSeed = async (page: CardsPage, state: TabState, driverNotice?: RegExp) => {
    const { analysis, highlights } = state.analysis!;
    expect(findings(analysis)).toEqual(findings(reference.analysis!.analysis));
    expect(highlights).toEqual({ supported: true, placed: findings(analysis).length, unplaced: 0 });
    expectHighlightsRight(await page.run(painted, null), analysis);
    await expectUntouched(page, 1, driverNotice);
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
          Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement')!.get!.call(document)
            ?.localName === tag,
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

  for (const mode of ['replace', 'rotate'] as const) {
    const how =
      mode === 'replace' ? 'same words in new nodes' : "the same nodes given other paragraphs' words";
    it(`an article rendered again every second (${how}): highlights are right or gone, never on other words, and come back`, async () => {
      const { page, state } = await open(`rerender.html?mode=${mode}`);
      const { analysis } = state.analysis!;
      expect(findings(analysis)).toEqual(findings(reference.analysis!.analysis));
      // Over five renders, sampled four times a second: every highlight covers its finding's words,
      // or is gone; after renders, the page is read again and its highlights come back.
      let shownAfterRenders = 0;
      for (let i = 0; i < 20; i++) {
        const now = await page.run(painted, null);
        expectRightOrAbsent(now, analysis);
        const renders = await page.run(
          () => (window as unknown as { __renders(): number }).__renders(),
          null,
        );
        if (renders >= 2 && now.claims.some((t) => t !== '')) shownAfterRenders++;
        await sleep(250);
      }
      expect(shownAfterRenders).toBeGreaterThan(0);
      await expectUntouched(page, null);
      await page.close();
    });
  }

  it('a page that removes every element it did not create: highlights stay right; the host is put back only when a card opens, and no fight follows', async () => {
    const { page, state } = await open('remover.html');
    const { analysis } = state.analysis!;
    expect(findings(analysis)).toEqual(findings(reference.analysis!.analysis));
    expectHighlightsRight(await page.run(painted, null), analysis);
    const removed = () =>
      page.run(
        () =>
          (window as unknown as { __removed: string[] }).__removed.filter((name) => name === 'nso-lens-cards')
            .length,
        null,
      );
    await until('the page removed our host', async () => ((await removed()) >= 1 ? true : null));
    // Opening a card puts the host back once; the page removes it again, and that is the end of it.
    await page.step('next');
    await sleep(1200);
    const after = await removed();
    expect(after).toBeLessThanOrEqual(3);
    await sleep(1200);
    expect(await removed()).toBe(after);
    expectHighlightsRight(await page.run(painted, null), analysis);
    await expectUntouched(page, 0);
    await page.close();
  });

  it('pushState and hash navigations in bursts, a router that wraps pushState, back and forward: each view annotated right', async () => {
    const { page, url, state } = await open('spa-storm.html');
    expect(findings(state.analysis!.analysis)).toEqual(findings(reference.analysis!.analysis));
    const tabState = async (wanted: string, relevant: boolean) => {
      const states = await waitForStates(
        harness,
        `${wanted} analysed`,
        (all) =>
          all.some(
            (s) => s.tabId === page.tabId && s.url === wanted && s.analysis?.analysis.relevant === relevant,
          ),
        20_000,
      );
      return states.find((s) => s.tabId === page.tabId)!;
    };
    const settle = async (wanted: string, relevant: boolean) => {
      const s = await tabState(wanted, relevant);
      // Painted what was analysed for this address, nothing left from before.
      await until('the highlights match the analysis', async () => {
        const now = await page.run(painted, null);
        const want = relevant ? s.analysis!.analysis : { matches: [], conflicts: [] };
        return now.claims.length === want.matches.length && now.conflicts.length === want.conflicts.length
          ? true
          : null;
      });
      const now = await page.run(painted, null);
      if (relevant) expectHighlightsRight(now, s.analysis!.analysis);
      else expect(now).toEqual({ claims: [], conflicts: [] });
      return s;
    };

    await page.run(
      (n: number) =>
        (window as unknown as { __router: { hashBurst(n: number): void } }).__router.hashBurst(n),
      20,
    );
    await settle(`${url}#part-19`, true);

    await page.run(
      (n: number) =>
        (window as unknown as { __router: { pushBurst(n: number, v: string): void } }).__router.pushBurst(
          n,
          'jpost',
        ),
      15,
    );
    const jpost = await settle(`${url}?view=jpost&n=14`, true);
    expect(jpost.analysis!.analysis.conflicts.map((c) => c.found)).toContain('Itai Mack');

    await page.run(
      (to: string) => (window as unknown as { __router: { go(u: string): void } }).__router.go(to),
      '?view=home',
    );
    await settle(`${url}?view=home`, false);
    expect(await page.run(signs, HOST_TAG)).toMatchObject({ hosts: 0 });

    await page.run(
      (to: string) => (window as unknown as { __router: { replace(u: string): void } }).__router.replace(to),
      '?view=presstv',
    );
    const back = await settle(`${url}?view=presstv`, true);
    expect(findings(back.analysis!.analysis)).toEqual(findings(reference.analysis!.analysis));

    await page.run(() => history.back(), null);
    await settle(`${url}?view=jpost&n=14`, true);
    await page.run(() => history.forward(), null);
    await settle(`${url}?view=presstv`, true);
    await expectUntouched(page);
    await page.close();
  });

  it('same-origin, cross-origin, srcdoc and sandboxed frames: the top article is annotated, no frame is touched', async () => {
    newErrors();
    const url = `${server.url('hostile/iframes.html')}?other=${encodeURIComponent(other.origin)}`;
    const page = await harness.openCardsPage(url);
    const state = await stateOf(page.tabId, url);
    // Chromium refuses the test driver's own start-up script in the sandboxed frames (the sandboxed
    // child page and the sandboxed srcdoc frame, whichever it reports first), and says so.
    const driverNotice =
      /^console\.error: Blocked script execution in '(?:[^']*frame-child\.html|about:srcdoc)' because the document's frame is sandboxed/;
    await expectAnnotatedLikeSeed(page, state, driverNotice);
    await until('the cross-origin frame loaded', async () =>
      other.requests.some((r) => r.includes('frame-child.html')) ? true : null,
    );
    const frames = await harness.inFrames(url, () => {
      const reg = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
      return {
        highlights: reg.size,
        hosts: document.querySelectorAll('nso-lens-cards').length,
        text: document.body.textContent!.length,
      };
    });
    expect(frames.length).toBe(5);
    const read = frames.filter((f) => f.value);
    // Every frame whose document the driver can reach has no highlight and no host.
    for (const f of read) expect(f.value).toMatchObject({ highlights: 0, hosts: 0 });
    expect(read.length).toBeGreaterThanOrEqual(3);
    // Only the top frame reported: one state for this tab, at the top page's address.
    const states = (await harness.tabStates()).filter((s) => s.tabId === page.tabId);
    expect(states.map((s) => s.url)).toEqual([url]);
    await expectUntouched(page, 1, driverNotice);
    await page.close();
  });

  it('custom elements that attach their shadow roots late: the slotted article stays highlighted, shadow-only text is not read', async () => {
    const { page, state } = await open('custom-elements.html');
    await expectAnnotatedLikeSeed(page, state);
    await until('the elements upgraded', async () =>
      (await page.run(() => (window as unknown as { __upgraded?: boolean }).__upgraded === true, null))
        ? true
        : null,
    );
    expectHighlightsRight(await page.run(painted, null), state.analysis!.analysis);
    const at = await page.run(locate, 'his');
    await page.move(at!.x, at!.y + 150);
    await page.move(at!.x, at!.y);
    const card = await until('the card over the slotted word opens', () => page.card());
    expect(card.kind).toBe('conflict');
    expect(card.text).toMatch(/\bher\b/);
    await expectUntouched(page);
    await page.close();
  });

  /** What the pointer would hit at a point: our host (the card inside it), or the page's element. */
  const hitsHost = (page: CardsPage, x: number, y: number) =>
    page.run(
      (a: { x: number; y: number; tag: string }) => document.elementFromPoint(a.x, a.y)?.localName === a.tag,
      { x, y, tag: HOST_TAG },
    );

  for (const attack of ['star', 'opacity', 'containing'] as const) {
    it(`CSS aimed at our host (${attack}): the card still shows, on top, beside its text`, async () => {
      const { page, state } = await open(`css-attack.html?attack=${attack}`);
      expect(findings(state.analysis!.analysis)).toEqual(findings(reference.analysis!.analysis));
      const at = await page.run(locate, 'ministry of military affairs');
      await page.move(at!.x, at!.y + 150);
      await page.move(at!.x, at!.y);
      const card = await until('the card opens', () => page.card());
      expect(card.box.width).toBeGreaterThan(200);
      expect(card.box.height).toBeGreaterThan(80);
      // Beside the words (below or above them), not over them, inside the viewport.
      expect(card.box.top > at!.y + 4 || card.box.bottom < at!.y - 4).toBe(true);
      expect(card.box.left).toBeGreaterThanOrEqual(0);
      expect(
        await hitsHost(page, card.box.left + card.box.width / 2, card.box.top + card.box.height / 2),
      ).toBe(true);
      await page.screenshot(shot(`css-${attack}`));
      await expectUntouched(page);
      await page.close();
    });
  }

  it('a full-screen layer the page keeps above everything: the card opened from the keyboard is above it and takes its own clicks', async () => {
    const { page, state } = await open('css-attack.html?attack=overlay');
    expect(findings(state.analysis!.analysis)).toEqual(findings(reference.analysis!.analysis));
    // The layer takes every pointer event over the text, so the card comes from the keyboard.
    await page.step('next');
    const card = await until('the card opens', () => page.card());
    const x = card.box.left + card.box.width / 2;
    const y = card.box.top + card.box.height / 2;
    expect(await hitsHost(page, x, y)).toBe(true);
    await page.click(x, y);
    expect(await page.run(() => (window as unknown as { __shieldClicks: number }).__shieldClicks, null)).toBe(
      0,
    );
    expect(await page.card()).not.toBeNull();
    await page.screenshot(shot('css-overlay'));
    await expectUntouched(page);
    await page.close();
  });

  it('right-to-left runs, combining marks, emoji, no-break spaces and soft hyphens: each highlight covers exactly its words', async () => {
    const { page, state } = await open('text-kinds.html');
    const { analysis, highlights } = state.analysis!;
    expect(analysis.relevant).toBe(true);
    const found = analysis.conflicts.map((c) => c.found);
    // The misreports, written with a soft hyphen inside and a combining accent.
    expect(found).toEqual(
      expect.arrayContaining(['his', 'ministry of mili\u00adtary affairs', 'co-director for te\u0301ch']),
    );
    expect(highlights.unplaced).toBe(0);
    expectHighlightsRight(await page.run(painted, null), analysis);
    await expectUntouched(page);
    await page.close();
  });

  it('a 5 MB article in 50,000 nodes: annotated right, no error, nothing else touched', async () => {
    const huge = hugeArticle();
    expect(huge.html.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    expect(huge.nodes).toBeGreaterThanOrEqual(50_000);
    const dir = mkdtempSync(join(tmpdir(), 'nso-lens-huge-'));
    writeFileSync(join(dir, 'huge.html'), huge.html);
    const big = await startFixtureServer(dir);
    try {
      newErrors();
      const url = big.url('huge.html');
      const started = Date.now();
      const page = await harness.openCardsPage(url);
      const state = await stateOf(page.tabId, url);
      const took = Date.now() - started;
      const { analysis, highlights } = state.analysis!;
      expect(analysis.relevant).toBe(true);
      expect(analysis.conflicts.map((c) => c.found)).toEqual(
        expect.arrayContaining(['his', 'ministry of military affairs', 'co-director for tech']),
      );
      expect(highlights.unplaced).toBe(0);
      expectHighlightsRight(await page.run(painted, null), analysis);
      const stall = await page.run(() => (window as unknown as { __longestGap: number }).__longestGap, null);
      console.info(
        `hostile 5 MB page, ${harness.browserName}: opened and analysed in ${took} ms; longest main-thread stall ${Math.round(stall)} ms`,
      );
      await expectUntouched(page);
      await page.close();
    } finally {
      await big.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
