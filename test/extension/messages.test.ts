import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, type PageReport, parseBackgroundMessage, parseMessage } from '../../src/platform/messages';

const report: PageReport = {
  url: 'https://www.jpost.com/a',
  title: 'Court shuts doors',
  gate: { hit: true, terms: ['NSO Group'] },
};

describe('parseMessage', () => {
  it('accepts a valid page report and copies only protocol fields', () => {
    const result = parseMessage({
      channel: 'content',
      type: 'page-report',
      payload: { ...report, extra: 1 },
    });
    expect(result).toEqual({ ok: true, value: { channel: 'content', type: 'page-report', payload: report } });
  });

  it('accepts a tab-state query', () => {
    expect(parseMessage({ channel: 'popup', type: 'get-tab-state', payload: { tabId: 7 } })).toEqual({
      ok: true,
      value: { channel: 'popup', type: 'get-tab-state', payload: { tabId: 7 } },
    });
  });

  it.each([
    ['unknown type', { channel: 'content', type: 'get-tab-state', payload: { tabId: 1 } }],
    ['prototype key as type', { channel: 'popup', type: 'toString', payload: {} }],
    [
      'non-web URL',
      { channel: 'content', type: 'page-report', payload: { ...report, url: 'file:///etc/x' } },
    ],
    [
      'hit disagreeing with terms',
      { channel: 'content', type: 'page-report', payload: { ...report, gate: { hit: false, terms: ['x'] } } },
    ],
    [
      'repeated terms',
      {
        channel: 'content',
        type: 'page-report',
        payload: { ...report, gate: { hit: true, terms: ['a', 'a'] } },
      },
    ],
    [
      'too long a title',
      {
        channel: 'content',
        type: 'page-report',
        payload: { ...report, title: 'x'.repeat(LIMITS.title + 1) },
      },
    ],
    ['negative tab id', { channel: 'popup', type: 'get-tab-state', payload: { tabId: -1 } }],
    ['fractional tab id', { channel: 'popup', type: 'get-tab-state', payload: { tabId: 1.5 } }],
  ])('refuses %s', (_name, message) => {
    expect(parseMessage(message).ok).toBe(false);
  });

  it('never throws and never accepts arbitrary junk', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const result = parseMessage(junk);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('accepts every well-formed report', () => {
    const terms = fc.uniqueArray(fc.string({ minLength: 1, maxLength: LIMITS.term }), {
      maxLength: LIMITS.terms,
    });
    fc.assert(
      fc.property(fc.webUrl(), fc.string({ maxLength: LIMITS.title }), terms, (url, title, found) => {
        const payload = { url, title, gate: { hit: found.length > 0, terms: found } };
        expect(parseMessage({ channel: 'content', type: 'page-report', payload })).toEqual({
          ok: true,
          value: { channel: 'content', type: 'page-report', payload },
        });
      }),
    );
  });
});

describe('parseBackgroundMessage', () => {
  it('accepts only the background’s known requests, with their own payloads', () => {
    expect(parseBackgroundMessage({ channel: 'background', type: 'report-again', payload: {} }).ok).toBe(
      true,
    );
    const step = parseBackgroundMessage({
      channel: 'background',
      type: 'step-highlight',
      payload: { direction: 'next', extra: 1 },
    });
    expect(step).toEqual({
      ok: true,
      value: { channel: 'background', type: 'step-highlight', payload: { direction: 'next' } },
    });
    expect(
      parseBackgroundMessage({ channel: 'background', type: 'step-highlight', payload: { direction: 'up' } })
        .ok,
    ).toBe(false);
    expect(parseBackgroundMessage({ channel: 'background', type: 'delete-everything' }).ok).toBe(false);
    expect(parseBackgroundMessage({ channel: 'content', type: 'report-again' }).ok).toBe(false);
    expect(parseBackgroundMessage('report-again').ok).toBe(false);
  });
});
