/**
 * The cards' controller: turns the pipeline's placed highlights into overlay items and wires the
 * page's events to the overlay (src/ui/overlay). Hover (after a short delay), focus or click on
 * highlighted text opens its card; click pins it; the keyboard shortcuts the background relays, and
 * J/K/Escape inside a card, step through the highlights. The overlay's host exists only while there
 * is at least one highlight. Listeners: pointermove (work done at most once a frame), click, focusin
 * and keydown on the document, all gone with the signal or `clear()`.
 */
import type { Analysis } from '../../core/match/findings';
import { dropHighlights } from '../../dom/highlighter';
import { t, uiLanguage } from '../../platform/i18n';
import { onBackgroundRequest } from '../../platform/runtime';
import { raiseHost } from '../../ui/overlay/host';
import { mountOverlay, type OpenOptions, type Overlay, type OverlayItem } from '../../ui/overlay/index';
import { loadedPipeline } from './handle';
import {
  firstStep,
  inDocumentOrder,
  type StepDirection,
  scrollRangeIntoView,
  stepFrom,
} from './highlight-order';
import { type HitTarget, targetAt, targetWithin } from './hit-test';
import { createHoverIntent, type HoverIntent } from './hover-intent';
import { watchHighlights } from './stale-highlights';

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
  // Comparing DOM positions costs about a microsecond a pair: thousands of highlights (a 1 MB page)
  // would hold the page for tens of milliseconds. Their text offsets give the same reading order.
  return items.length > DOM_ORDER_MAX
    ? items.sort((a, b) => a.match.start - b.match.start || a.match.end - b.match.end)
    : inDocumentOrder(items);
}

/** Up to this many highlights are ordered by their DOM positions; more by their text offsets. */
const DOM_ORDER_MAX = 300;

/** Opens a card and puts the host in the top layer, where no page layer covers it (host.ts). */
function openOnTop(overlay: Overlay, index: number, how: OpenOptions): void {
  if (overlay.open(index, how)) raiseHost(overlay.host);
}

/** How many times a page that keeps changing the words under our highlights is read again, and how often. */
const REREAD_LIMIT = 10;
const REREAD_SPACING_MS = 1000;

interface Session {
  overlay: Overlay;
  hover: HoverIntent;
  items: OverlayItem[];
  /** The items as hit-test targets (same order), made once per update rather than per frame. */
  targets: HitTarget[];
  stop: AbortController;
}

export function createCardController(doc: Document, signal: AbortSignal): CardController {
  const win = doc.defaultView ?? window;
  let session: Session | null = null;
  /** The open card was opened because a highlighted element got focus: focus elsewhere closes it. */
  let openedByFocus = false;

  const step = (direction: StepDirection) => {
    if (!session || session.items.length === 0) return;
    const { overlay, items } = session;
    const current = overlay.current();
    const index = current
      ? stepFrom(current.index, direction, items.length)
      : firstStep(
          items.map((i) => i.range.getBoundingClientRect()),
          direction,
          win.innerHeight,
        );
    const item = items[index];
    if (!item) return;
    session.hover.cancel();
    scrollRangeIntoView(item.range, win);
    openedByFocus = false;
    openOnTop(overlay, index, { pinned: true, focus: true });
  };

  const start = (): Session => {
    const stop = new AbortController();
    const scope = AbortSignal.any([signal, stop.signal]);
    let hover: HoverIntent | null = null;
    const overlay = mountOverlay(doc, scope, {
      t,
      locale: uiLanguage(),
      onStep: step,
      onCardPointer: (inside) => hover?.onCard(inside),
    });
    hover = createHoverIntent({
      current: () => overlay.current(),
      open: (index) => {
        openedByFocus = false;
        openOnTop(overlay, index, { pinned: false, focus: false });
      },
      close: () => overlay.close(),
    });
    const created: Session = { overlay, hover, items: [], targets: [], stop };
    const hit = (x: number, y: number) => targetAt(doc, created.targets, x, y);
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
          // Over the card, the card's own pointerenter/leave decide.
          if (!last.onHost) hover?.over(hit(last.x, last.y));
        });
      },
      on,
    );
    doc.documentElement.addEventListener('pointerleave', () => hover?.over(null), on);

    doc.addEventListener(
      'click',
      (event) => {
        if (event.target === overlay.host || event.button !== 0) return;
        // A drag that selected text is not a request for a card.
        if (win.getSelection()?.isCollapsed === false) return;
        const index = hit(event.clientX, event.clientY);
        hover?.cancel();
        if (index !== null) {
          openedByFocus = false;
          // Pinned, but focus stays with the page: a click in the text is often just a click.
          // Escape still closes it; the shortcut opens cards with focus for keyboard use.
          openOnTop(overlay, index, { pinned: true, focus: false });
        } else if (overlay.current()) overlay.close();
      },
      on,
    );

    // Keyboard users tabbing onto a highlighted link see its card, without focus leaving the link.
    doc.addEventListener(
      'focusin',
      (event) => {
        const target = event.target as Node | null;
        if (!target || target === overlay.host || typeof target.nodeType !== 'number') return;
        const current = overlay.current();
        if (current?.pinned) return;
        const index = targetWithin(created.targets, target);
        if (index >= 0) {
          openedByFocus = true;
          openOnTop(overlay, index, { pinned: false, focus: false });
        } else if (current && openedByFocus) overlay.close();
      },
      on,
    );

    // Escape closes a card without focus (hover, click); inside a card, the card handles it.
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
        hover?.cancel();
        if (frame) win.cancelAnimationFrame(frame);
      },
      { once: true },
    );
    return created;
  };

  // The background relays the keyboard shortcuts (manifest "commands") to the top frame.
  onBackgroundRequest((message) => {
    if (message.type === 'step-highlight') step(message.payload.direction);
  }, signal);

  let stopWatching: (() => void) | null = null;
  /** Reads of the page asked for because it changed under the highlights: spaced, and only so many. */
  let rereads = 0;
  let lastReread = Number.NEGATIVE_INFINITY;
  let rereadTimer: ReturnType<typeof setTimeout> | undefined;
  const reread = () => {
    if (rereads >= REREAD_LIMIT || rereadTimer !== undefined || signal.aborted) return;
    rereadTimer = setTimeout(
      () => {
        rereadTimer = undefined;
        if (signal.aborted) return;
        rereads++;
        lastReread = Date.now();
        loadedPipeline()?.rerun();
      },
      Math.max(0, lastReread + REREAD_SPACING_MS - Date.now()),
    );
  };
  signal.addEventListener('abort', () => clearTimeout(rereadTimer), { once: true });

  const clear = () => {
    stopWatching?.();
    stopWatching = null;
    session?.stop.abort();
    session = null;
    openedByFocus = false;
  };

  const show = (items: OverlayItem[], article: Analysis['article']) => {
    if (items.length === 0 || signal.aborted) {
      clear();
      return;
    }
    session ??= start();
    session.items = items;
    session.targets = items.map((i) => ({
      kind: i.kind,
      range: i.range,
      length: i.match.end - i.match.start,
    }));
    session.overlay.update(items, article);
  };

  /**
   * The page changed the words under some highlights (it rendered them again, or rewrote them): those
   * highlights and their cards go at once, and the page is read again — at most once a second and
   * REREAD_LIMIT times (a page that renders every second is not read forever; after that, what it
   * spoils is simply gone).
   */
  const onStale = (items: OverlayItem[], article: Analysis['article'], stale: number[]) => {
    dropHighlights(
      doc,
      stale.map((i) => items[i]!.range),
    );
    const gone = new Set(stale.map((i) => items[i]));
    show(
      (session?.items ?? []).filter((item) => !gone.has(item)),
      article,
    );
    reread();
  };

  return {
    update(placed, analysis) {
      const items = toItems(placed, analysis);
      stopWatching?.();
      stopWatching = null;
      show(items, analysis.article);
      if (session) {
        const watched = items.map((i) => ({
          range: i.range,
          text: i.kind === 'claim' ? i.match.quote : i.match.found,
        }));
        stopWatching = watchHighlights(
          doc,
          watched,
          (stale) => onStale(items, analysis.article, stale),
          session.stop.signal,
        );
      }
    },
    clear,
  };
}
