/**
 * The whole library as the background lists it (`list-passages`), listed again after each of the
 * page's own changes and whenever the page comes back into view (the background announces changes
 * only to content scripts, so edits made elsewhere — a page's note editor, another library tab —
 * show up when the reader returns here).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendFromPopup } from '../../platform/runtime';
import type { LibraryLoad, SavedPassage } from '../components/library/types';

export interface LibraryState {
  load: LibraryLoad;
  /** Lists again; a failure keeps what is shown when there is something, else shows the error. */
  reload: () => Promise<void>;
  /** Changes the shown list at once (after a delete), before the next listing confirms it. */
  setPassages: (update: (passages: readonly SavedPassage[]) => readonly SavedPassage[]) => void;
  /** The last listing error while a list was shown (so it is not hidden behind stale data). */
  listError: string | null;
}

export function useLibrary(): LibraryState {
  const [load, setLoad] = useState<LibraryLoad>({ kind: 'loading' });
  const [listError, setListError] = useState<string | null>(null);
  // Answers can arrive out of order; only the latest request's answer is shown.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await sendFromPopup('list-passages', {});
    if (ticket !== latest.current) return;
    if (result.ok) {
      setLoad({ kind: 'ready', passages: result.value });
      setListError(null);
      return;
    }
    const error = result.error;
    setLoad((current) => (current.kind === 'ready' ? current : { kind: 'error', error }));
    setListError(error);
  }, []);
  const setPassages = useCallback(
    (update: (passages: readonly SavedPassage[]) => readonly SavedPassage[]) =>
      setLoad((current) =>
        current.kind === 'ready' ? { kind: 'ready', passages: update(current.passages) } : current,
      ),
    [],
  );
  useEffect(() => {
    void reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    const onFocus = () => void reload();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onFocus);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onFocus);
    };
  }, [reload]);
  return { load, reload, setPassages, listError };
}
