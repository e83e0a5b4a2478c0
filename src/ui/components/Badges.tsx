/**
 * Verdict and assessment tags. Each carries an icon and words, never colour alone, so they read the
 * same in high contrast, in dark mode and to a screen reader.
 */
import type { Verdict } from '../../core/facts/types';
import { type MessageKey, useT } from './i18n';
import type { Assessment } from './model/conflicts';

const VERDICT: Record<Verdict, { icon: string; label: MessageKey; note: MessageKey }> = {
  verified: { icon: '✓', label: 'verdictVerified', note: 'verdictVerifiedTitle' },
  'single-source': { icon: '①', label: 'verdictSingleSource', note: 'verdictSingleSourceTitle' },
  disputed: { icon: '⇄', label: 'verdictDisputed', note: 'verdictDisputedTitle' },
  false: { icon: '✗', label: 'verdictFalse', note: 'verdictFalseTitle' },
  unverified: { icon: '?', label: 'verdictUnverified', note: 'verdictUnverifiedTitle' },
};

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const t = useT();
  const v = VERDICT[verdict];
  return (
    <span class={`badge verdict verdict--${verdict}`} data-verdict={verdict} title={t(v.note)}>
      <span class="badge__icon" aria-hidden="true">
        {v.icon}
      </span>
      {t(v.label)}
    </span>
  );
}

const ASSESSMENT: Record<Assessment, { icon: string; label: MessageKey }> = {
  right: { icon: '✓', label: 'assessRight' },
  imprecise: { icon: '≈', label: 'assessImprecise' },
  outdated: { icon: '↺', label: 'assessOutdated' },
  'house-style': { icon: '✎', label: 'assessHouseStyle' },
  wrong: { icon: '✗', label: 'assessWrong' },
  unverified: { icon: '?', label: 'assessUnverified' },
};

export function AssessmentTag({ assessment }: { assessment: Assessment }) {
  const t = useT();
  const a = ASSESSMENT[assessment];
  return (
    <span class={`badge assess assess--${assessment}`} data-assessment={assessment}>
      <span class="badge__icon" aria-hidden="true">
        {a.icon}
      </span>
      {t(a.label)}
    </span>
  );
}
