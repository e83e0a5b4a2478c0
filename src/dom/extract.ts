/**
 * Article extraction shared by the extension and the CLI: Readability on a clone of the page
 * (the live page is never touched), the article's text through the text map, and the page's
 * metadata from Readability, Open Graph, article:published_time, JSON-LD NewsArticle, Highwire
 * citation_* tags and rel=canonical.
 */
import { Readability } from '@mozilla/readability';
import { cloneWithLiveMap, type LiveSpan, toLiveSpan } from './live-map.js';
import { domCall, domGet, unshadowCopy } from './pristine.js';
import { buildTextMap, type TextMap } from './text-map.js';

export interface PageMeta {
  title: string | null;
  siteName: string | null;
  published: string | null;
  canonical: string | null;
  lang: string | null;
}

export interface Extracted {
  /** The article element Readability kept (detached from the page), or null when none was found. */
  article: Element | null;
  map: TextMap;
  meta: PageMeta;
  /** Where `[start, end)` of `map.text` stands in the live page, or null if it cannot be placed. */
  toLive(start: number, end: number): LiveSpan | null;
}

/** The first element matching `selector`, read through the prototypes (see pristine.ts). */
function first(doc: Document, selector: string): Element | null {
  return domCall<Element | null>(doc, 'querySelector', selector);
}

function attribute(el: Element | null, name: string): string | null {
  return el ? domCall<string | null>(el, 'getAttribute', name) : null;
}

function metaContent(doc: Document, selectors: string[]): string | null {
  for (const sel of selectors) {
    const v = attribute(first(doc, sel), 'content')?.trim();
    if (v) return v;
  }
  return null;
}

/** NewsArticle-like objects in JSON-LD blocks (arrays and @graph included); bad JSON is ignored. */
function jsonLdArticles(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const type = o['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && /Article|Posting|Report/.test(t))) out.push(o);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const s of domCall<NodeListOf<Element>>(
    doc,
    'querySelectorAll',
    'script[type="application/ld+json"]',
  )) {
    try {
      visit(JSON.parse(domGet<string | null>(s, 'textContent') ?? ''));
    } catch {
      // A page's broken JSON-LD is its own problem; other metadata still counts.
    }
  }
  return out;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** Reads the page's metadata without running Readability. */
export function readMeta(doc: Document): PageMeta {
  const ld = jsonLdArticles(doc);
  const ldPublisher = ld
    .map((o) => o.publisher as Record<string, unknown> | undefined)
    .find((p) => p && str(p.name));
  return {
    title:
      metaContent(doc, [
        'meta[property="og:title"]',
        'meta[name="twitter:title"]',
        'meta[name="citation_title"]',
      ]) ??
      str(ld.map((o) => o.headline).find(str)) ??
      str(domGet(doc, 'title')),
    siteName:
      metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="citation_journal_title"]']) ??
      (ldPublisher ? str(ldPublisher.name) : null),
    published:
      metaContent(doc, [
        'meta[property="article:published_time"]',
        'meta[name="article:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="citation_publication_date"]',
        'meta[name="citation_date"]',
        'meta[name="date"]',
        'meta[name="pubdate"]',
      ]) ??
      str(ld.map((o) => o.datePublished).find(str)) ??
      attribute(first(doc, 'time[datetime]'), 'datetime') ??
      null,
    canonical:
      attribute(first(doc, 'link[rel="canonical"]'), 'href')?.trim() ||
      metaContent(doc, ['meta[property="og:url"]']) ||
      null,
    lang: attribute(domGet<Element | null>(doc, 'documentElement'), 'lang') || null,
  };
}

/**
 * Readability replaces a `javascript:` link with a new text node, which has no live twin to highlight;
 * without the href it keeps the link and its own text node (and no script URL survives the copy).
 */
function dropScriptHrefs(copy: Document): void {
  const links = domCall<NodeListOf<Element>>(copy, 'querySelectorAll', 'a[href]');
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    if (attribute(link, 'href')?.indexOf('javascript:') === 0) domCall(link, 'removeAttribute', 'href');
  }
}

/** Readability dates come as ISO strings or as free text; keep only an ISO day. */
export function isoDay(value: string | null | undefined): string | null {
  const m = value ? /(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * Extracts the article of `doc`. Readability runs on a deep clone; the returned element belongs
 * to that clone, so mapping back to the live page is the anchoring step's job.
 */
export function extractArticle(doc: Document): Extracted {
  const meta = readMeta(doc);
  const { clone, liveOf } = cloneWithLiveMap(doc);
  // A form with a control named "parentNode" would send Readability's walk in circles (or throw).
  unshadowCopy(clone);
  dropScriptHrefs(clone);
  const parsed = new Readability<Element>(clone, { serializer: (node) => node as Element }).parse();
  const article = parsed?.content ?? null;
  const map = article ? buildTextMap(article) : { text: '', segments: [] };
  return {
    article,
    map,
    toLive: (start, end) => toLiveSpan(map, liveOf, start, end),
    meta: {
      title: str(parsed?.title) ?? meta.title,
      siteName: meta.siteName ?? str(parsed?.siteName),
      published: isoDay(meta.published) ?? isoDay(parsed?.publishedTime),
      canonical: meta.canonical,
      lang: meta.lang ?? str(parsed?.lang),
    },
  };
}
