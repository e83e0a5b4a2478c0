/**
 * The Timeline view: each case's dated events with their sources, uncertain dates marked, and the
 * article's own date as a labelled entry in the list where it falls.
 */
import type { CaseEvent } from '../../core/facts/types';
import { VerdictBadge } from './Badges';
import { useT } from './i18n';
import { longDate, shortDate } from './model/dates';
import type { SourceView } from './model/sources';
import type { CaseTimeline, TimelineItem } from './model/timeline';
import { SourceList } from './SourceList';

function EventItem({ event, sources }: { event: CaseEvent; sources: readonly SourceView[] }) {
  const t = useT();
  return (
    <li class="tl-event" data-testid="timeline-event" data-event={event.id}>
      <p class="tl-event__date">
        <time dateTime={event.date}>{shortDate(event.date)}</time>
        {event.dateUncertain && (
          <span class="badge uncertain" data-testid="date-uncertain">
            <span class="badge__icon" aria-hidden="true">
              ≈
            </span>
            {t('dateUncertain')}
          </span>
        )}
        {event.published && (
          <span class="tl-event__published">{t('publishedOn', [shortDate(event.published)])}</span>
        )}
      </p>
      <p class="tl-event__title">
        {event.title}
        {event.verdict !== 'verified' && (
          <>
            {' '}
            <VerdictBadge verdict={event.verdict} />
          </>
        )}
      </p>
      <p class="tl-event__desc">{event.description}</p>
      <SourceList sources={sources} />
    </li>
  );
}

function Item({ item }: { item: TimelineItem }) {
  const t = useT();
  if (item.kind === 'event') return <EventItem event={item.event} sources={item.sources} />;
  return (
    <li class="tl-article" data-testid="timeline-article">
      <span class="tl-article__mark" aria-hidden="true">
        ▶
      </span>
      <strong>{t('timelineArticle')}</strong> <time dateTime={item.date}>{longDate(item.date)}</time>
    </li>
  );
}

export function TimelineTab({ timelines }: { timelines: readonly CaseTimeline[] }) {
  const t = useT();
  return (
    <>
      <p class="intro">{t('timelineIntro')}</p>
      {timelines.map((timeline) => {
        const id = timeline.case?.id ?? 'story';
        return (
          <section class="timeline" key={id} data-case={timeline.case?.id ?? ''} aria-labelledby={`tl-${id}`}>
            <h2 class="timeline__head" id={`tl-${id}`}>
              {timeline.case?.title ?? t('timelineStory')}
            </h2>
            <ol class="timeline__list">
              {timeline.items.map((item) => (
                <Item key={item.kind === 'event' ? item.event.id : 'article'} item={item} />
              ))}
            </ol>
          </section>
        );
      })}
    </>
  );
}
