/** The body of a claim card: the claim in plain words, its verdict with why, and how sure the match is. */
import type { ClaimCardModel } from '../model/card-model';
import { type Translate, VERDICT_KEYS } from '../strings';
import { SourceList } from './SourceList';

interface Props {
  model: ClaimCardModel;
  t: Translate;
  locale: string;
}

export function ClaimBody({ model, t, locale }: Props) {
  const verdict = VERDICT_KEYS[model.verdict];
  const percent = `${Math.round(model.confidence * 100)}%`;
  return (
    <>
      <p class="claim-text" dir="auto">
        {model.text}
      </p>
      <p class="verdict-line">
        <span class={`verdict verdict-${model.verdict}`} title={t(verdict.title)}>
          {t(verdict.label)}
        </span>
        {model.verdictNote ? <span class="verdict-note">{model.verdictNote}</span> : null}
      </p>
      <p class="confidence">{t('cardConfidence', [percent])}</p>
      <SourceList sources={model.sources} t={t} locale={locale} />
    </>
  );
}
