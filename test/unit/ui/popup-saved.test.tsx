// @vitest-environment happy-dom
/**
 * The popup's Saved view: this page's saved passages with their note, tags and claims (in the pack's
 * words), the ones the page could not place listed apart as orphans with their quote, the library
 * button, and the tab itself between Search and Settings.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavedPassage } from '../../../src/core/library/types';
import { I18nContext } from '../../../src/ui/components/i18n';
import type { Outcome, PageSavedLoad } from '../../../src/ui/components/library/types';
import { createFactSearch } from '../../../src/ui/components/model/search';
import { PopupView, type PopupViewProps } from '../../../src/ui/components/PopupView';
import type { PageView, SettingsState } from '../../../src/ui/components/view-types';
import { index, pack, TODAY, t } from './helpers';

const search = createFactSearch(pack);
const SETTINGS: SettingsState = {
  settings: { paused: false, disabledSites: [], highlightStyle: 'background' },
  status: 'idle',
  error: null,
};
const PAGE: PageView = {
  url: 'https://www.jpost.com/israel-news/court-nso-123',
  title: 'Court shuts doors on Amnesty bid to revoke NSO license',
  gate: { hit: true, terms: ['NSO Group'] },
  analysis: null,
};
const CLAIM = 'claim.petition-seeks-licence-revocation';
const claimText = index.claims.get(CLAIM)!.text;

function passage(n: number, exact: string, fields: Partial<SavedPassage> = {}): SavedPassage {
  return {
    id: `10000000-0000-4000-8000-00000000000${n}`,
    schema: 1,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 100 * n, end: 100 * n + exact.length },
    url: PAGE.url,
    canonicalUrl: null,
    title: PAGE.title,
    outlet: 'The Jerusalem Post',
    published: '2020-01-16',
    savedAt: '2024-03-01T10:00:00.000Z',
    updatedAt: '2024-03-01T10:00:00.000Z',
    note: '',
    tags: [],
    claims: [],
    ...fields,
  };
}

const PLACED = passage(1, 'Amnesty International Israel petitioned the court', {
  note: 'The petition itself',
  tags: ['licence', 'Amnesty'],
  claims: [CLAIM],
});
const ORPHAN = passage(2, 'a sentence the outlet later edited away', { note: 'Gone from the page now' });
const HOSTILE = passage(3, '<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>', {
  note: '<i>note</i>',
  tags: ['<u>tag</u>'],
});

let root: HTMLElement | null = null;

function mount(saved: PageSavedLoad | undefined, extra: Partial<PopupViewProps> = {}) {
  root ??= document.body.appendChild(document.createElement('div'));
  const props: PopupViewProps = {
    load: { kind: 'ready', page: PAGE },
    settings: SETTINGS,
    onSettings: () => {},
    site: 'jpost.com',
    index,
    search,
    today: TODAY,
    initialTab: 'saved',
    ...(saved ? { saved } : {}),
    ...extra,
  };
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <PopupView {...props} />
      </I18nContext.Provider>,
      root!,
    );
  });
  return root;
}

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

const all = (el: ParentNode, testid: string) => [
  ...el.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`),
];
const one = (el: ParentNode, testid: string) => {
  const found = all(el, testid);
  if (found.length !== 1) throw new Error(`expected one ${testid}, found ${found.length}`);
  return found[0]!;
};

describe('the Saved tab', () => {
  it('sits between Search and Settings when the popup loads saved passages', () => {
    const el = mount({ kind: 'ready', passages: [], orphans: null }, { initialTab: 'page' });
    const labels = [...el.querySelectorAll('[role="tab"]')].map((b) => b.textContent);
    expect(labels).toEqual(['This page', 'Status', 'Timeline', 'Outlets', 'Search', 'Saved', 'Settings']);
    const tab = el.querySelector<HTMLElement>('#tab-saved')!;
    act(() => tab.click());
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(el.querySelector<HTMLElement>('#panel-saved')!.hidden).toBe(false);
    expect(one(el, 'saved-empty').textContent).toContain('Nothing saved from this page yet.');
  });

  it('lists this page’s passages with quote, note, tags and claims in the pack’s words', () => {
    const el = mount({ kind: 'ready', passages: [PLACED, ORPHAN], orphans: [ORPHAN.id] });
    const items = all(el, 'saved-item');
    expect(items.map((i) => i.dataset.id)).toEqual([PLACED.id, ORPHAN.id]);
    const placed = items[0]!;
    expect(one(placed, 'saved-quote').textContent).toBe(PLACED.quote.exact);
    expect(one(placed, 'saved-note').textContent).toContain('The petition itself');
    expect(all(placed, 'saved-tag').map((x) => x.textContent)).toEqual(['licence', 'Amnesty']);
    expect(one(placed, 'saved-claim').textContent).toBe(claimText);
    expect(placed.closest('[data-testid="orphan-item"]')).toBeNull();
  });

  it('lists passages the page could not place as orphans, with their quote, never dropped', () => {
    const el = mount({ kind: 'ready', passages: [PLACED, ORPHAN], orphans: [ORPHAN.id] });
    const orphans = all(el, 'orphan-item');
    expect(orphans).toHaveLength(1);
    expect(one(orphans[0]!, 'saved-item').dataset.id).toBe(ORPHAN.id);
    expect(one(orphans[0]!, 'saved-quote').textContent).toBe('a sentence the outlet later edited away');
    expect(one(orphans[0]!, 'saved-note').textContent).toContain('Gone from the page now');
    const section = one(el, 'orphans');
    expect(section.querySelector('h2')!.textContent).toBe('Orphans — could not be placed on this page 1');
  });

  it('lists every passage as placed before the page has anchored them', () => {
    const el = mount({ kind: 'ready', passages: [PLACED, ORPHAN], orphans: null });
    expect(all(el, 'saved-item')).toHaveLength(2);
    expect(all(el, 'orphan-item')).toHaveLength(0);
  });

  it('renders page and note text as text, never as markup', () => {
    const el = mount({ kind: 'ready', passages: [HOSTILE], orphans: [HOSTILE.id] });
    const item = one(el, 'saved-item');
    expect(one(item, 'saved-quote').textContent).toBe(HOSTILE.quote.exact);
    expect(one(item, 'saved-note').textContent).toContain('<i>note</i>');
    expect(one(item, 'saved-tag').textContent).toBe('<u>tag</u>');
    expect(item.querySelectorAll('img, b, i, u')).toHaveLength(0);
    expect(document.body.dataset.pwned).toBeUndefined();
  });

  it('says when the saved passages could not be loaded', () => {
    const el = mount({ kind: 'error', error: 'the background gave no answer' });
    const error = one(el, 'saved-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(
      "Could not load this page's saved passages: the background gave no answer",
    );
  });

  it('opens the library, and says so when it cannot', async () => {
    const onOpenLibrary = vi.fn<() => Promise<Outcome<unknown>>>(async () => ({ ok: true, value: null }));
    const el = mount({ kind: 'ready', passages: [PLACED], orphans: [] }, { onOpenLibrary });
    const button = one(el, 'open-library');
    expect(button.textContent).toBe('Open library');
    await act(async () => button.click());
    expect(onOpenLibrary).toHaveBeenCalledTimes(1);
    expect(el.querySelector('.saved__library [role="alert"]')).toBeNull();
    onOpenLibrary.mockResolvedValueOnce({ ok: false, error: 'tabs.create failed' });
    await act(async () => button.click());
    expect(el.querySelector('.saved__library [role="alert"]')!.textContent).toBe(
      'Could not open the library: tabs.create failed',
    );
  });

  it('has no axe-core violations with passages and orphans (colours are checked in the browser)', async () => {
    const axe = (await import('axe-core')).default;
    const el = mount(
      { kind: 'ready', passages: [PLACED, ORPHAN], orphans: [ORPHAN.id] },
      { onOpenLibrary: async () => ({ ok: true, value: null }) },
    );
    const result = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
