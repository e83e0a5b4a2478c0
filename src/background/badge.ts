/**
 * The toolbar badge for a tab: the number of the story's names the page mentions, on an orange that
 * reads as "look here" next to the navy icon; nothing at all on pages without them.
 */
import type { BadgeInfo, TabState } from '../platform/messages';

export const BADGE_COLOR = '#c2410c';

export function badgeFor(state: Pick<TabState, 'gate'> | null): BadgeInfo {
  if (state === null || !state.gate.hit) return { text: '', color: BADGE_COLOR };
  return { text: String(state.gate.terms.length), color: BADGE_COLOR };
}
