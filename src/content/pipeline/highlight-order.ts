/**
 * The page's highlights in reading order, and stepping through them with the keyboard: from the open
 * card, or, with none open, from where the reader is (the first highlight in or below the viewport).
 */

export type StepDirection = 'next' | 'previous';

/** Sorts by where each range starts in the document; equal starts keep their order (claims first). */
export function inDocumentOrder<T extends { range: Range }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    try {
      return (
        a.range.compareBoundaryPoints(Range.START_TO_START, b.range) ||
        a.range.compareBoundaryPoints(Range.END_TO_END, b.range)
      );
    } catch {
      return 0;
    }
  });
}

/** One step from `from` among `count` items, wrapping around at either end. */
export function stepFrom(from: number, direction: StepDirection, count: number): number {
  if (count <= 0) return -1;
  return (from + (direction === 'next' ? 1 : -1) + count) % count;
}

/**
 * Where the first step goes when no card is open: `next` → the first highlight not above the viewport;
 * `previous` → the last one not below it. `tops`/`bottoms` are the ranges' client coordinates.
 */
export function firstStep(
  boxes: readonly { top: number; bottom: number }[],
  direction: StepDirection,
  viewportHeight: number,
): number {
  if (boxes.length === 0) return -1;
  if (direction === 'next') {
    const i = boxes.findIndex((b) => b.bottom > 0);
    return Math.max(i, 0);
  }
  for (let i = boxes.length - 1; i >= 0; i--) if (boxes[i]!.top < viewportHeight) return i;
  return boxes.length - 1;
}

/** Scrolls so the range sits in the upper third of the viewport, leaving room for its card below. */
export function scrollRangeIntoView(range: Range, win: Window): void {
  const start = range.startContainer;
  const element = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
  // Brings a scrolling container's content into view first; the window is adjusted next.
  element?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const box = range.getBoundingClientRect();
  const height = win.innerHeight;
  if (box.top < height * 0.1 || box.bottom > height * 0.55) {
    win.scrollBy({ top: box.top - height * 0.3, behavior: 'instant' });
  }
}
