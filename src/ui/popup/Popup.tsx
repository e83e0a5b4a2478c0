/**
 * The popup's container: loads the tab's state and the settings from the background, and renders
 * the presentational PopupView with the bundled fact pack. Everything shown comes from the
 * background's analysis plus pack lookups; page-derived text is rendered as text, never as HTML.
 */

import { t } from '../../platform/i18n';
import { LIBRARY_PAGE, openExtensionPage } from '../../platform/pages';
import type { Result } from '../../platform/result';
import { siteOf } from '../../platform/settings';
import { I18nContext } from '../components/i18n';
import { localIsoDate } from '../components/model/dates';
import { PopupView } from '../components/PopupView';
import type { LoadState } from '../components/view-types';
import { factSearch, packIndex } from './pack';
import { tabFromQuery } from './target-tab';
import { usePageSaved } from './use-page-saved';
import { useSettings } from './use-settings';
import { type PopupState, useTabState } from './use-tab-state';
// The Saved view's passages and buttons (shared with the library page).
import '../components/library/passage.css';

function toLoad(state: PopupState): LoadState {
  return state.kind === 'ready' ? { kind: 'ready', page: state.tab } : state;
}

/** Opens the library in a tab and closes the popup (one opened as a tab, `?tab=`, stays open). */
async function openLibrary(): Promise<Result<null>> {
  const opened = await openExtensionPage(LIBRARY_PAGE);
  if (opened.ok && tabFromQuery(location.search) === null) window.close();
  return opened;
}

export function Popup() {
  const state = useTabState();
  const [settings, updateSettings] = useSettings();
  const saved = usePageSaved();
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
        saved={saved}
        onOpenLibrary={openLibrary}
      />
    </I18nContext.Provider>
  );
}
