/**
 * The library's storage faults, told to the reader (issue 8; data-testid `library-health`): records the
 * library could not read — how many, that they are kept and never deleted, and a download of them so
 * they can be recovered by hand — a failed update of the stored records, and storage nearly full. Every
 * value (reasons, ids, the background's messages) is rendered as text. Dismissing hides the banner
 * until the faults change; it deletes nothing.
 */
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { localIsoDate, shortDate } from '../model/dates';
import type { LibraryHealthView } from './types';

/** Share of the quota in use from which the reader is warned (saves start failing when it is full). */
export const NEARLY_FULL = 0.9;

interface HealthBannerProps {
  health: LibraryHealthView | null;
  /** Downloads the quarantined records (a JSON file). */
  onDownload: () => void;
}

function nearlyFull({ usage, quota }: LibraryHealthView['storage']): boolean {
  return usage !== null && quota !== null && quota > 0 && usage / quota >= NEARLY_FULL;
}

const megabytes = (bytes: number) => String(Math.max(1, Math.round(bytes / (1024 * 1024))));

function day(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : shortDate(localIsoDate(date));
}

export function HealthBanner({ health, onDownload }: HealthBannerProps) {
  const t = useT();
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (health === null) return null;
  const count = health.quarantinedCount;
  const migration = health.lastMigration?.ok === false ? health.lastMigration : null;
  const full = nearlyFull(health.storage);
  if (count === 0 && migration === null && !full) return null;
  // What the reader dismissed: a new fault (another record, a later failure) shows the banner again.
  const faults = `${count}|${migration?.at ?? ''}|${full}`;
  if (dismissed === faults) return null;
  const listed = health.quarantined.length;
  const { usage, quota } = health.storage;
  return (
    <div class="banner banner--error health" role="alert" data-testid="library-health">
      <div class="health__body">
        {count > 0 && (
          <>
            <p data-testid="health-unreadable">
              {count === 1
                ? t('libraryHealthUnreadableOne')
                : t('libraryHealthUnreadableMany', [String(count)])}
            </p>
            {listed < count && <p>{t('libraryHealthListedPart', [String(listed)])}</p>}
            {listed > 0 && (
              <details class="health__why">
                <summary>{t('libraryHealthWhy')}</summary>
                <ul>
                  {health.quarantined.map((record, i) => (
                    <li key={i} dir="auto" data-testid="health-reason">
                      {record.id ?? t('libraryHealthNoId')}: {record.reason}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
        {migration !== null && (
          <p data-testid="health-migration">
            {t('libraryHealthMigrationFailed', [day(migration.at), migration.message ?? ''])}
          </p>
        )}
        {full && usage !== null && quota !== null && (
          <p data-testid="health-full">
            {t('libraryHealthNearlyFull', [megabytes(usage), megabytes(quota)])}
          </p>
        )}
      </div>
      <div class="health__actions">
        {listed > 0 && (
          <button type="button" class="button" data-testid="health-download" onClick={onDownload}>
            {count === 1 ? t('libraryHealthDownloadOne') : t('libraryHealthDownloadMany')}
          </button>
        )}
        <button
          type="button"
          class="button"
          data-testid="health-dismiss"
          onClick={() => setDismissed(faults)}
        >
          {t('libraryDismiss')}
        </button>
      </div>
    </div>
  );
}
