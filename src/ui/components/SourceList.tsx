/**
 * A fact's sources behind a disclosure (native <details>, so it works from the keyboard): publisher,
 * date, linked title, and the supporting words — as a quotation only when they are the source's own.
 */
import { useT } from './i18n';
import { shortDate } from './model/dates';
import { type SourceView, safeHref } from './model/sources';

function SourceItem({ source }: { source: SourceView }) {
  const t = useT();
  const href = safeHref(source.url);
  const date = source.dateApprox ? t('approxDate', [shortDate(source.date)]) : shortDate(source.date);
  return (
    <li class="source">
      <span class="source__meta">
        {source.publisher} · {date}
      </span>{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" lang={source.lang} dir="auto">
          {source.title}
        </a>
      ) : (
        <span lang={source.lang}>{source.title}</span>
      )}
      {source.quote &&
        (source.fromRecord ? (
          <p class="source__record">{t('sourceRecordSays', [source.quote])}</p>
        ) : (
          <blockquote class="source__quote" lang={source.lang} dir="auto">
            {source.quote}
          </blockquote>
        ))}
    </li>
  );
}

export function SourceList({ sources }: { sources: readonly SourceView[] }) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <details class="sources">
      <summary>{t('sourcesCount', [String(sources.length)])}</summary>
      <ul class="sources__list">
        {sources.map((s, i) => (
          <SourceItem key={`${s.id}:${i}`} source={s} />
        ))}
      </ul>
    </details>
  );
}
