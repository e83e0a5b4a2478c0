/**
 * The Settings view: pause everywhere, turn off on this page's site, and the highlight style. The
 * view only reports changes (`onChange`); the popup sends them to the background, which stores and
 * applies them, and shows the settings the background answers with.
 */
import { useT } from './i18n';
import type { SettingsState, SettingsView } from './view-types';

interface SettingsTabProps {
  state: SettingsState;
  /** The page's site (host without "www."), or null when the tab shows no web page. */
  site: string | null;
  onChange: (patch: Partial<SettingsView>) => void;
}

function StatusLine({ state }: { state: SettingsState }) {
  const t = useT();
  const text =
    state.status === 'saving'
      ? t('settingsSaving')
      : state.status === 'saved'
        ? t('settingsSaved')
        : state.status === 'error'
          ? t('settingsError', [state.error ?? ''])
          : '';
  return (
    <p
      class={`settings__status${state.status === 'error' ? ' error' : ''}`}
      role="status"
      data-testid="settings-status"
    >
      {text}
    </p>
  );
}

export function SettingsTab({ state, site, onChange }: SettingsTabProps) {
  const t = useT();
  const settings = state.settings;
  if (settings === null) {
    return state.status === 'error' ? <StatusLine state={state} /> : <p class="muted">{t('loading')}</p>;
  }
  const offHere = site !== null && settings.disabledSites.includes(site);
  const toggleSite = (off: boolean) => {
    if (site === null) return;
    const others = settings.disabledSites.filter((s) => s !== site);
    onChange({ disabledSites: off ? [...others, site] : others });
  };
  return (
    <form class="settings" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t('settingsWhere')}</legend>
        <label class="check">
          <input
            type="checkbox"
            data-testid="setting-paused"
            checked={settings.paused}
            onChange={(event) => onChange({ paused: event.currentTarget.checked })}
          />
          <span>
            {t('settingsPause')}
            <span class="check__hint">{t('settingsPauseHint')}</span>
          </span>
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="setting-site"
            checked={offHere}
            disabled={site === null}
            onChange={(event) => toggleSite(event.currentTarget.checked)}
          />
          <span>
            {site === null ? t('settingsSiteNone') : t('settingsSite', [site])}
            <span class="check__hint">{t('settingsSiteHint')}</span>
          </span>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settingsStyle')}</legend>
        {(['background', 'underline'] as const).map((style) => (
          <label class="check" key={style}>
            <input
              type="radio"
              name="highlight-style"
              value={style}
              data-testid={`setting-style-${style}`}
              checked={settings.highlightStyle === style}
              onChange={() => onChange({ highlightStyle: style })}
            />
            <span>
              <span class={`swatch swatch--${style}`} aria-hidden="true">
                {t('settingsSwatch')}
              </span>{' '}
              {style === 'background' ? t('settingsStyleBackground') : t('settingsStyleUnderline')}
            </span>
          </label>
        ))}
      </fieldset>
      {settings.disabledSites.length > 0 && (
        <p class="muted" data-testid="disabled-sites">
          {t('settingsOffSites', [settings.disabledSites.join(', ')])}
        </p>
      )}
      <StatusLine state={state} />
    </form>
  );
}
