/**
 * The settings as the background holds them, and changing them: every change goes to the background
 * (`set-settings`), which stores and applies it; the popup then shows what the background answered.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { sendFromPopup } from '../../platform/runtime';
import type { Settings } from '../../platform/settings';
import type { SettingsState } from '../components/view-types';

export function useSettings(): [SettingsState, (patch: Partial<Settings>) => void] {
  const [state, setState] = useState<SettingsState>({ settings: null, status: 'idle', error: null });
  useEffect(() => {
    sendFromPopup('get-settings', {}).then((result) =>
      setState(
        result.ok
          ? { settings: result.value, status: 'idle', error: null }
          : { settings: null, status: 'error', error: result.error },
      ),
    );
  }, []);
  const update = useCallback((patch: Partial<Settings>) => {
    setState((s) => ({ ...s, status: 'saving', error: null }));
    sendFromPopup('set-settings', patch).then((result) =>
      setState((s) =>
        result.ok
          ? { settings: result.value, status: 'saved', error: null }
          : { ...s, status: 'error', error: result.error },
      ),
    );
  }, []);
  return [state, update];
}
