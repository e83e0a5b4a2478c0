/**
 * The page text that saved passages' W3C selectors index (src/core/library/types.ts): the data of the
 * text nodes under document.body in document order, skipping script, style, noscript, template and
 * NSO Lens's own host element, with nothing inserted between nodes. Unlike the engine's text map
 * (text-map.ts) nothing is collapsed or added, so an offset here is an offset into real node data and
 * the same basis other annotation tools use for body text; a quote saved here can be found again by
 * any tool reading the page the same way. Works on any DOM: no layout, no browser API.
 */

/** Elements whose text is not page text. The last is the overlay's host (src/ui/overlay/host.ts HOST_TAG). */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nso-lens-cards']);

const ELEMENT = 1;
const TEXT = 3;
const FOLLOWING = 4;
const CONTAINED_BY = 16;

export interface PageText {
  text: string;
  /** The non-empty text nodes the text is made of, in document order. */
  nodes: Text[];
  /** Where each node's data starts in `text` (same order as `nodes`). */
  starts: number[];
  /** A node's position in `nodes`. */
  index: Map<Text, number>;
}

/** Offsets into the page text, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

function skipped(node: Node): boolean {
  return node.nodeType === ELEMENT && SKIP.has((node as Element).localName.toLowerCase());
}

/** Builds the page text of `doc` (empty when the document has no body). */
export function buildPageText(doc: Document): PageText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const index = new Map<Text, number>();
  let length = 0;
  const body = doc.body;
  if (body) {
    // Iterative pre-order walk: deep pages must not overflow the stack.
    let node: Node | null = body.firstChild;
    while (node && node !== body) {
      if (node.nodeType === TEXT) {
        const data = (node as Text).data;
        if (data.length > 0) {
          index.set(node as Text, nodes.length);
          nodes.push(node as Text);
          starts.push(length);
          parts.push(data);
          length += data.length;
        }
      } else if (node.firstChild && !skipped(node)) {
        node = node.firstChild;
        continue;
      }
      while (node && node !== body && !node.nextSibling) node = node.parentNode;
      if (!node || node === body) break;
      node = node.nextSibling;
    }
  }
  return { text: parts.join(''), nodes, starts, index };
}

/** The first index in `nodes` whose node satisfies `after` (monotonic in document order), or nodes.length. */
function firstWhere(map: PageText, after: (n: Text) => boolean): number {
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(map.nodes[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function startOf(map: PageText, i: number): number {
  return i < map.nodes.length ? map.starts[i]! : map.text.length;
}

/**
 * The page-text offset of a DOM boundary point: the length of page text that comes before it. A point
 * inside skipped content (a script, our host) counts as the point just after that content's text.
 */
export function pointToOffset(map: PageText, container: Node, offset: number): number {
  if (container.nodeType === TEXT) {
    const i = map.index.get(container as Text);
    if (i !== undefined) return map.starts[i]! + Math.min(Math.max(0, offset), map.nodes[i]!.data.length);
    return startOf(
      map,
      firstWhere(map, (n) => (container.compareDocumentPosition(n) & FOLLOWING) !== 0),
    );
  }
  const child = container.childNodes[offset];
  if (child) {
    // Before `child`: the first mapped node that is `child`, inside it, or after it.
    return startOf(
      map,
      firstWhere(map, (n) => n === child || (child.compareDocumentPosition(n) & FOLLOWING) !== 0),
    );
  }
  // After the container's last child: the first mapped node after the container and outside it.
  return startOf(
    map,
    firstWhere(map, (n) => {
      const p = container.compareDocumentPosition(n);
      return (p & FOLLOWING) !== 0 && (p & CONTAINED_BY) === 0;
    }),
  );
}

/** A DOM range (a selection, a highlight) as page-text offsets. */
export function rangeToOffsets(map: PageText, range: Range): TextSpan {
  const start = pointToOffset(map, range.startContainer, range.startOffset);
  const end = pointToOffset(map, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

/** The index of the node holding text offset `offset`; `preferEnd` picks the earlier node at a seam. */
function nodeAt(map: PageText, offset: number, preferEnd: boolean): number {
  // Last node starting at or before offset (strictly before, for an end at a seam).
  let lo = 0;
  let hi = map.nodes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = map.starts[mid]!;
    if (preferEnd ? s < offset : s <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A live DOM range for page-text offsets [start, end), or null when the span is empty, out of the text,
 * or the nodes changed since the map was built (better no highlight than a wrong one).
 */
export function offsetsToRange(doc: Document, map: PageText, start: number, end: number): Range | null {
  if (!(start >= 0 && end > start && end <= map.text.length)) return null;
  const first = nodeAt(map, start, false);
  const last = nodeAt(map, end, true);
  if (first < 0 || last < 0) return null;
  const startNode = map.nodes[first]!;
  const endNode = map.nodes[last]!;
  const startOffset = start - map.starts[first]!;
  const endOffset = end - map.starts[last]!;
  if (startOffset > startNode.data.length || endOffset > endNode.data.length) return null;
  try {
    const range = doc.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range.collapsed ? null : range;
  } catch {
    // A node left the document since the map was built.
    return null;
  }
}
