/**
 * Checks a page analysis sent by the content script. The content script runs inside hostile pages,
 * so every field is checked and bounded, and only known fields are copied.
 */
import type { Analysis, CaseStatus, ClaimMatch, ConflictMatch } from '../core/match/findings';
import type { HighlightReport, PageAnalysis, RunTimings } from './messages';
import { fail, ok, type Result } from './result';

export const ANALYSIS_LIMITS = { list: 5000, text: 5000, id: 200, reasons: 50 } as const;

const ID = /^[a-z0-9][a-z0-9._-]*$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

class Invalid extends Error {}

function rec(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(`${what} must be an object`);
  return v as Record<string, unknown>;
}
function str(v: unknown, what: string, max: number = ANALYSIS_LIMITS.text): string {
  if (typeof v !== 'string' || v.length > max)
    throw new Invalid(`${what} must be a string of at most ${max} characters`);
  return v;
}
function id(v: unknown, what: string): string {
  const s = str(v, what, ANALYSIS_LIMITS.id);
  if (!ID.test(s)) throw new Invalid(`${what} is not an id`);
  return s;
}
function nullable<T>(v: unknown, f: (x: unknown) => T): T | null {
  return v === null ? null : f(v);
}
function int(v: unknown, what: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0)
    throw new Invalid(`${what} must be a non-negative integer`);
  return v as number;
}
function list<T>(
  v: unknown,
  what: string,
  f: (x: unknown, i: number) => T,
  max: number = ANALYSIS_LIMITS.list,
): T[] {
  if (!Array.isArray(v) || v.length > max) throw new Invalid(`${what} must be a list of at most ${max}`);
  return v.map(f);
}
function span(o: Record<string, unknown>, what: string): { start: number; end: number } {
  const start = int(o.start, `${what}.start`);
  const end = int(o.end, `${what}.end`);
  if (end < start) throw new Invalid(`${what} ends before it starts`);
  return { start, end };
}

function match(v: unknown, i: number): ClaimMatch {
  const o = rec(v, `matches[${i}]`);
  const c = o.confidence;
  if (typeof c !== 'number' || !(c >= 0 && c <= 1))
    throw new Invalid(`matches[${i}].confidence must be in 0..1`);
  return {
    claimId: id(o.claimId, `matches[${i}].claimId`),
    ...span(o, `matches[${i}]`),
    quote: str(o.quote, `matches[${i}].quote`),
    confidence: c,
  };
}

function conflict(v: unknown, i: number): ConflictMatch {
  const o = rec(v, `conflicts[${i}]`);
  const w = `conflicts[${i}]`;
  return {
    conflictId: id(o.conflictId, `${w}.conflictId`),
    ...span(o, w),
    found: str(o.found, `${w}.found`),
    expected: str(o.expected, `${w}.expected`),
    kind: str(o.kind, `${w}.kind`, 40),
    note: str(o.note, `${w}.note`),
  };
}

function status(v: unknown, i: number): CaseStatus {
  const o = rec(v, `status[${i}]`);
  const asOf = str(o.asOf, `status[${i}].asOf`, 10);
  if (!DAY.test(asOf)) throw new Invalid(`status[${i}].asOf must be YYYY-MM-DD`);
  return {
    caseId: id(o.caseId, `status[${i}].caseId`),
    asOf,
    status: str(o.status, `status[${i}].status`, 500),
    since: list(o.since, `status[${i}].since`, (x, j) => id(x, `status[${i}].since[${j}]`), 500),
  };
}

function analysis(v: unknown): Analysis {
  const o = rec(v, 'analysis');
  if (typeof o.relevant !== 'boolean') throw new Invalid('analysis.relevant must be a boolean');
  if (typeof o.score !== 'number' || !Number.isFinite(o.score))
    throw new Invalid('analysis.score must be a number');
  const a = rec(o.article, 'analysis.article');
  const published = nullable(a.published, (x) => str(x, 'article.published', 10));
  if (published !== null && !DAY.test(published)) throw new Invalid('article.published must be YYYY-MM-DD');
  return {
    relevant: o.relevant,
    score: o.score,
    reasons: list(o.reasons, 'reasons', (x, i) => str(x, `reasons[${i}]`, 500), ANALYSIS_LIMITS.reasons),
    article: {
      title: nullable(a.title, (x) => str(x, 'article.title', 1000)),
      outlet: nullable(a.outlet, (x) => id(x, 'article.outlet')),
      published,
    },
    matches: list(o.matches, 'matches', match),
    conflicts: list(o.conflicts, 'conflicts', conflict),
    status: list(o.status, 'status', status, 50),
  };
}

function highlights(v: unknown): HighlightReport {
  const o = rec(v, 'highlights');
  if (typeof o.supported !== 'boolean') throw new Invalid('highlights.supported must be a boolean');
  return {
    supported: o.supported,
    placed: int(o.placed, 'highlights.placed'),
    unplaced: int(o.unplaced, 'highlights.unplaced'),
  };
}

function milliseconds(v: unknown, what: string): number {
  // A page open for days still has a finite clock: bound at a year.
  if (typeof v !== 'number' || !(v >= 0 && v < 31_536_000_000))
    throw new Invalid(`${what} must be milliseconds`);
  return v;
}

function timings(v: unknown): RunTimings {
  const o = rec(v, 'timings');
  if (typeof o.remote !== 'boolean') throw new Invalid('timings.remote must be a boolean');
  return {
    extract: milliseconds(o.extract, 'timings.extract'),
    engine: milliseconds(o.engine, 'timings.engine'),
    place: milliseconds(o.place, 'timings.place'),
    total: milliseconds(o.total, 'timings.total'),
    longestSlice: milliseconds(o.longestSlice, 'timings.longestSlice'),
    remote: o.remote,
    startedAt: milliseconds(o.startedAt, 'timings.startedAt'),
  };
}

export function validatePageAnalysis(
  payload: unknown,
  isPageUrl: (u: unknown) => boolean,
): Result<PageAnalysis> {
  try {
    const o = rec(payload, 'page-analysis payload');
    if (!isPageUrl(o.url)) return fail('page-analysis url must be an http(s) URL');
    const checked: PageAnalysis = {
      url: o.url as string,
      analysis: analysis(o.analysis),
      highlights: highlights(o.highlights),
    };
    if (o.timings !== undefined) checked.timings = timings(o.timings);
    return ok(checked);
  } catch (e) {
    if (e instanceof Invalid) return fail(e.message);
    throw e;
  }
}
