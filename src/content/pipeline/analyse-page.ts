/**
 * One analysis of the current page: extract the article, run the engine, turn its offsets into live
 * ranges. Ordinary pages go through Readability on a clone (exactly what the CLI does) and the engine
 * in the page. Very large pages go through the sliced extractor (src/dom/large-extract.ts), yielding to
 * the page between slices, and their text is analysed by the background (its own thread: a 1 MB
 * engine run is a few hundred milliseconds the page's main thread would freeze for), with the local
 * engine as the fallback. So the reader's tab never freezes. Shared by the pipeline and the bench.
 */
import type { ArticleInput, Engine } from '../../core/engine/engine';
import type { Analysis } from '../../core/match/findings';
import { type Extracted, extractArticle } from '../../dom/extract';
import { extractLarge, isLargePage } from '../../dom/large-extract';
import type { LiveSpan } from '../../dom/live-map';
import type { Slicer } from '../../dom/sliced';
import type { RunTimings } from '../../platform/messages';

export type { RunTimings };

/** Work per slice on large pages: well under the 50 ms at which browsers call a task long. */
export const SLICE_MS = 12;

export interface PlacedItem {
  kind: 'claim' | 'conflict';
  index: number;
  range: Range;
}

/** What one run produced: the analysis and the live ranges of its highlights. */
export interface RunResult {
  analysis: Analysis;
  items: PlacedItem[];
  /** True when the sliced large-page extractor was used. */
  large: boolean;
  /** Milliseconds spent in each stage, pauses included (diagnostics and `npm run bench`). */
  timings: RunTimings;
}

/** Engines the run may use: the local one (made on first use), and the background's for large pages. */
export interface Engines {
  local: () => Engine;
  remote?: (input: ArticleInput) => Promise<{ ok: true; value: Analysis } | { ok: false; error: string }>;
}

function toRange(doc: Document, span: LiveSpan): Range | null {
  try {
    const r = doc.createRange();
    r.setStart(span.startNode, span.startOffset);
    r.setEnd(span.endNode, span.endOffset);
    return r.collapsed ? null : r;
  } catch {
    // The node changed under us (the page re-rendered between extraction and now).
    return null;
  }
}

/** The background answers without match quotes (each is the text between its offsets): put them back. */
export function restoreQuotes(analysis: Analysis, text: string): Analysis {
  for (const m of analysis.matches) if (m.quote === '') m.quote = text.slice(m.start, m.end);
  return analysis;
}

export async function analysePage(
  doc: Document,
  engines: Engines,
  slicer: Slicer,
  today: string,
): Promise<RunResult> {
  const t0 = performance.now();
  const large = isLargePage(doc);
  let x: Extracted;
  if (large) {
    x = await extractLarge(doc, slicer);
    await slicer.pause();
  } else {
    x = extractArticle(doc);
  }
  const t1 = performance.now();
  const input: ArticleInput = {
    text: x.map.text,
    title: x.meta.title ?? doc.title,
    url: doc.location?.href ?? '',
    canonical: x.meta.canonical,
    siteName: x.meta.siteName,
    published: x.meta.published,
    today,
  };
  let analysis: Analysis | null = null;
  let remote = false;
  if (large && engines.remote) {
    const answer = await slicer.wait(engines.remote(input));
    // A background that cannot answer (restarting, refusing) costs the page time, not the analysis.
    if (answer.ok) {
      analysis = restoreQuotes(answer.value, input.text);
      remote = true;
    }
  }
  analysis ??= engines.local().analyse(input);
  const t2 = performance.now();
  const items: PlacedItem[] = [];
  if (analysis.relevant) {
    const place = async (kind: PlacedItem['kind'], list: readonly { start: number; end: number }[]) => {
      for (let index = 0; index < list.length; index++) {
        if (large && (index & 127) === 0 && slicer.due()) await slicer.pause();
        const m = list[index]!;
        const span = x.toLive(m.start, m.end);
        const range = span ? toRange(doc, span) : null;
        if (range) items.push({ kind, index, range });
      }
    };
    if (large) await slicer.pause();
    await place('claim', analysis.matches);
    await place('conflict', analysis.conflicts);
  }
  const t3 = performance.now();
  const timings = {
    extract: t1 - t0,
    engine: t2 - t1,
    place: t3 - t2,
    total: t3 - t0,
    longestSlice: large ? slicer.longest() : 0,
    remote,
    startedAt: t0,
  };
  return { analysis, items, large, timings };
}
