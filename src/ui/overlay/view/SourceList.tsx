/**
 * The sources under a card: publisher, date, the quote (marked as the source's words or as the
 * record's summary) and a link that opens in a new tab. All text is rendered as text nodes.
 */
import type { SourceLinkModel } from '../model/card-model';
import { formatDate, type Translate } from '../strings';

interface Props {
  sources: SourceLinkModel[];
  t: Translate;
  locale: string;
}

function SourceItem({ source, t, locale }: { source: SourceLinkModel; t: Translate; locale: string }) {
  const date = formatDate(source.date, locale);
  return (
    <li class="source">
      <div class="source-head">
        <span class="publisher">{source.publisher}</span>
        <span class="dot" aria-hidden="true">
          {' · '}
        </span>
        <time dateTime={source.date}>{source.dateApprox ? t('approxDate', [date]) : date}</time>
      </div>
      {source.href ? (
        <a
          class="source-link"
          href={source.href}
          target="_blank"
          rel="noopener noreferrer"
          lang={source.lang}
        >
          {source.title}
          <span class="sr-only"> {t('cardOpensNewTab')}</span>
        </a>
      ) : (
        <span class="source-title" lang={source.lang}>
          {source.title} ({t('cardNoLink')})
        </span>
      )}
      <blockquote
        class={source.quoteIsSourceWords ? 'quote' : 'quote record'}
        lang={source.quoteIsSourceWords ? source.lang : undefined}
        dir="auto"
      >
        <span class="quote-label">
          {t(source.quoteIsSourceWords ? 'cardSourceWords' : 'cardRecordWords')}
        </span>
        <span class="quote-text">{source.quote}</span>
      </blockquote>
    </li>
  );
}

export function SourceList({ sources, t, locale }: Props) {
  if (sources.length === 0) return null;
  return (
    <section class="sources">
      <h3 class="section-title">{t('cardSources')}</h3>
      <ul>
        {sources.map((source) => (
          <SourceItem key={source.sourceId} source={source} t={t} locale={locale} />
        ))}
      </ul>
    </section>
  );
}
