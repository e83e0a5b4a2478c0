/**
 * This tab's saved passages for the popup's Saved view (`get-page-saved`), with which ones the page
 * could not place. A page anchors its passages shortly after loading; while it has not reported yet,
 * asks again a few times so orphans show up without reopening the popup. Asks again too when the
 * background announces a library change (a save, edit or delete in another tab or the library page).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PagePassages } from '../../platform/messages';
import { errorMessage } from '../../platform/result';
import { sendFromPopup } from '../../platform/runtime';
import { activeTabId } from '../../platform/tabs';
import type { PageSavedLoad } from '../components/library/types';
import { useLibraryChanges } from '../library/use-library-changes';
import { tabFromQuery } from './target-tab';

const RETRY_MS = 700;
const RETRIES = 6;

function toLoad(value: PagePassages): PageSavedLoad {
  return { kind: 'ready', passages: value.passages, orphans: value.anchoring?.orphans ?? null };
}

async function load(tabId: number | null): Promise<{ state: PageSavedLoad; pending: boolean }> {
  if (tabId === null) return { state: { kind: 'ready', passages: [], orphans: null }, pending: false };
  const result = await sendFromPopup('get-page-saved', { tabId });
  if (!result.ok) return { state: { kind: 'error', error: result.error }, pending: false };
  const pending = result.value.passages.length > 0 && result.value.anchoring === null;
  return { state: toLoad(result.value), pending };
}

export function usePageSaved(): PageSavedLoad {
  const [state, setState] = useState<PageSavedLoad>({ kind: 'loading' });
  // Each change notice starts the loading again (the last list stays shown until the new one comes).
  const [generation, setGeneration] = useState(0);
  useLibraryChanges(() => setGeneration((n) => n + 1));
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      const tabId = tabFromQuery(location.search) ?? (await activeTabId());
      for (let attempt = 0; !stopped; attempt++) {
        const next = await load(tabId);
        if (stopped) return;
        setState(next.state);
        if (!next.pending || attempt >= RETRIES) return;
        await new Promise<void>((done) => {
          timer = setTimeout(done, RETRY_MS);
        });
      }
    };
    run().catch((error: unknown) => setState({ kind: 'error', error: errorMessage(error) }));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [generation]);
  return state;
}
