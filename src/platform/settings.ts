/**
 * The reader's settings: a global pause, sites where NSO Lens stays off, and the highlight style.
 * Pure (validation and defaults); stored by the background in storage.local.
 */
import { fail, ok, type Result } from './result';

export type HighlightStyle = 'background' | 'underline';

export interface Settings {
  paused: boolean;
  /** Host names (lower case, no port) where nothing runs beyond the gate. */
  disabledSites: string[];
  highlightStyle: HighlightStyle;
}

export const DEFAULT_SETTINGS: Settings = { paused: false, disabledSites: [], highlightStyle: 'background' };

const MAX_SITES = 1000;
const HOST = /^[a-z0-9.-]{1,253}$/;

/** Settings as stored may be missing, old or corrupt: take what is valid, default the rest. */
export function readSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  return {
    paused: typeof s.paused === 'boolean' ? s.paused : DEFAULT_SETTINGS.paused,
    disabledSites: Array.isArray(s.disabledSites)
      ? [...new Set(s.disabledSites.filter((h): h is string => typeof h === 'string' && HOST.test(h)))].slice(
          0,
          MAX_SITES,
        )
      : [],
    highlightStyle: s.highlightStyle === 'underline' ? 'underline' : 'background',
  };
}

/** Checks a settings change sent by an extension page; unknown keys and bad values are refused. */
export function validateSettingsPatch(payload: unknown): Result<Partial<Settings>> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return fail('settings must be an object');
  const out: Partial<Settings> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (key === 'paused') {
      if (typeof value !== 'boolean') return fail('paused must be a boolean');
      out.paused = value;
    } else if (key === 'highlightStyle') {
      if (value !== 'background' && value !== 'underline')
        return fail('highlightStyle must be "background" or "underline"');
      out.highlightStyle = value;
    } else if (key === 'disabledSites') {
      if (
        !Array.isArray(value) ||
        value.length > MAX_SITES ||
        !value.every((h) => typeof h === 'string' && HOST.test(h))
      ) {
        return fail('disabledSites must be a list of host names');
      }
      out.disabledSites = [...new Set(value as string[])];
    } else {
      return fail(`unknown setting "${key}"`);
    }
  }
  return ok(out);
}

/** The host a setting applies to: lower case, without "www.". */
export function siteOf(url: string): string | null {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function isActiveOn(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  return !settings.paused && site !== null && !settings.disabledSites.includes(site);
}
