/**
 * What a browser-specific launcher gives the shared e2e scenarios: open web pages, read what the
 * background holds, open the popup for a tab. Each browser file adapts its driver to this.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TabState } from '../../src/platform/messages';

/** The build under test: dist/, or another build's directory named by NSO_LENS_DIST (a private build). */
export const DIST = process.env.NSO_LENS_DIST ?? resolve(import.meta.dirname, '../../dist');

/** dist/<browser>, or a clear error when the build has not run. */
export function builtExtension(browser: 'chrome' | 'firefox'): string {
  const dir = resolve(DIST, browser);
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`${dir}/manifest.json is missing: run \`npm run build\` first`);
  }
  return dir;
}

export interface E2EPage {
  /** Runs `fn` in the page (main world for web pages). */
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  /** The text of the first element matching `selector`, once it exists. */
  text(selector: string): Promise<string>;
  /** Saves a PNG of the page, or of one element. */
  screenshot(path: string, selector?: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionHarness {
  browserName: 'chromium' | 'firefox';
  /** Opens `url` in a new tab. Counts DOM mutations from DOMContentLoaded on in `window.__nsoMutations`. */
  openPage(url: string): Promise<E2EPage>;
  /** Every per-tab state the background holds. */
  tabStates(): Promise<TabState[]>;
  /** The badge text of a tab. */
  badgeText(tabId: number): Promise<string>;
  /** Opens `popup.html?tab=ID` in a new tab. */
  openPopup(tabId: number): Promise<E2EPage>;
  close(): Promise<void>;
}

/**
 * Installed before any page script runs: from DOMContentLoaded on, counts every DOM mutation. The
 * content script runs at document_idle, after that, so anything it wrote would be counted.
 *
 * It also lists, in `window.__nsoForeign`, every mutation that is neither the page's own nor about the
 * extension's host element: pages that change themselves mark the elements they change or add with
 * `data-page-owned`, and the host (`<nso-lens-cards>`) may come, go, or change. The DOM functions it
 * needs are captured first, because hostile fixtures replace the page's globals afterwards.
 */
export function installMutationCounter(): void {
  const w = window as unknown as { __nsoMutations: number; __nsoForeign: string[] };
  const Observer = MutationObserver;
  const observe = MutationObserver.prototype.observe;
  const closest = Element.prototype.closest;
  const apply = Reflect.apply;
  const nodeType = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeType')!.get!;
  const parentElement = Object.getOwnPropertyDescriptor(Node.prototype, 'parentElement')!.get!;
  const localName = Object.getOwnPropertyDescriptor(Element.prototype, 'localName')!.get!;
  const hostTag = 'nso-lens-cards';
  const element = (node: Node): Element | null =>
    apply(nodeType, node, []) === 1 ? (node as Element) : apply(parentElement, node, []);
  const inHostOrPageOwned = (node: Node) => {
    const el = element(node);
    return el !== null && apply(closest, el, [`${hostTag}, [data-page-owned]`]) !== null;
  };
  const allExplained = (nodes: NodeList) => {
    for (let i = 0; i < nodes.length; i++) if (!inHostOrPageOwned(nodes[i]!)) return false;
    return true;
  };
  w.__nsoMutations = -1;
  w.__nsoForeign = [];
  document.addEventListener('DOMContentLoaded', () => {
    w.__nsoMutations = 0;
    const observer = new Observer((records) => {
      w.__nsoMutations += records.length;
      for (const r of records) {
        if (inHostOrPageOwned(r.target)) continue;
        if (r.type === 'childList' && allExplained(r.addedNodes) && allExplained(r.removedNodes)) continue;
        const el = element(r.target);
        const where = el ? apply(localName, el, []) : '#document';
        w.__nsoForeign[w.__nsoForeign.length] =
          `${r.type} on <${where}> ${r.attributeName ?? ''} +${r.addedNodes.length} -${r.removedNodes.length}`;
      }
    });
    apply(observe, observer, [
      document,
      { subtree: true, childList: true, attributes: true, characterData: true },
    ]);
  });
}

/** Polls the background's per-tab states until `predicate` holds; returns the states then. */
export async function waitForStates(
  harness: ExtensionHarness,
  what: string,
  predicate: (states: TabState[]) => boolean,
  timeoutMs = 15_000,
): Promise<TabState[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const states = await harness.tabStates();
    if (predicate(states)) return states;
    if (Date.now() > deadline) {
      throw new Error(
        `${harness.browserName}: ${what} did not happen in ${timeoutMs} ms: ${JSON.stringify(states)}`,
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Polls the background until it holds a state for `url`. */
export async function waitForTabState(harness: ExtensionHarness, url: string): Promise<TabState> {
  const states = await waitForStates(harness, `a report for ${url}`, (all) => all.some((s) => s.url === url));
  return states.find((s) => s.url === url)!;
}
