/**
 * The popup's container: loads the tab's state and the settings from the background, and renders
 * the presentational PopupView with the bundled fact pack. Everything shown comes from the
 * background's analysis plus pack lookups; page-derived text is rendered as text, never as HTML.
 */

import { t } from '../../platform/i18n';
import { siteOf } from '../../platform/settings';
import { I18nContext } from '../components/i18n';
import { localIsoDate } from '../components/model/dates';
import { PopupView } from '../components/PopupView';
import type { LoadState } from '../components/view-types';
import { factSearch, packIndex } from './pack';
import { useSettings } from './use-settings';
import { type PopupState, useTabState } from './use-tab-state';

function toLoad(state: PopupState): LoadState {
  return state.kind === 'ready' ? { kind: 'ready', page: state.tab } : state;
}

export function Popup() {
  const state = useTabState();
  const [settings, updateSettings] = useSettings();
  const site = state.kind === 'ready' && state.tab ? siteOf(state.tab.url) : null;
  return (
    <I18nContext.Provider value={t}>
      <PopupView
        load={toLoad(state)}
        settings={settings}
        onSettings={updateSettings}
        site={site}
        index={packIndex()}
        search={factSearch()}
        today={localIsoDate(new Date())}
      />
    </I18nContext.Provider>
  );
}
