/**
 * Which highlight is under the pointer. The highlights are CSS Custom Highlight ranges, not elements,
 * so no event names them: ask the browser for the caret position at the point
 * (`caretPositionFromPoint`, or Chrome's older `caretRangeFromPoint`), keep the ranges that contain it,
 * and confirm with the ranges' line boxes (a caret snaps to the nearest text, even from the margin).
 */

export interface HitTarget {
  kind: 'claim' | 'conflict';
  range: Range;
  /** Length of the highlighted text: of two nested highlights, the shorter is the more specific. */
  length: number;
}

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/** The text position at a viewport point, or null (off the page, over no text, API missing). */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function containsPoint(range: Range, node: Node, offset: number): boolean {
  try {
    return range.isPointInRange(node, offset);
  } catch {
    // A doctype or an offset past the node's end: not in any highlight.
    return false;
  }
}

function underPoint(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/** Of two highlights at one place, the more specific: a conflict before a claim, then the shorter. */
function moreSpecific(target: HitTarget, current: HitTarget | undefined): boolean {
  return (
    !current ||
    (target.kind === 'conflict' && current.kind !== 'conflict') ||
    (target.kind === current.kind && target.length < current.length)
  );
}

/** The index of the highlight under (x, y), the most specific where several overlap; null if none. */
export function targetAt(doc: Document, targets: readonly HitTarget[], x: number, y: number): number | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  let best: number | null = null;
  targets.forEach((target, index) => {
    if (!containsPoint(target.range, caret.node, caret.offset) || !underPoint(target.range, x, y)) return;
    if (moreSpecific(target, best === null ? undefined : targets[best])) best = index;
  });
  return best;
}

/** Elements with more text than this (a <main> focused by a skip link) do not open a card on focus. */
const FOCUS_TEXT_LIMIT = 500;

/** The highlight in a focused element (a link, a button in highlighted text), or -1. */
export function targetWithin(targets: readonly HitTarget[], element: Node): number {
  if ((element.textContent?.length ?? 0) > FOCUS_TEXT_LIMIT) return -1;
  let best = -1;
  targets.forEach((target, index) => {
    if (target.range.intersectsNode(element) && moreSpecific(target, targets[best])) best = index;
  });
  return best;
}
