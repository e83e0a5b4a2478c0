// @vitest-environment happy-dom
/**
 * The popup's presentational tree, rendered with the real pack and a real analysis of the JPost seed:
 * tabs and keyboard, the content of each view, the settings controls, the calm state elsewhere.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../../src/ui/components/i18n';
import { createFactSearch } from '../../../src/ui/components/model/search';
import { PopupView, type PopupViewProps, type TabId } from '../../../src/ui/components/PopupView';
import type { PageView, SettingsState } from '../../../src/ui/components/view-types';
import { index, pack, seedAnalysis, TODAY, t } from './helpers';

const search = createFactSearch(pack);
const SETTINGS: SettingsState = {
  settings: { paused: false, disabledSites: [], highlightStyle: 'background' },
  status: 'idle',
  error: null,
};

function jpostPage(supported = true): PageView {
  const analysis = seedAnalysis('jpost-2020-01-16');
  return {
    url: 'http://127.0.0.1:1234/pages/jpost-2020-01-16/source.html',
    title: 'Court shuts doors on Amnesty bid to revoke NSO license - The Jerusalem Post',
    gate: { hit: true, terms: ['NSO Group', 'Barkai', 'Eitay Mack'] },
    analysis: { analysis, highlights: { supported, placed: 40, unplaced: 0 } },
  };
}

let root: HTMLElement | null = null;

function mount(page: PageView | null, extra: Partial<PopupViewProps> = {}, tab?: TabId) {
  root = document.createElement('div');
  document.body.append(root);
  const props: PopupViewProps = {
    load: { kind: 'ready', page },
    settings: SETTINGS,
    onSettings: () => {},
    site: page ? '127.0.0.1' : null,
    index,
    search,
    today: TODAY,
    ...(tab ? { initialTab: tab } : {}),
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
const one = (el: ParentNode, testid: string) => all(el, testid)[0]!;
const press = (target: Element, key: string) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });

describe('tabs', () => {
  it('is a tablist whose tabs control panels, one selected and focusable', () => {
    const el = mount(jpostPage());
    const tabs = [...el.querySelectorAll<HTMLElement>('[role="tablist"] [role="tab"]')];
    expect(tabs.map((b) => b.textContent)).toEqual([
      'This page',
      'Status',
      'Timeline',
      'Outlets',
      'Search',
      'Settings',
    ]);
    for (const tab of tabs) {
      const panel = el.querySelector(`#${tab.getAttribute('aria-controls')}`);
      expect(panel?.getAttribute('role')).toBe('tabpanel');
      expect(panel?.getAttribute('aria-labelledby')).toBe(tab.id);
    }
    expect(tabs.map((b) => b.getAttribute('aria-selected'))).toEqual([
      'true',
      'false',
      'false',
      'false',
      'false',
      'false',
    ]);
    expect(tabs.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
  });

  it('moves with arrow keys, Home and End, selecting and focusing the tab', () => {
    const el = mount(jpostPage());
    const tab = (id: string) => el.querySelector<HTMLElement>(`#tab-${id}`)!;
    tab('page').focus();
    press(tab('page'), 'ArrowRight');
    expect(tab('status').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('status'));
    expect(el.querySelector<HTMLElement>('#panel-status')!.hidden).toBe(false);
    expect(el.querySelector<HTMLElement>('#panel-page')!.hidden).toBe(true);
    press(tab('status'), 'End');
    expect(document.activeElement).toBe(tab('settings'));
    press(tab('settings'), 'ArrowRight');
    expect(document.activeElement).toBe(tab('page'));
    press(tab('page'), 'ArrowLeft');
    expect(tab('settings').getAttribute('aria-selected')).toBe('true');
    press(tab('settings'), 'Home');
    expect(tab('page').getAttribute('aria-selected')).toBe('true');
  });
});

describe('This page', () => {
  it('shows relevance, the article, the conflicts and the claims', () => {
    const page = jpostPage();
    const analysis = page.analysis!.analysis;
    const el = mount(page);
    expect(one(el, 'page-relevance').textContent).toBe(
      'This page mentions the story: NSO Group, Barkai, Eitay Mack',
    );
    expect(el.querySelectorAll('#relevance-reasons li')).toHaveLength(analysis.reasons.length);
    expect(one(el, 'article-outlet').textContent).toBe('The Jerusalem Post');
    expect(one(el, 'article-date').textContent).toBe('Thursday 16 January 2020');
    expect(one(el, 'page-title').textContent).toBe(page.title);
    expect(one(el, 'match-count').textContent).toBe(
      String(new Set(analysis.matches.map((m) => m.claimId)).size),
    );
    const conflicts = all(el, 'conflict-item');
    expect(conflicts).toHaveLength(new Set(analysis.conflicts.map((c) => c.conflictId)).size);
    const lawyer = conflicts.find((c) => c.dataset.conflict === 'conflict.lawyer-name')!;
    expect(one(lawyer, 'conflict-found').textContent).toBe('Itai Mack');
    expect(one(lawyer, 'conflict-expected').textContent).toBe('Eitay Mack');
    expect(lawyer.querySelector('.variant--here')?.textContent).toContain('Itai Mack');
    expect(lawyer.querySelector('.variant--here')?.textContent).toContain('The Jerusalem Post');
    expect(all(el, 'highlights-unsupported')).toHaveLength(0);
  });

  it('says when the browser could not highlight', () => {
    const el = mount(jpostPage(false));
    expect(one(el, 'highlights-unsupported').textContent).toMatch(/cannot highlight/);
  });

  it('is calm elsewhere and offers the fact-pack search', () => {
    const el = mount({
      url: 'https://example.org/',
      title: 'Concert',
      gate: { hit: false, terms: [] },
      analysis: null,
    });
    expect(one(el, 'page-relevance').textContent).toBe('Nothing about NSO on this page');
    expect(all(el, 'conflict-item')).toHaveLength(0);
    const input = one(el, 'search-input') as HTMLInputElement;
    act(() => {
      input.value = 'itai';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const [first] = all(el, 'search-result');
    expect(first?.dataset.id).toBe('person.eitay-mack');
    expect(first?.textContent).toContain('Also written: Itai Mack');
  });

  it('renders page text as text, never as markup', () => {
    const page = { ...jpostPage(), title: '<img src=x onerror="document.body.dataset.pwned=1"><b>bold</b>' };
    const el = mount(page);
    expect(one(el, 'page-title').textContent).toBe(page.title);
    expect(el.querySelectorAll('main img:not(.popup__logo), main b')).toHaveLength(0);
  });
});

describe('Status, Timeline, Outlets', () => {
  it('Status: the petition as of 16 Jan 2020 and today, with the dismissal since', () => {
    const el = mount(jpostPage(), {}, 'status');
    const petition = all(el, 'case-status').find((c) => c.dataset.case === 'case.amnesty-israel-petition')!;
    const hearing = pack.events.find((e) => e.id === 'event.closed-hearing')!;
    const judgment = pack.events.find((e) => e.id === 'event.judgment')!;
    expect(one(petition, 'status-then').textContent).toBe(hearing.status);
    expect(petition.textContent).toContain("On the article's date (Thursday 16 January 2020)");
    expect(one(petition, 'status-today').textContent).toBe(judgment.status);
    expect(one(petition, 'since-event').textContent).toBe(
      'Petition dismissed — 12 Jul 2020 (published 13 Jul 2020)',
    );
  });

  it('Timeline: the article marked between the hearing and the judgment', () => {
    const el = mount(jpostPage(), {}, 'timeline');
    const marker = one(el, 'timeline-article');
    expect(marker.textContent).toBe('▶This article: Thursday 16 January 2020');
    expect((marker.previousElementSibling as HTMLElement).dataset.event).toBe('event.closed-hearing');
    expect((marker.nextElementSibling as HTMLElement).dataset.event).toBe('event.judgment');
    expect(all(el, 'date-uncertain').length).toBeGreaterThan(0);
  });

  it('Outlets: one row per report, the page’s outlet marked, wrong readings marked in words', () => {
    const el = mount(jpostPage(), {}, 'outlets');
    const rows = all(el, 'outlet-row');
    const current = rows.filter((r) => r.classList.contains('row--current'));
    expect(current.map((r) => r.dataset.outlet)).toEqual(current.map(() => 'outlet.jpost'));
    expect(current.map((r) => r.dataset.report)).toContain('report.jpost-2020-01-16');
    const presstv = rows.find((r) => r.dataset.report === 'report.presstv-2020-07-13')!;
    const off = presstv.querySelector('.item--off');
    expect(off?.textContent).toMatch(/imprecise|wrong|house style/);
    const link = rows
      .find((r) => r.dataset.report === 'report.jpost-2020-01-16')!
      .querySelector('a[href*="Itai%20Mack"]');
    expect(link?.getAttribute('href')).toMatch(/^https:\/\/www\.jpost\.com\/.*#:~:text=Itai%20Mack$/);
  });
});

describe('Settings', () => {
  it('shows the current values and reports changes', () => {
    const onSettings = vi.fn();
    const el = mount(jpostPage(), { onSettings, site: 'jpost.com' }, 'settings');
    const paused = one(el, 'setting-paused') as HTMLInputElement;
    const site = one(el, 'setting-site') as HTMLInputElement;
    expect(paused.checked).toBe(false);
    expect(site.closest('label')?.textContent).toContain('Turn off on jpost.com');
    expect((one(el, 'setting-style-background') as HTMLInputElement).checked).toBe(true);
    act(() => paused.click());
    expect(onSettings).toHaveBeenLastCalledWith({ paused: true });
    act(() => site.click());
    expect(onSettings).toHaveBeenLastCalledWith({ disabledSites: ['jpost.com'] });
    act(() => (one(el, 'setting-style-underline') as HTMLInputElement).click());
    expect(onSettings).toHaveBeenLastCalledWith({ highlightStyle: 'underline' });
  });

  it('reflects stored settings: paused, this site off', () => {
    const settings: SettingsState = {
      settings: { paused: true, disabledSites: ['jpost.com', 'presstv.ir'], highlightStyle: 'underline' },
      status: 'saved',
      error: null,
    };
    const onSettings = vi.fn();
    const el = mount(jpostPage(), { settings, onSettings, site: 'jpost.com' }, 'settings');
    expect((one(el, 'setting-paused') as HTMLInputElement).checked).toBe(true);
    expect((one(el, 'setting-site') as HTMLInputElement).checked).toBe(true);
    expect((one(el, 'setting-style-underline') as HTMLInputElement).checked).toBe(true);
    expect(one(el, 'paused-chip').textContent).toBe('Paused');
    expect(one(el, 'settings-status').textContent).toBe('Saved.');
    act(() => (one(el, 'setting-site') as HTMLInputElement).click());
    expect(onSettings).toHaveBeenLastCalledWith({ disabledSites: ['presstv.ir'] });
  });
});
