/**
 * The in-page cards: one host element with a closed shadow root, styles adopted there, Preact
 * rendering inside. Uses only the DOM (no extension API): the content side passes strings, and wires
 * page events to `open`/`close` (src/content/pipeline/cards.ts). Everything ends with the signal.
 */
import { render } from 'preact';
import { indexPack, type PackIndex } from '../../core/facts/index';
import { nsoPack } from '../../data/pack';
import { type ArticleInfo, type CardModel, claimCard, conflictCard } from './model/card-model';
import { cardWidth, placeCard } from './placement';
import { acquireLayer } from './shared-host';
import type { Translate } from './strings';
import type { OpenCard, OpenOptions, Overlay, OverlayItem, StepDirection } from './types';
import { Card } from './view/Card';

export interface OverlayOptions {
  t?: Translate;
  /** BCP 47 language for dates. */
  locale?: string;
  /** The pack the findings come from (default: the bundled NSO pack). */
  pack?: PackIndex;
  /** J/K or the footer buttons in a card: the content side picks the highlight and opens it. */
  onStep?: (direction: StepDirection) => void;
  /** The pointer entered or left the open card (hover cards stay open while it is over them). */
  onCardPointer?: (inside: boolean) => void;
}

let bundledPack: PackIndex | undefined;

function defaultPack(): PackIndex {
  bundledPack ??= indexPack(nsoPack);
  return bundledPack;
}

function modelFor(pack: PackIndex, item: OverlayItem, article: ArticleInfo): CardModel | null {
  return item.kind === 'claim' ? claimCard(pack, item.match) : conflictCard(pack, item.match, article);
}

function sameFinding(a: OverlayItem, b: OverlayItem): boolean {
  if (a.kind !== b.kind || a.match.start !== b.match.start || a.match.end !== b.match.end) return false;
  return a.kind === 'claim'
    ? a.match.claimId === (b.match as typeof a.match).claimId
    : a.match.conflictId === (b.match as typeof a.match).conflictId;
}

export function mountOverlay(doc: Document, signal: AbortSignal, options: OverlayOptions = {}): Overlay {
  const t: Translate = options.t ?? ((key) => key);
  const locale = options.locale ?? 'en';
  const pack = options.pack ?? defaultPack();
  const win = doc.defaultView ?? window;
  // The host and its closed root are shared with the Save button and note editor (shared-host.ts).
  const layer = acquireLayer(doc, 'cards');
  const { host, container } = layer;

  let items: readonly OverlayItem[] = [];
  let article: ArticleInfo = { title: null, outlet: null, published: null };
  let open: { index: number; pinned: boolean; model: CardModel } | null = null;
  let returnFocus: Element | null = null;
  let listening: AbortController | null = null;
  let frame = 0;
  let destroyed = false;

  const cardElement = () => container.querySelector<HTMLElement>('.card');
  const viewport = () => ({
    width: doc.documentElement.clientWidth || win.innerWidth,
    height: win.innerHeight,
  });

  const position = () => {
    const card = cardElement();
    if (!open || !card) return;
    const view = viewport();
    const width = cardWidth(view);
    card.classList.add('measuring');
    card.style.setProperty('width', `${width}px`);
    card.style.setProperty('max-height', `${view.height - 16}px`);
    const height = card.offsetHeight;
    const rects = Array.from(items[open.index]?.range.getClientRects() ?? []).filter(
      (r) => r.width > 0 || r.height > 0,
    );
    const place = placeCard(rects, height, view);
    card.style.setProperty('top', `${Math.round(place.top)}px`);
    card.style.setProperty('left', `${Math.round(place.left)}px`);
    card.style.setProperty('max-height', `${Math.floor(place.maxHeight)}px`);
    card.classList.toggle('panel', place.mode === 'panel');
    card.classList.toggle('above', place.side === 'above');
    card.classList.remove('measuring');
  };

  const schedule = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      position();
    });
  };

  const paint = () => {
    if (!open) {
      render(null, container);
      return;
    }
    render(
      <Card
        key={open.index}
        model={open.model}
        position={open.index}
        total={items.length}
        t={t}
        locale={locale}
        onClose={() => overlay.close(true)}
        onStep={(direction) => options.onStep?.(direction)}
        onPointerEnter={() => options.onCardPointer?.(true)}
        onPointerLeave={() => options.onCardPointer?.(false)}
      />,
      container,
    );
    position();
  };

  const listen = () => {
    if (listening) return;
    listening = new AbortController();
    const opts = { capture: true, passive: true, signal: listening.signal };
    // Scrolling anywhere (the page or a scrolling container) moves the text: follow it, once a frame.
    win.addEventListener('scroll', schedule, opts);
    win.addEventListener('resize', schedule, opts);
  };

  // The host is shared: focus in the note editor is not focus in a card.
  const focused = () => doc.activeElement === host && container.contains(layer.shadow.activeElement);

  const overlay: Overlay = {
    host,
    update(next, nextArticle) {
      const previous = open ? items[open.index] : undefined;
      items = next;
      article = nextArticle;
      if (!open || !previous) return;
      const index = items.findIndex((item) => sameFinding(item, previous));
      if (index < 0) overlay.close(focused());
      else {
        open = { ...open, index };
        paint();
      }
    },
    open(index, how: OpenOptions) {
      const item = items[index];
      if (destroyed || !item) return false;
      const model = modelFor(pack, item, article);
      if (!model) return false;
      // The page may have removed us: put the host back.
      layer.attach();
      if (how.focus && !focused()) returnFocus = doc.activeElement;
      open = { index, pinned: how.pinned, model };
      paint();
      listen();
      if (how.focus) cardElement()?.focus({ preventScroll: true });
      return true;
    },
    close(restoreFocus = false) {
      if (!open) return;
      const hadFocus = focused();
      open = null;
      listening?.abort();
      listening = null;
      paint();
      if (restoreFocus && hadFocus) {
        const target = returnFocus as HTMLElement | null;
        if (target?.isConnected && typeof target.focus === 'function') target.focus({ preventScroll: true });
        else if (doc.activeElement === host) host.blur();
      }
      if (hadFocus || restoreFocus) returnFocus = null;
    },
    current(): OpenCard | null {
      return open ? { index: open.index, pinned: open.pinned, focused: focused() } : null;
    },
    reposition: schedule,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      listening?.abort();
      if (frame) win.cancelAnimationFrame(frame);
      render(null, container);
      layer.release();
    },
  };
  signal.addEventListener('abort', () => overlay.destroy(), { once: true });
  return overlay;
}
