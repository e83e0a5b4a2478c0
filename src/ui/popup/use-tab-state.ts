/**
 * Loads what the background holds for the popup's target tab. When the page mentions the story but
 * its analysis has not arrived yet (the pipeline is still reading it), asks again a few times.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TabState } from '../../platform/messages';
import { errorMessage } from '../../platform/result';
import { sendFromPopup } from '../../platform/runtime';
import { activeTabId } from '../../platform/tabs';
import { tabFromQuery } from './target-tab';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; tab: TabState | null };

/** How often and how long to ask again while an analysis is pending. */
const RETRY_MS = 600;
const RETRIES = 15;

async function load(tabId: number | null): Promise<PopupState> {
  if (tabId === null) return { kind: 'ready', tab: null };
  const result = await sendFromPopup('get-tab-state', { tabId });
  return result.ok ? { kind: 'ready', tab: result.value } : { kind: 'error', error: result.error };
}

const pending = (state: PopupState) =>
  state.kind === 'ready' && state.tab !== null && state.tab.gate.hit && state.tab.analysis === null;

export function useTabState(): PopupState {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      const tabId = tabFromQuery(location.search) ?? (await activeTabId());
      for (let attempt = 0; !stopped; attempt++) {
        const next = await load(tabId);
        if (stopped) return;
        setState(next);
        if (!pending(next) || attempt >= RETRIES) return;
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
  }, []);
  return state;
}
