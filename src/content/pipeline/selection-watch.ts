/**
 * Watches the reader's selections in the page (not in our own UI, not in form fields), so the Save
 * button can follow them. Selection events come in bursts while a drag or Shift+arrow selection grows,
 * so the work runs once the selection has rested for a moment. A selection only counts as "made by the
 * reader" after their own pointer or key release: a page that selects text by script moves or hides an
 * existing button but never makes one appear.
 */
import { touchesHost } from './passage-draft';

export interface SelectionWatchOptions {
  /** Our host (selections touching it are ours, not the page's), or null while none is shown. */
  host: () => Node | null;
  /** The selection rested: its range (a copy), or null when nothing usable is selected. */
  onChange: (range: Range | null, byReader: boolean) => void;
  /** How long the selection must rest, in ms. */
  delay?: number;
}

function editable(node: Node | null): boolean {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!element && (element as HTMLElement).isContentEditable === true;
}

/** The page selection's first range if it is a usable passage selection, else null. */
export function pageSelection(win: Window, host: Node | null): Range | null {
  const selection = win.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (range.collapsed || touchesHost(range, host)) return null;
  if (editable(range.startContainer) || editable(range.endContainer)) return null;
  if (range.toString().trim() === '') return null;
  return range.cloneRange();
}

export function watchSelection(doc: Document, signal: AbortSignal, options: SelectionWatchOptions): void {
  const win = doc.defaultView ?? window;
  const delay = options.delay ?? 180;
  let timer = 0;
  let byReader = false;

  const settle = () => {
    timer = 0;
    const reader = byReader;
    byReader = false;
    options.onChange(pageSelection(win, options.host()), reader);
  };
  const schedule = () => {
    if (timer) win.clearTimeout(timer);
    timer = win.setTimeout(settle, delay);
  };
  const gesture = (event: Event) => {
    if (!event.isTrusted) return;
    const host = options.host();
    if (host && event.target === host) return;
    byReader = true;
    schedule();
  };
  const on = { signal, passive: true, capture: true } as const;
  doc.addEventListener('pointerup', gesture, on);
  doc.addEventListener('keyup', gesture, on);
  doc.addEventListener('selectionchange', schedule, on);
  signal.addEventListener('abort', () => win.clearTimeout(timer), { once: true });
}
