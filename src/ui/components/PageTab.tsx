/**
 * The This page view: relevance, the article (outlet, date, title), how highlighting went, the
 * conflicts with the record and the claims found. On a page that is not about the story: a calm
 * word and the fact-pack search instead.
 */
import { useMemo } from 'preact/hooks';
import type { PackIndex } from '../../core/facts/index';
import type { Analysis } from '../../core/match/findings';
import { ClaimGroups } from './ClaimGroups';
import { ConflictList } from './ConflictList';
import { FactSearchBox } from './FactSearchBox';
import { useT } from './i18n';
import { distinctClaimCount, groupClaimsByCase } from './model/claims-by-case';
import { conflictViews } from './model/conflicts';
import { longDate } from './model/dates';
import type { FactSearch } from './model/search';
import { RelevanceHead, relevanceOf } from './Relevance';
import type { HighlightsView, PageView } from './view-types';

function ArticleInfo({
  page,
  analysis,
  index,
}: {
  page: PageView;
  analysis: Analysis | null;
  index: PackIndex;
}) {
  const t = useT();
  const outletId = analysis?.article.outlet ?? null;
  const outlet = outletId ? (index.outlets.get(outletId)?.name ?? outletId) : null;
  const published = analysis?.article.published ?? null;
  return (
    <section class="page" aria-labelledby="page-head">
      <h2 class="label" id="page-head">
        {t('pageLabel')}
      </h2>
      {analysis && (
        <p class="page__meta">
          <span data-testid="article-outlet">{outlet ?? t('outletUnknown')}</span>
          {' · '}
          <span data-testid="article-date">{published ? longDate(published) : t('dateUnknown')}</span>
        </p>
      )}
      <p class="page__title" dir="auto" data-testid="page-title">
        {page.title.trim() || t('untitled')}
      </p>
      {analysis?.article.title && !page.title.includes(analysis.article.title) && (
        <p class="page__headline" dir="auto" data-testid="article-title">
          {analysis.article.title}
        </p>
      )}
      <p class="page__url" data-testid="page-url">
        {page.url}
      </p>
    </section>
  );
}

function HighlightNotice({ highlights }: { highlights: HighlightsView }) {
  const t = useT();
  if (!highlights.supported) {
    return (
      <p class="notice" data-testid="highlights-unsupported">
        {t('highlightsUnsupported')}
      </p>
    );
  }
  if (highlights.unplaced > 0) {
    return <p class="notice">{t('highlightsUnplaced', [String(highlights.unplaced)])}</p>;
  }
  return null;
}

function Findings({ analysis, index }: { analysis: Analysis; index: PackIndex }) {
  const outlet = analysis.article.outlet;
  const conflicts = useMemo(
    () => conflictViews(index, analysis.conflicts, outlet),
    [index, analysis, outlet],
  );
  const groups = useMemo(() => groupClaimsByCase(index, analysis.matches), [index, analysis]);
  return (
    <>
      <ConflictList conflicts={conflicts} />
      <ClaimGroups groups={groups} count={distinctClaimCount(groups)} />
    </>
  );
}

interface PageTabProps {
  page: PageView | null;
  index: PackIndex;
  search: FactSearch;
  pendingNote: string;
}

export function PageTab({ page, index, search, pendingNote }: PageTabProps) {
  const state = relevanceOf(page);
  const analysis = page?.analysis ?? null;
  return (
    <>
      <RelevanceHead page={page} pendingNote={pendingNote} />
      {page && <ArticleInfo page={page} analysis={analysis?.analysis ?? null} index={index} />}
      {state === 'about' && analysis && (
        <>
          <HighlightNotice highlights={analysis.highlights} />
          <Findings analysis={analysis.analysis} index={index} />
        </>
      )}
      {(state === 'unread' || state === 'miss' || state === 'not-about') && (
        <FactSearchBox search={search} idPrefix="page" />
      )}
    </>
  );
}
