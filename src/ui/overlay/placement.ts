/**
 * Where a card goes. It never covers the text it explains: below the highlight's last line, or above
 * its first line when there is no room below, inside the viewport; when neither side fits, the larger
 * side and the card scrolls. Narrow viewports get a full-width panel at the edge away from the text.
 * Pure geometry, so it is unit-tested without a browser.
 */

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface Placement {
  mode: 'float' | 'panel';
  side: 'below' | 'above';
  top: number;
  left: number;
  width: number;
  maxHeight: number;
}

/** Below this viewport width the card becomes a panel. */
export const NARROW_WIDTH = 480;
export const CARD_WIDTH = 380;
const GAP = 8;
const MARGIN = 8;
/** A card shorter than this is not worth showing on the small side: take the larger one. */
const MIN_HEIGHT = 96;

/** The width a card will have in this viewport (measure its height at this width). */
export function cardWidth(viewport: Viewport): number {
  return viewport.width < NARROW_WIDTH ? viewport.width : Math.min(CARD_WIDTH, viewport.width - 2 * MARGIN);
}

/**
 * Places a card of natural height `height` (measured at `cardWidth(viewport)`) next to the highlight
 * whose line boxes are `rects` (client coordinates, in order). With no rects, the card is centred low.
 */
export function placeCard(rects: readonly Box[], height: number, viewport: Viewport): Placement {
  const width = cardWidth(viewport);
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) {
    const maxHeight = Math.max(MIN_HEIGHT, viewport.height - 2 * MARGIN);
    const top = Math.max(MARGIN, viewport.height - MARGIN - Math.min(height, maxHeight));
    return { mode: 'float', side: 'below', top, left: (viewport.width - width) / 2, width, maxHeight };
  }
  const textTop = Math.min(...rects.map((r) => r.top));
  const textBottom = Math.max(...rects.map((r) => r.bottom));

  if (viewport.width < NARROW_WIDTH) {
    // Panel at the edge farther from the text, never reaching it.
    const roomBelow = viewport.height - (textBottom + GAP);
    const roomAbove = textTop - GAP;
    const below = roomBelow >= Math.min(height, viewport.height * 0.6) || roomBelow >= roomAbove;
    // Text that fills the screen leaves no room: then the panel takes a minimum height anyway.
    const room = Math.max(MIN_HEIGHT, below ? roomBelow : roomAbove);
    const maxHeight = Math.min(room, Math.round(viewport.height * 0.6));
    const shown = Math.min(height, maxHeight);
    return {
      mode: 'panel',
      side: below ? 'below' : 'above',
      top: below ? viewport.height - shown : 0,
      left: 0,
      width,
      maxHeight,
    };
  }

  const limit = viewport.height - 2 * MARGIN;
  const belowTop = last.bottom + GAP;
  const roomBelow = viewport.height - MARGIN - belowTop;
  const aboveBottom = first.top - GAP;
  const roomAbove = aboveBottom - MARGIN;
  const fitsBelow = height <= roomBelow;
  const fitsAbove = height <= roomAbove;
  let side: Placement['side'];
  if (fitsBelow) side = 'below';
  else if (fitsAbove) side = 'above';
  else side = roomBelow >= roomAbove ? 'below' : 'above';

  const room = side === 'below' ? roomBelow : roomAbove;
  // Off-screen text (scrolled away): keep the card on screen at full size.
  const offScreen = textBottom < 0 || textTop > viewport.height;
  const maxHeight = offScreen ? limit : Math.max(Math.min(room, limit), Math.min(MIN_HEIGHT, limit));
  const shown = Math.min(height, maxHeight);
  let top = side === 'below' ? belowTop : aboveBottom - shown;
  if (offScreen) top = Math.min(Math.max(top, MARGIN), viewport.height - MARGIN - shown);
  const anchor = side === 'below' ? last : first;
  const left = Math.min(Math.max(anchor.left, MARGIN), Math.max(MARGIN, viewport.width - MARGIN - width));
  return { mode: 'float', side, top, left, width, maxHeight };
}
