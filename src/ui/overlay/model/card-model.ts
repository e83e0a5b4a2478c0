/**
 * What a card says, worked out from the engine's finding and the fact pack before anything renders:
 * the view only lays these out, and unit tests check them against the real pack.
 */
import type { PackIndex } from '../../../core/facts/index';
import type { ConflictVariant, SourceRef, Verdict } from '../../../core/facts/types';
import type { Analysis, ClaimMatch, ConflictMatch } from '../../../core/match/findings';
import { sourceHref } from './source-link';

export type ArticleInfo = Analysis['article'];

/** One source under a card: who published it, when, and a link (null when the URL is not http(s)). */
export interface SourceLinkModel {
  sourceId: string;
  publisher: string;
  title: string;
  /** ISO date; `dateApprox` when only the reported event's date is known. */
  date: string;
  dateApprox: boolean;
  lang: string;
  quote: string;
  /** True when `quote` is the source's own words; false when it is the research record's summary. */
  quoteIsSourceWords: boolean;
  href: string | null;
}

export interface ClaimCardModel {
  kind: 'claim';
  claimId: string;
  text: string;
  verdict: Verdict;
  verdictNote: string | null;
  /** The engine's confidence in the match, 0…1. */
  confidence: number;
  /** The article's own words that state the claim. */
  quote: string;
  sources: SourceLinkModel[];
}

export interface VariantModel {
  reading: string;
  assessment: ConflictVariant['assessment'];
  /** Outlet names (ids the pack does not know are left out). */
  outlets: string[];
  /** This article's reading: its outlet is listed for it, or (outlet unknown) its wording matches. */
  usedHere: boolean;
}

export interface ConflictCardModel {
  kind: 'conflict';
  conflictId: string;
  subject: string;
  conflictKind: string;
  /** What this article says (its own words). */
  found: string;
  /** What the record supports. */
  expected: string;
  why: string;
  /** The engine's note on this finding (often the variant's note). */
  note: string;
  /** The article's outlet name, when the engine recognised it. */
  articleOutlet: string | null;
  variants: VariantModel[];
  sources: SourceLinkModel[];
}

export type CardModel = ClaimCardModel | ConflictCardModel;

/** Sources in the pack's order; references to sources the pack does not hold are skipped. */
export function sourceLinks(index: PackIndex, refs: readonly SourceRef[]): SourceLinkModel[] {
  const out: SourceLinkModel[] = [];
  for (const ref of refs) {
    const source = index.sources.get(ref.source);
    if (!source) continue;
    const outletName = source.outlet ? index.outlets.get(source.outlet)?.name : undefined;
    out.push({
      sourceId: source.id,
      publisher: source.publisher.trim() || outletName || source.url,
      title: source.title,
      date: source.date,
      dateApprox: source.dateApprox === true,
      lang: source.lang,
      quote: ref.quote,
      quoteIsSourceWords: ref.fromRecord !== true,
      href: sourceHref(source.url, ref.quote, ref.fromRecord),
    });
  }
  return out;
}

/** The claim card for a match, or null when the pack does not know the claim. */
export function claimCard(index: PackIndex, match: ClaimMatch): ClaimCardModel | null {
  const claim = index.claims.get(match.claimId);
  if (!claim) return null;
  return {
    kind: 'claim',
    claimId: claim.id,
    text: claim.text,
    verdict: claim.verdict,
    verdictNote: claim.verdictNote ?? null,
    confidence: Math.min(1, Math.max(0, match.confidence)),
    quote: match.quote,
    sources: sourceLinks(index, claim.sources),
  };
}

/** Case-, space- and punctuation-insensitive comparison of two short readings. */
function sameReading(a: string, b: string): boolean {
  const key = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return key(a) === key(b);
}

/** The conflict card for a finding, or null when the pack does not know the conflict. */
export function conflictCard(
  index: PackIndex,
  match: ConflictMatch,
  article: ArticleInfo,
): ConflictCardModel | null {
  const conflict = index.conflicts.get(match.conflictId);
  if (!conflict) return null;
  const outlet = article.outlet ? index.outlets.get(article.outlet) : undefined;
  const byOutlet = outlet ? conflict.variants.filter((v) => v.outlets.includes(outlet.id)) : [];
  const used =
    byOutlet.length > 0 ? byOutlet : conflict.variants.filter((v) => sameReading(v.reading, match.found));
  return {
    kind: 'conflict',
    conflictId: conflict.id,
    subject: conflict.subject,
    conflictKind: conflict.kind,
    found: match.found,
    expected: match.expected || conflict.expected,
    why: conflict.why,
    note: match.note,
    articleOutlet: outlet?.name ?? null,
    variants: conflict.variants.map((v) => ({
      reading: v.reading,
      assessment: v.assessment,
      outlets: v.outlets.flatMap((id) => {
        const name = index.outlets.get(id)?.name;
        return name ? [name] : [];
      }),
      usedHere: used.includes(v),
    })),
    sources: sourceLinks(index, conflict.sources),
  };
}
