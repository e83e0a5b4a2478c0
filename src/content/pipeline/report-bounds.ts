/** What the pipeline reports to the background, within the bounds the background accepts. */
import type { Analysis, ClaimMatch } from '../../core/match/findings';
import { ANALYSIS_LIMITS } from '../../platform/analysis-validate';

/**
 * Distinct passages per claim the report carries word for word: the popup shows a claim's passages
 * (the first, the others folded); beyond this a match is reported with an empty quote. Keeps the
 * report of a long page (a 1 MB page states the same claims thousands of times) small enough to
 * serialise without holding the page's main thread.
 */
export const QUOTES_PER_CLAIM = 12;
/** Reports with up to this many matches carry every quote (an ordinary long article has a few hundred). */
export const ALL_QUOTES_UP_TO = 1000;

/**
 * The analysis as the background accepts it and the popup uses it: a page with more findings than
 * ANALYSIS_LIMITS.list (a multi-megabyte archive page) reports the first ones — the page still shows
 * every highlight, and the highlight counts say how many there are — and, past ALL_QUOTES_UP_TO
 * matches, each claim's passages after the first QUOTES_PER_CLAIM distinct ones go without their words.
 */
export function boundedForReport(analysis: Analysis): Analysis {
  const max = ANALYSIS_LIMITS.list;
  const quotes = new Map<string, Set<string>>();
  let trimmed = false;
  const matches: ClaimMatch[] = [];
  for (const m of analysis.matches.slice(0, max)) {
    let seen = quotes.get(m.claimId);
    if (!seen) {
      seen = new Set();
      quotes.set(m.claimId, seen);
    }
    if (analysis.matches.length <= ALL_QUOTES_UP_TO || seen.has(m.quote) || seen.size < QUOTES_PER_CLAIM) {
      seen.add(m.quote);
      matches.push(m);
    } else {
      trimmed = true;
      matches.push({ ...m, quote: '' });
    }
  }
  if (!trimmed && analysis.matches.length <= max && analysis.conflicts.length <= max) return analysis;
  return { ...analysis, matches, conflicts: analysis.conflicts.slice(0, max) };
}
