/**
 * The engine's quality over the fixture pages must not fall below the targets of issue #4
 * (claim precision ≥ 95 %, recall ≥ 90 %, detection 100 %). `npm run eval -- -v` lists differences.
 */
import { describe, expect, it } from 'vitest';
import { scoreFixture } from '../../../scripts/eval-score';
import { loadFixtures, makeEngine, needsBrowser, runHtml } from '../../../scripts/fixture-runner';

describe('quality over the fixture pages', () => {
  const engine = makeEngine();
  const totals = { tp: 0, fp: 0, fn: 0, cTp: 0, cFp: 0, cFn: 0, detectionWrong: [] as string[] };
  for (const f of loadFixtures()) {
    // Held-out pages measure how the cues generalise (npm run eval); they are not a regression gate.
    if (!f.expected || needsBrowser(f) || f.kind === 'held-out') continue;
    const { text, result } = runHtml(engine, f.html, f.expected.url);
    const s = scoreFixture(text, result, f.expected);
    totals.tp += s.claims.tp;
    totals.fp += s.claims.fp;
    totals.fn += s.claims.fn;
    totals.cTp += s.conflicts.tp;
    totals.cFp += s.conflicts.fp;
    totals.cFn += s.conflicts.fn;
    if (s.detection.expected !== s.detection.got) totals.detectionWrong.push(f.slug);
  }

  it('detects every page right', () => {
    expect(totals.detectionWrong).toEqual([]);
  });
  it('matches claims with precision ≥ 95 % and recall ≥ 90 %', () => {
    expect(totals.tp + totals.fn).toBeGreaterThan(300);
    expect(totals.tp / (totals.tp + totals.fp)).toBeGreaterThanOrEqual(0.95);
    expect(totals.tp / (totals.tp + totals.fn)).toBeGreaterThanOrEqual(0.9);
  });
  it('flags conflicts with precision and recall ≥ 90 %', () => {
    expect(totals.cTp / (totals.cTp + totals.cFp)).toBeGreaterThanOrEqual(0.9);
    expect(totals.cTp / (totals.cTp + totals.cFn)).toBeGreaterThanOrEqual(0.9);
  });
});
