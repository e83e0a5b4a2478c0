/**
 * The body of a conflict card: what this article says against what the record says, why, and who
 * else wrote what (each reading, how it stands, and the outlets that used it; this article's marked).
 */
import type { ConflictCardModel } from '../model/card-model';
import { ASSESSMENT_KEYS, type Translate } from '../strings';
import { SourceList } from './SourceList';

interface Props {
  model: ConflictCardModel;
  t: Translate;
  locale: string;
}

/** The finding's note and the conflict's why, without saying the same thing twice. */
export function explanations(note: string, why: string): string[] {
  const a = note.trim();
  const b = why.trim();
  if (!a || b.includes(a)) return b ? [b] : [];
  if (!b || a.includes(b)) return [a];
  return [a, b];
}

export function ConflictBody({ model, t, locale }: Props) {
  return (
    <>
      <p class="subject">{model.subject}</p>
      <dl class="compare">
        <div class="says">
          <dt>
            {model.articleOutlet ? t('cardThisArticleOutlet', [model.articleOutlet]) : t('conflictFound')}
          </dt>
          <dd dir="auto">{model.found}</dd>
        </div>
        <div class="record">
          <dt>{t('conflictExpected')}</dt>
          <dd dir="auto">{model.expected}</dd>
        </div>
      </dl>
      <section>
        <h3 class="section-title">{t('cardWhy')}</h3>
        {explanations(model.note, model.why).map((text) => (
          <p key={text}>{text}</p>
        ))}
      </section>
      <section>
        <h3 class="section-title">{t('cardOtherReadings')}</h3>
        <ul class="variants">
          {model.variants.map((v) => (
            <li key={v.reading} class={v.usedHere ? 'variant used' : 'variant'}>
              <span class="reading" dir="auto">
                {v.reading}
              </span>{' '}
              <span class={`assessment assessment-${v.assessment}`}>{t(ASSESSMENT_KEYS[v.assessment])}</span>
              {v.usedHere ? <span class="here">{t('cardThisArticle')}</span> : null}
              <span class="outlets">
                {v.outlets.length > 0 ? v.outlets.join(', ') : t('variantNoOutlet')}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <SourceList sources={model.sources} t={t} locale={locale} />
    </>
  );
}
