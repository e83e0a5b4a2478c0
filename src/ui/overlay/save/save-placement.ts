/**
 * Where the Save button goes: next to the end of the selection, never over the selected text (so the
 * reader still sees what they are about to save, and the button hides no word of it). Below the last
 * line first, then above the first line, then beside the ends; none of them fitting in the viewport
 * (the selection scrolled away) hides the button. Pure geometry, unit-tested without a browser.
 */
import type { Box, Viewport } from '../placement';

export interface Size {
  width: number;
  height: number;
}

const GAP = 6;
const MARGIN = 4;

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function clampLeft(left: number, size: Size, viewport: Viewport): number {
  return Math.min(Math.max(left, MARGIN), Math.max(MARGIN, viewport.width - MARGIN - size.width));
}

/**
 * The button's top-left corner for a selection whose line boxes are `rects` (client coordinates, in
 * document order), or null when no place next to it is on screen without covering it.
 */
export function placeSaveButton(
  rects: readonly Box[],
  size: Size,
  viewport: Viewport,
): { top: number; left: number } | null {
  const boxes = rects.filter((r) => r.right > r.left || r.bottom > r.top);
  const first = boxes[0];
  const last = boxes[boxes.length - 1];
  if (!first || !last) return null;
  const middle = (r: Box) => r.top + (r.bottom - r.top - size.height) / 2;
  const candidates = [
    { top: last.bottom + GAP, left: clampLeft(last.right - size.width / 2, size, viewport) },
    { top: first.top - GAP - size.height, left: clampLeft(first.left - size.width / 2, size, viewport) },
    { top: middle(last), left: last.right + GAP },
    { top: middle(first), left: first.left - GAP - size.width },
  ];
  for (const c of candidates) {
    const box = { top: c.top, left: c.left, bottom: c.top + size.height, right: c.left + size.width };
    const inside =
      box.top >= MARGIN &&
      box.left >= MARGIN &&
      box.bottom <= viewport.height - MARGIN &&
      box.right <= viewport.width - MARGIN;
    if (inside && !boxes.some((r) => overlaps(box, r))) return c;
  }
  return null;
}
