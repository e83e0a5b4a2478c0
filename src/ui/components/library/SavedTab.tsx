/**
 * The popup's Saved view: this page's saved passages (data-testid `saved-item`) and, apart, the ones
 * the page could not place any more — "orphans" (`orphan-item` around their `saved-item`), listed
 * with their quote so nothing saved is ever lost from sight. A button opens the full library.
 */
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { PassageBody } from './PassageBody';
import type { ClaimLabel, Outcome, PageSavedLoad, SavedPassage } from './types';

interface SavedTabProps {
  saved: PageSavedLoad;
  claimLabel: ClaimLabel;
  /** Opens the library page (no button without it); a failure is shown next to the button. */
  onOpenLibrary?: (() => Promise<Outcome<unknown>>) | undefined;
}

function SavedItem({
  passage,
  claimLabel,
  orphan,
}: {
  passage: SavedPassage;
  claimLabel: ClaimLabel;
  orphan: boolean;
}) {
  // Two elements, so exact test-id selectors find every passage as saved-item and orphans as both.
  return (
    <li class={orphan ? 'passage--orphan' : undefined} data-testid={orphan ? 'orphan-item' : undefined}>
      <div class="passage" data-testid="saved-item" data-id={passage.id}>
        <PassageBody passage={passage} claimLabel={claimLabel} quoteId={`saved-quote-${passage.id}`} />
      </div>
    </li>
  );
}

export function SavedTab({ saved, claimLabel, onOpenLibrary }: SavedTabProps) {
  const t = useT();
  const [openError, setOpenError] = useState<string | null>(null);
  const openLibrary = async () => {
    if (!onOpenLibrary) return;
    const result = await onOpenLibrary();
    setOpenError(result.ok ? null : result.error);
  };
  const open = onOpenLibrary && (
    <p class="saved__library">
      <button type="button" class="button" data-testid="open-library" onClick={openLibrary}>
        {t('savedOpenLibrary')}
      </button>
      {openError !== null && (
        <span class="error" role="alert">
          {t('savedOpenFailed', [openError])}
        </span>
      )}
    </p>
  );
  if (saved.kind === 'loading') return <p class="muted">{t('savedLoading')}</p>;
  if (saved.kind === 'error') {
    return (
      <div class="saved">
        <p class="error" role="alert" data-testid="saved-error">
          {t('savedLoadFailed', [saved.error])}
        </p>
        {open}
      </div>
    );
  }
  const orphanIds = new Set(saved.orphans ?? []);
  const placed = saved.passages.filter((p) => !orphanIds.has(p.id));
  const orphans = saved.passages.filter((p) => orphanIds.has(p.id));
  return (
    <div class="saved">
      <section class="section" aria-labelledby="saved-head">
        <h2 class="section__head" id="saved-head">
          {t('savedHead')} <span class="count">{saved.passages.length}</span>
        </h2>
        {saved.passages.length === 0 && (
          <p class="muted" data-testid="saved-empty">
            {t('savedEmpty')}
          </p>
        )}
        {placed.length > 0 && (
          <ul class="passages">
            {placed.map((p) => (
              <SavedItem key={p.id} passage={p} claimLabel={claimLabel} orphan={false} />
            ))}
          </ul>
        )}
      </section>
      {orphans.length > 0 && (
        <section class="section" aria-labelledby="orphans-head" data-testid="orphans">
          <h2 class="section__head" id="orphans-head">
            {t('savedOrphansHead')} <span class="count">{orphans.length}</span>
          </h2>
          <p class="intro">{t('savedOrphansHint')}</p>
          <ul class="passages">
            {orphans.map((p) => (
              <SavedItem key={p.id} passage={p} claimLabel={claimLabel} orphan={true} />
            ))}
          </ul>
        </section>
      )}
      {open}
    </div>
  );
}
