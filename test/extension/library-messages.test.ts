import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_CHARS } from '../../src/core/library/import';
import type { SavedPassage } from '../../src/core/library/types';
import { LIMITS, parseBackgroundMessage, parsePageNotice } from '../../src/platform/messages';
import { draft, libraryPageSender, libraryRouter, pageSender, popupSender, self } from './library-fixtures';

const ARTICLE = 'https://www.haaretz.com/israel-news/2020-01-16/nso-court';
const OTHER = 'https://www.timesofisrael.com/court-rejects-amnesty-petition-against-nso/';
const UUID = (n: number) => `22222222-2222-4222-8222-${n.toString(16).padStart(12, '0')}`;
const tab = pageSender(7, ARTICLE);

function passage(n: number, url = ARTICLE): SavedPassage {
  return {
    ...draft(url, `quote ${n}`),
    id: UUID(n),
    schema: 1,
    savedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** A router over a library holding one passage of ARTICLE (id UUID(1)). */
async function seeded() {
  const test = libraryRouter();
  const restored = await test.library.restore([passage(1)]);
  expect(restored).toEqual({ ok: true, value: 1 });
  return test;
}

const validContent = {
  'save-passage': draft(ARTICLE, 'a new quote'),
  'edit-saved-passage': { id: UUID(1), note: 'forged', tags: [] },
  'get-page-passages': { url: ARTICLE, canonicalUrl: null },
  'anchoring-report': { url: ARTICLE, placed: [UUID(1)], orphans: [] },
};

const validPopup = {
  'get-page-saved': { tabId: 7 },
  'list-passages': {},
  'update-passage': { id: UUID(1), note: 'forged', tags: [] },
  'delete-passages': { ids: [UUID(1)] },
  'restore-passages': { passages: [passage(2)] },
  'export-library': { format: 'jsonld' },
  'import-library': { text: JSON.stringify([]) },
  'library-health': {},
};

describe('library messages: forged senders are refused', () => {
  const contentForgeries: [string, object][] = [
    ['another extension', { ...tab, id: 'evil@example.org' }],
    ['a subframe', { ...tab, frameId: 2 }],
    ['no tab', { id: self.id, url: ARTICLE, frameId: 0 }],
    ['an extension page posing as a page', { ...tab, url: `${self.baseUrl}popup.html` }],
    ['no page address', { id: self.id, frameId: 0, tab: { id: 7 } }],
    ['another page', pageSender(7, OTHER)],
  ];

  for (const [type, payload] of Object.entries(validContent)) {
    it.each(contentForgeries)(`refuses ${type} from %s`, async (_name, sender) => {
      const test = await seeded();
      const answer = await test.route({ channel: 'content', type, payload }, sender);
      expect(answer).toEqual({ ok: false, error: expect.stringMatching(/\S/) });
      expect(await test.library.list()).toEqual({ ok: true, value: [passage(1)] });
      expect(test.notices).toEqual([]);
      expect(await test.store.getSaved(7)).toBeNull();
    });
  }

  const popupForgeries: [string, object][] = [
    ['a content script', tab],
    ['another extension at our address', { ...popupSender, id: 'evil@example.org' }],
    ['a web page naming our id', { id: self.id, url: 'https://evil.example/popup.html' }],
    ['a look-alike extension address', { id: self.id, url: 'moz-extension://12345/popup.html' }],
    ['our address with a web origin', { ...libraryPageSender, origin: 'https://evil.example' }],
    ['no sender details', {}],
  ];

  for (const [type, payload] of Object.entries(validPopup)) {
    it.each(popupForgeries)(`refuses privileged ${type} from %s`, async (_name, sender) => {
      const test = await seeded();
      const answer = await test.route({ channel: 'popup', type, payload }, sender);
      expect(answer).toEqual({ ok: false, error: 'sender is not an extension page' });
      expect(await test.library.list()).toEqual({ ok: true, value: [passage(1)] });
      expect(test.notices).toEqual([]);
    });
  }
});

describe('library messages: malformed payloads are refused', () => {
  const longNote = 'n'.repeat(20_001);
  const ids = (n: number) => Array.from({ length: n }, (_, i) => UUID(i + 100));
  const good = draft(ARTICLE, 'q');
  const bad: Record<string, unknown[]> = {
    'save-passage': [
      null,
      'a string',
      {},
      { ...good, url: 'javascript:alert(1)' },
      { ...good, quote: { ...good.quote, exact: '   ' } },
      { ...good, quote: { ...good.quote, prefix: 'p'.repeat(65) } },
      { ...good, position: { type: 'TextPositionSelector', start: 9, end: 3 } },
      { ...good, canonicalUrl: 'ftp://example.org/a' },
      { ...good, title: 't'.repeat(1001) },
      { ...good, published: '2020-13-01' },
      { ...good, note: longNote },
      { ...good, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      { ...good, tags: 'court, nso' },
      { ...good, claims: [7] },
    ],
    'edit-saved-passage': [
      null,
      { id: 'passage-1', note: '', tags: [] },
      { id: UUID(1), tags: [] },
      { id: UUID(1), note: longNote, tags: [] },
      { id: UUID(1), note: '', tags: ['x'.repeat(101)] },
      { id: 1, note: '', tags: [] },
    ],
    'get-page-passages': [
      {},
      { url: 'file:///etc/passwd', canonicalUrl: null },
      { url: ARTICLE, canonicalUrl: 'data:text/html,x' },
      { url: `https://a.example/${'x'.repeat(5000)}`, canonicalUrl: null },
    ],
    'anchoring-report': [
      { url: ARTICLE, placed: ['not-a-uuid'], orphans: [] },
      { url: ARTICLE, placed: [UUID(1), UUID(1)], orphans: [] },
      { url: ARTICLE, placed: [UUID(1)], orphans: [UUID(1)] },
      { url: ARTICLE, placed: ids(LIMITS.ids + 1), orphans: [] },
      { url: 'about:blank', placed: [], orphans: [] },
      { url: ARTICLE, placed: 'all' },
    ],
    'get-page-saved': [{}, { tabId: -1 }, { tabId: '7' }, { tabId: 1.5 }, null],
    'list-passages': [null, [], { all: true }],
    'update-passage': [{ id: UUID(1), note: 5, tags: [] }, { id: 'x', note: '', tags: [] }, []],
    'delete-passages': [
      {},
      { ids: [] },
      { ids: ['nope'] },
      { ids: [UUID(1), UUID(1)] },
      { ids: ids(LIMITS.ids + 1) },
      { ids: UUID(1) },
    ],
    'restore-passages': [
      { passages: 'x' },
      { passages: [{ ...passage(2), savedAt: 'yesterday' }] },
      { passages: [passage(2), passage(2)] },
      { passages: Array.from({ length: LIMITS.passages + 1 }, () => null) },
      { passages: [{ ...passage(2), id: 'not-a-uuid' }] },
    ],
    'export-library': [{}, { format: 'pdf' }, { format: 'toString' }, { format: ['csv'] }],
    'import-library': [{}, { text: 5 }, { text: 'x'.repeat(LIMITS.importText + 1) }],
    'library-health': [null, [], { all: true }, 'everything'],
  };
  const contentTypes = new Set(Object.keys(validContent));

  it('covers every new message type', () => {
    expect(Object.keys(bad).sort()).toEqual(
      [...Object.keys(validContent), ...Object.keys(validPopup)].sort(),
    );
  });

  for (const [type, payloads] of Object.entries(bad)) {
    it(`refuses every malformed ${type} and changes nothing`, async () => {
      const test = await seeded();
      const channel = contentTypes.has(type) ? 'content' : 'popup';
      const sender = channel === 'content' ? tab : libraryPageSender;
      for (const payload of payloads) {
        const answer = await test.route({ channel, type, payload }, sender);
        expect(answer, JSON.stringify(payload)?.slice(0, 120)).toEqual({
          ok: false,
          error: expect.stringMatching(/\S/),
        });
      }
      expect(await test.library.list()).toEqual({ ok: true, value: [passage(1)] });
      expect(test.notices).toEqual([]);
    });
  }

  it('never throws, whatever the payload, for every new type', async () => {
    const test = await seeded();
    const types = [...Object.keys(validContent), ...Object.keys(validPopup)];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...types), fc.anything(), async (type, payload) => {
        const channel = contentTypes.has(type) ? 'content' : 'popup';
        const sender = channel === 'content' ? tab : libraryPageSender;
        const answer = await test.route({ channel, type, payload }, sender);
        expect(typeof answer.ok).toBe('boolean');
        if (!answer.ok) expect(answer.error).toMatch(/\S/);
      }),
      { numRuns: 300 },
    );
  });

  it('bounds import text exactly as the import parser does', () => {
    expect(LIMITS.importText).toBe(MAX_IMPORT_CHARS);
  });
});

describe('library messages: background → content', () => {
  it('accepts save-selection and a saved-changed notice with passage ids', () => {
    expect(parseBackgroundMessage({ channel: 'background', type: 'save-selection', payload: {} })).toEqual({
      ok: true,
      value: { channel: 'background', type: 'save-selection', payload: {} },
    });
    const notice = {
      channel: 'background',
      type: 'saved-changed',
      payload: { ids: [UUID(1).toUpperCase()] },
    };
    expect(parseBackgroundMessage(notice)).toEqual({
      ok: true,
      value: { channel: 'background', type: 'saved-changed', payload: { ids: [UUID(1)] } },
    });
  });

  it.each([
    ['no ids', { ids: undefined }],
    ['ids that are not passage ids', { ids: ['<img src=x>'] }],
    ['too many ids', { ids: Array.from({ length: LIMITS.ids + 1 }, (_, i) => UUID(i)) }],
    ['a list instead of an object', [UUID(1)]],
  ])('refuses saved-changed with %s', (_name, payload) => {
    expect(parseBackgroundMessage({ channel: 'background', type: 'saved-changed', payload }).ok).toBe(false);
  });
});

describe('library messages: background → extension pages', () => {
  it('accepts a library-changed notice with passage ids (lower-cased as the store keeps them)', () => {
    const notice = {
      channel: 'background',
      type: 'library-changed',
      payload: { ids: [UUID(1).toUpperCase(), UUID(2)] },
    };
    expect(parsePageNotice(notice)).toEqual({
      ok: true,
      value: { channel: 'background', type: 'library-changed', payload: { ids: [UUID(1), UUID(2)] } },
    });
  });

  it.each([
    ['another channel', { channel: 'content', type: 'library-changed', payload: { ids: [UUID(1)] } }],
    ['a content notice', { channel: 'background', type: 'saved-changed', payload: { ids: [UUID(1)] } }],
    ['no payload', { channel: 'background', type: 'library-changed' }],
    ['no ids', { channel: 'background', type: 'library-changed', payload: { ids: [] } }],
    [
      'ids that are not passage ids',
      { channel: 'background', type: 'library-changed', payload: { ids: ['<b>'] } },
    ],
    [
      'a repeated id',
      { channel: 'background', type: 'library-changed', payload: { ids: [UUID(1), UUID(1)] } },
    ],
    [
      'too many ids',
      {
        channel: 'background',
        type: 'library-changed',
        payload: { ids: Array.from({ length: LIMITS.ids + 1 }, (_, i) => UUID(i)) },
      },
    ],
    ['a popup request', { channel: 'popup', type: 'list-passages', payload: {} }],
    ['nothing', null],
  ])('refuses %s', (_name, raw) => {
    expect(parsePageNotice(raw)).toEqual({ ok: false, error: expect.stringMatching(/\S/) });
  });

  it('is not a request the content script accepts', () => {
    const notice = { channel: 'background', type: 'library-changed', payload: { ids: [UUID(1)] } };
    expect(parseBackgroundMessage(notice).ok).toBe(false);
  });
});

describe('library routes: a page works only on its own passages', () => {
  it('saves from the page it is on (tracking variant of the address), drops a foreign canonical link', async () => {
    const test = libraryRouter();
    const sender = pageSender(7, `${ARTICLE}?utm_source=twitter`);
    const payload = draft(ARTICLE, 'quote', { canonicalUrl: 'https://evil.example/claimed' });
    const answer = await test.route({ channel: 'content', type: 'save-passage', payload }, sender);
    if (!answer.ok) throw new Error(answer.error);
    const saved = answer.value as SavedPassage;
    expect(saved).toMatchObject({ url: ARTICLE, canonicalUrl: null, schema: 1 });
    expect(test.notices).toEqual([{ ids: [saved.id], exceptTabId: 7 }]);
  });

  it('edits only passages saved on the same page', async () => {
    const test = await seeded();
    await test.library.restore([passage(2, OTHER)]);
    const edit = (id: string) => ({
      channel: 'content',
      type: 'edit-saved-passage',
      payload: { id, note: 'n', tags: ['t'] },
    });
    const own = await test.route(edit(UUID(1)), tab);
    expect(own).toMatchObject({ ok: true, value: { id: UUID(1), note: 'n', tags: ['t'] } });
    const foreign = await test.route(edit(UUID(2)), tab);
    expect(foreign).toEqual({ ok: false, error: expect.stringContaining('Nothing was changed.') });
    expect(test.notices).toEqual([{ ids: [UUID(1)], exceptTabId: 7 }]);
  });

  it('gives a page its own passages, and a canonical link only when on the same site', async () => {
    const test = await seeded();
    const evil = pageSender(8, 'https://evil.example/copy');
    const asked = await test.route(
      {
        channel: 'content',
        type: 'get-page-passages',
        payload: { url: 'https://evil.example/copy', canonicalUrl: ARTICLE },
      },
      evil,
    );
    expect(asked).toEqual({ ok: true, value: [] });
    const own = await test.route(
      { channel: 'content', type: 'get-page-passages', payload: { url: ARTICLE, canonicalUrl: null } },
      tab,
    );
    expect(own).toEqual({ ok: true, value: [passage(1)] });
  });

  it('keeps the anchoring report for the popup, which lists the page passages and orphans', async () => {
    const test = await seeded();
    await test.library.restore([passage(2)]);
    await test.route(
      { channel: 'content', type: 'get-page-passages', payload: { url: ARTICLE, canonicalUrl: null } },
      tab,
    );
    const report = { url: ARTICLE, placed: [UUID(1)], orphans: [UUID(2)] };
    expect(await test.route({ channel: 'content', type: 'anchoring-report', payload: report }, tab)).toEqual({
      ok: true,
      value: null,
    });
    const saved = await test.route(
      { channel: 'popup', type: 'get-page-saved', payload: { tabId: 7 } },
      popupSender,
    );
    expect(saved).toEqual({
      ok: true,
      value: { passages: expect.arrayContaining([passage(1), passage(2)]), anchoring: report },
    });
    await test.store.remove(7);
    const gone = await test.route(
      { channel: 'popup', type: 'get-page-saved', payload: { tabId: 7 } },
      popupSender,
    );
    expect(gone).toEqual({ ok: true, value: { passages: [], anchoring: null } });
  });

  it('loads the pipeline on a page the gate passed over when passages were saved there', async () => {
    const test = await seeded();
    const miss = (url: string) => ({ url, title: 'T', gate: { hit: false, terms: [] } });
    await test.route({ channel: 'content', type: 'page-report', payload: miss(ARTICLE) }, tab);
    await test.route({ channel: 'content', type: 'page-report', payload: miss(OTHER) }, pageSender(9, OTHER));
    expect(test.injected).toEqual([7]);
    await test.settings.update({ paused: true });
    await test.route({ channel: 'content', type: 'page-report', payload: miss(ARTICLE) }, tab);
    expect(test.injected).toEqual([7]);
  });
});

describe('library routes: the library page', () => {
  it('deletes, restores, exports and imports, telling open pages each time', async () => {
    const test = await seeded();
    await test.library.restore([passage(2, OTHER)]);
    const send = (type: string, payload: unknown) =>
      test.route({ channel: 'popup', type, payload }, libraryPageSender);

    const exported = await send('export-library', { format: 'jsonld' });
    if (!exported.ok) throw new Error(exported.error);
    const file = exported.value as { filename: string; text: string };
    expect(file.filename).toBe('nso-lens-library-2024-03-05.jsonld');

    const deleted = await send('delete-passages', { ids: [UUID(1), UUID(2)] });
    expect(deleted).toEqual({ ok: true, value: expect.arrayContaining([passage(1), passage(2, OTHER)]) });
    expect(await send('list-passages', {})).toEqual({ ok: true, value: [] });

    expect(await send('restore-passages', { passages: [passage(1)] })).toEqual({ ok: true, value: 1 });
    expect(await send('import-library', { text: file.text })).toEqual({
      ok: true,
      value: { format: 'nso-lens-jsonld', added: 1, duplicates: 1 },
    });
    const listed = await send('list-passages', {});
    expect(listed).toEqual({ ok: true, value: expect.arrayContaining([passage(1), passage(2, OTHER)]) });
    expect(test.notices).toEqual([
      { ids: expect.arrayContaining([UUID(1), UUID(2)]) },
      { ids: [UUID(1)] },
      { ids: [UUID(2)] },
    ]);
  });

  it('imports nothing from a file with a bad record, and says which record and why', async () => {
    const test = await seeded();
    const answer = await test.route(
      { channel: 'popup', type: 'import-library', payload: { text: '{"not": "a library"}' } },
      libraryPageSender,
    );
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^Nothing was imported\. the file: /) });
    expect(await test.library.list()).toEqual({ ok: true, value: [passage(1)] });
  });
});
