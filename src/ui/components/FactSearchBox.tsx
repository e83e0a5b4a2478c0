/**
 * Browse the fact pack without a page: a search field and the hits, each with its type and one
 * short line. The search index is built on the first keystroke (model/search.ts).
 */
import { useMemo, useState } from 'preact/hooks';
import { VerdictBadge } from './Badges';
import { type MessageKey, useT } from './i18n';
import { shortDate } from './model/dates';
import type { FactSearch, ResultKind, SearchResult } from './model/search';

const KIND: Record<ResultKind, MessageKey> = {
  person: 'kindPerson',
  organisation: 'kindOrganisation',
  court: 'kindCourt',
  agency: 'kindAgency',
  product: 'kindProduct',
  place: 'kindPlace',
  case: 'kindCase',
  claim: 'kindClaim',
  event: 'kindEvent',
};

function Result({ result }: { result: SearchResult }) {
  const t = useT();
  return (
    <li class="result" data-testid="search-result" data-kind={result.kind} data-id={result.id}>
      <p class="result__head">
        <span class="kind">{t(KIND[result.kind])}</span>
        {result.date && <span class="result__date">{shortDate(result.date)}</span>}
        {result.verdict && result.verdict !== 'verified' && <VerdictBadge verdict={result.verdict} />}
      </p>
      <p class="result__title" dir="auto">
        {result.title}
      </p>
      {result.alsoWritten && (
        <p class="result__also" dir="auto">
          {t('searchAlsoWritten', [result.alsoWritten])}
        </p>
      )}
      {result.line && <p class="result__line">{result.line}</p>}
    </li>
  );
}

export function FactSearchBox({ search, idPrefix }: { search: FactSearch; idPrefix: string }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const answer = useMemo(() => search.search(query), [search, query]);
  const inputId = `${idPrefix}-search`;
  const hasQuery = query.trim().length > 0;
  return (
    <section class="search" aria-labelledby={`${idPrefix}-search-head`}>
      <h2 class="label" id={`${idPrefix}-search-head`}>
        {t('searchHead')}
      </h2>
      <form class="search__form" onSubmit={(event) => event.preventDefault()}>
        <label for={inputId}>{t('searchLabel')}</label>
        <input
          id={inputId}
          type="search"
          class="search__input"
          data-testid="search-input"
          value={query}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </form>
      <p class="search__count muted" role="status" data-testid="search-count">
        {hasQuery
          ? answer.total > answer.results.length
            ? t('searchCountSome', [String(answer.results.length), String(answer.total)])
            : t('searchCount', [String(answer.total)])
          : t('searchHint')}
      </p>
      {answer.results.length > 0 && (
        <ul class="results">
          {answer.results.map((r) => (
            <Result key={r.id} result={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
