import { describe, expect, it } from 'vitest';
import { boundedForReport } from '../../../src/content/pipeline/report-bounds';
import type { Analysis, ClaimMatch } from '../../../src/core/match/findings';
import { ANALYSIS_LIMITS, validatePageAnalysis } from '../../../src/platform/analysis-validate';

const match = (i: number): ClaimMatch => ({
  claimId: 'claim.x',
  start: i * 10,
  end: i * 10 + 5,
  quote: 'quote',
  confidence: 0.9,
});

const analysis = (matches: number): Analysis => ({
  relevant: true,
  score: 9,
  reasons: [],
  article: { title: null, outlet: null, published: null },
  matches: Array.from({ length: matches }, (_, i) => match(i)),
  conflicts: [],
  status: [],
});

describe('boundedForReport', () => {
  it('passes an ordinary analysis through unchanged', () => {
    const a = analysis(12);
    expect(boundedForReport(a)).toBe(a);
  });

  it('keeps the first findings of a huge page, so the background accepts the report', () => {
    const huge = analysis(ANALYSIS_LIMITS.list + 250);
    const send = (a: Analysis) =>
      validatePageAnalysis(
        {
          url: 'https://example.org/a',
          analysis: a,
          highlights: { supported: true, placed: 1, unplaced: 0 },
        },
        () => true,
      );
    expect(send(huge).ok).toBe(false);
    const bounded = boundedForReport(huge);
    expect(bounded.matches).toHaveLength(ANALYSIS_LIMITS.list);
    expect(bounded.matches[0]).toEqual(huge.matches[0]);
    expect(send(bounded).ok).toBe(true);
  });
});
