/**
 * The cards' controller: turns the pipeline's placed highlights into overlay items and wires the
 * page's events to the overlay (src/ui/overlay). Hover (after a short delay), focus or click on
 * highlighted text opens its card; click pins it; keyboard shortcuts relayed by the background, and
 * J/K/Escape inside a card, step through the highlights. The overlay's host exists only while there
 * is at least one highlight; listeners are one pointermove (work done once a frame), click, focusin
 * and keydown, all gone with the signal or `clear()`.
 */
import type { Analysis } from '../../core/match/findings';
import { t, uiLanguage } from '../../platform/i18n';
import { onBackgroundRequest } from '../../platform/runtime';
import { mountOverlay, type Overlay, type OverlayItem } from '../../ui/overlay/index';
import {
  firstStep,
  inDocumentOrder,
  type StepDirection,
  scrollRangeIntoView,
  stepFrom,
} from './highlight-order';
import { targetAt } from './hit-test';

/** What the pipeline placed (its PlacedItem): an index into the analysis's matches or conflicts. */
export interface PlacedRange {
  kind: 'claim' | 'conflict';
  index: number;
  range: Range;
}

export interface CardController {
  /** Shows cards for these highlights; none removes the overlay host from the page. */
  update(placed: readonly PlacedRange[], analysis: Analysis): void;
  /** Removes the overlay and its listeners (the pipeline cleared its highlights). */
  clear(): void;
}

const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 400;

function toItems(placed: readonly PlacedRange[], analysis: Analysis): OverlayItem[] {
  const items: OverlayItem[] = [];
  for (const p of placed) {
    if (p.kind === 'claim') {
      const match = analysis.matches[p.index];
      if (match) items.push({ kind: 'claim', match, range: p.range });
    } else {
      const match = analysis.conflicts[p.index];
      if (match) items.push({ kind: 'conflict', match, range: p.range });
    }
  }
  return inDocumentOrder(items);
}

interface Session {
  overlay: Overlay;
  items: OverlayItem[];
  stop: AbortController;
}

export function createCardController(doc: Document, signal: AbortSignal): CardController {
  const win = doc.defaultView ?? window;
  let session: Session | null = null;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingIndex: number | null = null;
  let overCard = false;
  /** The card was opened because a highlighted element got focus. */
  let openedByFocus = false;

  const cancelOpen = () => {
    clearTimeout(openTimer);
    pendingIndex = null;
  };
  const cancelClose = () => clearTimeout(closeTimer);

  const closeSoon = () => {
    cancelClose();
    closeTimer = setTimeout(() => {
      const current = session?.overlay.current();
      if (current && !current.pinned && !current.focused && !overCard) session?.overlay.close();
    }, HOVER_CLOSE_MS);
  };

  const step = (direction: StepDirection) => {
    if (!session || session.items.length === 0) return;
    const { overlay, items } = session;
    const current = overlay.current();
    const target = current
      ? stepFrom(current.index, direction, items.length)
      : firstStep(
          items.map((i) => i.range.getBoundingClientRect()),
          direction,
          win.innerHeight,
        );
    const item = items[target];
    if (!item) return;
    cancelOpen();
    cancelClose();
    scrollRangeIntoView(item.range, win);
    openedByFocus = false;
    overlay.open(target, { pinned: true, focus: true });
  };

  const hitIndex = (x: number, y: number): number | null => {
    if (!session) return null;
    const targets = session.items.map((i) => ({
      kind: i.kind,
      range: i.range,
      length: i.match.end - i.match.start,
    }));
    return targetAt(doc, targets, x, y);
  };

  const hover = (x: number, y: number, onHost: boolean) => {
    if (!session) return;
    const { overlay } = session;
    if (onHost) {
      cancelOpen();
      cancelClose();
      return;
    }
    const index = hitIndex(x, y);
    const current = overlay.current();
    if (index === null) {
      cancelOpen();
      if (current && !current.pinned && !current.focused && !overCard) closeSoon();
      return;
    }
    cancelClose();
    if (current?.index === index || current?.pinned || current?.focused || pendingIndex === index) return;
    cancelOpen();
    pendingIndex = index;
    openTimer = setTimeout(() => {
      pendingIndex = null;
      const now = session?.overlay.current();
      if (session && !now?.pinned && !now?.focused) {
        openedByFocus = false;
        session.overlay.open(index, { pinned: false, focus: false });
      }
    }, HOVER_OPEN_MS);
  };

  const start = (): Session => {
    const stop = new AbortController();
    const scope = AbortSignal.any([signal, stop.signal]);
    const overlay = mountOverlay(doc, scope, {
      t,
      locale: uiLanguage(),
      onStep: step,
      onCardPointer: (inside) => {
        overCard = inside;
        if (inside) cancelClose();
        else closeSoon();
      },
    });
    const on = { signal: scope, passive: true } as const;

    let frame = 0;
    let last = { x: 0, y: 0, onHost: false };
    doc.addEventListener(
      'pointermove',
      (event) => {
        last = { x: event.clientX, y: event.clientY, onHost: event.target === overlay.host };
        if (frame) return;
        frame = win.requestAnimationFrame(() => {
          frame = 0;
          hover(last.x, last.y, last.onHost);
        });
      },
      on,
    );
    doc.documentElement.addEventListener('pointerleave', () => hover(-1, -1, false), on);

    doc.addEventListener(
      'click',
      (event) => {
        if (event.target === overlay.host || event.button !== 0) return;
        // A drag that selected text is not a request for a card.
        if (win.getSelection()?.isCollapsed === false) return;
        const index = hitIndex(event.clientX, event.clientY);
        cancelOpen();
        cancelClose();
        if (index !== null) {
          openedByFocus = false;
          overlay.open(index, { pinned: true, focus: true });
        } else if (overlay.current()) overlay.close();
      },
      on,
    );

    // Keyboard users tabbing onto a highlighted link see its card, without focus leaving the link.
    doc.addEventListener(
      'focusin',
      (event) => {
        const target = event.target as Node | null;
        if (!target || target === overlay.host || typeof target.nodeType !== 'number' || !session) return;
        const current = overlay.current();
        if (current?.pinned) return;
        const index =
          target === doc.body || target === doc.documentElement
            ? -1
            : session.items.findIndex((i) => i.range.intersectsNode(target));
        if (index >= 0) {
          openedByFocus = true;
          overlay.open(index, { pinned: false, focus: false });
        } else if (current && openedByFocus) overlay.close();
      },
      on,
    );

    // Escape closes a card that does not have focus (a hover card); inside a card the card handles it.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && overlay.current()) overlay.close();
      },
      on,
    );
    scope.addEventListener(
      'abort',
      () => {
        cancelOpen();
        cancelClose();
        if (frame) win.cancelAnimationFrame(frame);
      },
      { once: true },
    );
    return { overlay, items: [], stop };
  };

  // The background relays the keyboard shortcuts (manifest "commands") to the top frame.
  onBackgroundRequest((message) => {
    if (message.type === 'step-highlight') step(message.payload.direction);
  }, signal);

  const clear = () => {
    session?.stop.abort();
    session = null;
    overCard = false;
    openedByFocus = false;
  };

  return {
    update(placed, analysis) {
      const items = toItems(placed, analysis);
      if (items.length === 0 || signal.aborted) {
        clear();
        return;
      }
      session ??= start();
      session.items = items;
      session.overlay.update(items, analysis.article);
    },
    clear,
  };
}
