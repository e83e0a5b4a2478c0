import { describe, expect, it } from 'vitest';
import { BADGE_COLOR, badgeFor } from '../../src/background/badge';
import { createRouter } from '../../src/background/router';
import { contentSenderTab, isExtensionPage } from '../../src/background/sender';
import { createTabStateStore } from '../../src/background/tab-state';
import type { BadgeInfo } from '../../src/platform/messages';
import type { KeyValueArea } from '../../src/platform/storage';

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
  const badges: [number, BadgeInfo][] = [];
  const route = createRouter({
    self,
    store,
    setBadge: async (tabId, badge) => void badges.push([tabId, badge]),
    now: () => 1000,
  });
  return { store, badges, route };
}

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
    expect(state).toEqual({ ok: true, value: { ...report, tabId: 5, reportedAt: 1000 } });
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

describe('badgeFor', () => {
  it('counts names on hits and stays empty otherwise', () => {
    expect(badgeFor(null).text).toBe('');
    expect(badgeFor({ gate: { hit: false, terms: [] } }).text).toBe('');
    expect(badgeFor({ gate: { hit: true, terms: ['Pegasus'] } }).text).toBe('1');
  });
});
