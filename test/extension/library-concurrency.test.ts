import { describe, expect, it } from 'vitest';
import type { SavedPassage } from '../../src/core/library/types';
import { draft, libraryPageSender, libraryRouter, pageSender } from './library-fixtures';

const PAGES = [
  'https://www.haaretz.com/israel-news/2020-01-16/nso-court',
  'https://www.timesofisrael.com/court-rejects-amnesty-petition-against-nso/',
  'https://www.jpost.com/israel-news/nso-export-licence-615060',
  'https://www.calcalistech.com/ctech/articles/0,7340,L-3877423,00.html',
  'https://www.972mag.com/nso-pegasus-court/',
];

describe('library concurrency', () => {
  it('stores all 50 passages when 5 tabs each fire 10 saves at once', async () => {
    const { route, library } = libraryRouter({ uuid: () => crypto.randomUUID() });
    const saves = PAGES.flatMap((url, tab) =>
      Array.from({ length: 10 }, (_, i) =>
        route(
          { channel: 'content', type: 'save-passage', payload: draft(url, `passage ${i} of tab ${tab}`) },
          pageSender(tab + 1, url),
        ),
      ),
    );
    const results = await Promise.all(saves);
    expect(results.filter((r) => !r.ok)).toEqual([]);

    const listed = await library.list();
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.value).toHaveLength(50);
    expect(new Set(listed.value.map((p) => p.id)).size).toBe(50);
    const quotes = listed.value.map((p) => p.quote.exact).sort();
    const expected = PAGES.flatMap((_, tab) =>
      Array.from({ length: 10 }, (_, i) => `passage ${i} of tab ${tab}`),
    );
    expect(quotes).toEqual(expected.sort());
    // Each answer is the passage as stored.
    const answered = results.map((r) => (r as { value: SavedPassage }).value);
    expect(new Set(answered.map((p) => p.id))).toEqual(new Set(listed.value.map((p) => p.id)));

    for (const [tab, url] of PAGES.entries()) {
      const mine = await route(
        { channel: 'content', type: 'get-page-passages', payload: { url, canonicalUrl: null } },
        pageSender(tab + 1, url),
      );
      expect((mine as { value: SavedPassage[] }).value.map((p) => p.quote.exact).sort()).toEqual(
        Array.from({ length: 10 }, (_, i) => `passage ${i} of tab ${tab}`).sort(),
      );
    }
  });

  it('keeps note and tags together when edits race: the passage ends as one whole edit, never a mix', async () => {
    const { route, library } = libraryRouter();
    const url = PAGES[0]!;
    const saved = await library.save(draft(url, 'one passage'));
    if (!saved.ok) throw new Error(saved.error);
    const edits = Array.from({ length: 20 }, (_, i) =>
      route(
        {
          channel: 'popup',
          type: 'update-passage',
          payload: { id: saved.value.id, note: `note ${i}`, tags: [`tag ${i}`] },
        },
        libraryPageSender,
      ),
    );
    expect((await Promise.all(edits)).every((r) => r.ok)).toBe(true);
    const listed = await library.list();
    if (!listed.ok) throw new Error(listed.error);
    const [only] = listed.value;
    const n = only!.note.replace('note ', '');
    expect(only!.tags).toEqual([`tag ${n}`]);
    expect(listed.value).toHaveLength(1);
  });
});
