/**
 * The note and tags editor shown right after saving a passage. Non-modal: the page stays usable.
 * Keys: Enter in the tags field or Ctrl/⌘+Enter anywhere saves, Escape closes (focus goes back where it
 * was). Key events stop here, so typing a note never triggers the page's own shortcuts. The background's
 * errors (a full storage, a refused draft) show as text in the editor.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Translate } from '../strings';

/** saving: passage being sent; saved: stored; failed: not stored (submit retries); updating: note sent. */
export type EditorStatus = 'saving' | 'saved' | 'failed' | 'updating';

export interface EditorModel {
  status: EditorStatus;
  /** The passage's text as saved (shown shortened). */
  quote: string;
  /** What went wrong last, as text; null when nothing did. */
  error: string | null;
}

export interface NoteEditorProps {
  t: Translate;
  model: EditorModel;
  onSubmit: (note: string, tags: string) => void;
  onClose: () => void;
}

const QUOTE_SHOWN = 160;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_SHOWN ? `${flat.slice(0, QUOTE_SHOWN - 1)}…` : flat;
}

const STATE_KEY = {
  saving: 'saveStateSaving',
  saved: 'saveStateSaved',
  failed: 'saveStateFailed',
  updating: 'saveStateUpdating',
} as const;

export function NoteEditor(props: NoteEditorProps) {
  const { t, model } = props;
  // Uncontrolled fields, read when submitting: what is typed is what is saved, however fast Enter follows.
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    noteRef.current?.focus({ preventScroll: true });
  }, []);
  const busy = model.status === 'saving' || model.status === 'updating';
  const submit = () => {
    if (!busy) props.onSubmit(noteRef.current?.value ?? '', tagsRef.current?.value ?? '');
  };
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.isComposing) return;
    if (event.key === 'Escape') props.onClose();
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
    else if (event.key === 'Enter' && (event.target as Element | null)?.localName === 'input') submit();
    else return;
    event.preventDefault();
  };
  const stop = (event: Event) => event.stopPropagation();
  return (
    <div
      class="note-editor"
      role="dialog"
      aria-label={t('saveEditorLabel')}
      data-testid="note-editor"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onKeyUp={stop}
      onKeyPress={stop}
    >
      <header class="head">
        <span class="brand" aria-hidden="true">
          NSO Lens
        </span>
        <span class={`state state-${model.status}`} role="status">
          {t(STATE_KEY[model.status])}
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
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <blockquote class="saved-quote">{shorten(model.quote)}</blockquote>
        <label>
          {t('saveNoteLabel')}
          <textarea ref={noteRef} maxLength={20_000} data-testid="note-input" />
        </label>
        <label>
          {t('saveTagsLabel')}
          <input ref={tagsRef} type="text" data-testid="tags-input" autoComplete="off" />
        </label>
        {model.error !== null && (
          <p class="error" role="alert" data-testid="note-error">
            {model.error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy} data-testid="note-submit">
            {t(model.status === 'failed' ? 'saveRetry' : 'saveSubmit')}
          </button>
          <button type="button" class="secondary" onClick={props.onClose}>
            {t('saveClose')}
          </button>
          <span class="keys">{t('saveKeysHint')}</span>
        </div>
      </form>
    </div>
  );
}
