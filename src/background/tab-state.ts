/**
 * Per-tab page state, kept in a storage area rather than in memory: Chrome stops an idle MV3 service
 * worker at any time, and the popup must still see what the content script reported.
 */
import type { AnchoringReport, TabState } from '../platform/messages';
import type { KeyValueArea } from '../platform/storage';

const PREFIX = 'tab:';
const SAVED_PREFIX = 'saved:';

/**
 * What a tab's page said about its saved passages: the address (and canonical link) it asked for them
 * by, and where they ended up. The popup reads it for the page's saved list and its orphans.
 */
export interface TabSavedState {
  url: string;
  canonicalUrl: string | null;
  anchoring: AnchoringReport | null;
}

export interface TabStateStore {
  get(tabId: number): Promise<TabState | null>;
  put(state: TabState): Promise<void>;
  /** Forgets everything about the tab (its page report and its saved-passage state). */
  remove(tabId: number): Promise<void>;
  /** Every tab with a state (for tests and diagnostics). */
  list(): Promise<TabState[]>;
  getSaved(tabId: number): Promise<TabSavedState | null>;
  putSaved(tabId: number, state: TabSavedState): Promise<void>;
}

export function createTabStateStore(area: KeyValueArea): TabStateStore {
  return {
    async get(tabId) {
      return (await area.get<TabState>(PREFIX + tabId)) ?? null;
    },
    put: (state) => area.set(PREFIX + state.tabId, state),
    async remove(tabId) {
      await area.remove(PREFIX + tabId);
      await area.remove(SAVED_PREFIX + tabId);
    },
    async list() {
      const all = await area.all();
      return Object.entries(all)
        .filter(([key]) => key.startsWith(PREFIX))
        .map(([, value]) => value as TabState);
    },
    async getSaved(tabId) {
      return (await area.get<TabSavedState>(SAVED_PREFIX + tabId)) ?? null;
    },
    putSaved: (tabId, state) => area.set(SAVED_PREFIX + tabId, state),
  };
}
