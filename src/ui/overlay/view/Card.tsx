/**
 * One card: a non-modal dialog with a kind label, the claim's or conflict's body, and a footer to
 * step through the page's highlights. Keys while focus is inside: J or → next, K or ← previous,
 * Escape closes (focus goes back where it was). Handled keys do not reach the page.
 */
import type { CardModel } from '../model/card-model';
import type { Translate } from '../strings';
import { ClaimBody } from './ClaimBody';
import { ConflictBody } from './ConflictBody';

export type StepDirection = 'next' | 'previous';

export interface CardProps {
  model: CardModel;
  /** 0-based position among the page's highlights, in document order. */
  position: number;
  total: number;
  t: Translate;
  locale: string;
  onClose: () => void;
  onStep: (direction: StepDirection) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

const STEP_KEYS: Record<string, StepDirection> = {
  j: 'next',
  J: 'next',
  ArrowRight: 'next',
  k: 'previous',
  K: 'previous',
  ArrowLeft: 'previous',
};

export function Card(props: CardProps) {
  const { model, t } = props;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const direction = STEP_KEYS[event.key];
    if (event.key === 'Escape') props.onClose();
    else if (direction) props.onStep(direction);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const label = t(model.kind === 'claim' ? 'cardDialogClaim' : 'cardDialogConflict');
  return (
    <div
      class={`card card-${model.kind}`}
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onPointerEnter={props.onPointerEnter}
      onPointerLeave={props.onPointerLeave}
    >
      <header class="head">
        <span class="brand" aria-hidden="true">
          NSO Lens
        </span>
        <span class={`kind kind-${model.kind}`}>
          {t(model.kind === 'claim' ? 'cardKindClaim' : 'cardKindConflict')}
        </span>
        <button
          type="button"
          class="icon close"
          aria-label={t('cardClose')}
          title={t('cardClose')}
          onClick={props.onClose}
        >
          ×
        </button>
      </header>
      <div class="body">
        {model.kind === 'claim' ? (
          <ClaimBody model={model} t={t} locale={props.locale} />
        ) : (
          <ConflictBody model={model} t={t} locale={props.locale} />
        )}
      </div>
      <footer class="foot">
        <button
          type="button"
          class="icon"
          aria-label={t('cardPrevious')}
          title={t('cardPrevious')}
          onClick={() => props.onStep('previous')}
        >
          ‹
        </button>
        <span class="position">{t('cardPosition', [String(props.position + 1), String(props.total)])}</span>
        <button
          type="button"
          class="icon"
          aria-label={t('cardNext')}
          title={t('cardNext')}
          onClick={() => props.onStep('next')}
        >
          ›
        </button>
        <span class="hint">{t('cardKeysHint')}</span>
      </footer>
    </div>
  );
}
