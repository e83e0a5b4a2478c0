/**
 * Shows the note and tags of a saved passage next to its highlight, in the cards' shadow root. It sits
 * above the passage (a claim card opened by the same click goes below it), and holds its layer only
 * while shown. DOM only: src/content/pipeline/saved-notes.ts decides when.
 */
import { render } from 'preact';
import type { Box, Viewport } from '../placement';
import { acquireLayer, type Layer } from '../shared-host';
import type { Translate } from '../strings';
import { SavedNote, type SavedNoteModel } from './SavedNote';
import { layoutNote } from './save-layout';

export interface SavedNoteUi {
  show(anchor: () => Box[], model: SavedNoteModel): void;
  hide(): void;
  shown(): boolean;
}

export function mountSavedNote(
  doc: Document,
  signal: AbortSignal,
  options: { t: Translate; locale: string },
): SavedNoteUi {
  const win = doc.defaultView ?? window;
  let layer: Layer | null = null;
  let open: { anchor: () => Box[]; model: SavedNoteModel } | null = null;
  let listening: AbortController | null = null;
  let frame = 0;

  const viewport = (): Viewport => ({
    width: doc.documentElement.clientWidth || win.innerWidth,
    height: win.innerHeight,
  });
  const position = () => {
    const el = layer?.container.querySelector<HTMLElement>('.saved-note');
    if (open && el) layoutNote(el, open.anchor(), viewport());
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
      if (layer) {
        render(null, layer.container);
        layer.release();
        layer = null;
      }
      listening?.abort();
      listening = null;
      return;
    }
    layer ??= acquireLayer(doc, 'saved-note');
    layer.attach();
    render(
      <SavedNote t={options.t} locale={options.locale} model={open.model} onClose={() => ui.hide()} />,
      layer.container,
    );
    position();
    if (!listening) {
      listening = new AbortController();
      const opts = { capture: true, passive: true, signal: listening.signal };
      win.addEventListener('scroll', schedule, opts);
      win.addEventListener('resize', schedule, opts);
    }
  };

  const ui: SavedNoteUi = {
    show(anchor, model) {
      if (signal.aborted) return;
      open = { anchor, model };
      paint();
    },
    hide() {
      if (!open) return;
      open = null;
      paint();
    },
    shown: () => open !== null,
  };
  signal.addEventListener(
    'abort',
    () => {
      if (frame) win.cancelAnimationFrame(frame);
      open = null;
      paint();
    },
    { once: true },
  );
  return ui;
}
