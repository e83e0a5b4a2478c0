/**
 * One host for everything NSO Lens shows inside a page — cards, the Save button, the note editor,
 * toasts — so they share one closed shadow root and the page gains one element at most. Each part
 * takes a layer (its own container in that root) while it shows something and releases it after; the
 * host leaves the page with its last layer, so a page where nothing is shown keeps exactly its own DOM.
 */
import { adoptStyles, createHost } from './host';
import { SAVE_CSS } from './save/save-styles';
import { OVERLAY_CSS } from './styles';

export interface Layer {
  /** The shared host: events whose target is it came from one of our layers. */
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** This layer's container inside the shadow root (class "root"). */
  readonly container: HTMLElement;
  /** Puts the host back at the end of <html> if the page removed it. */
  attach(): void;
  /** Removes this layer's container; the last release removes the host. Safe to call twice. */
  release(): void;
}

interface Shared {
  host: HTMLElement;
  shadow: ShadowRoot;
  layers: number;
}

const shared = new WeakMap<Document, Shared>();

/** The host while any layer is shown, else null: events whose target it is came from our UI. */
export function sharedHost(doc: Document): HTMLElement | null {
  return shared.get(doc)?.host ?? null;
}

/** Takes a layer in `doc`'s host, creating (and inserting) the host when it is the first. */
export function acquireLayer(doc: Document, name: string): Layer {
  let s = shared.get(doc);
  if (!s) {
    const { host, shadow } = createHost(doc);
    // Styled and filled before insertion: the page sees one mutation.
    adoptStyles(doc, shadow, OVERLAY_CSS + SAVE_CSS);
    s = { host, shadow, layers: 0 };
    shared.set(doc, s);
  }
  const state = s;
  const container = doc.createElement('div');
  container.className = `root layer-${name}`;
  state.shadow.append(container);
  state.layers += 1;
  const attach = () => {
    if (!state.host.isConnected) doc.documentElement.append(state.host);
  };
  attach();
  let released = false;
  return {
    host: state.host,
    shadow: state.shadow,
    container,
    attach,
    release() {
      if (released) return;
      released = true;
      container.remove();
      state.layers -= 1;
      if (state.layers === 0) {
        state.host.remove();
        shared.delete(doc);
      }
    },
  };
}
