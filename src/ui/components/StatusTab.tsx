/**
 * The Status view: for each case the article touches, its status on the article's date and today,
 * and what has happened since the article. Without an article: every case as it stands today.
 */
import { VerdictBadge } from './Badges';
import { useT } from './i18n';
import type { CaseStatusView } from './model/case-status';
import { longDate, shortDate } from './model/dates';

function Since({ view }: { view: CaseStatusView }) {
  const t = useT();
  if (view.since.length === 0) return <p class="muted">{t('statusNothingSince')}</p>;
  return (
    <ol class="since">
      {view.since.map((event) => (
        <li key={event.id} data-testid="since-event" data-event={event.id}>
          <span class="since__title">{event.title}</span>
          {event.verdict !== 'verified' && <VerdictBadge verdict={event.verdict} />}
          <span class="since__date">
            {' — '}
            <time dateTime={event.date}>{shortDate(event.date)}</time>
            {event.published && ` ${t('publishedOn', [shortDate(event.published)])}`}
            {event.dateUncertain && ` ${t('dateUncertainShort')}`}
          </span>
        </li>
      ))}
    </ol>
  );
}

function CaseStatusItem({ view, withArticle }: { view: CaseStatusView; withArticle: boolean }) {
  const t = useT();
  return (
    <li class="case" data-testid="case-status" data-case={view.case.id}>
      <h2 class="case__title">{view.case.title}</h2>
      <p class="case__court muted">
        {view.court}
        {view.case.number && ` · ${view.case.number}`}
      </p>
      <dl class="case__status">
        {withArticle && (
          <div class="case__row">
            <dt>{t('statusThen', [longDate(view.asOf)])}</dt>
            <dd data-testid="status-then">{view.statusThen}</dd>
          </div>
        )}
        <div class="case__row">
          <dt>{t('statusToday', [longDate(view.today)])}</dt>
          <dd data-testid="status-today">{view.statusToday}</dd>
        </div>
      </dl>
      {withArticle && (
        <>
          <h3 class="case__since-head">{t('statusSince')}</h3>
          <Since view={view} />
        </>
      )}
    </li>
  );
}

interface StatusTabProps {
  views: readonly CaseStatusView[];
  /** False when there is no article (or it has no date): only today's status is meaningful. */
  withArticle: boolean;
}

export function StatusTab({ views, withArticle }: StatusTabProps) {
  const t = useT();
  return (
    <>
      <p class="intro">{withArticle ? t('statusIntro') : t('statusIntroNoArticle')}</p>
      <ul class="cases">
        {views.map((view) => (
          <CaseStatusItem key={view.case.id} view={view} withArticle={withArticle} />
        ))}
      </ul>
    </>
  );
}
