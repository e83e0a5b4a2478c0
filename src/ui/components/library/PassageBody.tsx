/**
 * One saved passage as readers see it, in the library and in the popup: the quote, where it is from,
 * the note, the tags and the fact-pack claims it touches. Every value comes from a page or the reader
 * and is rendered as text (dir="auto" for right-to-left quotes), never as markup.
 */
import { useT } from '../i18n';
import { localIsoDate, shortDate } from '../model/dates';
import type { ClaimLabel, SavedPassage } from './types';

interface PassageBodyProps {
  passage: SavedPassage;
  claimLabel: ClaimLabel;
  /** Id of the quote element, so the row's buttons can name the passage they act on. */
  quoteId: string;
  /** Where the passage's page is linked from (the library); the popup is on that page already. */
  link?: string | null;
}

/** The day the passage was saved, in the reader's time zone. */
function savedDay(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : shortDate(localIsoDate(date));
}

export function PassageBody({ passage, claimLabel, quoteId, link }: PassageBodyProps) {
  const t = useT();
  const { quote, note, tags, claims } = passage;
  return (
    <>
      <blockquote class="passage__quote" id={quoteId} dir="auto" data-testid="saved-quote">
        {quote.exact}
      </blockquote>
      {link !== undefined && (
        <p class="passage__source">
          <span class="passage__title" dir="auto" data-testid="saved-title">
            {passage.title.trim() || t('untitled')}
          </span>{' '}
          {link !== null && (
            <a
              class="passage__open"
              href={link}
              target="_blank"
              rel="noopener noreferrer"
              data-testid="saved-open"
              aria-describedby={quoteId}
            >
              {t('libraryOpenAtPlace')}
            </a>
          )}
        </p>
      )}
      <p class="passage__meta">
        <span data-testid="saved-outlet">{passage.outlet ?? t('libraryOutletUnknown')}</span>
        {' · '}
        <span data-testid="saved-published">
          {passage.published ? shortDate(passage.published) : t('dateUnknown')}
        </span>
        {' · '}
        <span>{t('librarySavedOn', [savedDay(passage.savedAt)])}</span>
      </p>
      {note !== '' && (
        <p class="passage__note" dir="auto" data-testid="saved-note">
          <span class="sr-only">{t('libraryNote')}: </span>
          {note}
        </p>
      )}
      {tags.length > 0 && (
        <ul class="passage__tags" aria-label={t('libraryTags')}>
          {tags.map((tag) => (
            <li key={tag} class="tag" dir="auto" data-testid="saved-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {claims.length > 0 && (
        <ul class="passage__claims" aria-label={t('libraryClaims')}>
          {claims.map((id) => (
            <li key={id} class="passage__claim" data-testid="saved-claim" data-claim={id}>
              {claimLabel(id)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
