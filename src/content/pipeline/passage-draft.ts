/**
 * Builds what the background stores for a selection (a PassageDraft, src/core/library/types.ts): the
 * quote and position selectors over the page text, the addresses, the article's title, outlet and date
 * (from the last analysis, else the page's metadata), and the fact-pack claims whose highlighted
 * passages the selection overlaps. Everything is checked by the same validator the background uses,
 * so a draft this returns is one the background accepts.
 */

import { selectorsFor } from '../../core/anchor/selectors';
import type { Outlet } from '../../core/facts/types';
import { PASSAGE_LIMITS, type PassageDraft } from '../../core/library/types';
import { isIsoDate, isWebUrl, validateDraft } from '../../core/library/validate';
import type { Analysis } from '../../core/match/findings';
import { readMeta } from '../../dom/extract';
import { buildPageText, type PageText, rangeToOffsets, type TextSpan } from '../../dom/page-text';

/** A claim highlight of the last run: the claim's id and where the page shows it. */
export interface ClaimRange {
  claimId: string;
  range: Range;
}

export interface DraftContext {
  /** The page's address (location.href). */
  url: string;
  /** The last analysis of this page, if the pipeline ran. */
  analysis: Analysis | null;
  claimRanges: readonly ClaimRange[];
  /** The pack's outlets and claim order (claims are listed in pack order). */
  outlets: ReadonlyMap<string, Outlet>;
  claimOrder: ReadonlyMap<string, number>;
  /** Our host: a selection touching it is not the page's text. */
  host: Node | null;
}

export type DraftOutcome =
  | { ok: true; draft: PassageDraft; span: TextSpan; text: PageText }
  | { ok: false; reason: 'ignored' | 'empty' | 'too-long' | 'invalid'; message?: string };

/** The page's canonical link, resolved against the document, when it is http(s). */
export function canonicalUrl(doc: Document): string | null {
  const href = doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href')?.trim();
  if (!href) return null;
  try {
    const url = new URL(href, doc.baseURI).href;
    return isWebUrl(url) ? url : null;
  } catch {
    return null;
  }
}

/**
 * True for a selection that is not page text: in our own UI (or spanning it), or inside any shadow root
 * (some browsers report selections there with the inner nodes, which `contains` cannot see into).
 */
export function touchesHost(range: Range, host: Node | null): boolean {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  if (range.startContainer.getRootNode() !== doc || range.endContainer.getRootNode() !== doc) return true;
  if (!host) return false;
  const common = range.commonAncestorContainer;
  if (common === host || host.contains(common)) return true;
  try {
    return range.intersectsNode(host);
  } catch {
    return false;
  }
}

const SPACE = /\s/;

/** The span without leading and trailing whitespace (a drag often catches a line break). */
function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return { start, end };
}

function isoDay(value: string | null | undefined): string | null {
  const m = value ? /(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  const day = m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  return isIsoDate(day) ? day : null;
}

function bounded(value: string | null | undefined, max: number): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v.slice(0, max) : null;
}

/** The draft for `range` in `doc`, or why there is none. Builds the page text once. */
export function buildDraft(doc: Document, range: Range, ctx: DraftContext): DraftOutcome {
  if (touchesHost(range, ctx.host)) return { ok: false, reason: 'ignored' };
  const text = buildPageText(doc);
  const span = trimSpan(text.text, rangeToOffsets(text, range));
  if (span.end <= span.start) return { ok: false, reason: 'empty' };
  if (span.end - span.start > PASSAGE_LIMITS.quote) return { ok: false, reason: 'too-long' };
  const { quote, position } = selectorsFor(text.text, span.start, span.end);

  const article = ctx.analysis?.article ?? null;
  const meta = readMeta(doc);
  const outletId = article?.outlet ?? null;
  const outlet = (outletId ? ctx.outlets.get(outletId)?.name : null) ?? meta.siteName;
  const claims = new Set<string>();
  for (const c of ctx.claimRanges) {
    const at = rangeToOffsets(text, c.range);
    if (at.start < span.end && span.start < at.end) claims.add(c.claimId);
  }
  const order = (id: string) => ctx.claimOrder.get(id) ?? Number.MAX_SAFE_INTEGER;

  const checked = validateDraft({
    quote,
    position,
    url: ctx.url,
    canonicalUrl: canonicalUrl(doc),
    title: bounded(article?.title ?? meta.title ?? doc.title, PASSAGE_LIMITS.title) ?? '',
    outlet: bounded(outlet, PASSAGE_LIMITS.outlet),
    published: isoDay(article?.published) ?? isoDay(meta.published),
    note: '',
    tags: [],
    claims: [...claims].sort((a, b) => order(a) - order(b)).slice(0, PASSAGE_LIMITS.claims),
  });
  if (!checked.ok) return { ok: false, reason: 'invalid', message: checked.error };
  return { ok: true, draft: checked.value, span, text };
}
