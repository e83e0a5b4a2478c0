/**
 * Where a case stood at a date, derived from its dated events (never stored separately, so the
 * timeline and the status cannot disagree), and what happened since.
 */
import type { CaseEvent, FactPack } from '../facts/types.js';
import type { CaseStatus } from '../match/findings.js';

/** Events of one case in date order. */
export function caseEvents(pack: FactPack, caseId: string): CaseEvent[] {
  return pack.events.filter((e) => e.case === caseId).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The status of `caseId` as of `asOf`: the status of the latest event on or before that date that
 * sets one, or "not yet filed" before the first; `since` lists the case's later events.
 */
export function statusAsOf(pack: FactPack, caseId: string, asOf: string): CaseStatus {
  return statusFromEvents(caseId, caseEvents(pack, caseId), asOf);
}

/** `statusAsOf` from the case's events in date order (`caseEvents`), for callers that keep them. */
export function statusFromEvents(caseId: string, events: readonly CaseEvent[], asOf: string): CaseStatus {
  let status = 'not yet filed';
  const since: string[] = [];
  for (const e of events) {
    if (e.date <= asOf) {
      if (e.status) status = e.status;
    } else {
      since.push(e.id);
    }
  }
  return { caseId, asOf, status, since };
}
