/**
 * Case status for the Status view: where each case the article touches stood on the article's date
 * (the engine's `status`), where it stands today, and what happened in between. Status comes from
 * core's statusAsOf, never re-derived here, so the timeline and the status cannot disagree.
 */
import type { PackIndex } from '../../../core/facts/index';
import type { Case, CaseEvent } from '../../../core/facts/types';
import type { CaseStatus } from '../../../core/match/findings';
import { statusAsOf } from '../../../core/status/case-status';

export interface CaseStatusView {
  case: Case;
  /** The court's name (entity name), or its id when unknown. */
  court: string;
  /** The date the "then" status is for; the article's date when it has one. */
  asOf: string;
  statusThen: string;
  today: string;
  statusToday: string;
  /** The case's events after `asOf`, oldest first. */
  since: CaseEvent[];
}

/** Views of the statuses an analysis reports (cases unknown to the pack are skipped). */
export function caseStatusViews(
  index: PackIndex,
  statuses: readonly CaseStatus[],
  today: string,
): CaseStatusView[] {
  const out: CaseStatusView[] = [];
  for (const status of statuses) {
    const c = index.cases.get(status.caseId);
    if (!c) continue;
    out.push({
      case: c,
      court: index.entities.get(c.court)?.name ?? c.court,
      asOf: status.asOf,
      statusThen: status.status,
      today,
      statusToday: statusAsOf(index.pack, c.id, today).status,
      since: status.since.map((id) => index.events.get(id)).filter((e): e is CaseEvent => e !== undefined),
    });
  }
  return out;
}

/** Without a page: every case of the pack as of today (the "since" list is then empty). */
export function allCasesToday(index: PackIndex, today: string): CaseStatusView[] {
  return caseStatusViews(
    index,
    index.pack.cases.map((c) => statusAsOf(index.pack, c.id, today)),
    today,
  );
}
