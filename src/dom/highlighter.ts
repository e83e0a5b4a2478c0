/**
 * Paints ranges with the CSS Custom Highlight API: the page's DOM is never changed, and a strict
 * page CSP cannot stop it. The registry and the adopted sheet are shared with the page's scripts,
 * so names are distinctive, our own map is the source of truth (Firefox content scripts cannot
 * iterate CSS.highlights), and `refresh` re-applies what a page may have cleared.
 */

export type HighlightKind = 'claim' | 'conflict' | 'saved';
export type HighlightStyle = 'background' | 'underline';

export const HIGHLIGHT_NAMES: Record<HighlightKind, string> = {
  claim: 'nso-lens-claim',
  conflict: 'nso-lens-conflict',
  saved: 'nso-lens-saved',
};

/** Semi-transparent colours read on light and dark pages alike; the text keeps the page's colour. */
const CSS_BY_STYLE: Record<HighlightStyle, string> = {
  background: `
::highlight(nso-lens-claim) { background-color: rgba(234, 179, 8, 0.32); }
::highlight(nso-lens-conflict) { background-color: rgba(239, 68, 68, 0.34); text-decoration: underline wavy rgb(220, 38, 38); text-decoration-thickness: 1.5px; }
::highlight(nso-lens-saved) { background-color: rgba(59, 130, 246, 0.28); }`,
  underline: `
::highlight(nso-lens-claim) { text-decoration: underline solid rgb(202, 138, 4); text-decoration-thickness: 2px; }
::highlight(nso-lens-conflict) { text-decoration: underline wavy rgb(220, 38, 38); text-decoration-thickness: 2px; }
::highlight(nso-lens-saved) { text-decoration: underline dotted rgb(37, 99, 235); text-decoration-thickness: 2px; }`,
};

interface HighlightGlobals {
  Highlight?: new (...ranges: Range[]) => { priority: number };
  CSS?: { highlights?: Map<string, unknown> };
  CSSStyleSheet?: new () => CSSStyleSheet;
}

/** Whether this window can paint highlights (CSS Custom Highlight API and constructable sheets). */
export function highlightSupported(win: Window): boolean {
  const g = win as unknown as HighlightGlobals;
  return typeof g.Highlight === 'function' && !!g.CSS?.highlights && typeof g.CSSStyleSheet === 'function';
}

/**
 * Takes `ranges` out of the page's highlights (they no longer cover the words they were placed on);
 * the Highlighter that registered them sees the same highlight objects.
 */
export function dropHighlights(doc: Document, ranges: readonly Range[]): void {
  const registry = (doc.defaultView as unknown as HighlightGlobals).CSS?.highlights;
  if (!registry) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) {
    const highlight = registry.get(name) as { delete(range: Range): boolean } | undefined;
    if (highlight) for (const range of ranges) highlight.delete(range);
  }
}

export class Highlighter {
  private readonly registered = new Map<HighlightKind, object>();
  private readonly sheet: CSSStyleSheet;

  constructor(
    private readonly doc: Document,
    style: HighlightStyle,
  ) {
    const g = doc.defaultView as unknown as HighlightGlobals;
    this.sheet = new g.CSSStyleSheet!();
    this.setStyle(style);
  }

  setStyle(style: HighlightStyle): void {
    this.sheet.replaceSync(CSS_BY_STYLE[style]);
    this.adopt();
  }

  /** Replaces the ranges of one kind; an empty list removes the highlight. */
  set(kind: HighlightKind, ranges: Range[]): void {
    const g = this.doc.defaultView as unknown as HighlightGlobals;
    const registry = g.CSS!.highlights!;
    const name = HIGHLIGHT_NAMES[kind];
    if (ranges.length === 0) {
      registry.delete(name);
      this.registered.delete(kind);
      return;
    }
    const h = new g.Highlight!(...ranges);
    // Conflicts paint over the passage they sit in.
    h.priority = kind === 'conflict' ? 2 : kind === 'saved' ? 1 : 0;
    registry.set(name, h);
    this.registered.set(kind, h);
  }

  /** Puts back highlights and the sheet if the page removed them. */
  refresh(): void {
    const registry = (this.doc.defaultView as unknown as HighlightGlobals).CSS!.highlights!;
    for (const [kind, h] of this.registered) {
      if (registry.get(HIGHLIGHT_NAMES[kind]) !== h) registry.set(HIGHLIGHT_NAMES[kind], h);
    }
    this.adopt();
  }

  private adopt(): void {
    const sheets = this.doc.adoptedStyleSheets;
    if (!sheets.includes(this.sheet)) this.doc.adoptedStyleSheets = [...sheets, this.sheet];
  }

  destroy(): void {
    const registry = (this.doc.defaultView as unknown as HighlightGlobals).CSS?.highlights;
    for (const kind of this.registered.keys()) registry?.delete(HIGHLIGHT_NAMES[kind]);
    this.registered.clear();
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet);
  }
}
