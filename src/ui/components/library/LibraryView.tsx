/**
 * The full-page library as a function of the listed passages: search and filters over them (core's
 * searchLibrary and libraryFacets), the passages with edit and delete, undo after a delete, export and
 * import. Every action goes out through a callback and every failure the host reports is shown, as are
 * the storage faults the background reports (HealthBanner).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { libraryFacets, searchLibrary } from '../../../core/library/search';
import type { ExportFormat } from '../../../core/library/types';
import { useT } from '../i18n';
import { ExportButtons } from './ExportButtons';
import { HealthBanner } from './HealthBanner';
import { ImportPanel } from './ImportPanel';
import { type FilterValues, hasFilters, LibraryFilters, NO_FILTERS, toQuery } from './LibraryFilters';
import { PassageRow } from './PassageRow';
import type {
  ClaimLabel,
  ImportSummary,
  LibraryHealthView,
  LibraryLoad,
  Outcome,
  SavedPassage,
} from './types';
import { UndoBar } from './UndoBar';

/** How long a delete can be undone (while the reader is not pointing at or focused on the bar). */
export const UNDO_MS = 8000;
/** How long a confirmation ("Passage restored.") stays on screen. */
const STATUS_MS = 5000;
/** Passages rendered at first and per "Show more": a large library stays quick to open and search. */
export const PAGE_SIZE = 100;

export interface LibraryViewProps {
  load: LibraryLoad;
  /** Why the last listing failed while an older list is shown (null when it did not). */
  refreshError?: string | null;
  claimLabel: ClaimLabel;
  onReload: () => void;
  onUpdate: (id: string, note: string, tags: string[]) => Promise<Outcome<unknown>>;
  /** Deletes and answers with the deleted passages, kept for undo. */
  onDelete: (ids: string[]) => Promise<Outcome<SavedPassage[]>>;
  onRestore: (passages: SavedPassage[]) => Promise<Outcome<number>>;
  onExport: (format: ExportFormat) => Promise<Outcome<string>>;
  onImport: (text: string) => Promise<Outcome<ImportSummary>>;
  /** Storage faults (unreadable records kept aside, a failed migration); null while not known. */
  health?: LibraryHealthView | null;
  /** Downloads the unreadable records as a file, for recovery by hand. */
  onDownloadUnreadable?: () => void;
  undoMs?: number;
}

interface Undo {
  passages: SavedPassage[];
  generation: number;
}

const EMPTY: readonly SavedPassage[] = [];

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function LibraryView(props: LibraryViewProps) {
  const t = useT();
  const { load, claimLabel } = props;
  const passages = load.kind === 'ready' ? load.passages : EMPTY;
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const facets = useMemo(() => libraryFacets(passages), [passages]);
  const visible = useMemo(() => searchLibrary(passages, toQuery(filters)), [passages, filters]);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const shown = visible.length > limit ? visible.slice(0, limit) : visible;
  const filter = (values: FilterValues) => {
    setFilters(values);
    setLimit(PAGE_SIZE);
  };

  const showMore = () => {
    const first = shown.length;
    setLimit(first + PAGE_SIZE);
    // Once rendered, on to the first passage that was not shown before.
    setTimeout(() => {
      const rows = root.current?.querySelectorAll<HTMLElement>('[data-testid="saved-edit"]');
      rows?.[first]?.focus();
    }, 0);
  };
  const focusAfterDelete = (id: string) => {
    const at = shown.findIndex((p) => p.id === id);
    const next = shown[at + 1] ?? shown[at - 1];
    const target = next
      ? root.current?.querySelector<HTMLElement>(`[data-id="${next.id}"] [data-testid="saved-edit"]`)
      : null;
    (target ?? root.current?.querySelector<HTMLElement>('#library-search'))?.focus();
  };
  const remove = async (id: string) => {
    setError(null);
    const result = await props.onDelete([id]);
    if (!result.ok) {
      setError(t('libraryDeleteFailed', [result.error]));
      return;
    }
    if (editing === id) setEditing(null);
    setStatus('');
    setUndo((u) => ({
      passages: [...(u?.passages ?? []), ...result.value],
      generation: (u?.generation ?? 0) + 1,
    }));
    focusAfterDelete(id);
  };
  const restore = async () => {
    if (!undo) return;
    const result = await props.onRestore(undo.passages);
    if (!result.ok) {
      setError(t('libraryRestoreFailed', [result.error]));
      return;
    }
    setUndo(null);
    setError(null);
    setStatus(
      result.value === 1 ? t('libraryRestoredOne') : t('libraryRestoredMany', [String(result.value)]),
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const undoKey = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z';
    if (undo && undoKey && !isTextField(event.target)) {
      event.preventDefault();
      void restore();
    }
  };

  const filtered = hasFilters(filters);
  return (
    <main class="library" ref={root} aria-busy={load.kind === 'loading'} onKeyDown={onKeyDown}>
      <header class="library__header">
        <img class="library__logo" src="/icons/icon-32.png" alt="" width="24" height="24" />
        <h1 class="library__name">{t('libraryHeading')}</h1>
        {load.kind === 'ready' && (
          <p class="library__count" data-testid="library-count">
            {filtered
              ? t('libraryShowing', [String(visible.length), String(passages.length)])
              : passages.length === 1
                ? t('libraryCountOne')
                : t('libraryCountMany', [String(passages.length)])}
          </p>
        )}
      </header>
      <HealthBanner health={props.health ?? null} onDownload={() => props.onDownloadUnreadable?.()} />
      {error !== null && (
        <div class="banner banner--error" role="alert" data-testid="library-error">
          <p>{error}</p>
          <button type="button" class="button" onClick={() => setError(null)}>
            {t('libraryDismiss')}
          </button>
        </div>
      )}
      {load.kind === 'ready' && props.refreshError && (
        <div class="banner banner--error" role="alert" data-testid="library-refresh-error">
          <p>{t('libraryRefreshFailed', [props.refreshError])}</p>
          <button type="button" class="button" onClick={props.onReload}>
            {t('libraryRetry')}
          </button>
        </div>
      )}
      <div class="library__layout">
        <section class="library__main" aria-labelledby="passages-head">
          <h2 class="sr-only" id="passages-head">
            {t('libraryPassages')}
          </h2>
          <LibraryFilters values={filters} facets={facets} claimLabel={claimLabel} onChange={filter} />
          {load.kind === 'loading' && <p class="muted">{t('libraryLoading')}</p>}
          {load.kind === 'error' && (
            <div class="banner banner--error" role="alert" data-testid="library-load-error">
              <p>{t('libraryLoadFailed', [load.error])}</p>
              <button type="button" class="button" onClick={props.onReload}>
                {t('libraryRetry')}
              </button>
            </div>
          )}
          {load.kind === 'ready' && passages.length === 0 && (
            <div class="empty" data-testid="library-empty">
              <p class="empty__head">{t('libraryEmpty')}</p>
              <p class="muted">{t('libraryEmptyHint')}</p>
            </div>
          )}
          {passages.length > 0 && visible.length === 0 && (
            <div class="empty" data-testid="library-no-match">
              <p class="empty__head">{t('libraryNoMatch')}</p>
              <button type="button" class="button" onClick={() => filter(NO_FILTERS)}>
                {t('libraryClearFilters')}
              </button>
            </div>
          )}
          {visible.length > 0 && (
            <ul class="passages" aria-labelledby="passages-head">
              {shown.map((passage) => (
                <PassageRow
                  key={passage.id}
                  passage={passage}
                  claimLabel={claimLabel}
                  editing={editing === passage.id}
                  onEdit={setEditing}
                  onSave={props.onUpdate}
                  onDelete={remove}
                />
              ))}
            </ul>
          )}
          {shown.length < visible.length && (
            <button type="button" class="button more" data-testid="library-more" onClick={showMore}>
              {t('libraryShowMore', [
                String(Math.min(PAGE_SIZE, visible.length - shown.length)),
                String(visible.length - shown.length),
              ])}
            </button>
          )}
        </section>
        <aside class="library__side" aria-label={t('libraryExportImport')}>
          <ExportButtons onExport={props.onExport} disabled={load.kind !== 'ready'} />
          <ImportPanel onImport={props.onImport} />
        </aside>
      </div>
      <div class="toast" role="status">
        {undo ? (
          <UndoBar
            count={undo.passages.length}
            generation={undo.generation}
            ms={props.undoMs ?? UNDO_MS}
            onUndo={() => void restore()}
            onExpire={() => setUndo(null)}
          />
        ) : (
          status !== '' && (
            <p class="toast__text" data-testid="library-status">
              {status}
            </p>
          )
        )}
      </div>
    </main>
  );
}
