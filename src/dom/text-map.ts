/**
 * The text of a DOM subtree as the engine reads it — blocks separated by blank lines, runs of
 * whitespace collapsed — together with a map from every character back to the text node and
 * offset it came from. Offsets the engine reports on this text become DOM ranges through it.
 * Works on any DOM (browser, jsdom, linkedom): no layout, no browser APIs.
 */

import { domCall, domGet } from './pristine.js';

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
]);

export interface TextSegment {
  node: Text;
  /** Where this node's text starts in the mapped text. */
  start: number;
  end: number;
  /** For each mapped character of this segment, its offset in the node's data. */
  offsets: Int32Array;
}

export interface TextMap {
  text: string;
  segments: TextSegment[];
}

const ELEMENT = 1;
const TEXT = 3;

/** Whether the walk may enter an element (besides the built-in skips); large pages drop boilerplate. */
export type EnterFilter = (element: Element) => boolean;

/**
 * The text-map walk as a resumable loop, so a large page can be mapped in slices between which the
 * browser paints and handles input (see sliced.ts). `step(n)` visits at most n nodes; `done` says
 * when the walk is over; `result()` gives the map. Iterative, so deep pages cannot overflow the stack.
 */
export class TextMapBuilder {
  private readonly parts: string[] = [];
  private readonly segments: TextSegment[] = [];
  private length = 0;
  // Pending separator: 0 none, 1 space, 2 paragraph break. Emitted lazily so none leads or trails.
  private pending = 0;
  private atStart = true;
  /** Nodes still to visit; null marks the end of a block element (a paragraph break follows it). */
  private readonly stack: (Node | null)[];

  constructor(
    root: Node,
    private readonly enter: EnterFilter | null = null,
  ) {
    this.stack = [root];
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Visits up to `budget` nodes; returns how many it visited. */
  step(budget: number): number {
    const stack = this.stack;
    let visited = 0;
    while (stack.length && visited < budget) {
      const node = stack.pop()!;
      visited++;
      if (node === null) {
        this.pending = 2;
        continue;
      }
      let type = node.nodeType;
      // Only a form's own properties can be shadowed (by its controls' names, see pristine.ts): a form
      // is read through the prototypes, everything else directly.
      if (typeof type !== 'number') type = domGet<number>(node, 'nodeType');
      if (type === TEXT) {
        this.visitText(node as Text);
        continue;
      }
      if (type !== ELEMENT && type !== 9 && type !== 11) continue;
      let block = false;
      let form = false;
      if (type === ELEMENT) {
        const el = node as Element;
        let tag: unknown = el.tagName;
        form = typeof tag !== 'string' || tag === 'FORM' || tag === 'form';
        if (form) tag = domGet<string>(el, 'tagName');
        const upper = (tag as string).toUpperCase();
        const attribute = (name: string) =>
          form ? domCall<string | null>(el, 'getAttribute', name) : el.getAttribute(name);
        if (SKIP.has(upper) || attribute('hidden') !== null || attribute('aria-hidden') === 'true') continue;
        if (this.enter && !this.enter(el)) continue;
        block = BLOCK.has(upper);
      }
      if (block) {
        this.pending = 2;
        stack.push(null);
      }
      // Children by index, so no child's (possibly shadowed) sibling properties are read.
      const children = form ? domGet<NodeListOf<ChildNode>>(node, 'childNodes') : node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return visited;
  }

  result(): TextMap {
    return { text: this.parts.join(''), segments: this.segments };
  }

  /**
   * The common case, done with native string search instead of a character loop: a node whose text,
   * apart from its ends, has only single spaces. Maps it as one piece; false when the node is not so.
   */
  private visitPlainText(node: Text, data: string, n: number): boolean {
    let a = 0;
    while (a < n && isSpace(data.charCodeAt(a))) a++;
    if (a === n) {
      if (n && this.pending < 1) this.pending = 1;
      return true;
    }
    let b = n;
    while (isSpace(data.charCodeAt(b - 1))) b--;
    const core = a === 0 && b === n ? data : data.slice(a, b);
    if (/[\n\t\r\f]| {2}/.test(core)) return false;
    if (a > 0 && this.pending < 1) this.pending = 1;
    if (this.pending) this.emitSeparator();
    const offsets = new Int32Array(core.length);
    for (let k = 0; k < offsets.length; k++) offsets[k] = a + k;
    this.segments.push({ node, start: this.length, end: this.length + core.length, offsets });
    this.parts.push(core);
    this.length += core.length;
    this.atStart = false;
    if (b < n) this.pending = 1;
    return true;
  }

  private emitSeparator(): void {
    if (this.atStart) {
      this.pending = 0;
      return;
    }
    if (this.pending === 2) {
      this.parts.push('\n\n');
      this.length += 2;
    } else if (this.pending === 1) {
      this.parts.push(' ');
      this.length += 1;
    }
    this.pending = 0;
  }

  private visitText(node: Text): void {
    const data = node.data;
    const n = data.length;
    if (this.visitPlainText(node, data, n)) return;
    // Runs of non-space characters are copied whole (a character loop with string concatenation is
    // the slowest part of mapping a large page); offsets go straight into a typed array.
    const pieces: string[] = [];
    let offsets: Int32Array | null = null;
    let count = 0;
    let i = 0;
    while (i < n) {
      const c = data.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12) {
        if (this.pending < 1) this.pending = 1;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const d = data.charCodeAt(j);
        if (d === 32 || d === 10 || d === 9 || d === 13 || d === 12) break;
        j++;
      }
      // Worst case: every character mapped plus a paragraph break (two characters) per run.
      offsets ??= new Int32Array(n * 2 + 2);
      if (this.pending) {
        if (count) {
          // A space inside this node's own text maps to the whitespace before this character.
          pieces.push(this.pending === 2 ? '\n\n' : ' ');
          offsets[count++] = i - 1;
          if (this.pending === 2) offsets[count++] = i - 1;
          this.pending = 0;
        } else {
          this.emitSeparator();
        }
      }
      pieces.push(i === 0 && j === n ? data : data.slice(i, j));
      for (let k = i; k < j; k++) offsets[count++] = k;
      this.atStart = false;
      i = j;
    }
    if (!count || !offsets) return;
    const out = pieces.length === 1 ? pieces[0]! : pieces.join('');
    this.segments.push({
      node,
      start: this.length,
      end: this.length + out.length,
      offsets: offsets.slice(0, count),
    });
    this.parts.push(out);
    this.length += out.length;
  }
}

/** True for the text map's whitespace: space, line feed, tab, carriage return, form feed. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

/** Builds the text and its node map for `root`, skipping scripts, styles and hidden-by-markup content. */
export function buildTextMap(root: Node, enter: EnterFilter | null = null): TextMap {
  const builder = new TextMapBuilder(root, enter);
  while (!builder.done) builder.step(Number.MAX_SAFE_INTEGER);
  return builder.result();
}

/** The segment holding mapped offset `offset` (binary search), or undefined. */
export function segmentAt(map: TextMap, offset: number): TextSegment | undefined {
  let lo = 0;
  let hi = map.segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = map.segments[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
