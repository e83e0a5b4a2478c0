/**
 * The claims the page states, grouped by case: each claim once, with its verdict, the record's
 * note on it, the page's own passage(s) and the sources.
 */
import { VerdictBadge } from './Badges';
import { useT } from './i18n';
import type { ClaimGroup, ClaimView } from './model/claims-by-case';
import { SourceList } from './SourceList';

function ClaimItem({ view }: { view: ClaimView }) {
  const t = useT();
  const [first, ...more] = view.quotes;
  return (
    <li class="claim" data-testid="claim-item" data-claim={view.claim.id}>
      <p class="claim__text">
        <VerdictBadge verdict={view.claim.verdict} /> {view.claim.text}
      </p>
      {view.claim.verdictNote && <p class="claim__note">{view.claim.verdictNote}</p>}
      {first !== undefined && (
        <figure class="claim__passage">
          <figcaption>{t('claimOnPage')}</figcaption>
          <blockquote dir="auto">{first}</blockquote>
        </figure>
      )}
      {more.length > 0 && (
        <details class="claim__more">
          <summary>{t('claimMorePassages', [String(more.length)])}</summary>
          {more.map((quote) => (
            <blockquote dir="auto" key={quote}>
              {quote}
            </blockquote>
          ))}
        </details>
      )}
      <SourceList sources={view.sources} />
    </li>
  );
}

export function ClaimGroups({ groups, count }: { groups: readonly ClaimGroup[]; count: number }) {
  const t = useT();
  return (
    <section class="section" aria-labelledby="claims-head">
      <h3 class="section__head" id="claims-head">
        {t('claimsHead')}{' '}
        <span class="count" data-testid="match-count">
          {count}
        </span>
      </h3>
      {groups.length === 0 && <p class="muted">{t('claimsNone')}</p>}
      {groups.map((group) => (
        <section class="group" key={group.case?.id ?? 'none'} data-case={group.case?.id ?? ''}>
          <h4 class="group__head">{group.case?.title ?? t('claimsNoCase')}</h4>
          <ul class="claims">
            {group.claims.map((view) => (
              <ClaimItem key={view.claim.id} view={view} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
