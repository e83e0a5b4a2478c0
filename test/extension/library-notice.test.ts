/**
 * Library change notices to extension pages: the background's notice goes out in bounded chunks and a
 * missing receiver (no page open) is not a fault; a page accepts a notice only from our own background
 * (same extension, not a tab), never answers messages that are not notices (those are requests for
 * the background), and stops listening when its signal aborts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (raw: unknown, sender: object) => unknown;

const fake = vi.hoisted(() => {
  const listeners = new Set<(raw: unknown, sender: object) => unknown>();
  return {
    listeners,
    browser: {
      runtime: {
        id: 'nso-lens@nso-lens.org',
        sendMessage: vi.fn<(message: unknown) => Promise<unknown>>(),
        onMessage: {
          addListener: (l: (raw: unknown, sender: object) => unknown) => listeners.add(l),
          removeListener: (l: (raw: unknown, sender: object) => unknown) => listeners.delete(l),
        },
      },
    },
  };
});

vi.mock('../../src/platform/browser', () => ({ default: fake.browser }));

const { acceptLibraryNotice, notifyExtensionPages, onLibraryChanged } = await import(
  '../../src/platform/library-notice'
);
const { LIMITS } = await import('../../src/platform/messages');

const SELF = fake.browser.runtime.id;
const UUID = (n: number) => `33333333-3333-4333-8333-${n.toString(16).padStart(12, '0')}`;
const notice = (ids: string[]) => ({ channel: 'background', type: 'library-changed', payload: { ids } });
const background = { id: SELF, url: 'chrome-extension://abc/background.js' };

beforeEach(() => {
  fake.listeners.clear();
  fake.browser.runtime.sendMessage.mockReset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('acceptLibraryNotice', () => {
  it('accepts a notice from our background', () => {
    expect(acceptLibraryNotice(notice([UUID(1)]), background, SELF)).toEqual({ ids: [UUID(1)] });
  });

  it.each([
    ['another extension', { ...background, id: 'evil@example.org' }],
    ['no sender id', { url: background.url }],
    ['a content script in a tab', { id: SELF, url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 }],
    ['a library page in a tab', { id: SELF, url: 'chrome-extension://abc/library.html', tab: { id: 9 } }],
  ])('ignores a notice from %s', (_name, sender) => {
    expect(acceptLibraryNotice(notice([UUID(1)]), sender, SELF)).toBeNull();
  });

  it('ignores malformed notices from our background', () => {
    for (const raw of [notice([]), notice(['x']), { ...notice([UUID(1)]), type: 'saved-changed' }, 'hi']) {
      expect(acceptLibraryNotice(raw, background, SELF)).toBeNull();
    }
  });
});

describe('notifyExtensionPages', () => {
  it('sends the ids in chunks of at most LIMITS.ids', async () => {
    fake.browser.runtime.sendMessage.mockResolvedValue(undefined);
    const ids = Array.from({ length: LIMITS.ids + 3 }, (_, i) => UUID(i));
    await notifyExtensionPages(ids);
    const sent = fake.browser.runtime.sendMessage.mock.calls.map(([m]) => m);
    expect(sent).toEqual([notice(ids.slice(0, LIMITS.ids)), notice(ids.slice(LIMITS.ids))]);
  });

  it('is quiet when no extension page is open, and warns about any other failure', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake.browser.runtime.sendMessage.mockRejectedValueOnce(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    await expect(notifyExtensionPages([UUID(1)])).resolves.toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    fake.browser.runtime.sendMessage.mockRejectedValueOnce(new Error('Message length exceeded maximum'));
    await expect(notifyExtensionPages([UUID(1)])).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Message length exceeded maximum'));
  });
});

describe('onLibraryChanged', () => {
  const deliver = (raw: unknown, sender: object) => [...fake.listeners].map((l: Listener) => l(raw, sender));

  it('calls back for our background notices only, and answers nothing else', async () => {
    const heard: unknown[] = [];
    const stop = new AbortController();
    onLibraryChanged((change) => heard.push(change), stop.signal);
    const answers = [
      ...deliver(notice([UUID(1)]), background),
      // A library page's request to the background, seen by this page too: not ours to answer.
      ...deliver({ channel: 'popup', type: 'list-passages', payload: {} }, { id: SELF, tab: { id: 9 } }),
      ...deliver(notice([UUID(2)]), { id: SELF, tab: { id: 9 } }),
      ...deliver(notice([UUID(3)]), { id: 'evil@example.org' }),
    ];
    expect(heard).toEqual([{ ids: [UUID(1)] }]);
    expect(await answers[0]).toEqual({ ok: true, value: null });
    expect(answers.slice(1)).toEqual([undefined, undefined, undefined]);
  });

  it('stops listening when its signal aborts, and never starts on an aborted one', () => {
    const heard: unknown[] = [];
    const stop = new AbortController();
    onLibraryChanged((change) => heard.push(change), stop.signal);
    stop.abort();
    onLibraryChanged((change) => heard.push(change), stop.signal);
    deliver(notice([UUID(1)]), background);
    expect(heard).toEqual([]);
    expect(fake.listeners.size).toBe(0);
  });
});
