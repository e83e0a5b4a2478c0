/**
 * The library's search field (data-testid `search`) and filters: outlet, tag, claim, and a date range
 * on the article's publication date. Choices come from the library itself with their counts; a chosen
 * value stays listed even when no passage has it any more, so the field never lies about the filter.
 */
import type { LibraryQuery } from '../../../core/library/types';
import { useT } from '../i18n';
import type { ClaimLabel } from './types';

export interface Facet {
  value: string;
  count: number;
}

export interface Facets {
  outlets: readonly Facet[];
  tags: readonly Facet[];
  claims: readonly Facet[];
}

/** What the filter fields hold; "" means "any". */
export interface FilterValues {
  text: string;
  outlet: string;
  tag: string;
  claim: string;
  from: string;
  to: string;
}

export const NO_FILTERS: FilterValues = { text: '', outlet: '', tag: '', claim: '', from: '', to: '' };

/** The query for core's searchLibrary: only the fields that are set. */
export function toQuery(values: FilterValues): LibraryQuery {
  const query: LibraryQuery = {};
  if (values.text.trim() !== '') query.text = values.text;
  if (values.outlet !== '') query.outlet = values.outlet;
  if (values.tag !== '') query.tag = values.tag;
  if (values.claim !== '') query.claim = values.claim;
  if (values.from !== '') query.from = values.from;
  if (values.to !== '') query.to = values.to;
  return query;
}

export function hasFilters(values: FilterValues): boolean {
  return Object.keys(toQuery(values)).length > 0;
}

/** Claim wordings are sentences; the select shows their start. */
function short(text: string): string {
  return text.length > 70 ? `${text.slice(0, 69).trimEnd()}…` : text;
}

interface SelectProps {
  id: string;
  label: string;
  any: string;
  facets: readonly Facet[];
  value: string;
  describe?: (value: string) => string;
  onChange: (value: string) => void;
}

function FacetSelect({ id, label, any, facets, value, describe = (v) => v, onChange }: SelectProps) {
  const listed = value === '' || facets.some((f) => f.value === value);
  const options = listed ? facets : [...facets, { value, count: 0 }];
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{any}</option>
        {options.map((f) => (
          <option key={f.value} value={f.value} title={describe(f.value)}>
            {`${short(describe(f.value))} (${f.count})`}
          </option>
        ))}
      </select>
    </div>
  );
}

interface LibraryFiltersProps {
  values: FilterValues;
  facets: Facets;
  claimLabel: ClaimLabel;
  onChange: (values: FilterValues) => void;
}

export function LibraryFilters({ values, facets, claimLabel, onChange }: LibraryFiltersProps) {
  const t = useT();
  const set = (patch: Partial<FilterValues>) => onChange({ ...values, ...patch });
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is a landmark only from Chrome 118; we support 116
    <form role="search" class="filters" aria-label={t('libraryFilters')} onSubmit={(e) => e.preventDefault()}>
      <div class="field field--wide">
        <label for="library-search">{t('librarySearch')}</label>
        <input
          id="library-search"
          type="search"
          data-testid="search"
          value={values.text}
          placeholder={t('librarySearchPlaceholder')}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </div>
      <FacetSelect
        id="filter-outlet"
        label={t('libraryOutlet')}
        any={t('libraryAnyOutlet')}
        facets={facets.outlets}
        value={values.outlet}
        onChange={(outlet) => set({ outlet })}
      />
      <FacetSelect
        id="filter-tag"
        label={t('libraryTag')}
        any={t('libraryAnyTag')}
        facets={facets.tags}
        value={values.tag}
        onChange={(tag) => set({ tag })}
      />
      <FacetSelect
        id="filter-claim"
        label={t('libraryClaim')}
        any={t('libraryAnyClaim')}
        facets={facets.claims}
        value={values.claim}
        describe={claimLabel}
        onChange={(claim) => set({ claim })}
      />
      <fieldset class="dates">
        <legend>{t('libraryPublished')}</legend>
        <div class="field">
          <label for="filter-from">{t('libraryFrom')}</label>
          <input
            id="filter-from"
            type="date"
            data-testid="filter-from"
            value={values.from}
            max={values.to || undefined}
            onInput={(e) => set({ from: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="filter-to">{t('libraryTo')}</label>
          <input
            id="filter-to"
            type="date"
            data-testid="filter-to"
            value={values.to}
            min={values.from || undefined}
            onInput={(e) => set({ to: e.currentTarget.value })}
          />
        </div>
      </fieldset>
      <button
        type="button"
        class="button"
        data-testid="filters-clear"
        disabled={!hasFilters(values)}
        onClick={() => onChange(NO_FILTERS)}
      >
        {t('libraryClearFilters')}
      </button>
    </form>
  );
}
