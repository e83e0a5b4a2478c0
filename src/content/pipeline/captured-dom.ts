/**
 * The DOM functions the Save button's click check relies on, taken once when the pipeline loads. Our
 * content script already has its own view of these (an isolated world in Chromium, Xray wrappers in
 * Firefox), so a page that overrides its own prototypes should not reach them; keeping our own
 * references is the second line, and gives the tests one place to substitute a layout.
 */

export interface DomProbe {
  /** The topmost element hit at a client point (in a document, retargeted to a shadow host). */
  elementFromPoint(root: Document | ShadowRoot, x: number, y: number): Element | null;
  style(element: Element): CSSStyleDeclaration;
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
};
