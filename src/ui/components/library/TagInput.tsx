/**
 * A tag field: the tags as removable chips and a text box. Enter or a comma turns what was typed into
 * tags, Backspace in the empty box removes the last one; every chip's remove button is a real button,
 * so it all works from the keyboard. Controlled: the editor holds tags and the text still being typed
 * (saving takes both, so a tag typed but not yet committed is not lost).
 */
import { cleanTags } from '../../../core/library/validate';
import { useT } from '../i18n';
import { splitTags } from './model/edit';

interface TagInputProps {
  id: string;
  tags: readonly string[];
  typing: string;
  onTags: (tags: string[]) => void;
  onTyping: (text: string) => void;
}

export function TagInput({ id, tags, typing, onTags, onTyping }: TagInputProps) {
  const t = useT();
  /** Adds the typed tags; a refused list (too many, too long) stays typed for the editor to report. */
  const commit = (text: string, rest = '') => {
    const next = cleanTags([...tags, ...splitTags(text)]);
    if (!next.ok) {
      onTyping(text + rest);
      return;
    }
    onTags(next.value);
    onTyping(rest);
  };
  const onInput = (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    const comma = value.lastIndexOf(',');
    if (comma >= 0) commit(value.slice(0, comma), value.slice(comma + 1));
    else onTyping(value);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (typing.trim() !== '') commit(typing);
    } else if (event.key === 'Backspace' && typing === '' && tags.length > 0) {
      event.preventDefault();
      onTags(tags.slice(0, -1));
    }
  };
  return (
    <div class="tag-input">
      {tags.length > 0 && (
        <ul class="tag-input__tags" aria-label={t('libraryTags')}>
          {tags.map((tag) => (
            <li key={tag} class="tag" dir="auto" data-testid="edit-tag">
              {tag}
              <button
                type="button"
                class="tag__remove"
                aria-label={t('libraryTagRemove', [tag])}
                data-testid="edit-tag-remove"
                onClick={() => onTags(tags.filter((x) => x !== tag))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="text"
        class="tag-input__text"
        value={typing}
        autocomplete="off"
        aria-describedby={`${id}-hint`}
        data-testid="edit-tags"
        onInput={onInput}
        onKeyDown={onKeyDown}
      />
      <p class="hint" id={`${id}-hint`}>
        {t('libraryTagsHint')}
      </p>
    </div>
  );
}
