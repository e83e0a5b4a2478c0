/**
 * The whole popup as a function of what it was given: the tab's state, the settings, the fact pack.
 * Views sit behind tabs (This page, Status, Timeline, Outlets, Search, Saved, Settings); each view's
 * model is computed from the background's analysis plus pack lookups, when the view is first shown.
 */
import { useMemo, useState } from 'preact/hooks';
import type { PackIndex } from '../../core/facts/index';
import type { CaseStatus } from '../../core/match/findings';
import { FactSearchBox } from './FactSearchBox';
import { useT } from './i18n';
import { SavedTab } from './library/SavedTab';
import type { Outcome, PageSavedLoad } from './library/types';
import { allCasesToday, caseStatusViews } from './model/case-status';
import { buildOutletMatrix } from './model/outlet-matrix';
import type { FactSearch } from './model/search';
import { timelines } from './model/timeline';
import { OutletsTab } from './OutletsTab';
import { PageTab } from './PageTab';
import { SettingsTab } from './SettingsTab';
import { StatusTab } from './StatusTab';
import { type TabDef, Tabs } from './Tabs';
import { TimelineTab } from './TimelineTab';
import type { LoadState, PageView, SettingsState, SettingsView } from './view-types';

export const TAB_IDS = ['page', 'status', 'timeline', 'outlets', 'search', 'saved', 'settings'] as const;
export type TabId = (typeof TAB_IDS)[number];

export interface PopupViewProps {
  load: LoadState;
  settings: SettingsState;
  onSettings: (patch: Partial<SettingsView>) => void;
  /** The tab's site for "turn off on this site"; null when it is no web page. */
  site: string | null;
  index: PackIndex;
  search: FactSearch;
  /** ISO date "today" is computed for. */
  today: string;
  initialTab?: TabId;
  /** This page's saved passages; the Saved tab is shown when the host loads them. */
  saved?: PageSavedLoad;
  /** Opens the full library page (from the Saved tab). */
  onOpenLibrary?: () => Promise<Outcome<unknown>>;
}

/** The analysis when the page is about the story, else null. */
function storyAnalysis(page: PageView | null) {
  const a = page?.analysis?.analysis;
  return a?.relevant ? a : null;
}

function Views(props: PopupViewProps & { page: PageView | null }) {
  const t = useT();
  const { page, index, settings, site } = props;
  const [tab, setTab] = useState<string>(props.initialTab ?? 'page');
  const analysis = storyAnalysis(page);
  const articleDate = analysis?.article.published ?? null;
  const tabs: TabDef[] = [
    { id: 'page', label: t('tabPage') },
    { id: 'status', label: t('tabStatus') },
    { id: 'timeline', label: t('tabTimeline') },
    { id: 'outlets', label: t('tabOutlets') },
    { id: 'search', label: t('tabSearch') },
    ...(props.saved ? [{ id: 'saved', label: t('tabSaved') }] : []),
    { id: 'settings', label: t('tabSettings') },
  ];
  const s = settings.settings;
  const pendingNote =
    s?.paused === true
      ? t('pendingPaused')
      : site !== null && s?.disabledSites.includes(site)
        ? t('pendingSiteOff', [site])
        : t('pendingAnalysis');
  const render = (id: string) => {
    switch (id) {
      case 'page':
        return <PageTab page={page} index={index} search={props.search} pendingNote={pendingNote} />;
      case 'status':
        return (
          <StatusPanel
            {...props}
            analysisStatus={analysis?.status ?? null}
            withArticle={articleDate !== null}
          />
        );
      case 'timeline':
        return (
          <TimelinePanel
            index={index}
            caseIds={analysis?.status.map((x) => x.caseId) ?? null}
            date={articleDate}
          />
        );
      case 'outlets':
        return <OutletsPanel index={index} outlet={analysis?.article.outlet ?? null} />;
      case 'search':
        return <FactSearchBox search={props.search} idPrefix="tab" />;
      case 'saved':
        return (
          <SavedTab
            saved={props.saved ?? { kind: 'loading' }}
            claimLabel={(id) => index.claims.get(id)?.text ?? id}
            onOpenLibrary={props.onOpenLibrary}
          />
        );
      default:
        return <SettingsTab state={settings} site={site} onChange={props.onSettings} />;
    }
  };
  return <Tabs tabs={tabs} selected={tab} onSelect={setTab} label={t('tabsLabel')} render={render} />;
}

interface StatusPanelProps extends PopupViewProps {
  analysisStatus: readonly CaseStatus[] | null;
  withArticle: boolean;
}

function StatusPanel(props: StatusPanelProps) {
  const { index, today, analysisStatus, withArticle } = props;
  const views = useMemo(
    () => (analysisStatus ? caseStatusViews(index, analysisStatus, today) : allCasesToday(index, today)),
    [index, analysisStatus, today],
  );
  return <StatusTab views={views} withArticle={withArticle && analysisStatus !== null} />;
}

function TimelinePanel({
  index,
  caseIds,
  date,
}: {
  index: PackIndex;
  caseIds: string[] | null;
  date: string | null;
}) {
  const ids = caseIds ?? index.pack.cases.map((c) => c.id);
  const key = ids.join(' ');
  const items = useMemo(() => timelines(index, ids, date), [index, key, date]);
  return <TimelineTab timelines={items} />;
}

function OutletsPanel({ index, outlet }: { index: PackIndex; outlet: string | null }) {
  const matrix = useMemo(() => buildOutletMatrix(index, outlet), [index, outlet]);
  return <OutletsTab matrix={matrix} />;
}

export function PopupView(props: PopupViewProps) {
  const t = useT();
  const { load, settings } = props;
  return (
    <main class="popup" aria-busy={load.kind === 'loading'}>
      <header class="popup__header">
        <img class="popup__logo" src="/icons/icon-32.png" alt="" width="20" height="20" />
        <h1 class="popup__name">{t('popupTitle')}</h1>
        {settings.settings?.paused && (
          <span class="chip" data-testid="paused-chip">
            {t('pausedChip')}
          </span>
        )}
      </header>
      {load.kind === 'loading' && <p class="muted">{t('loading')}</p>}
      {load.kind === 'error' && (
        <p class="error" role="alert">
          {t('errorState', [load.error])}
        </p>
      )}
      {load.kind === 'ready' && <Views {...props} page={load.page} />}
    </main>
  );
}
