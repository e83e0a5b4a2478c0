/**
 * The article's conflicts with the record: for each, what the article says, what the record says,
 * why, and which outlets used which reading (the page's own outlet marked).
 */
import { AssessmentTag } from './Badges';
import { useT } from './i18n';
import type { ConflictView, VariantView } from './model/conflicts';
import { SourceList } from './SourceList';

function Variant({ variant }: { variant: VariantView }) {
  const t = useT();
  const outlets = variant.outlets.map((o) => o.name).join(', ');
  return (
    <li class={`variant${variant.byThisOutlet ? ' variant--here' : ''}`} data-variant={variant.id}>
      <AssessmentTag assessment={variant.assessment} />{' '}
      <span class="variant__reading">“{variant.reading}”</span>
      <span class="variant__outlets">
        {' — '}
        {outlets || t('variantNoOutlet')}
      </span>
      {variant.byThisOutlet && <span class="here-tag">{t('thisOutletTag')}</span>}
    </li>
  );
}

function ConflictItem({ conflict }: { conflict: ConflictView }) {
  const t = useT();
  return (
    <li class="conflict" data-testid="conflict-item" data-conflict={conflict.conflictId}>
      <h4 class="conflict__subject">{conflict.subject}</h4>
      <dl class="compare">
        <div class="compare__row compare__row--found">
          <dt>{t('conflictFound')}</dt>
          <dd data-testid="conflict-found">
            {conflict.found.map((found, i) => (
              <span key={found}>
                {i > 0 && ' · '}
                <mark class="found">{found}</mark>
              </span>
            ))}
          </dd>
        </div>
        <div class="compare__row compare__row--expected">
          <dt>{t('conflictExpected')}</dt>
          <dd data-testid="conflict-expected">{conflict.expected}</dd>
        </div>
      </dl>
      {conflict.notes.map((note) => (
        <p class="conflict__note" key={note}>
          {note}
        </p>
      ))}
      {conflict.why && !conflict.notes.includes(conflict.why) && (
        <p class="conflict__why">{t('conflictWhy', [conflict.why])}</p>
      )}
      {conflict.variants.length > 0 && (
        <>
          <p class="conflict__readings-head">{t('conflictReadings')}</p>
          <ul class="variants">
            {conflict.variants.map((v) => (
              <Variant key={v.id} variant={v} />
            ))}
          </ul>
        </>
      )}
      <SourceList sources={conflict.sources} />
    </li>
  );
}

export function ConflictList({ conflicts }: { conflicts: readonly ConflictView[] }) {
  const t = useT();
  return (
    <section class="section" aria-labelledby="conflicts-head">
      <h3 class="section__head" id="conflicts-head">
        {t('conflictsHead')} <span class="count">{conflicts.length}</span>
      </h3>
      {conflicts.length === 0 ? (
        <p class="muted">{t('conflictsNone')}</p>
      ) : (
        <ul class="conflicts">
          {conflicts.map((c) => (
            <ConflictItem key={c.conflictId} conflict={c} />
          ))}
        </ul>
      )}
    </section>
  );
}
