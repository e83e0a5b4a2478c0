/**
 * What the cards scenario needs beyond the shared harness: the pointer and keys, the background's
 * step relay, and a way to read the cards. The cards live in a CLOSED shadow root, which page scripts
 * (and Playwright/Puppeteer selectors) cannot enter; the tests read it through the automation
 * protocol, as the browsers' own developer tools do:
 * - Chromium: CDP `DOM.getDocument({pierce: true})` lists closed shadow roots; `DOM.resolveNode` gives
 *   a handle to the root in the page's main world, on which `Runtime.callFunctionOn` runs a reader.
 * - Firefox: WebDriver BiDi serialises a node with `includeShadowTree: "all"` (closed roots too); the
 *   root's sharedId is then passed as the argument of `script.callFunction`.
 * Nothing in the extension exposes the root or differs for tests: the build under test is the release.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { TabState } from '../../src/platform/messages';
import { HOST_TAG } from '../../src/ui/overlay/host';
import { type ExtensionHarness, waitForStates } from './harness';
import type { ChromiumExtension } from './launch-chromium';
import type { FirefoxExtension } from './launch-firefox';

export { HOST_TAG };

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
  width: number;
  height: number;
}

/** The open card as a reader would see it. */
export interface CardView {
  label: string;
  kind: 'claim' | 'conflict';
  text: string;
  position: string;
  /** Focus is inside the card. */
  focused: boolean;
  /** The card's computed background and text colours. */
  colors: { background: string; text: string };
  links: { href: string; target: string; rel: string }[];
  box: Box;
}

export interface CardsPage {
  tabId: number;
  /** Runs `fn(arg)` in the page's main world. */
  run<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  move(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  resize(width: number, height: number): Promise<void>;
  /** Emulates prefers-color-scheme; null where the driver cannot (Firefox over BiDi: CDP-only in Puppeteer). */
  colorScheme: ((scheme: 'light' | 'dark') => Promise<void>) | null;
  /** The open card, read from the closed shadow root; null when none is open (or no host). */
  card(): Promise<CardView | null>;
  /** axe-core on a copy of the open card (see AXE_CARD): violations as "rule: impact (nodes)"; null if none open. */
  axe(): Promise<string[] | null>;
  /** What the background sends when a step shortcut is pressed (see relay notes in the scenario). */
  step(direction: 'next' | 'previous'): Promise<void>;
  /** Types text with the keyboard, as the reader would. */
  type(text: string): Promise<void>;
  /**
   * Runs `fn`, the source of a `function (root) {...}` returning a string, with our closed shadow root
   * as its argument; null when the page has no host.
   */
  inRoot(fn: string): Promise<string | null>;
  /** Sends a background request to the tab's top frame from the background's own context. */
  sendFromBackground(message: unknown): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface CardsHarness extends ExtensionHarness {
  /** Opens `url` and waits for the background's analysis of it (or, `analysed: false`, its gate report). */
  openCardsPage(url: string, options?: { analysed?: boolean }): Promise<CardsPage>;
}

/** Runs in the page with the shadow root; returns JSON (both protocols pass strings unchanged). */
const READ_CARD = `function (root) {
  root = root || this;
  const c = root.querySelector('[role="dialog"]');
  if (!c) return 'null';
  const b = c.getBoundingClientRect();
  const active = root.activeElement;
  return JSON.stringify({
    label: c.getAttribute('aria-label'),
    kind: c.classList.contains('card-conflict') ? 'conflict' : 'claim',
    text: c.innerText,
    position: (c.querySelector('.position') || {}).textContent || '',
    focused: !!active && (active === c || c.contains(active)),
    colors: { background: getComputedStyle(c).backgroundColor, text: getComputedStyle(c).color },
    links: Array.from(c.querySelectorAll('a')).map((a) => ({ href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') })),
    box: { top: b.top, left: b.left, bottom: b.bottom, right: b.right, width: b.width, height: b.height },
  });
}`;

/**
 * Runs axe-core on the open card. axe builds its tree from the document and cannot enter a closed
 * root, so the card (markup, inline position, the adopted stylesheet) is copied into an open shadow
 * root of a probe element for the check and removed after: two page mutations, so tests that count
 * mutations run this last or not at all.
 */
const AXE_CARD = `async function (root) {
  root = root || this;
  const card = root.querySelector('[role="dialog"]');
  if (!card) return 'null';
  const probe = document.createElement('nso-lens-axe-probe');
  const open = probe.attachShadow({ mode: 'open' });
  open.adoptedStyleSheets = Array.from(root.adoptedStyleSheets);
  const wrap = card.parentElement.cloneNode(false);
  wrap.append(card.cloneNode(true));
  open.append(wrap);
  document.documentElement.append(probe);
  try {
    const result = await window.axe.run(probe, { resultTypes: ['violations'] });
    return JSON.stringify(result.violations.map((v) => v.id + ': ' + v.impact + ' (' + v.nodes.length + ')'));
  } finally {
    probe.remove();
  }
}`;

const AXE_SOURCE = readFileSync(
  resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);

const STEP_MESSAGE = (direction: 'next' | 'previous') => ({
  channel: 'background',
  type: 'step-highlight',
  payload: { direction },
});

/**
 * The tab of the page just opened: the background's state for `url` reported after `since` (a page
 * opened earlier at the same address may still have a state there), with its analysis when `analysed`.
 */
async function freshTab(h: ExtensionHarness, url: string, since: number, analysed: boolean): Promise<number> {
  const fresh = (s: TabState) => s.url === url && s.reportedAt >= since && (!analysed || s.analysis !== null);
  const states = await waitForStates(h, `a fresh state for ${url}`, (all) => all.some(fresh), 20_000);
  return states.filter(fresh).sort((a, b) => b.tabId - a.tabId)[0]!.tabId;
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
  contentDocument?: CdpNode;
}

function findHost(node: CdpNode): CdpNode | null {
  if (node.nodeName.toLowerCase() === HOST_TAG) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child);
    if (found) return found;
  }
  return null;
}

async function findPage<P>(
  pages: () => P[] | Promise<P[]>,
  url: (p: P) => string,
  wanted: string,
): Promise<P> {
  const found = (await pages()).filter((p) => url(p) === wanted);
  const page = found[found.length - 1];
  if (!page) throw new Error(`no open page at ${wanted}`);
  return page;
}

export function chromiumCards(h: ChromiumExtension): CardsHarness {
  return {
    ...h,
    async openCardsPage(url, options = {}) {
      const since = Date.now();
      await h.openPage(url);
      const page: PlaywrightPage = await findPage(
        () => h.context.pages(),
        (p) => p.url(),
        url,
      );
      const tabId = await freshTab(h, url, since, options.analysed !== false);
      await page.bringToFront();
      const cdp = await h.context.newCDPSession(page);
      /** Runs `fn` (a function source) with the closed shadow root as `this`; null when there is no host. */
      const onRoot = async (fn: string): Promise<string | null> => {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
          root: CdpNode;
        };
        const shadow = findHost(root)?.shadowRoots?.[0];
        if (!shadow) return null;
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
        const { result } = await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId!,
          functionDeclaration: fn,
          // The root as `this` and as the argument, as Firefox's driver passes it.
          arguments: [{ objectId: object.objectId! }],
          returnByValue: true,
          awaitPromise: true,
        });
        return result.value as string;
      };
      const sendFromBackground = async (message: unknown): Promise<void> => {
        await h.evalInBackground(
          async (a: { tabId: number; message: unknown }) => {
            const chrome = (
              globalThis as unknown as {
                chrome: {
                  tabs: { sendMessage(id: number, m: unknown, o: { frameId: number }): Promise<unknown> };
                };
              }
            ).chrome;
            await chrome.tabs.sendMessage(a.tabId, a.message, { frameId: 0 });
          },
          { tabId, message },
        );
      };
      return {
        tabId,
        run: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
        move: (x, y) => page.mouse.move(x, y, { steps: 2 }),
        click: (x, y) => page.mouse.click(x, y),
        press: (key) => page.keyboard.press(key),
        resize: (width, height) => page.setViewportSize({ width, height }),
        colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
        card: async () => JSON.parse((await onRoot(READ_CARD)) ?? 'null') as CardView | null,
        async axe() {
          await page.evaluate(AXE_SOURCE);
          return JSON.parse((await onRoot(AXE_CARD)) ?? 'null') as string[] | null;
        },
        type: (text) => page.keyboard.type(text),
        inRoot: onRoot,
        sendFromBackground,
        // From the extension's service worker, exactly as src/background/index.ts relays a command.
        step(direction) {
          return sendFromBackground(STEP_MESSAGE(direction));
        },
        screenshot: async (path) => {
          // caret 'initial': Playwright's default hides carets by restyling inputs, which the page's
          // mutation counter would see.
          await page.screenshot({ path, caret: 'initial' });
        },
        close: () => page.close(),
      };
    },
  };
}

interface BidiRealm {
  callFunction(
    fn: string,
    awaitPromise: boolean,
    options?: Record<string, unknown>,
  ): Promise<{ result: { type: string; value?: unknown } }>;
}

export function firefoxCards(h: FirefoxExtension): CardsHarness {
  return {
    ...h,
    async openCardsPage(url, options = {}) {
      const since = Date.now();
      await h.openPage(url);
      const page: PuppeteerPage = await findPage(
        () => h.browser.pages(),
        (p) => p.url(),
        url,
      );
      const tabId = await freshTab(h, url, since, options.analysed !== false);
      await page.bringToFront();
      const realm = () =>
        (page.mainFrame() as unknown as { browsingContext: { defaultRealm: BidiRealm } }).browsingContext
          .defaultRealm;
      /** Runs `fn` (a function source) with the closed shadow root as its argument; null when there is no host. */
      const onRoot = async (fn: string): Promise<string | null> => {
        const host = await realm().callFunction(`() => document.querySelector('${HOST_TAG}')`, false, {
          serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
        });
        const shadow = (host.result.value as { shadowRoot?: { sharedId: string } } | undefined)?.shadowRoot;
        if (!shadow) return null;
        const arrow = fn.replace(
          /^(async )?function \(root\)/,
          (_m, a: string | undefined) => `${a ?? ''}(root) =>`,
        );
        const read = (await realm().callFunction(arrow, true, {
          arguments: [{ sharedId: shadow.sharedId }],
        })) as { result?: { value?: unknown }; exceptionDetails?: { text?: string } };
        if (!read.result)
          throw new Error(`in the page: ${read.exceptionDetails?.text ?? JSON.stringify(read)}`);
        return read.result.value as string;
      };
      const sendFromBackground = async (message: unknown): Promise<void> => {
        await h.evalInExtension(
          async (a: { tabId: number; message: unknown }) => {
            type Api = {
              runtime: { getBackgroundPage(): Promise<{ browser: Api } | null> };
              tabs: { sendMessage(id: number, m: unknown, o: { frameId: number }): Promise<unknown> };
            };
            const bg = await (globalThis as unknown as { browser: Api }).browser.runtime.getBackgroundPage();
            if (!bg) throw new Error('no background page');
            await bg.browser.tabs.sendMessage(a.tabId, a.message, { frameId: 0 });
          },
          { tabId, message },
        );
      };
      return {
        tabId,
        run: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg) as never,
        move: (x, y) => page.mouse.move(x, y, { steps: 2 }),
        click: (x, y) => page.mouse.click(x, y),
        press: (key) => page.keyboard.press(key as never),
        resize: (width, height) => page.setViewport({ width, height }),
        colorScheme: null,
        card: async () => JSON.parse((await onRoot(READ_CARD)) ?? 'null') as CardView | null,
        async axe() {
          await page.evaluate(AXE_SOURCE);
          return JSON.parse((await onRoot(AXE_CARD)) ?? 'null') as string[] | null;
        },
        type: (text) => page.keyboard.type(text),
        inRoot: onRoot,
        sendFromBackground,
        // Sent by the background page itself (reached from an extension page), so the content
        // script sees the same sender as for a relayed command.
        step(direction) {
          return sendFromBackground(STEP_MESSAGE(direction));
        },
        screenshot: async (path) => {
          await page.screenshot({ path: path as `${string}.png` });
        },
        close: () => page.close(),
      };
    },
  };
}
