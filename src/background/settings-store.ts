/**
 * Settings live in storage.local under one key, written only by the background (a single writer),
 * read back through `readSettings` so corrupt or old values fall back to defaults, never to a crash.
 */
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../platform/settings';
import type { KeyValueArea } from '../platform/storage';

export const SETTINGS_KEY = 'settings';

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
}

export function createSettingsStore(area: KeyValueArea): SettingsStore {
  let queue: Promise<unknown> = Promise.resolve();
  const get = async () => readSettings((await area.get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS);
  return {
    get,
    update(patch) {
      // Serialise read-modify-write so two quick changes from the popup cannot undo each other.
      const next = queue.then(async () => {
        const merged = { ...(await get()), ...patch };
        await area.set(SETTINGS_KEY, merged);
        return merged;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
