/**
 * The "claims found" list of the This page view: the engine reports one match per passage, so a
 * claim stated in three sentences comes three times. Here each claim appears once, with every
 * distinct passage that states it, grouped under the case it belongs to (pack order; claims outside
 * any case last) and, inside a group, in the order the article first states them.
 */
import type { PackIndex } from '../../../core/facts/index';
import type { Case, Claim } from '../../../core/facts/types';
import type { ClaimMatch } from '../../../core/match/findings';
import { type SourceView, sourceViews } from './sources';

export interface ClaimView {
  claim: Claim;
  /** The page's passages that state the claim, distinct, in text order. */
  quotes: string[];
  sources: SourceView[];
}

export interface ClaimGroup {
  /** Null for claims that belong to the story but to no case. */
  case: Case | null;
  claims: ClaimView[];
}

/** Groups an analysis's matches by claim and case. Matches of claims unknown to the pack are dropped. */
export function groupClaimsByCase(index: PackIndex, matches: readonly ClaimMatch[]): ClaimGroup[] {
  const byClaim = new Map<string, ClaimView>();
  for (const match of [...matches].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const claim = index.claims.get(match.claimId);
    if (!claim) continue;
    let view = byClaim.get(claim.id);
    if (!view) {
      view = { claim, quotes: [], sources: sourceViews(index, claim.sources) };
      byClaim.set(claim.id, view);
    }
    // An empty quote: a long page's report keeps the words of each claim's first passages only.
    if (match.quote !== '' && !view.quotes.includes(match.quote)) view.quotes.push(match.quote);
  }
  const groups = new Map<string | null, ClaimView[]>();
  for (const view of byClaim.values()) {
    const key = view.claim.case !== null && index.cases.has(view.claim.case) ? view.claim.case : null;
    const group = groups.get(key);
    if (group) group.push(view);
    else groups.set(key, [view]);
  }
  const ordered: ClaimGroup[] = [];
  for (const c of index.pack.cases) {
    const claims = groups.get(c.id);
    if (claims) ordered.push({ case: c, claims });
  }
  const loose = groups.get(null);
  if (loose) ordered.push({ case: null, claims: loose });
  return ordered;
}

/** How many distinct claims the page states (what the match count shows). */
export function distinctClaimCount(groups: readonly ClaimGroup[]): number {
  return groups.reduce((sum, group) => sum + group.claims.length, 0);
}
