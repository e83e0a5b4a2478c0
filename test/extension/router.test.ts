import { describe, expect, it } from 'vitest';
import { BADGE_COLOR, BADGE_CONFLICTS, BADGE_MATCHES, badgeFor } from '../../src/background/badge';
import { createRouter } from '../../src/background/router';
import { contentSenderTab, isExtensionPage } from '../../src/background/sender';
import { createSettingsStore, SETTINGS_KEY } from '../../src/background/settings-store';
import { createTabStateStore } from '../../src/background/tab-state';
import { restoreQuotes } from '../../src/content/pipeline/analyse-page';
import { createEngine, type Engine } from '../../src/core/engine/engine';
import type { Analysis } from '../../src/core/match/findings';
import { nsoPack } from '../../src/data/pack';
import type { BadgeInfo } from '../../src/platform/messages';
import type { KeyValueArea } from '../../src/platform/storage';
import { freshLibrary } from './library-fixtures';

let compiled: Engine | null = null;
/** The bundled engine, compiled once for all tests. */
const engine = () => (compiled ??= createEngine(nsoPack));

const self = { id: 'nso-lens@nso-lens.org', baseUrl: 'moz-extension://1234/' };
const chromeSelf = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const pageSender = { id: self.id, url: 'https://www.jpost.com/a', frameId: 0, tab: { id: 5 } };
const popupSender = { id: self.id, url: `${self.baseUrl}popup.html?tab=5` };
const report = {
  url: 'https://www.jpost.com/a',
  title: 'T',
  gate: { hit: true, terms: ['NSO Group', 'Barkai'] },
};

function memoryArea(): KeyValueArea {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => map.get(key) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    remove: async (key) => void map.delete(key),
    all: async () => Object.fromEntries(map),
  };
}

function setup() {
  const store = createTabStateStore(memoryArea());
  const local = memoryArea();
  const settings = createSettingsStore(local);
  const badges: [number, BadgeInfo][] = [];
  const injected: number[] = [];
  const route = createRouter({
    self,
    store,
    settings,
    setBadge: async (tabId, badge) => void badges.push([tabId, badge]),
    injectPipeline: async (tabId) => {
      injected.push(tabId);
      return { ok: true, value: null };
    },
    now: () => 1000,
    library: freshLibrary().library,
    analyseArticle: (input) => engine().analyse(input),
    notify: async () => undefined,
  });
  return { store, badges, route, injected, local, settings };
}

const analysis = {
  url: report.url,
  analysis: {
    relevant: true,
    score: 9,
    reasons: ['names the story'],
    article: { title: 'T', outlet: 'outlet.jpost', published: '2020-01-16' },
    matches: [{ claimId: 'claim.x', start: 0, end: 5, quote: 'Hello', confidence: 0.9 }],
    conflicts: [
      { conflictId: 'conflict.y', start: 1, end: 3, found: 'el', expected: 'EL', kind: 'name', note: 'n' },
    ],
    status: [{ caseId: 'case.z', asOf: '2020-01-16', status: 'pending', since: ['event.a'] }],
  },
  highlights: { supported: true, placed: 1, unplaced: 0 },
};

describe('sender checks', () => {
  it('accepts our content script in a top frame', () => {
    expect(contentSenderTab(pageSender, self)).toEqual({ ok: true, value: 5 });
  });

  it.each([
    ['another extension', { ...pageSender, id: 'other' }],
    ['no tab', { ...pageSender, tab: undefined }],
    ['a subframe', { ...pageSender, frameId: 3 }],
    ['an extension page', { ...pageSender, url: `${self.baseUrl}popup.html` }],
  ])('refuses %s as content', (_name, sender) => {
    expect(contentSenderTab(sender, self).ok).toBe(false);
  });

  it('knows our extension pages, also opened as a tab', () => {
    expect(isExtensionPage(popupSender, self)).toBe(true);
    expect(isExtensionPage({ ...popupSender, tab: { id: 9 } }, self)).toBe(true);
    const chromePopup = {
      id: chromeSelf.id,
      url: `${chromeSelf.baseUrl}popup.html`,
      origin: 'chrome-extension://abcdefghijklmnop',
    };
    expect(isExtensionPage(chromePopup, chromeSelf)).toBe(true);
  });

  it('refuses web pages and look-alike origins as extension pages', () => {
    expect(isExtensionPage(pageSender, self)).toBe(false);
    expect(isExtensionPage({ ...popupSender, id: 'other' }, self)).toBe(false);
    const forged = {
      id: chromeSelf.id,
      url: `${chromeSelf.baseUrl}popup.html`,
      origin: 'https://evil.example',
    };
    expect(isExtensionPage(forged, chromeSelf)).toBe(false);
  });
});

describe('router', () => {
  it('stores a content report per tab, sets the badge, and answers the popup', async () => {
    const { route, badges } = setup();
    const answer = await route({ channel: 'content', type: 'page-report', payload: report }, pageSender);
    expect(answer).toEqual({ ok: true, value: { text: '2', color: BADGE_COLOR } });
    expect(badges).toEqual([[5, { text: '2', color: BADGE_COLOR }]]);

    const state = await route(
      { channel: 'popup', type: 'get-tab-state', payload: { tabId: 5 } },
      popupSender,
    );
    expect(state).toEqual({ ok: true, value: { ...report, tabId: 5, reportedAt: 1000, analysis: null } });
    const other = await route(
      { channel: 'popup', type: 'get-tab-state', payload: { tabId: 6 } },
      popupSender,
    );
    expect(other).toEqual({ ok: true, value: null });
  });

  it('refuses popup requests from web pages and reports from extension pages', async () => {
    const { route, store } = setup();
    const query = { channel: 'popup', type: 'get-tab-state', payload: { tabId: 5 } };
    expect((await route(query, pageSender)).ok).toBe(false);
    const fromPopup = await route({ channel: 'content', type: 'page-report', payload: report }, popupSender);
    expect(fromPopup.ok).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('refuses malformed payloads before looking at anything else', async () => {
    const { route, badges } = setup();
    const bad = { channel: 'content', type: 'page-report', payload: { ...report, gate: { hit: 'yes' } } };
    expect((await route(bad, pageSender)).ok).toBe(false);
    expect(badges).toEqual([]);
  });
});

describe('router: pipeline, analysis and settings', () => {
  it('injects the pipeline on a gate hit, and not on a miss, while paused, or on a disabled site', async () => {
    const { route, injected, settings } = setup();
    await route({ channel: 'content', type: 'page-report', payload: report }, pageSender);
    expect(injected).toEqual([5]);
    const miss = { ...report, gate: { hit: false, terms: [] } };
    await route(
      { channel: 'content', type: 'page-report', payload: miss },
      { ...pageSender, tab: { id: 6 } },
    );
    expect(injected).toEqual([5]);
    await settings.update({ disabledSites: ['jpost.com'] });
    await route({ channel: 'content', type: 'page-report', payload: report }, pageSender);
    await settings.update({ disabledSites: [], paused: true });
    await route({ channel: 'content', type: 'page-report', payload: report }, pageSender);
    expect(injected).toEqual([5]);
    await settings.update({ paused: false });
    // Already loaded in this document: it re-runs itself, a second injection would parse it twice.
    await route(
      { channel: 'content', type: 'page-report', payload: { ...report, pipeline: true } },
      pageSender,
    );
    expect(injected).toEqual([5]);
    await route({ channel: 'content', type: 'page-report', payload: report }, pageSender);
    expect(injected).toEqual([5, 5]);
  });

  it('stores the analysis with the tab, badges matches and conflicts, and keeps it across a re-report', async () => {
    const { route, badges } = setup();
    await route({ channel: 'content', type: 'page-report', payload: report }, pageSender);
    const answer = await route({ channel: 'content', type: 'page-analysis', payload: analysis }, pageSender);
    expect(answer).toEqual({ ok: true, value: { text: '1', color: BADGE_CONFLICTS } });
    await route({ channel: 'content', type: 'page-report', payload: report }, pageSender);
    const state = await route(
      { channel: 'popup', type: 'get-tab-state', payload: { tabId: 5 } },
      popupSender,
    );
    expect((state as { value: { analysis: unknown } }).value.analysis).toEqual(analysis);
    expect(badges.at(-1)).toEqual([5, { text: '1', color: BADGE_CONFLICTS }]);
  });

  it('refuses an analysis without a report, or with a malformed or oversized body', async () => {
    const { route } = setup();
    expect(
      (await route({ channel: 'content', type: 'page-analysis', payload: analysis }, pageSender)).ok,
    ).toBe(false);
    await route({ channel: 'content', type: 'page-report', payload: report }, pageSender);
    const bad = (patch: object) => ({
      channel: 'content',
      type: 'page-analysis',
      payload: { ...analysis, analysis: { ...analysis.analysis, ...patch } },
    });
    for (const patch of [
      { matches: [{ claimId: '<img onerror=x>', start: 0, end: 1, quote: 'a', confidence: 1 }] },
      { matches: [{ claimId: 'claim.x', start: 5, end: 1, quote: 'a', confidence: 1 }] },
      { matches: [{ claimId: 'claim.x', start: 0, end: 1, quote: 'a', confidence: 7 }] },
      { reasons: Array.from({ length: 51 }, () => 'r') },
      {
        conflicts: [
          {
            conflictId: 'c',
            start: 0,
            end: 1,
            found: 'x'.repeat(6000),
            expected: '',
            kind: 'name',
            note: '',
          },
        ],
      },
      { article: { title: null, outlet: null, published: 'yesterday' } },
    ]) {
      expect((await route(bad(patch), pageSender)).ok).toBe(false);
    }
  });

  it('gives settings to content and popup, and lets only extension pages change them', async () => {
    const { route, local } = setup();
    const get = await route({ channel: 'content', type: 'get-settings', payload: {} }, pageSender);
    expect(get).toEqual({
      ok: true,
      value: { paused: false, disabledSites: [], highlightStyle: 'background' },
    });
    const forged = await route(
      { channel: 'popup', type: 'set-settings', payload: { paused: true } },
      pageSender,
    );
    expect(forged.ok).toBe(false);
    const set = await route(
      { channel: 'popup', type: 'set-settings', payload: { paused: true } },
      popupSender,
    );
    expect(set).toEqual({
      ok: true,
      value: { paused: true, disabledSites: [], highlightStyle: 'background' },
    });
    expect(
      (await route({ channel: 'popup', type: 'set-settings', payload: { evil: 1 } }, popupSender)).ok,
    ).toBe(false);
    await local.set(SETTINGS_KEY, {
      paused: 'corrupt',
      disabledSites: [3, 'ok.example'],
      highlightStyle: 'x',
    });
    const recovered = await route({ channel: 'popup', type: 'get-settings', payload: {} }, popupSender);
    expect(recovered).toEqual({
      ok: true,
      value: { paused: false, disabledSites: ['ok.example'], highlightStyle: 'background' },
    });
  });
});

describe('badgeFor', () => {
  it('counts names on hits and stays empty otherwise', () => {
    expect(badgeFor(null).text).toBe('');
    expect(badgeFor({ gate: { hit: false, terms: [] }, analysis: null }).text).toBe('');
    expect(badgeFor({ gate: { hit: true, terms: ['Pegasus'] }, analysis: null }).text).toBe('1');
  });
  it('counts matches once analysed, red when conflicts exist', () => {
    const gate = { hit: true, terms: ['Pegasus'] };
    expect(badgeFor({ gate, analysis })).toEqual({ text: '1', color: BADGE_CONFLICTS });
    const clean = { ...analysis, analysis: { ...analysis.analysis, conflicts: [] } };
    expect(badgeFor({ gate, analysis: clean })).toEqual({ text: '1', color: BADGE_MATCHES });
    const irrelevant = { ...analysis, analysis: { ...analysis.analysis, relevant: false } };
    expect(badgeFor({ gate, analysis: irrelevant }).text).toBe('');
  });
});

describe('analyse-article (very large pages, engine off the page thread)', () => {
  const article = {
    text: 'Judge Rachel Barkai of the Tel Aviv District Court dismissed the petition against NSO Group, the maker of the Pegasus spyware.',
    title: 'Court dismisses NSO petition',
    url: 'https://www.jpost.com/a',
    canonical: null,
    siteName: 'The Jerusalem Post',
    published: '2020-07-13',
    today: '2026-11-22',
  };

  it('answers our content script with the engine analysis of the text', async () => {
    const { route } = setup();
    const answer = await route({ channel: 'content', type: 'analyse-article', payload: article }, pageSender);
    expect(answer.ok).toBe(true);
    const value = (answer as { value: { relevant: boolean; article: { outlet: string | null } } }).value;
    expect(value.relevant).toBe(true);
    expect(value.article.outlet).toBe('outlet.jpost');
    // Quotes travel empty; the page puts them back and has exactly what its own engine would give.
    const remote = value as unknown as Analysis;
    expect(remote.matches.length).toBeGreaterThan(0);
    expect(remote.matches.every((m) => m.quote === '')).toBe(true);
    expect(restoreQuotes(remote, article.text)).toEqual(engine().analyse(article));
  });

  it('refuses other senders and malformed or oversized articles', async () => {
    const { route } = setup();
    const send = (payload: unknown, sender: object = pageSender) =>
      route({ channel: 'content', type: 'analyse-article', payload }, sender);
    expect((await send(article, popupSender)).ok).toBe(false);
    expect((await send(article, { ...pageSender, frameId: 3 })).ok).toBe(false);
    expect((await send(article, { ...pageSender, id: 'someone-else' })).ok).toBe(false);
    for (const bad of [
      null,
      { ...article, text: 42 },
      { ...article, text: 'x'.repeat(16_000_001) },
      { ...article, url: 'javascript:alert(1)' },
      { ...article, today: 'yesterday' },
      { ...article, title: 'x'.repeat(1001) },
      { ...article, canonical: 7 },
    ]) {
      const answer = await send(bad);
      expect(answer.ok, JSON.stringify(bad)?.slice(0, 80)).toBe(false);
    }
  });
});
