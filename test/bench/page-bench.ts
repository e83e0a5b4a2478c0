/**
 * Runs inside a real browser page for `npm run bench`: the extension's own gate and pipeline code
 * (the same modules the content scripts bundle) next to the baselines they are judged against —
 * Readability alone and a plain TreeWalker read of the page's text.
 */
import { Readability } from '@mozilla/readability';
import { scanGate } from '../../src/content/gate';
import { samplePage } from '../../src/content/page-sample';
import { analysePage, SLICE_MS } from '../../src/content/pipeline/analyse-page';
import { createEngine } from '../../src/core/engine/engine';
import { nsoPack } from '../../src/data/pack';
import { Highlighter } from '../../src/dom/highlighter';
import { createSlicer } from '../../src/dom/sliced';
import { benchInput, measureThroughput } from './throughput';

const engine = createEngine(nsoPack);
let highlighter: Highlighter | null = null;

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The pipeline's analysis and painting, as the content script runs them (analysePage + highlights). */
async function pipeline(): Promise<{
  matches: number;
  placed: number;
  large: boolean;
  longest: number;
  timings: { extract: number; engine: number; place: number };
}> {
  const slicer = createSlicer(SLICE_MS);
  // The engine in the page (the bench page has no background): the in-page cost, for the seed pages.
  const run = await analysePage(document, { local: () => engine }, slicer, '2026-11-22');
  highlighter ??= new Highlighter(document, 'background');
  highlighter.set(
    'claim',
    run.items.filter((i) => i.kind === 'claim').map((i) => i.range),
  );
  return {
    matches: run.analysis.matches.length,
    placed: run.items.length,
    large: run.large,
    longest: slicer.longest(),
    timings: run.timings,
  };
}

/** Total time of one pipeline run, its longest slice, and the browser's own long tasks during it. */
async function timedPipeline(): Promise<{
  total: number;
  longest: number;
  longTask: number;
  large: boolean;
  timings: { extract: number; engine: number; place: number };
}> {
  const longTasks: number[] = [];
  const observer =
    typeof PerformanceObserver !== 'undefined' &&
    PerformanceObserver.supportedEntryTypes?.includes('longtask')
      ? new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longTasks.push(e.duration);
        })
      : null;
  observer?.observe({ type: 'longtask' });
  const t0 = performance.now();
  const run = await pipeline();
  const total = performance.now() - t0;
  // Long-task entries are delivered after the task ends: let one more task pass.
  await new Promise((r) => setTimeout(r, 50));
  observer?.disconnect();
  return {
    total,
    longest: run.longest,
    longTask: Math.max(0, ...longTasks),
    large: run.large,
    timings: run.timings,
  };
}

function walk(): number {
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  const parts: string[] = [];
  for (let t = w.nextNode(); t; t = w.nextNode()) {
    parts.push((t as Text).data);
    n++;
  }
  return parts.join('').length + n;
}

/**
 * The engine's throughput in this browser's JavaScript engine, measured as scripts/bench-engine.ts
 * measures it in node (same texts, same loop): the extension runs the engine here, the CLI there.
 */
function engineThroughput(texts: string[]) {
  return measureThroughput((text) => engine.analyse(benchInput(text)), texts);
}

(window as unknown as { __nsoBench: unknown }).__nsoBench = {
  engineThroughput,
  gate: () => time(() => scanGate(samplePage(document, location.href))),
  pipeline: async () => (await timedPipeline()).total,
  timedPipeline,
  readability: () => time(() => new Readability(document.cloneNode(true) as Document).parse()),
  walk: () => time(walk),
};
