/**
 * The popup: says whether the page is about the NSO story, and which page that is. All page-derived
 * text is rendered as text nodes by Preact, never as HTML.
 */

import { t } from '../../platform/i18n';
import type { TabState } from '../../platform/messages';
import { type PopupState, useTabState } from './use-tab-state';

function Relevance({ tab }: { tab: TabState | null }) {
  if (tab === null) {
    return (
      <section class="status status--none" data-state="none">
        <p class="status__head" data-testid="page-relevance">
          {t('noReport')}
        </p>
        <p class="status__detail">{t('noReportDetail')}</p>
      </section>
    );
  }
  if (!tab.gate.hit) {
    return (
      <section class="status status--miss" data-state="miss">
        <p class="status__head" data-testid="page-relevance">
          {t('relevanceMiss')}
        </p>
        <p class="status__detail">{t('relevanceMissDetail')}</p>
      </section>
    );
  }
  return (
    <section class="status status--hit" data-state="hit">
      <p class="status__head" data-testid="page-relevance">
        {t('relevanceHit', [tab.gate.terms.join(', ')])}
      </p>
    </section>
  );
}

function PageInfo({ tab }: { tab: TabState }) {
  return (
    <section class="page" aria-label={t('pageLabel')}>
      <h2 class="page__label">{t('pageLabel')}</h2>
      <p class="page__title" dir="auto" data-testid="page-title">
        {tab.title.trim() || t('untitled')}
      </p>
      <p class="page__url" data-testid="page-url">
        {tab.url}
      </p>
    </section>
  );
}

function Body({ state }: { state: PopupState }) {
  switch (state.kind) {
    case 'loading':
      return <p class="muted">{t('loading')}</p>;
    case 'error':
      return (
        <p class="error" role="alert">
          {t('errorState', [state.error])}
        </p>
      );
    case 'ready':
      return (
        <>
          <Relevance tab={state.tab} />
          {state.tab && <PageInfo tab={state.tab} />}
        </>
      );
  }
}

export function Popup() {
  const state = useTabState();
  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <header class="popup__header">
        <img class="popup__logo" src="/icons/icon-32.png" alt="" width="20" height="20" />
        <h1 class="popup__name">{t('popupTitle')}</h1>
      </header>
      <Body state={state} />
    </main>
  );
}
