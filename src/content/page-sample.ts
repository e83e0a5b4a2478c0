/**
 * Collects the bounded slice of a page the gate reads: URL path words, title, a few meta tags and the
 * first few thousand characters of rendered text. Reads only; never writes to the DOM.
 */

import { domCall, domGet } from '../dom/pristine';

/** How much body text the gate reads. Enough for a headline, standfirst and first paragraphs. */
export const TEXT_LIMIT = 4000;
const META_LIMIT = 500;
const META_SELECTOR = [
  'meta[property="og:title"]',
  'meta[property="og:description"]',
  'meta[name="description"]',
  'meta[name="keywords"]',
  'meta[name="news_keywords"]',
].join(',');
/** Elements whose text is never shown as prose. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'select',
  'textarea',
]);

/** Words of the URL path ("/2020/nso-pegasus-ruling" → "2020 nso pegasus ruling"). */
function urlWords(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname).replace(/[/_\-.+]+/g, ' ');
  } catch {
    return '';
  }
}

/** DOM node types (numeric, so this file needs no DOM globals and runs on linkedom in unit tests). */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
/** Most nodes visited, so a page of empty markup cannot make the gate slow. */
const NODE_BUDGET = 20_000;

/** A form, whose own properties its controls' names can shadow (see src/dom/pristine.ts). */
function shadowable(node: Node): boolean {
  const name = (node as Element).localName as unknown;
  return name === 'form' || (typeof name === 'object' && name !== null);
}

/** `node[name]`, read through the prototypes on a form. */
function read<K extends 'firstChild' | 'nextSibling' | 'parentNode' | 'nodeType' | 'localName'>(
  node: Node,
  name: K,
): (Node & Element)[K] {
  return shadowable(node) ? domGet(node, name) : (node as Node & Element)[name];
}

/**
 * The first `limit` characters of text under `root` in document order, skipping scripts, styles and
 * `hidden` subtrees. Bounded in characters and in nodes visited.
 */
export function leadingText(root: Node, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  let node: Node | null = read(root, 'firstChild');
  while (node !== null && length < limit && visited++ < NODE_BUDGET) {
    const type = read(node, 'nodeType');
    if (type === TEXT_NODE) {
      const text = node.nodeValue?.trim();
      if (text) {
        const part = text.slice(0, limit - length);
        parts.push(part);
        length += part.length + 1;
      }
    } else if (type === ELEMENT_NODE && read(node, 'firstChild') !== null) {
      const element = node as Element;
      const hidden = shadowable(element)
        ? domCall<boolean>(element, 'hasAttribute', 'hidden')
        : element.hasAttribute('hidden');
      if (!SKIPPED.has(read(element, 'localName')) && !hidden) {
        node = read(node, 'firstChild');
        continue;
      }
    }
    while (node !== root && read(node, 'nextSibling') === null) node = read(node, 'parentNode') as Node;
    node = node === root ? null : read(node, 'nextSibling');
  }
  return parts.join(' ');
}

/** The text the gate scans for `doc`, at most a few kilobytes whatever the page size. */
export function samplePage(doc: Document, url: string): string {
  // Through the prototypes: on the page's side, <img name="title"> is document.title.
  const meta = Array.from(domCall<NodeListOf<HTMLMetaElement>>(doc, 'querySelectorAll', META_SELECTOR), (m) =>
    m.content.slice(0, META_LIMIT),
  );
  const bodyElement = domGet<HTMLElement | null>(doc, 'body');
  const body = bodyElement ? leadingText(bodyElement, TEXT_LIMIT) : '';
  return [urlWords(url), domGet<string>(doc, 'title').slice(0, META_LIMIT), ...meta, body].join('\n');
}
