/**
 * The This page view's head: whether the page is about the story (`page-relevance`), and why —
 * the gate's names, then the engine's reasons and score once the article has been analysed.
 */
import type { Analysis } from '../../core/match/findings';
import { useT } from './i18n';
import type { PageView } from './view-types';

export type Relevance = 'unread' | 'miss' | 'pending' | 'not-about' | 'about';

/** Which of the page states applies. */
export function relevanceOf(page: PageView | null): Relevance {
  if (page === null) return 'unread';
  if (!page.gate.hit) return 'miss';
  if (page.analysis === null) return 'pending';
  return page.analysis.analysis.relevant ? 'about' : 'not-about';
}

function Reasons({ analysis }: { analysis: Analysis }) {
  const t = useT();
  return (
    <details class="reasons" id="relevance-reasons">
      <summary>{t('relevanceWhy', [String(analysis.score)])}</summary>
      <ul>
        {analysis.reasons.map((reason, i) => (
          <li key={i}>{reason}</li>
        ))}
      </ul>
    </details>
  );
}

interface RelevanceProps {
  page: PageView | null;
  /** Why nothing was analysed on a page that mentions the story (paused, off on this site), if known. */
  pendingNote: string;
}

export function RelevanceHead({ page, pendingNote }: RelevanceProps) {
  const t = useT();
  const state = relevanceOf(page);
  const calm = state === 'unread' || state === 'miss' || state === 'not-about';
  const head =
    state === 'unread'
      ? t('noReport')
      : state === 'miss'
        ? t('relevanceMiss')
        : state === 'not-about'
          ? t('relevanceNotAbout')
          : t('relevanceHit', [page!.gate.terms.join(', ')]);
  const detail =
    state === 'unread'
      ? t('noReportDetail')
      : state === 'miss' || state === 'not-about'
        ? t('relevanceMissDetail')
        : state === 'pending'
          ? pendingNote
          : null;
  return (
    <section class={`status status--${calm ? 'calm' : 'hit'}`} data-state={state}>
      <p class="status__head" data-testid="page-relevance">
        {head}
      </p>
      {detail && <p class="status__detail">{detail}</p>}
      {page?.analysis && <Reasons analysis={page.analysis.analysis} />}
    </section>
  );
}
