import { describe, expect, it } from 'vitest';
import {
  ALL_QUOTES_UP_TO,
  boundedForReport,
  QUOTES_PER_CLAIM,
} from '../../../src/content/pipeline/report-bounds';
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

  it("carries each claim's first distinct passages word for word, and the rest without their words", () => {
    const a = analysis(0);
    const distinct = QUOTES_PER_CLAIM + 3;
    for (let i = 0; i < distinct; i++) {
      a.matches.push({ ...match(i), claimId: 'claim.a', quote: `passage ${i}` });
      a.matches.push({ ...match(i), claimId: 'claim.a', quote: `passage ${i}` });
      a.matches.push({ ...match(i), claimId: 'claim.b', quote: `passage ${i}` });
    }
    // An ordinary article's report keeps every quote.
    expect(boundedForReport(a)).toBe(a);
    // A long page's: beyond ALL_QUOTES_UP_TO matches (filler matches of another claim).
    for (let i = 0; a.matches.length <= ALL_QUOTES_UP_TO; i++) {
      a.matches.push({ ...match(1000 + i), claimId: 'claim.c', quote: 'filler' });
    }
    const bounded = boundedForReport(a);
    expect(bounded.matches).toHaveLength(a.matches.length);
    const kept = (claim: string) =>
      new Set(bounded.matches.filter((m) => m.claimId === claim && m.quote !== '').map((m) => m.quote));
    expect(kept('claim.a').size).toBe(QUOTES_PER_CLAIM);
    expect(kept('claim.b').size).toBe(QUOTES_PER_CLAIM);
    // A repeat of a kept passage keeps its words; the offsets of every match are untouched.
    expect(bounded.matches.filter((m) => m.claimId === 'claim.a' && m.quote === 'passage 0')).toHaveLength(2);
    expect(bounded.matches.map((m) => [m.start, m.end])).toEqual(a.matches.map((m) => [m.start, m.end]));
    expect(bounded.matches.filter((m) => m.quote === '')).toHaveLength(3 * 3);
  });
});
