/**
 * The toolbar badge for a tab. Before the pipeline has run, the number of the story's names the gate
 * saw, on orange ("look here"); once it has, the number of passages the record knows, on teal — or on
 * red when the page carries details that conflict with the record.
 */
import type { BadgeInfo, TabState } from '../platform/messages';

export const BADGE_COLOR = '#c2410c';
export const BADGE_MATCHES = '#0f766e';
export const BADGE_CONFLICTS = '#b91c1c';

export function badgeFor(state: Pick<TabState, 'gate' | 'analysis'> | null): BadgeInfo {
  if (state === null) return { text: '', color: BADGE_COLOR };
  const a = state.analysis?.analysis;
  if (a) {
    if (!a.relevant) return { text: '', color: BADGE_MATCHES };
    return {
      text: String(a.matches.length),
      color: a.conflicts.length > 0 ? BADGE_CONFLICTS : BADGE_MATCHES,
    };
  }
  if (!state.gate.hit) return { text: '', color: BADGE_COLOR };
  return { text: String(state.gate.terms.length), color: BADGE_COLOR };
}
