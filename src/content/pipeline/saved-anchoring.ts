/**
 * Finds this page's saved passages again (issue 7): asks the background for them (matched by URL and
 * canonical URL, so the same article at another address counts), anchors each in the page text —
 * fuzzily, so small edits to the page do not lose them — highlights the placed ones in their own
 * style, and reports placed and orphaned ids so the popup can list the orphans. A page with no saved
 * passages costs one message and nothing else.
 */
import { anchorEach } from '../../core/anchor/anchor';
import type { SavedPassage } from '../../core/library/types';
import { Highlighter, type HighlightStyle, highlightSupported } from '../../dom/highlighter';
import { buildPageText, offsetsToRange } from '../../dom/page-text';
import { createSlicer } from '../../dom/sliced';
import type { ContentToBackground } from '../../platform/messages';
import type { Result } from '../../platform/result';
import { SLICE_MS } from './analyse-page';
import { canonicalUrl } from './passage-draft';

type Send = <K extends 'get-page-passages' | 'anchoring-report'>(
  type: K,
  payload: ContentToBackground[K]['request'],
) => Promise<Result<ContentToBackground[K]['response']>>;

export interface SavedAnchoringOptions {
  send: Send;
  /** NSO Lens is on for this page; when not, nothing is asked, painted or reported. */
  active: () => boolean;
  style: () => HighlightStyle;
}

/** A saved passage placed in the page. */
export interface PlacedPassage {
  passage: SavedPassage;
  range: Range;
}

export interface SavedAnchoring {
  /** Fetches, anchors, paints and reports again. Calls made while one runs are merged into one more run. */
  refresh(): Promise<void>;
  /** Removes the saved highlights (NSO Lens turned off here). */
  clear(): void;
  setStyle(style: HighlightStyle): void;
  placed(): readonly PlacedPassage[];
}

export function createSavedAnchoring(
  doc: Document,
  signal: AbortSignal,
  options: SavedAnchoringOptions,
): SavedAnchoring {
  const win = doc.defaultView ?? window;
  let highlighter: Highlighter | null = null;
  let placed: PlacedPassage[] = [];
  /** The last report named at least one passage: a page that now has none must say so once. */
  let reportedSome = false;
  let running: Promise<void> | null = null;
  let again = false;

  const clear = () => {
    highlighter?.destroy();
    highlighter = null;
    placed = [];
  };

  const paint = (ranges: Range[]) => {
    if (!highlightSupported(win)) return;
    if (ranges.length === 0) {
      highlighter?.destroy();
      highlighter = null;
      return;
    }
    highlighter ??= new Highlighter(doc, options.style());
    highlighter.set('saved', ranges);
  };

  const once = async (): Promise<void> => {
    if (signal.aborted) return;
    if (!options.active()) {
      clear();
      return;
    }
    const url = win.location.href;
    const got = await options.send('get-page-passages', { url, canonicalUrl: canonicalUrl(doc) });
    // The page moved on (or we were torn down) while we waited: the next run will do this page.
    if (!got.ok || signal.aborted || win.location.href !== url || !options.active()) return;
    const passages = got.value;
    if (passages.length === 0) {
      clear();
      if (reportedSome) {
        reportedSome = false;
        await options.send('anchoring-report', { url, placed: [], orphans: [] });
      }
      return;
    }
    const text = buildPageText(doc);
    const next: PlacedPassage[] = [];
    const orphans: string[] = [];
    // Between passages the page gets the main thread back when a slice is used up; if the page
    // changed meanwhile, the ranges fail to build and the next run (late-content watch) places them.
    const slicer = createSlicer(SLICE_MS, signal);
    for (const [passage, at] of anchorEach(text.text, passages)) {
      const range = at ? offsetsToRange(doc, text, at.start, at.end) : null;
      if (range) next.push({ passage, range });
      else orphans.push(passage.id);
      if (slicer.due()) {
        try {
          await slicer.pause();
        } catch {
          return; // torn down
        }
      }
    }
    placed = next;
    paint(next.map((p) => p.range));
    reportedSome = true;
    await options.send('anchoring-report', {
      url,
      placed: next.map((p) => p.passage.id),
      orphans,
    });
  };

  const refresh = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await once();
        } while (again && !signal.aborted);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  signal.addEventListener('abort', clear, { once: true });
  return {
    refresh,
    clear,
    setStyle(style) {
      highlighter?.setStyle(style);
    },
    placed: () => placed,
  };
}
