/**
 * Edits a passage's note and tags. Save sends the cleaned values (model/edit.ts); the editor stays
 * open with the reason when they are refused here or by the background (a full store, say), and
 * closes only once the change is stored. Escape cancels.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { PASSAGE_LIMITS } from '../../../core/library/types';
import { useT } from '../i18n';
import { cleanEdit } from './model/edit';
import { TagInput } from './TagInput';
import type { Outcome, SavedPassage } from './types';

interface PassageEditorProps {
  passage: SavedPassage;
  onSave: (note: string, tags: string[]) => Promise<Outcome<unknown>>;
  /** Closes the editor (after a save, or to cancel). */
  onClose: () => void;
}

export function PassageEditor({ passage, onSave, onClose }: PassageEditorProps) {
  const t = useT();
  const [note, setNote] = useState(passage.note);
  const [tags, setTags] = useState<string[]>(passage.tags);
  const [typing, setTyping] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => noteRef.current?.focus(), []);

  const base = `edit-${passage.id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    const cleaned = cleanEdit(note, tags, typing);
    if (!cleaned.ok) {
      setError(cleaned.error);
      return;
    }
    setSaving(true);
    setError(null);
    const result = await onSave(cleaned.note, cleaned.tags);
    setSaving(false);
    if (result.ok) onClose();
    else setError(result.error);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <form class="editor" onSubmit={submit} onKeyDown={onKeyDown} data-testid="passage-editor">
      <label for={`${base}-note`}>{t('libraryNote')}</label>
      <textarea
        id={`${base}-note`}
        ref={noteRef}
        rows={3}
        maxLength={PASSAGE_LIMITS.note}
        dir="auto"
        value={note}
        data-testid="edit-note"
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      <label for={`${base}-tags`}>{t('libraryTags')}</label>
      <TagInput id={`${base}-tags`} tags={tags} typing={typing} onTags={setTags} onTyping={setTyping} />
      {error !== null && (
        <p class="error" role="alert" data-testid="edit-error">
          {t('libraryEditError', [error])}
        </p>
      )}
      <div class="editor__actions">
        <button type="submit" class="button button--primary" disabled={saving} data-testid="edit-save">
          {saving ? t('librarySaving') : t('librarySave')}
        </button>
        <button type="button" class="button" onClick={onClose} data-testid="edit-cancel">
          {t('libraryCancel')}
        </button>
      </div>
    </form>
  );
}
