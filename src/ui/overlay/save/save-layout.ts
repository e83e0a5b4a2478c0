/**
 * Puts the Save button and the note editor in place (measured at their real size, then moved next to
 * the text), and watches whether the browser sees the button unobstructed. Split from save-ui.tsx,
 * which decides what is shown; this only decides where.
 */
import { type Box, cardWidth, placeCard, type Viewport } from '../placement';
import { placeSaveButton } from './save-placement';

export type Point = { top: number; left: number };

/** Moves the button next to `rects`; returns where it went, or null (left hidden: no room on screen). */
export function layoutButton(el: HTMLElement, rects: readonly Box[], view: Viewport): Point | null {
  el.classList.add('measuring');
  const at = placeSaveButton(rects, { width: el.offsetWidth, height: el.offsetHeight }, view);
  if (!at) return null;
  el.style.setProperty('top', `${Math.round(at.top)}px`);
  el.style.setProperty('left', `${Math.round(at.left)}px`);
  el.classList.remove('measuring');
  return at;
}

/** True when the button moved more than a pixel (or just appeared). */
export function moved(before: Point | null, after: Point): boolean {
  return !before || Math.abs(before.top - after.top) > 1 || Math.abs(before.left - after.left) > 1;
}

/** Places the editor like a card: below or above the saved text, never over it; a panel when narrow. */
export function layoutEditor(el: HTMLElement, rects: readonly Box[], view: Viewport): void {
  el.classList.add('measuring');
  el.style.setProperty('width', `${cardWidth(view)}px`);
  el.style.setProperty('max-height', `${view.height - 16}px`);
  const lines = rects.filter((r) => r.right > r.left || r.bottom > r.top);
  const place = placeCard(lines, el.offsetHeight, view);
  el.style.setProperty('top', `${Math.round(place.top)}px`);
  el.style.setProperty('left', `${Math.round(place.left)}px`);
  el.style.setProperty('max-height', `${Math.floor(place.maxHeight)}px`);
  el.classList.toggle('panel', place.mode === 'panel');
  el.classList.remove('measuring');
}

type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/**
 * Reports whether the browser sees `el` unobstructed (IntersectionObserver v2 `trackVisibility`,
 * Chromium): false while anything covers, fades, filters or distorts it — even a cover that lets
 * clicks through, which hit-testing cannot see. `onChange(null)` where the browser does not tell.
 * Returns the stop function.
 */
export function trackVisibility(
  win: Window,
  el: Element,
  onChange: (visible: boolean | null) => void,
): () => void {
  const IO = (win as unknown as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (!IO) return () => {};
  try {
    const init = { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
    const observer = new IO((entries) => {
      for (const entry of entries as VisibilityEntry[]) {
        onChange(typeof entry.isVisible === 'boolean' ? entry.isVisible : null);
      }
    }, init);
    observer.observe(el);
    return () => observer.disconnect();
  } catch {
    return () => {};
  }
}

const NOTE_WIDTH = 300;
const GAP = 8;
const MARGIN = 8;

/** Places a saved note above the passage's first line (below its last when there is no room above). */
export function layoutNote(el: HTMLElement, rects: readonly Box[], view: Viewport): void {
  const lines = rects.filter((r) => r.right > r.left || r.bottom > r.top);
  const width = Math.min(NOTE_WIDTH, view.width - 2 * MARGIN);
  el.classList.add('measuring');
  el.style.setProperty('width', `${width}px`);
  el.style.setProperty('max-height', `${Math.max(80, Math.round(view.height * 0.4))}px`);
  const height = el.offsetHeight;
  const first = lines[0];
  const last = lines[lines.length - 1];
  let top = view.height - MARGIN - height;
  let left = (view.width - width) / 2;
  if (first && last) {
    top = first.top - GAP - height >= MARGIN ? first.top - GAP - height : last.bottom + GAP;
    left = first.left;
  }
  left = Math.min(Math.max(left, MARGIN), Math.max(MARGIN, view.width - MARGIN - width));
  el.style.setProperty('top', `${Math.round(top)}px`);
  el.style.setProperty('left', `${Math.round(left)}px`);
  el.classList.remove('measuring');
}
