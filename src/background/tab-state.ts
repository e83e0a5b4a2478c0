/**
 * Per-tab page state, kept in a storage area rather than in memory: Chrome stops an idle MV3 service
 * worker at any time, and the popup must still see what the content script reported.
 */
import type { TabState } from '../platform/messages';
import type { KeyValueArea } from '../platform/storage';

const PREFIX = 'tab:';

export interface TabStateStore {
  get(tabId: number): Promise<TabState | null>;
  put(state: TabState): Promise<void>;
  remove(tabId: number): Promise<void>;
  /** Every tab with a state (for tests and diagnostics). */
  list(): Promise<TabState[]>;
}

export function createTabStateStore(area: KeyValueArea): TabStateStore {
  return {
    async get(tabId) {
      return (await area.get<TabState>(PREFIX + tabId)) ?? null;
    },
    put: (state) => area.set(PREFIX + state.tabId, state),
    remove: (tabId) => area.remove(PREFIX + tabId),
    async list() {
      const all = await area.all();
      return Object.entries(all)
        .filter(([key]) => key.startsWith(PREFIX))
        .map(([, value]) => value as TabState);
    },
  };
}
