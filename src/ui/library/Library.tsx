/**
 * The library page's container: lists the library through the background and turns the view's
 * actions into messages (update-passage, delete-passages, restore-passages, export-library,
 * import-library). Each answer goes back to the view as it came — a refused write (a full store, an
 * invalid import) is shown to the reader, never dropped — and the list is fetched again after every
 * change. Records the store could not read are reported in a banner and can be downloaded.
 */
import { useCallback, useMemo } from 'preact/hooks';
import type { ExportFormat } from '../../core/library/types';
import { t } from '../../platform/i18n';
import type { Result } from '../../platform/result';
import { sendFromPopup } from '../../platform/runtime';
import { I18nContext } from '../components/i18n';
import { LibraryView } from '../components/library/LibraryView';
import { quarantineFile } from '../components/library/model/quarantine-file';
import type { SavedPassage } from '../components/library/types';
import { packIndex } from '../popup/pack';
import { downloadText } from './download';
import { useLibrary } from './use-library';

export function Library() {
  const { load, reload, setPassages, listError, health } = useLibrary();
  const claimLabel = useMemo(() => {
    const claims = packIndex().claims;
    return (id: string) => claims.get(id)?.text ?? id;
  }, []);

  /** Sends, then lists again whatever the outcome (a failed write may still have changed nothing). */
  const changing = useCallback(
    async <T,>(send: Promise<Result<T>>): Promise<Result<T>> => {
      const result = await send;
      void reload();
      return result;
    },
    [reload],
  );
  const onUpdate = useCallback(
    (id: string, note: string, tags: string[]) =>
      changing(sendFromPopup('update-passage', { id, note, tags })),
    [changing],
  );
  const onDelete = useCallback(
    async (ids: string[]) => {
      const result = await sendFromPopup('delete-passages', { ids });
      if (result.ok) {
        const gone = new Set(ids);
        setPassages((passages) => passages.filter((p) => !gone.has(p.id)));
      }
      void reload();
      return result;
    },
    [reload, setPassages],
  );
  const onRestore = useCallback(
    (passages: SavedPassage[]) => changing(sendFromPopup('restore-passages', { passages })),
    [changing],
  );
  const onImport = useCallback(
    (text: string) => changing(sendFromPopup('import-library', { text })),
    [changing],
  );
  const onExport = useCallback(async (format: ExportFormat): Promise<Result<string>> => {
    const result = await sendFromPopup('export-library', { format });
    if (!result.ok) return result;
    const { filename, mime, text } = result.value;
    downloadText(filename, mime, text);
    return { ok: true, value: filename };
  }, []);

  const onDownloadUnreadable = useCallback(() => {
    if (health === null) return;
    const file = quarantineFile(health.quarantined, health.quarantinedCount, new Date());
    downloadText(file.filename, file.mime, file.text);
  }, [health]);

  return (
    <I18nContext.Provider value={t}>
      <LibraryView
        load={load}
        refreshError={listError}
        claimLabel={claimLabel}
        onReload={() => void reload()}
        onUpdate={onUpdate}
        onDelete={onDelete}
        onRestore={onRestore}
        onExport={onExport}
        onImport={onImport}
        health={health}
        onDownloadUnreadable={onDownloadUnreadable}
      />
    </I18nContext.Provider>
  );
}
