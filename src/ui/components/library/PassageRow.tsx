/**
 * One passage in the library list (data-testid `saved-item`): its body, a link to it in its page, and
 * Edit and Delete. Editing swaps the buttons for the editor; closing it puts focus back on Edit.
 */
import { useMemo, useRef } from 'preact/hooks';
import { useT } from '../i18n';
import { passageLink } from './model/fragment-link';
import { PassageBody } from './PassageBody';
import { PassageEditor } from './PassageEditor';
import type { ClaimLabel, Outcome, SavedPassage } from './types';

interface PassageRowProps {
  passage: SavedPassage;
  claimLabel: ClaimLabel;
  editing: boolean;
  onEdit: (id: string | null) => void;
  onSave: (id: string, note: string, tags: string[]) => Promise<Outcome<unknown>>;
  onDelete: (id: string) => void;
}

export function PassageRow({ passage, claimLabel, editing, onEdit, onSave, onDelete }: PassageRowProps) {
  const t = useT();
  const editButton = useRef<HTMLButtonElement>(null);
  const link = useMemo(() => passageLink(passage.url, passage.quote), [passage.url, passage.quote]);
  const quoteId = `quote-${passage.id}`;
  const close = () => {
    onEdit(null);
    // After the editor unmounts and the Edit button is back.
    setTimeout(() => editButton.current?.focus(), 0);
  };
  return (
    <li class="passage" data-testid="saved-item" data-id={passage.id}>
      <PassageBody passage={passage} claimLabel={claimLabel} quoteId={quoteId} link={link} />
      {editing ? (
        <PassageEditor
          passage={passage}
          onSave={(note, tags) => onSave(passage.id, note, tags)}
          onClose={close}
        />
      ) : (
        <div class="passage__actions">
          <button
            type="button"
            class="button"
            ref={editButton}
            aria-describedby={quoteId}
            data-testid="saved-edit"
            onClick={() => onEdit(passage.id)}
          >
            {t('libraryEdit')}
          </button>
          <button
            type="button"
            class="button button--danger"
            aria-describedby={quoteId}
            data-testid="saved-delete"
            onClick={() => onDelete(passage.id)}
          >
            {t('libraryDelete')}
          </button>
        </div>
      )}
    </li>
  );
}
