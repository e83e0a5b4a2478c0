/**
 * Scores engine output against a fixture's expected.json, written by hand from the article's text.
 * A claim (or conflict) counts as found when the engine reports the same id on a span that
 * overlaps where the expected quote stands in the extracted text.
 */

import type { Analysis } from '../src/core/match/findings';
import { foldText } from '../src/core/text/normalize';
import type { Expected } from './fixture-runner';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  detection: { expected: boolean; got: boolean };
  claims: Tally;
  conflicts: Tally;
  status: { right: number; total: number };
  misses: string[];
}

/**
 * Finds `quote` in `text` ignoring differences of quotes, dashes and whitespace; returns every
 * span it occupies (a quote may stand twice).
 */
export function locate(text: string, quote: string): { start: number; end: number }[] {
  // Fold character by character so folded offsets map back to the original text.
  const map: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const f = foldText(text[i]!) || (/\s/.test(text[i]!) ? ' ' : '');
    for (const ch of f) {
      if (ch === ' ' && folded.endsWith(' ')) continue;
      folded += ch;
      map.push(i);
    }
  }
  const needle = foldText(quote);
  const out: { start: number; end: number }[] = [];
  if (!needle) return out;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    out.push({ start: map[at]!, end: map[at + needle.length - 1]! + 1 });
  }
  return out;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function tallySpans(
  got: { id: string; start: number; end: number }[],
  want: { id: string; spans: { start: number; end: number }[]; label: string }[],
  misses: string[],
  what: string,
): Tally {
  const t: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const w of want) {
    if (got.some((g) => g.id === w.id && w.spans.some((s) => overlaps(g, s)))) t.tp++;
    else {
      t.fn++;
      misses.push(`missed ${what} ${w.id}: ${w.label}`);
    }
  }
  for (const g of got) {
    if (!want.some((w) => w.id === g.id && w.spans.some((s) => overlaps(g, s)))) {
      t.fp++;
      misses.push(`extra ${what} ${g.id} at ${g.start}-${g.end}`);
    }
  }
  return t;
}

export function scoreFixture(text: string, result: Analysis, expected: Expected): Score {
  const misses: string[] = [];
  const wantClaims = expected.matches.map((m) => {
    const spans = locate(text, m.quote);
    if (spans.length === 0)
      misses.push(`quote for ${m.claimId} not in the extracted text: "${m.quote.slice(0, 60)}…"`);
    return { id: m.claimId, spans, label: `"${m.quote.slice(0, 70)}…"` };
  });
  const gotClaims = result.matches.map((m) => ({ id: m.claimId, start: m.start, end: m.end }));
  // Several matches of one claim in one passage are one finding.
  const claims = tallySpans(gotClaims, wantClaims, misses, 'claim');
  const wantConflicts = expected.conflicts.map((c) => ({
    id: c.conflictId,
    spans: locate(text, c.found),
    label: `"${c.found}"`,
  }));
  const gotConflicts = result.conflicts.map((c) => ({ id: c.conflictId, start: c.start, end: c.end }));
  const conflicts = tallySpans(gotConflicts, wantConflicts, misses, 'conflict');
  let right = 0;
  for (const s of expected.status) {
    const got = result.status.find((g) => g.caseId === s.caseId);
    if (got?.status === s.status) right++;
    else misses.push(`status ${s.caseId}: expected "${s.status}", got "${got?.status ?? 'none'}"`);
  }
  if (expected.relevant !== result.relevant)
    misses.unshift(
      `relevance: expected ${expected.relevant}, got ${result.relevant} (${result.reasons.join('; ')})`,
    );
  return {
    detection: { expected: expected.relevant, got: result.relevant },
    claims,
    conflicts,
    status: { right, total: expected.status.length },
    misses,
  };
}

export function ratio(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}
