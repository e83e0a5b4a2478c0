/**
 * "Deleted — Undo" after a delete. It lasts `ms` (8 s in the library) and then the deletion stands;
 * the countdown waits while the pointer is over the bar or focus is in it (WCAG 2.2.1: a reader who
 * reaches it in time keeps it). Rendered inside a live region, so its appearance is announced; from
 * the keyboard, Ctrl+Z (⌘Z) undoes too (LibraryView).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n';

interface UndoBarProps {
  /** How many passages the undo would restore; a new delete restarts the countdown. */
  count: number;
  /** Changes with each delete, restarting the countdown. */
  generation: number;
  ms: number;
  onUndo: () => void;
  onExpire: () => void;
}

export function UndoBar({ count, generation, ms, onUndo, onExpire }: UndoBarProps) {
  const t = useT();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const held = hovered || focused;

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => expire.current(), ms);
    return () => clearTimeout(timer);
  }, [held, generation, ms]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only pause the countdown; Undo is a button
    <div
      class="undo"
      data-testid="undo-bar"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={() => setFocused(false)}
    >
      <p id="undo-text" class="undo__text">
        {count === 1 ? t('libraryDeletedOne') : t('libraryDeletedMany', [String(count)])}
      </p>
      <button
        type="button"
        class="button button--primary"
        aria-describedby="undo-text"
        data-testid="undo"
        onClick={onUndo}
      >
        {t('libraryUndo')}
      </button>
    </div>
  );
}
