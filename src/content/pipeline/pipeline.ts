/**
 * The heavy part of the content side, loaded only into pages the gate picked: extract the article
 * (Readability on a clone; very large pages in slices, see analyse-page.ts), run the engine with the bundled pack, paint highlights on the live page
 * without touching its DOM, and report the analysis to the background. One root AbortController
 * tears everything down.
 */
import { type ArticleInput, createEngine, type Engine } from '../../core/engine/engine';
import { nsoPack } from '../../data/pack';
import { Highlighter, highlightSupported } from '../../dom/highlighter';
import { createSlicer, nextTask } from '../../dom/sliced';
import type { HighlightReport } from '../../platform/messages';
import { sendFromContent } from '../../platform/runtime';
import { DEFAULT_SETTINGS, isActiveOn, readSettings, type Settings } from '../../platform/settings';
import { onLocalChange } from '../../platform/storage';
import { analysePage, type RunResult, SLICE_MS } from './analyse-page';
import { type CardController, createCardController } from './cards';
import type { PipelineHandle } from './handle';
import { watchLateContent } from './late-content';
import { startLibrarySide } from './library-side';
import { boundedForReport } from './report-bounds';

export type { PlacedItem, RunResult } from './analyse-page';

export function startPipeline(doc: Document = document): PipelineHandle {
  const root = new AbortController();
  const { signal } = root;
  let engine: Engine | null = null;
  let highlighter: Highlighter | null = null;
  let settings: Settings = DEFAULT_SETTINGS;
  let running = false;
  let again = false;
  let stopWatch: (() => void) | null = null;
  let lastUrl = location.href;
  let cards: CardController | null = null;
  let lastRun: RunResult | null = null;
  // Saving passages and finding saved ones (issue 7): after each run, one message when none are saved.
  const library = startLibrarySide(doc, signal, { settings: () => settings, lastRun: () => lastRun });

  const clear = () => {
    highlighter?.destroy();
    highlighter = null;
    cards?.clear();
  };

  /** Extracts and analyses the page; large pages in slices that stop when the pipeline is torn down. */
  const analyse = (): Promise<RunResult> => {
    const engines = {
      local: () => {
        engine ??= createEngine(nsoPack);
        return engine;
      },
      remote: (input: ArticleInput) => sendFromContent('analyse-article', input),
    };
    return analysePage(doc, engines, createSlicer(SLICE_MS, signal), new Date().toISOString().slice(0, 10));
  };

  const paint = (result: RunResult): HighlightReport => {
    const total = result.analysis.relevant
      ? result.analysis.matches.length + result.analysis.conflicts.length
      : 0;
    const supported = highlightSupported(doc.defaultView ?? window);
    if (!supported) return { supported, placed: 0, unplaced: total };
    if (total === 0) {
      clear();
      return { supported, placed: 0, unplaced: 0 };
    }
    highlighter ??= new Highlighter(doc, settings.highlightStyle);
    highlighter.set(
      'claim',
      result.items.filter((i) => i.kind === 'claim').map((i) => i.range),
    );
    highlighter.set(
      'conflict',
      result.items.filter((i) => i.kind === 'conflict').map((i) => i.range),
    );
    return { supported, placed: result.items.length, unplaced: total - result.items.length };
  };

  const run = async (): Promise<void> => {
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const got = await sendFromContent('get-settings', {});
      if (!got.ok) {
        if (/context invalidated/i.test(got.error)) destroy();
        return;
      }
      settings = got.value;
      lastUrl = location.href;
      if (!isActiveOn(settings, location.href)) {
        clear();
        library.clear();
        return;
      }
      let result: RunResult;
      try {
        result = await analyse();
      } catch (error) {
        // Torn down while a large page was being read in slices: nothing to paint or report.
        if (signal.aborted) return;
        throw error;
      }
      if (signal.aborted) return;
      // On a large page each of the last steps is its own task (each costs milliseconds per thousand
      // highlights); together they would hold the page's main thread too long.
      const between = async () => {
        if (result.large) await nextTask();
        return !signal.aborted;
      };
      if (!(await between())) return;
      const highlights = paint(result);
      if (!(await between())) return;
      // Cards only for highlights the page shows; none (or not relevant) removes the overlay host.
      cards ??= createCardController(doc, signal);
      cards.update(highlights.supported ? result.items : [], result.analysis);
      if (!(await between())) return;
      await sendFromContent('page-analysis', {
        url: location.href,
        analysis: boundedForReport(result.analysis),
        highlights,
        timings: result.timings,
      });
      lastRun = result;
      await library.anchor();
    } finally {
      running = false;
      if (again && !signal.aborted) {
        again = false;
        void run();
      }
    }
  };

  const destroy = () => {
    root.abort();
    clear();
  };

  onLocalChange(
    'settings',
    (value) => {
      const next = readSettings(value);
      const styleChanged = next.highlightStyle !== settings.highlightStyle;
      settings = next;
      if (styleChanged) highlighter?.setStyle(next.highlightStyle);
      if (!isActiveOn(next, location.href)) clear();
      else if (!highlighter) void run();
    },
    signal,
  );
  /**
   * Watches for an article that arrives late. Started before the run it may correct: an article
   * rendered while the first run was still reporting would otherwise go unnoticed.
   */
  const watch = () => {
    stopWatch?.();
    stopWatch = signal.aborted
      ? null
      : watchLateContent(doc, { onGrowth: () => void run(), ignore: () => false, signal });
  };
  const rerun = () => {
    watch();
    void run();
  };
  // Single-page apps change the address without a load. Browsers tell the background at different
  // moments (or, for some pushState calls in Firefox, not at all), so while loaded the pipeline also
  // checks the address itself: one string comparison every half second, on story pages only.
  const urlCheck = setInterval(() => {
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      rerun();
    }
  }, 500);
  signal.addEventListener('abort', () => clearInterval(urlCheck), { once: true });

  watch();
  void run();
  return { rerun, destroy };
}
