/**
 * The Timeline view's model: each case's dated events in order (core's caseEvents), with the
 * article's own date placed among them — after the events of that same day, as statusAsOf counts
 * them — so a reader sees what the article could and could not have known.
 */
import type { PackIndex } from '../../../core/facts/index';
import type { Case, CaseEvent } from '../../../core/facts/types';
import { caseEvents } from '../../../core/status/case-status';
import { type SourceView, sourceViews } from './sources';

export type TimelineItem =
  | { kind: 'event'; event: CaseEvent; sources: SourceView[] }
  | { kind: 'article'; date: string };

export interface CaseTimeline {
  /** Null for the story's events that belong to no case. */
  case: Case | null;
  items: TimelineItem[];
}

function withArticle(index: PackIndex, events: readonly CaseEvent[], articleDate: string | null) {
  const items: TimelineItem[] = events.map((event) => ({
    kind: 'event',
    event,
    sources: sourceViews(index, event.sources),
  }));
  if (articleDate === null) return items;
  const at = events.findIndex((e) => e.date > articleDate);
  items.splice(at === -1 ? items.length : at, 0, { kind: 'article', date: articleDate });
  return items;
}

/**
 * Timelines of `caseIds` (in that order; unknown ids skipped), then the story's other events.
 * `articleDate` null: no marker.
 */
export function timelines(
  index: PackIndex,
  caseIds: readonly string[],
  articleDate: string | null,
): CaseTimeline[] {
  const out: CaseTimeline[] = [];
  for (const id of caseIds) {
    const c = index.cases.get(id);
    if (c) out.push({ case: c, items: withArticle(index, caseEvents(index.pack, id), articleDate) });
  }
  const loose = index.eventsByCase.get(null) ?? [];
  if (loose.length > 0) out.push({ case: null, items: withArticle(index, loose, articleDate) });
  return out;
}
