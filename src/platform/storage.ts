/**
 * Small typed wrappers over extension storage areas. `session` is in memory and survives the Chrome
 * service worker being stopped (but not a browser restart): the home of per-tab page state. `local`
 * will hold settings and saved passages.
 */
import browser from './browser';

/** A storage area reduced to what we use, keyed by string. */
export interface KeyValueArea {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** Every key and value in the area. */
  all(): Promise<Record<string, unknown>>;
}

function wrap(area: 'local' | 'session'): KeyValueArea {
  const storage = () => browser.storage[area];
  return {
    async get<T>(key: string) {
      const found = await storage().get(key);
      return found[key] as T | undefined;
    },
    set: (key, value) => storage().set({ [key]: value }),
    remove: (key) => storage().remove(key),
    all: () => storage().get(null),
  };
}

/** In-memory extension storage (cleared when the browser quits); only trusted extension contexts see it. */
export const sessionArea: KeyValueArea = wrap('session');

/** Persistent extension storage. */
export const localArea: KeyValueArea = wrap('local');

/** Calls back with the new raw value whenever `key` changes in storage.local; returns an unsubscribe. */
export function onLocalChange(key: string, callback: (value: unknown) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, key)) callback(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
