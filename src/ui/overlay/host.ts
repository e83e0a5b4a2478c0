/**
 * The overlay's host element: the only node NSO Lens adds to a page. Its inline styles are set through
 * the CSSOM (which a page CSP does not block) with `!important`, and it is styled before it is
 * inserted, so the page sees exactly one mutation. Inline `!important` beats the page's own
 * `!important` rules, so page CSS cannot easily hide, move or restyle it; shown in the top layer
 * (raiseHost), no page layer covers it.
 */

export const HOST_TAG = 'nso-lens-cards';

const HOST_STYLE: readonly [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['contain', 'none'],
  ['clip-path', 'none'],
  ['pointer-events', 'none'],
];

/** A styled host with a closed shadow root (returned only to us; the page gets null from `shadowRoot`). */
export function createHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement(HOST_TAG);
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  // A manual popover, so raiseHost can put it in the top layer (nothing the page does dismisses it).
  host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'closed' });
  return { host, shadow };
}

/**
 * Puts the (inserted) host in the top layer: above every layer of the page whatever its z-index or
 * order, and positioned against the viewport even when the page transforms or filters <html>. Call it
 * after showing something; where popovers are missing, or the page cancels the toggle, the host's
 * z-index still applies.
 */
export function raiseHost(host: HTMLElement): void {
  const popover = host as HTMLElement & { showPopover?: () => void };
  if (!host.isConnected || typeof popover.showPopover !== 'function') return;
  try {
    if (!host.matches(':popover-open')) popover.showPopover();
  } catch {
    // Cancelled by the page's beforetoggle listener, or an older engine: stay in the normal layers.
  }
}

/** Adopts `css` in the shadow root through a constructed sheet of the page's window (Firefox needs its own). */
export function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): void {
  const win = doc.defaultView as unknown as { CSSStyleSheet: new () => CSSStyleSheet };
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(css);
  shadow.adoptedStyleSheets = [sheet];
}
