/** What the pipeline reports to the background, within the bounds the background accepts. */
import type { Analysis } from '../../core/match/findings';
import { ANALYSIS_LIMITS } from '../../platform/analysis-validate';

/**
 * The analysis as the background accepts it: a page with more findings than ANALYSIS_LIMITS.list (a
 * multi-megabyte archive page) reports the first ones — the page still shows every highlight, and the
 * highlight counts say how many there are.
 */
export function boundedForReport(analysis: Analysis): Analysis {
  const max = ANALYSIS_LIMITS.list;
  if (analysis.matches.length <= max && analysis.conflicts.length <= max) return analysis;
  return {
    ...analysis,
    matches: analysis.matches.slice(0, max),
    conflicts: analysis.conflicts.slice(0, max),
  };
}
