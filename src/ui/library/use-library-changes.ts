/**
 * Re-lists an extension page's view when the background announces a library change (a save in a tab,
 * an edit or import in another library tab). Notices come in bursts — an import's chunks, a delete and
 * its undo — so the callback runs once after they stop for `ms`.
 */
import { useEffect, useRef } from 'preact/hooks';
import { onLibraryChanged } from '../../platform/library-notice';

/** How long notices must stop before the page lists again. */
export const CHANGE_DEBOUNCE_MS = 250;

export function useLibraryChanges(callback: () => void, ms: number = CHANGE_DEBOUNCE_MS): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    onLibraryChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), ms);
    }, stop.signal);
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, [ms]);
}
