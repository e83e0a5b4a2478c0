/**
 * Whether a click on the Save button is the reader's own (issue 8: "a click that the page tricks the
 * user into — our UI hidden or covered — never saves"). A page can make a selection, place content over
 * our button, make the host transparent, clip or shrink it, or put the button under a resting pointer;
 * each of those is refused here. Chromium's occlusion tracking (IntersectionObserver v2, gathered by
 * save-ui.tsx) also catches what hit-testing cannot see, such as a cover that lets clicks through;
 * where there is none (Firefox), our host must be alone in the top layer (save-ui.tsx raises it there).
 */
import type { ButtonState } from '../../ui/overlay/index';
import type { DomProbe } from './captured-dom';

/** The button must stay still on screen this long before a click counts (time to see what it is). */
export const MIN_SHOWN_MS = 400;
/** A button smaller than this (the page zoomed or scaled it down) cannot be read: refuse. */
const MIN_SIZE = 12;

export type Refusal = 'untrusted' | 'too-soon' | 'covered' | 'hidden' | 'not-focused';

export interface ClickFacts {
  isTrusted: boolean;
  clientX: number;
  clientY: number;
  /** 0 for a click made with the keyboard (Enter or Space on the focused button). */
  detail: number;
}

const num = (value: string, fallback: number) => {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : fallback;
};

const none = (value: string) => value === '' || value === 'none';

/** Styles that hide or distort our UI: on the host (the page could only set them by script) or on <html>. */
function hiddenByStyle(button: ButtonState, probe: DomProbe): boolean {
  const b = probe.style(button.element);
  if (b.display === 'none' || b.visibility !== 'visible' || num(b.opacity, 1) < 1) return true;
  const h = probe.style(button.host);
  if (h.display === 'none' || h.visibility !== 'visible' || num(h.opacity, 1) < 1) return true;
  for (const property of ['filter', 'clip-path', 'mask-image', '-webkit-mask-image', 'transform']) {
    if (!none(h.getPropertyValue(property))) return true;
  }
  const root = button.host.ownerDocument.documentElement;
  const r = probe.style(root);
  // <html> filters are left alone (dark-mode tools invert the page that way); fading or clipping is not.
  if (num(r.opacity, 1) < 1) return true;
  for (const property of ['clip-path', 'mask-image', '-webkit-mask-image']) {
    if (!none(r.getPropertyValue(property))) return true;
  }
  return false;
}

/** Null when the click may save; otherwise why not. `now` is on the same clock as `button.shownAt`. */
export function checkSaveClick(
  event: ClickFacts,
  button: ButtonState,
  now: number,
  probe: DomProbe,
): Refusal | null {
  if (!event.isTrusted) return 'untrusted';
  if (now - button.shownAt < MIN_SHOWN_MS) return 'too-soon';
  if (button.visible === false) return 'covered';
  if (hiddenByStyle(button, probe)) return 'hidden';
  const box = button.element.getBoundingClientRect();
  if (box.width < MIN_SIZE || box.height < MIN_SIZE) return 'hidden';
  let x = event.clientX;
  let y = event.clientY;
  if (event.detail === 0) {
    // Keyboard activation has no pointer: the button itself must have focus, and its middle must show.
    if (button.shadow.activeElement !== button.element) return 'not-focused';
    x = box.left + box.width / 2;
    y = box.top + box.height / 2;
  }
  const doc = button.host.ownerDocument;
  if (probe.elementFromPoint(doc, x, y) !== button.host) return 'covered';
  const inner = probe.elementFromPoint(button.shadow, x, y);
  if (!inner || !(inner === button.element || button.element.contains(inner))) return 'covered';
  if (button.visible === null) {
    // No occlusion tracking (Firefox): hit-testing cannot see a cover that lets clicks through, so the
    // host must be in the top layer, above all the page's normal layers, with nothing of the page's
    // there too (a later popover, or its full-viewport ::backdrop, is drawn over ours).
    const layer = probe.topLayer?.(button.host) ?? null;
    if (layer && (!layer.hostRaised || layer.others > 0)) return 'covered';
  }
  return null;
}
