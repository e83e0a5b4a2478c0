/**
 * The DOM functions the Save button's click check relies on, taken once when the pipeline loads. Our
 * content script already has its own view of these (an isolated world in Chromium, Xray wrappers in
 * Firefox), so a page that overrides its own prototypes should not reach them; keeping our own
 * references is the second line, and gives the tests one place to substitute a layout.
 */

/** Who is in the top layer, where nothing of the page's normal layers can be drawn over our host. */
export interface TopLayer {
  /** Our host is shown there (a page can cancel that, or take the host out by removing its popover). */
  hostRaised: boolean;
  /**
   * How many other elements are there: open popovers, modal dialogs, a fullscreen element, in the
   * document and in every shadow root we can reach. Any of them may be drawn over our host (a later
   * one is, and a popover's ::backdrop can cover the whole viewport).
   */
  others: number;
}

export interface DomProbe {
  /** The topmost element hit at a client point (in a document, retargeted to a shadow host). */
  elementFromPoint(root: Document | ShadowRoot, x: number, y: number): Element | null;
  style(element: Element): CSSStyleDeclaration;
  /**
   * The top layer as seen from `host`; null where the engine has no popovers to ask about. Optional:
   * a probe that only describes a layout leaves it out.
   */
  topLayer?(host: Element): TopLayer | null;
}

type PointFn = (this: Document | ShadowRoot, x: number, y: number) => Element | null;

const docPoint: PointFn | undefined =
  typeof Document === 'function' ? (Document.prototype.elementFromPoint as PointFn) : undefined;
const shadowPoint: PointFn | undefined =
  typeof ShadowRoot === 'function'
    ? ((ShadowRoot.prototype as unknown as { elementFromPoint?: PointFn }).elementFromPoint ?? docPoint)
    : undefined;
const computed: ((element: Element) => CSSStyleDeclaration) | undefined =
  typeof getComputedStyle === 'function' ? getComputedStyle : undefined;
const matches: ((this: Element, selector: string) => boolean) | undefined =
  typeof Element === 'function' ? Element.prototype.matches : undefined;

/** What puts an element in the top layer; each asked alone, as an engine may not know one of them. */
const TOP_LAYER = [':popover-open', ':modal', ':fullscreen'];

function safeMatches(element: Element, selector: string): boolean {
  try {
    return !!matches && matches.call(element, selector);
  } catch {
    return false;
  }
}

/** The shadow root of `element`, closed ones too where the browser lets an extension see them (Firefox). */
function shadowOf(element: Element): ShadowRoot | null {
  const e = element as Element & { openOrClosedShadowRoot?: ShadowRoot | null };
  return e.openOrClosedShadowRoot ?? element.shadowRoot ?? null;
}

/** The top-layer elements other than `host` in `doc` and every shadow root under it (not our own). */
function othersInTopLayer(doc: Document, host: Element): number {
  const found = new Set<Element>();
  const roots: (Document | ShadowRoot)[] = [doc];
  // Shadow roots first (one walk per root); the selectors then run natively in each.
  for (let i = 0; i < roots.length; i++) {
    const walker = doc.createTreeWalker(roots[i]!, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
      const shadow = node === host ? null : shadowOf(node);
      if (shadow) roots.push(shadow);
    }
  }
  for (const root of roots) {
    for (const selector of TOP_LAYER) {
      try {
        for (const element of root.querySelectorAll(selector)) if (element !== host) found.add(element);
      } catch {
        // A selector this engine does not know: nothing of that kind can be shown.
      }
    }
  }
  return found.size;
}

/** The probe over the functions captured at load. */
export const capturedProbe: DomProbe = {
  elementFromPoint(root, x, y) {
    const fn = root.nodeType === 9 ? docPoint : shadowPoint;
    return fn ? fn.call(root, x, y) : null;
  },
  style(element) {
    const view = element.ownerDocument.defaultView;
    return computed && view ? computed.call(view, element) : (view as Window).getComputedStyle(element);
  },
  topLayer(host) {
    const popovers = typeof (host as HTMLElement).showPopover === 'function';
    if (!popovers) return null;
    return {
      hostRaised: safeMatches(host, ':popover-open'),
      others: othersInTopLayer(host.ownerDocument, host),
    };
  },
};
