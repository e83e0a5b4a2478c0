// @vitest-environment happy-dom
/**
 * The saving UI in the page: the Save button, note editor and toast share the cards' one host and
 * closed shadow root, render page text as text, work from the keyboard (Enter in tags or Ctrl+Enter
 * saves, Escape closes and returns focus), keep key presses from the page, and leave with the last
 * thing shown. The closed root is reached by wrapping attachShadow before mounting, as in overlay.test.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG, mountOverlay, mountSaveUi, type SaveUi } from '../../../src/ui/overlay/index';
import type { Box } from '../../../src/ui/overlay/placement';
import { index, t } from './helpers';

let shadow: ShadowRoot | null = null;
let controller: AbortController;
const original = Element.prototype.attachShadow;
const anchor = (): Box[] => [{ top: 100, left: 100, bottom: 120, right: 300 }];

beforeEach(() => {
  document.body.innerHTML = '<p id="p">Some page text.</p><button id="page-button">page</button>';
  shadow = null;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    shadow = original.call(this, init);
    return shadow;
  });
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const hosts = () => document.querySelectorAll(HOST_TAG).length;
const q = <E extends Element = HTMLElement>(selector: string) => shadow?.querySelector<E>(selector) ?? null;
const mount = (extra: { now?: () => number; toastMs?: number } = {}): SaveUi =>
  mountSaveUi(document, controller.signal, { t, ...extra });
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }),
  );
const type = (el: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('the Save button', () => {
  it('adds no element until something is shown, then one host that leaves when it is hidden', () => {
    const ui = mount();
    expect(hosts()).toBe(0);
    ui.showButton(anchor, () => {});
    expect(hosts()).toBe(1);
    const button = q('[data-testid="save-passage"]')!;
    expect(button.localName).toBe('button');
    expect(button.textContent).toBe('Save');
    expect(button.getAttribute('aria-label')).toBe(t('saveButtonTitle'));
    ui.hideButton();
    expect(hosts()).toBe(0);
  });

  it('shares the cards’ host and closed shadow root', () => {
    const overlay = mountOverlay(document, controller.signal, { t, pack: index });
    const cardsShadow = shadow;
    const ui = mount();
    ui.showButton(anchor, () => {});
    expect(hosts()).toBe(1);
    expect(ui.host()).toBe(overlay.host);
    expect(shadow).toBe(cardsShadow);
    expect(overlay.host.shadowRoot).toBeNull();
    ui.hideButton();
    // The cards still hold the host.
    expect(hosts()).toBe(1);
    overlay.destroy();
    expect(hosts()).toBe(0);
  });

  it('keeps the selection: presses on the button do nothing by default', () => {
    const ui = mount();
    ui.showButton(anchor, () => {});
    const button = q('[data-testid="save-passage"]')!;
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    button.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
  });

  it('hands a click to the content side with what the click check needs', () => {
    let clock = 1000;
    const ui = mount({ now: () => clock });
    const onActivate = vi.fn();
    ui.showButton(anchor, onActivate);
    clock = 1500;
    const button = q<HTMLButtonElement>('[data-testid="save-passage"]')!;
    button.click();
    expect(onActivate).toHaveBeenCalledTimes(1);
    const state = onActivate.mock.calls[0]![1];
    expect(state.element).toBe(button);
    expect(state.host).toBe(ui.host());
    expect(state.shadow).toBe(shadow);
    expect(state.shownAt).toBe(1000);
  });

  it('is not rendered where it would have no room next to the text', () => {
    const ui = mount();
    ui.showButton(
      () => [{ top: -400, left: 0, bottom: -380, right: 100 }],
      () => {},
    );
    expect(ui.buttonShown()).toBe(false);
    expect(q('[data-testid="save-passage"]')!.classList.contains('measuring')).toBe(true);
  });
});

describe('the note editor', () => {
  const quote = '<img src=x onerror=alert(1)> Judge Rachel Barkai ruled';

  it('renders the saved quote as text, its state, and moves focus to the note', () => {
    const ui = mount();
    document.getElementById('page-button')!.focus();
    ui.openEditor(anchor, { status: 'saving', quote, error: null }, { onSubmit: () => {} });
    const editor = q('[data-testid="note-editor"]')!;
    expect(editor.getAttribute('role')).toBe('dialog');
    expect(editor.getAttribute('aria-label')).toBe(t('saveEditorLabel'));
    expect(editor.querySelector('.saved-quote')!.textContent).toBe(quote);
    expect(editor.querySelector('img')).toBeNull();
    expect(editor.querySelector('[role="status"]')!.textContent).toBe('Saving…');
    expect(q<HTMLButtonElement>('[data-testid="note-submit"]')!.disabled).toBe(true);
    expect(shadow!.activeElement).toBe(q('[data-testid="note-input"]'));
    ui.updateEditor({ status: 'saved' });
    expect(editor.querySelector('[role="status"]')!.textContent).toBe('Saved to your library');
    expect(q<HTMLButtonElement>('[data-testid="note-submit"]')!.disabled).toBe(false);
  });

  it('Enter in the tags field and Ctrl+Enter in the note submit what was typed', () => {
    const ui = mount();
    const onSubmit = vi.fn();
    ui.openEditor(anchor, { status: 'saved', quote, error: null }, { onSubmit });
    type(q<HTMLTextAreaElement>('[data-testid="note-input"]')!, 'line one\nline two');
    type(q<HTMLInputElement>('[data-testid="tags-input"]')!, 'court, Barkai');
    key(q('[data-testid="note-input"]')!, 'Enter');
    expect(onSubmit).not.toHaveBeenCalled();
    key(q('[data-testid="tags-input"]')!, 'Enter');
    expect(onSubmit).toHaveBeenLastCalledWith('line one\nline two', 'court, Barkai');
    key(q('[data-testid="note-input"]')!, 'Enter', { ctrlKey: true });
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('shows the background’s error as text, and offers to retry when the passage was not stored', () => {
    const ui = mount();
    ui.openEditor(anchor, { status: 'saving', quote, error: null }, { onSubmit: () => {} });
    ui.updateEditor({ status: 'failed', error: 'storage is full <b>now</b>' });
    const error = q('[data-testid="note-error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('storage is full <b>now</b>');
    expect(error.querySelector('b')).toBeNull();
    expect(q('[data-testid="note-submit"]')!.textContent).toBe(t('saveRetry'));
  });

  it('Escape closes it, returns focus to the page, and key presses never reach the page', () => {
    const ui = mount();
    const pageButton = document.getElementById('page-button')!;
    pageButton.focus();
    const onClose = vi.fn();
    ui.openEditor(anchor, { status: 'saved', quote, error: null }, { onSubmit: () => {}, onClose });
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    key(q('[data-testid="note-input"]')!, 'j');
    expect(pageKeys).not.toHaveBeenCalled();
    key(q('[data-testid="note-input"]')!, 'Escape');
    document.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
    expect(q('[data-testid="note-editor"]')).toBeNull();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(pageButton);
    expect(hosts()).toBe(0);
  });

  it('replaces the button: one thing next to the selection at a time', () => {
    const ui = mount();
    ui.showButton(anchor, () => {});
    ui.openEditor(anchor, { status: 'saving', quote, error: null }, { onSubmit: () => {} });
    expect(q('[data-testid="save-passage"]')).toBeNull();
    expect(q('[data-testid="note-editor"]')).not.toBeNull();
  });

  it('becomes a full-width panel on a narrow viewport', () => {
    const width = vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(360);
    const ui = mount();
    ui.openEditor(anchor, { status: 'saved', quote, error: null }, { onSubmit: () => {} });
    const editor = q('[data-testid="note-editor"]')!;
    expect(editor.classList.contains('panel')).toBe(true);
    expect(editor.style.getPropertyValue('width')).toBe('360px');
    width.mockRestore();
  });
});

describe('toasts', () => {
  it('say something briefly as a status, then leave with the host', () => {
    vi.useFakeTimers();
    const ui = mount({ toastMs: 1000 });
    ui.toast('Select a passage first');
    const toast = q('[data-testid="save-toast"]')!;
    expect(toast.getAttribute('role')).toBe('status');
    expect(toast.textContent).toBe('Select a passage first');
    vi.advanceTimersByTime(999);
    expect(hosts()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(hosts()).toBe(0);
  });

  it('everything leaves when the signal aborts', () => {
    const ui = mount();
    ui.showButton(anchor, () => {});
    ui.toast('x');
    controller.abort();
    expect(hosts()).toBe(0);
  });
});
