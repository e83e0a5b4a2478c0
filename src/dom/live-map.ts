/**
 * Readability runs on a clone so the live page is never touched; this keeps the way back. Right
 * after `cloneNode(true)` both trees have the same text nodes in the same order, so walking them
 * in step pairs every clone text node with its live twin. Readability moves text nodes around but
 * keeps them, so engine offsets (on the clone's article text) land on exact live nodes — not on
 * a repeat of the same words elsewhere on the page, and not inside an ad Readability dropped.
 */
import { domCall } from './pristine.js';
import { segmentAt, type TextMap } from './text-map.js';

/** NodeFilter.SHOW_TEXT (a number, so this file needs no DOM globals). */
const SHOW_TEXT = 4;

/**
 * The text nodes of `doc` in document order. A TreeWalker, not a walk over `firstChild`/`nextSibling`:
 * on the live page a form's controls can shadow those properties (see pristine.ts).
 */
function textNodes(doc: Document): Text[] {
  const out: Text[] = [];
  const walker = domCall<TreeWalker>(doc, 'createTreeWalker', doc, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

export interface LiveClone {
  clone: Document;
  /** The live text node a clone text node was copied from, if it still exists. */
  liveOf(node: Text): Text | undefined;
}

export function cloneWithLiveMap(doc: Document): LiveClone {
  const clone = domCall<Document>(doc, 'cloneNode', true);
  const live = textNodes(doc);
  const copies = textNodes(clone);
  const pairs = new Map<Text, Text>();
  // Identical by construction; a length mismatch means a DOM that lies about its children.
  if (live.length === copies.length) {
    for (let i = 0; i < copies.length; i++) pairs.set(copies[i]!, live[i]!);
  }
  return { clone, liveOf: (node) => pairs.get(node) };
}

/** A span of the live page: where a range starts and ends. */
export interface LiveSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * Maps `[start, end)` of the text map's text to the live page. Returns null when a node is gone
 * or its text changed since extraction (the page re-rendered): better no highlight than a wrong one.
 */
export function toLiveSpan(
  map: TextMap,
  liveOf: (t: Text) => Text | undefined,
  start: number,
  end: number,
): LiveSpan | null {
  if (end <= start) return null;
  const first = segmentAt(map, start) ?? map.segments.find((s) => s.start >= start && s.start < end);
  const last =
    segmentAt(map, end - 1) ?? [...map.segments].reverse().find((s) => s.end <= end && s.end > start);
  if (!first || !last) return null;
  const startNode = liveOf(first.node);
  const endNode = liveOf(last.node);
  if (!startNode || !endNode) return null;
  if (startNode.data !== first.node.data || endNode.data !== last.node.data) return null;
  const startOffset = first.offsets[Math.max(0, start - first.start)]!;
  const endOffset = last.offsets[Math.min(last.end, end) - 1 - last.start]! + 1;
  return { startNode, startOffset, endNode, endOffset };
}
