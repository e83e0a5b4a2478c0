/**
 * The text of a DOM subtree as the engine reads it — blocks separated by blank lines, runs of
 * whitespace collapsed — together with a map from every character back to the text node and
 * offset it came from. Offsets the engine reports on this text become DOM ranges through it.
 * Works on any DOM (browser, jsdom, linkedom): no layout, no browser APIs.
 */

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

/** Builds the text and its node map for `root`, skipping scripts, styles and hidden-by-markup content. */
export function buildTextMap(root: Node): TextMap {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  // Pending separator: 0 none, 1 space, 2 paragraph break. Emitted lazily so none leads or trails.
  let pending = 0;
  let atStart = true;

  const emitSeparator = () => {
    if (atStart) {
      pending = 0;
      return;
    }
    if (pending === 2) {
      parts.push('\n\n');
      length += 2;
    } else if (pending === 1) {
      parts.push(' ');
      length += 1;
    }
    pending = 0;
  };

  const visitText = (node: Text) => {
    const data = node.data;
    let out = '';
    const offsets: number[] = [];
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f') {
        if (pending < 1) pending = 1;
        continue;
      }
      if (pending) {
        if (out.length) {
          // A space inside this node's own text maps to the whitespace before this character.
          out += pending === 2 ? '\n\n' : ' ';
          offsets.push(i - 1);
          if (pending === 2) offsets.push(i - 1);
          pending = 0;
        } else {
          emitSeparator();
        }
      }
      out += ch;
      offsets.push(i);
      atStart = false;
    }
    if (!out.length) return;
    segments.push({ node, start: length, end: length + out.length, offsets: Int32Array.from(offsets) });
    parts.push(out);
    length += out.length;
  };

  const walk = (node: Node) => {
    if (node.nodeType === TEXT) {
      visitText(node as Text);
      return;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === ELEMENT ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(tag)) return;
    if (
      node.nodeType === ELEMENT &&
      ((node as Element).hasAttribute('hidden') || (node as Element).getAttribute('aria-hidden') === 'true')
    )
      return;
    const block = BLOCK.has(tag);
    if (block) pending = 2;
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) pending = 2;
  };
  walk(root);
  return { text: parts.join(''), segments };
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
