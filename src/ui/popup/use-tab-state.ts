/**
 * Loads what the background holds for the popup's target tab.
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

async function load(): Promise<PopupState> {
  const tabId = tabFromQuery(location.search) ?? (await activeTabId());
  if (tabId === null) return { kind: 'ready', tab: null };
  const result = await sendFromPopup('get-tab-state', { tabId });
  return result.ok ? { kind: 'ready', tab: result.value } : { kind: 'error', error: result.error };
}

export function useTabState(): PopupState {
  const [state, setState] = useState<PopupState>({ kind: 'loading' });
  useEffect(() => {
    load().then(setState, (error: unknown) => setState({ kind: 'error', error: errorMessage(error) }));
  }, []);
  return state;
}
