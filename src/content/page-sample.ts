/**
 * Collects the bounded slice of a page the gate reads: URL path words, title, a few meta tags and the
 * first few thousand characters of rendered text. Reads only; never writes to the DOM.
 */

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

/**
 * The first `limit` characters of text under `root` in document order, skipping scripts, styles and
 * `hidden` subtrees. Bounded in characters and in nodes visited.
 */
export function leadingText(root: Node, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  let node: Node | null = root.firstChild;
  while (node !== null && length < limit && visited++ < NODE_BUDGET) {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue?.trim();
      if (text) {
        const part = text.slice(0, limit - length);
        parts.push(part);
        length += part.length + 1;
      }
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild !== null) {
      const element = node as Element;
      if (!SKIPPED.has(element.localName) && !element.hasAttribute('hidden')) {
        node = node.firstChild;
        continue;
      }
    }
    while (node !== root && node.nextSibling === null) node = node.parentNode as Node;
    node = node === root ? null : node.nextSibling;
  }
  return parts.join(' ');
}

/** The text the gate scans for `doc`, at most a few kilobytes whatever the page size. */
export function samplePage(doc: Document, url: string): string {
  const meta = Array.from(doc.querySelectorAll<HTMLMetaElement>(META_SELECTOR), (m) =>
    m.content.slice(0, META_LIMIT),
  );
  const body = doc.body ? leadingText(doc.body, TEXT_LIMIT) : '';
  return [urlWords(url), doc.title.slice(0, META_LIMIT), ...meta, body].join('\n');
}
