/**
 * Runs inside a real browser page for `npm run bench`: the extension's own gate and pipeline code
 * (the same modules the content scripts bundle) next to the baselines they are judged against —
 * Readability alone and a plain TreeWalker read of the page's text.
 */
import { Readability } from '@mozilla/readability';
import { scanGate } from '../../src/content/gate';
import { samplePage } from '../../src/content/page-sample';
import { createEngine } from '../../src/core/engine/engine';
import { nsoPack } from '../../src/data/pack';
import { extractArticle } from '../../src/dom/extract';
import { Highlighter } from '../../src/dom/highlighter';

const engine = createEngine(nsoPack);
let highlighter: Highlighter | null = null;

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function pipeline(): { matches: number; placed: number } {
  const x = extractArticle(document);
  const a = engine.analyse({
    text: x.map.text,
    title: x.meta.title,
    url: location.href,
    published: x.meta.published,
    today: '2026-11-22',
  });
  const ranges: Range[] = [];
  for (const m of a.relevant ? a.matches : []) {
    const span = x.toLive(m.start, m.end);
    if (!span) continue;
    const r = document.createRange();
    r.setStart(span.startNode, span.startOffset);
    r.setEnd(span.endNode, span.endOffset);
    ranges.push(r);
  }
  highlighter ??= new Highlighter(document, 'background');
  highlighter.set('claim', ranges);
  return { matches: a.matches.length, placed: ranges.length };
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

(window as unknown as { __nsoBench: unknown }).__nsoBench = {
  gate: () => time(() => scanGate(samplePage(document, location.href))),
  pipeline: () => time(pipeline),
  pipelineResult: pipeline,
  readability: () => time(() => new Readability(document.cloneNode(true) as Document).parse()),
  walk: () => time(walk),
};
