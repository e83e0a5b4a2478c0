/**
 * Article extraction for very large pages, in slices. Readability is one synchronous pass whose cost
 * grows with the page (about a third of a second on a 1 MB page: a frozen tab), and it needs a clone
 * of the whole document first. On pages above LARGE_PAGE this reads the live page instead: it scores
 * paragraph containers the way Readability starts (text length and commas of each paragraph credited
 * to its parent, half to its grandparent), takes the best container — or the article element holding
 * it — and maps that subtree's text, skipping boilerplate (navigation, asides, forms, ads, related and
 * share blocks). Every loop yields to the page when its slice is used up.
 */
import { type Extracted, isoDay, readMeta } from './extract';
import { toLiveSpan } from './live-map';
import { domCall, domGet } from './pristine';
import type { Slicer } from './sliced';
import { TextMapBuilder } from './text-map';

/** Body text length from which extraction goes the sliced way (Readability takes ~60 ms there). */
export const LARGE_PAGE = 200_000;

/** Tags never part of an article's running text. */
const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'SELECT', 'DIALOG', 'MENU']);
/** Class or id words of blocks that interrupt articles (the words Readability's unlikely-candidates list uses). */
const BOILERPLATE_NAME =
  /(?:^|[\s_-])(?:ad|ads|advert|advertisement|banner|promo|sponsor(?:ed)?|related|share|sharing|social|newsletter|comments?|sidebar|outbrain|taboola|popup|cookie|subscribe)(?:$|[\s_-])/i;

/** True when `doc` is big enough that Readability would block the page for long. */
export function isLargePage(doc: Document): boolean {
  return (doc.body?.textContent?.length ?? 0) > LARGE_PAGE;
}

function isBoilerplate(el: Element): boolean {
  // Read through the prototypes: a form's controls named "tagName", "id" or "className" shadow them.
  const tag = domGet<string>(el, 'tagName');
  if (typeof tag === 'string' && BOILERPLATE_TAGS.has(tag.toUpperCase())) return true;
  const id = domGet<unknown>(el, 'id');
  const className = domGet<unknown>(el, 'className');
  const name = `${typeof id === 'string' ? id : ''} ${typeof className === 'string' ? className : ''}`;
  return name.length > 1 && BOILERPLATE_NAME.test(name);
}

/** Readability's first scoring step, per paragraph: 1 + commas + one point per 100 characters (max 3). */
function paragraphScore(text: string): number {
  const length = text.trim().length;
  if (length < 25) return 0;
  let commas = 0;
  for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) commas++;
  return 1 + commas + Math.min(3, Math.floor(length / 100));
}

/** The element whose paragraphs score highest, preferring an enclosing <article> or articleBody. */
async function chooseRoot(doc: Document, slicer: Slicer): Promise<Element | null> {
  const scores = new Map<Element, number>();
  const paragraphs = doc.getElementsByTagName('p');
  for (let i = 0; i < paragraphs.length; i++) {
    if ((i & 63) === 0 && slicer.due()) await slicer.pause();
    const p = paragraphs[i]!;
    const score = paragraphScore(p.textContent ?? '');
    if (!score) continue;
    const parent = domGet<Element | null>(p, 'parentElement');
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    // The parent may be a form, whose controls can shadow parentElement.
    const grand = domGet<Element | null>(parent, 'parentElement');
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let top = 0;
  for (const [el, score] of scores) {
    if (score > top && !isBoilerplate(el)) {
      best = el;
      top = score;
    }
  }
  const container = best
    ? domCall<Element | null>(best, 'closest', '[itemprop="articleBody"], article, main, [role="main"]')
    : null;
  return container ?? best;
}

/**
 * Extracts the article of a large live page in slices. The map's nodes are the live page's own, so
 * offsets map to ranges directly (no clone, no pairing).
 */
export async function extractLarge(doc: Document, slicer: Slicer): Promise<Extracted> {
  const meta = readMeta(doc);
  const root = (await chooseRoot(doc, slicer)) ?? doc.body;
  // The root itself is exempt: a body or article may carry a class such as "has-ads".
  const builder = new TextMapBuilder(root ?? doc, (el) => el === root || !isBoilerplate(el));
  while (!builder.done) {
    builder.step(256);
    if (slicer.due()) await slicer.pause();
  }
  const map = builder.result();
  return {
    article: root,
    map,
    toLive: (start, end) => toLiveSpan(map, (t) => (t.isConnected ? t : undefined), start, end),
    meta: { ...meta, published: isoDay(meta.published) },
  };
}
