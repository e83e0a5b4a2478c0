/**
 * The small "Save" button shown next to a selection. Pressing it must not take the selection away, so
 * pointer and mouse presses on it do nothing by default; the click (mouse, or Enter/Space when it has
 * focus) goes to the content side, which checks the click was real before saving.
 */
import type { Ref } from 'preact';
import type { Translate } from '../strings';

export interface SaveButtonProps {
  t: Translate;
  buttonRef: Ref<HTMLButtonElement>;
  onActivate: (event: MouseEvent) => void;
}

const keep = (event: Event) => event.preventDefault();

export function SaveButton(props: SaveButtonProps) {
  const { t } = props;
  return (
    <button
      ref={props.buttonRef}
      type="button"
      class="save-button"
      data-testid="save-passage"
      title={t('saveButtonTitle')}
      aria-label={t('saveButtonTitle')}
      onPointerDown={keep}
      onMouseDown={keep}
      onClick={(event) => props.onActivate(event)}
    >
      {t('saveButton')}
    </button>
  );
}
