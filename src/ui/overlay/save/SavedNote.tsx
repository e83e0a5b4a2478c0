/**
 * The reader's own note and tags on a saved passage, shown when they click its highlight in the page.
 * Read-only here (the library page edits); text only.
 */
import { formatDate, type Translate } from '../strings';

export interface SavedNoteModel {
  note: string;
  tags: readonly string[];
  /** ISO 8601 instant the passage was saved. */
  savedAt: string;
}

export interface SavedNoteProps {
  t: Translate;
  locale: string;
  model: SavedNoteModel;
  onClose: () => void;
}

export function SavedNote(props: SavedNoteProps) {
  const { t, model } = props;
  return (
    <aside class="saved-note" aria-label={t('savedNoteLabel')} data-testid="saved-note">
      <header class="head">
        <span class="brand" aria-hidden="true">
          NSO Lens
        </span>
        <span class="state">
          {t('savedNoteHead', [formatDate(model.savedAt.slice(0, 10), props.locale)])}
        </span>
        <button
          type="button"
          class="icon close"
          aria-label={t('saveClose')}
          title={t('saveClose')}
          onClick={props.onClose}
        >
          ×
        </button>
      </header>
      <div class="saved-note-body">
        {model.note !== '' && <p class="saved-note-text">{model.note}</p>}
        {model.tags.length > 0 && (
          <ul class="saved-tags" aria-label={t('saveTagsLabel')}>
            {model.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
      </div>
    </aside>
  );
}
