/**
 * The whole library as the background lists it (`list-passages`), with its health report
 * (`library-health`: records set aside as unreadable, a failed migration). Listed again after each of
 * the page's own changes, whenever the background announces a change made elsewhere (a page's save or
 * note editor, another library tab), and when the page comes back into view (in case a notice was
 * missed while the background was asleep). Health is asked after each listing, since reading the
 * library is what finds and sets aside unreadable records.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryHealth } from '../../platform/messages';
import { sendFromPopup } from '../../platform/runtime';
import type { LibraryLoad, SavedPassage } from '../components/library/types';
import { useLibraryChanges } from './use-library-changes';

export interface LibraryState {
  load: LibraryLoad;
  /** Lists again; a failure keeps what is shown when there is something, else shows the error. */
  reload: () => Promise<void>;
  /** Changes the shown list at once (after a delete), before the next listing confirms it. */
  setPassages: (update: (passages: readonly SavedPassage[]) => readonly SavedPassage[]) => void;
  /** The last listing error while a list was shown (so it is not hidden behind stale data). */
  listError: string | null;
  /** The last health report the background gave; null before the first (or when none could be read). */
  health: LibraryHealth | null;
}

export function useLibrary(): LibraryState {
  const [load, setLoad] = useState<LibraryLoad>({ kind: 'loading' });
  const [listError, setListError] = useState<string | null>(null);
  const [health, setHealth] = useState<LibraryHealth | null>(null);
  // Answers can arrive out of order; only the latest request's answer is shown.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    const result = await sendFromPopup('list-passages', {});
    if (ticket !== latest.current) return;
    if (result.ok) {
      setLoad({ kind: 'ready', passages: result.value });
      setListError(null);
    } else {
      const error = result.error;
      setLoad((current) => (current.kind === 'ready' ? current : { kind: 'error', error }));
      setListError(error);
    }
    // A failed health read keeps the last report: the listing's own error already tells the reader.
    const report = await sendFromPopup('library-health', {});
    if (ticket === latest.current && report.ok) setHealth(report.value);
  }, []);
  const setPassages = useCallback(
    (update: (passages: readonly SavedPassage[]) => readonly SavedPassage[]) =>
      setLoad((current) =>
        current.kind === 'ready' ? { kind: 'ready', passages: update(current.passages) } : current,
      ),
    [],
  );
  useLibraryChanges(() => void reload());
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
  return { load, reload, setPassages, listError, health };
}
