/**
 * The overlay's strings come through a `Translate` function so the overlay itself uses no browser
 * API: the content side passes `browser.i18n` (src/platform/i18n.ts), tests pass one that reads the
 * English catalogue. Keys are typed from that catalogue, so a typo fails the typecheck.
 */
import type { ConflictVariant, Verdict } from '../../core/facts/types';

export type MessageKey = keyof typeof import('../../../_locales/en/messages.json');

export type Translate = (key: MessageKey, substitutions?: string[]) => string;

/** Verdict badges: the same words as the popup's (shared catalogue keys). */
export const VERDICT_KEYS: Record<Verdict, { label: MessageKey; title: MessageKey }> = {
  verified: { label: 'verdictVerified', title: 'verdictVerifiedTitle' },
  'single-source': { label: 'verdictSingleSource', title: 'verdictSingleSourceTitle' },
  disputed: { label: 'verdictDisputed', title: 'verdictDisputedTitle' },
  false: { label: 'verdictFalse', title: 'verdictFalseTitle' },
  unverified: { label: 'verdictUnverified', title: 'verdictUnverifiedTitle' },
};

/** How a reading stands against the record: the popup's words too. */
export const ASSESSMENT_KEYS: Record<ConflictVariant['assessment'], MessageKey> = {
  right: 'assessRight',
  imprecise: 'assessImprecise',
  outdated: 'assessOutdated',
  'house-style': 'assessHouseStyle',
  wrong: 'assessWrong',
  unverified: 'assessUnverified',
};

/** A date for people: "16 Jan 2020" in the UI language, read as a calendar date (no time zone shift). */
export function formatDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  try {
    return new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
  } catch {
    return iso;
  }
}
