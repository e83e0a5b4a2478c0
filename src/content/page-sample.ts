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

/** The first `limit` characters of text under `root`, skipping scripts, styles and `hidden` subtrees. */
export function leadingText(root: Node, limit: number): string {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const element = node as Element;
      return SKIPPED.has(element.localName) || element.hasAttribute('hidden')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_SKIP;
    },
  });
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node !== null && length < limit; node = walker.nextNode()) {
    const text = node.nodeValue?.trim();
    if (!text) continue;
    const part = text.slice(0, limit - length);
    parts.push(part);
    length += part.length + 1;
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
