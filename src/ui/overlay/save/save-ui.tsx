/**
 * The saving UI inside the page: the Save button next to a selection, the note editor after saving,
 * and short toasts. It lives in the cards' closed shadow root (shared-host.ts) and holds its layer only
 * while something is shown. Uses only the DOM (no extension API): the content side
 * (src/content/pipeline/saving.ts) decides when to show what and talks to the background.
 */
import { createRef, render } from 'preact';
import { raiseHost } from '../host';
import type { Box, Viewport } from '../placement';
import { acquireLayer, type Layer } from '../shared-host';
import type { Translate } from '../strings';
import { type EditorModel, NoteEditor } from './NoteEditor';
import { SaveButton } from './SaveButton';
import { layoutButton, layoutEditor, moved, type Point, trackVisibility } from './save-layout';
import { Toast } from './Toast';

/** What the click check needs to know about the button that was clicked. */
export interface ButtonState {
  element: HTMLElement;
  host: HTMLElement;
  shadow: ShadowRoot;
  /** When the button last appeared or moved (the options' clock). */
  shownAt: number;
  /** The browser's occlusion tracking (IntersectionObserver v2): null where it is not available. */
  visible: boolean | null;
}

export interface EditorHandlers {
  onSubmit: (note: string, tags: string) => void;
  /** Called after the editor closed (Escape, the close button, or `closeEditor`). */
  onClose?: () => void;
}

export interface SaveUi {
  /** The shared host while something is shown, else null. */
  host(): HTMLElement | null;
  /** Shows (or moves) the button next to the text whose line boxes `anchor` gives. */
  showButton(anchor: () => Box[], onActivate: (event: MouseEvent, button: ButtonState) => void): void;
  hideButton(): void;
  buttonShown(): boolean;
  /** Opens the note editor next to the saved text (replacing any open one) and moves focus into it. */
  openEditor(anchor: () => Box[], model: EditorModel, handlers: EditorHandlers): void;
  updateEditor(patch: Partial<EditorModel>): void;
  editorOpen(): boolean;
  /** Closes the editor; focus goes back to where it was if it was in the editor. */
  closeEditor(): void;
  toast(text: string): void;
  destroy(): void;
}

export interface SaveUiOptions {
  t: Translate;
  /** Milliseconds clock (tests pass their own). */
  now?: () => number;
  /** How long a toast stays. */
  toastMs?: number;
}

interface ButtonSlot {
  anchor: () => Box[];
  onActivate: (event: MouseEvent, button: ButtonState) => void;
  shownAt: number;
  visible: boolean | null;
  at: Point | null;
  stopTracking: (() => void) | null;
}

interface EditorSlot {
  key: number;
  anchor: () => Box[];
  model: EditorModel;
  handlers: EditorHandlers;
  returnFocus: Element | null;
}

export function mountSaveUi(doc: Document, signal: AbortSignal, options: SaveUiOptions): SaveUi {
  const { t } = options;
  const win = doc.defaultView ?? window;
  const now = options.now ?? (() => win.performance.now());
  const toastMs = options.toastMs ?? 3500;
  let layer: Layer | null = null;
  let button: ButtonSlot | null = null;
  let editor: EditorSlot | null = null;
  let toastText: string | null = null;
  let toastTimer = 0;
  let editorKeys = 0;
  let frame = 0;
  let listening: AbortController | null = null;
  const buttonRef = createRef<HTMLButtonElement>();

  const viewport = (): Viewport => ({
    width: doc.documentElement.clientWidth || win.innerWidth,
    height: win.innerHeight,
  });
  const editorElement = () => layer?.container.querySelector<HTMLElement>('.note-editor') ?? null;

  const positionButton = () => {
    const el = buttonRef.current;
    if (!button || !el) return;
    const at = layoutButton(el, button.anchor(), viewport());
    // A button that moves under a resting pointer must not take a click at once (see click-guard.ts).
    if (at && moved(button.at, at)) button.shownAt = now();
    button.at = at;
  };

  const positionEditor = () => {
    const el = editorElement();
    if (editor && el) layoutEditor(el, editor.anchor(), viewport());
  };

  const position = () => {
    positionButton();
    positionEditor();
  };

  const schedule = () => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      position();
    });
  };

  const paint = () => {
    const showing = button !== null || editor !== null || toastText !== null;
    if (!showing) {
      if (layer) {
        render(null, layer.container);
        layer.release();
        layer = null;
      }
      listening?.abort();
      listening = null;
      return;
    }
    layer ??= acquireLayer(doc, 'save');
    layer.attach();
    const slot = button;
    render(
      <>
        {slot && (
          <SaveButton
            t={t}
            buttonRef={buttonRef}
            onActivate={(event) => {
              const el = buttonRef.current;
              if (!el || !layer || button !== slot) return;
              slot.onActivate(event, {
                element: el,
                host: layer.host,
                shadow: layer.shadow,
                shownAt: slot.shownAt,
                visible: slot.visible,
              });
            }}
          />
        )}
        {editor && (
          <NoteEditor
            key={editor.key}
            t={t}
            model={editor.model}
            onSubmit={(note, tags) => editor?.handlers.onSubmit(note, tags)}
            onClose={() => ui.closeEditor()}
          />
        )}
        {toastText !== null && <Toast text={toastText} />}
      </>,
      layer.container,
    );
    if (slot && !slot.stopTracking && buttonRef.current) {
      slot.stopTracking = trackVisibility(win, buttonRef.current, (visible) => {
        slot.visible = visible;
      });
    }
    // In the top layer, no page layer is drawn over the button (the click check relies on it in Firefox).
    raiseHost(layer.host);
    position();
    if (!listening) {
      listening = new AbortController();
      const opts = { capture: true, passive: true, signal: listening.signal };
      win.addEventListener('scroll', schedule, opts);
      win.addEventListener('resize', schedule, opts);
    }
  };

  const dropButton = () => {
    button?.stopTracking?.();
    button = null;
  };

  const focusInEditor = () => {
    const el = editorElement();
    return !!layer && !!el && doc.activeElement === layer.host && el.contains(layer.shadow.activeElement);
  };

  const ui: SaveUi = {
    host: () => layer?.host ?? null,
    showButton(anchor, onActivate) {
      if (signal.aborted) return;
      if (button) {
        button.anchor = anchor;
        button.onActivate = onActivate;
        positionButton();
        return;
      }
      button = { anchor, onActivate, shownAt: now(), visible: null, at: null, stopTracking: null };
      paint();
    },
    hideButton() {
      if (!button) return;
      dropButton();
      paint();
    },
    buttonShown: () => button?.at != null,
    openEditor(anchor, model, handlers) {
      if (signal.aborted) return;
      const active = doc.activeElement;
      const returnFocus = editor?.returnFocus ?? (active && active !== layer?.host ? active : null);
      dropButton();
      editorKeys += 1;
      editor = { key: editorKeys, anchor, model, handlers, returnFocus };
      paint();
    },
    updateEditor(patch) {
      if (!editor) return;
      editor = { ...editor, model: { ...editor.model, ...patch } };
      paint();
    },
    editorOpen: () => editor !== null,
    closeEditor() {
      if (!editor) return;
      const hadFocus = focusInEditor();
      const { returnFocus, handlers } = editor;
      editor = null;
      paint();
      if (hadFocus) {
        const target = returnFocus as HTMLElement | null;
        if (target?.isConnected && typeof target.focus === 'function') target.focus({ preventScroll: true });
        else if (layer && doc.activeElement === layer.host) layer.host.blur();
      }
      handlers.onClose?.();
    },
    toast(text) {
      if (signal.aborted) return;
      toastText = text;
      if (toastTimer) win.clearTimeout(toastTimer);
      toastTimer = win.setTimeout(() => {
        toastTimer = 0;
        toastText = null;
        paint();
      }, toastMs);
      paint();
    },
    destroy() {
      dropButton();
      editor = null;
      toastText = null;
      if (toastTimer) win.clearTimeout(toastTimer);
      if (frame) win.cancelAnimationFrame(frame);
      paint();
    },
  };
  signal.addEventListener('abort', () => ui.destroy(), { once: true });
  return ui;
}
