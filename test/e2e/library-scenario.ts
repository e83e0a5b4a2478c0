/**
 * The researcher's library end to end, in each browser, against the release build: select a passage
 * in an article and save it with the in-page Save button (a real click, with a note and tags typed in
 * the editor); come back and find it highlighted again — after a reload, when the outlet edited the
 * text a little, at the article's AMP address; list it as an orphan when the passage was taken out;
 * search the library page; export it as JSON-LD and import that file back through the file picker.
 *
 * The story page (test/fixtures/library/pages/story.html) edits or removes its own third paragraph
 * when opened with #edited or #removed: the page key ignores the fragment, so each is "this page".
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CardsPage } from './cards-driver';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { type LibraryHarness, SAVE_BUTTON, type UiPage, until } from './library-driver';
import { SCREENSHOT_DIR, screenshotPath } from './screenshots';

/** The passage the reader saves: a clause of the story's third paragraph (the one #edited changes). */
const QUOTE = "The petitioners argued that the ministry's oversight of cyber exports was too weak";
const NOTE = 'Petitioners: export oversight too weak';
const TAGS = ['oversight', 'ruling 2020'];

/** In the page: selects `quote` inside #p3 (as a drag would), or returns false when it is not there. */
const selectQuote = (quote: string): boolean => {
  const text = document.getElementById('p3')?.firstChild as Text | null;
  const at = text ? text.data.indexOf(quote) : -1;
  if (!text || at < 0) return false;
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + quote.length);
  const selection = getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
};

/** In the page's world: how many ranges the saved-passage highlight holds (the registry is shared). */
const savedHighlights = (): number =>
  (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('nso-lens-saved')?.size ??
  0;

/** In the closed root: the editor's state and where focus is. */
const EDITOR = `function (root) {
  const e = root.querySelector('[data-testid="note-editor"]');
  const toast = root.querySelector('[data-testid="save-toast"]');
  return JSON.stringify({
    open: !!e,
    focus: root.activeElement ? root.activeElement.getAttribute('data-testid') : null,
    toast: toast ? toast.textContent : null,
  });
}`;

interface EditorState {
  open: boolean;
  focus: string | null;
  toast: string | null;
}

interface Item {
  id: string;
  quote: string;
  note: string;
  text: string;
}

/** In a library or popup page: the listed passages. */
const listed = (selector: string): Item[] =>
  Array.from(document.querySelectorAll<HTMLElement>(selector)).map((el) => ({
    id: el.dataset.id ?? el.querySelector<HTMLElement>('[data-id]')?.dataset.id ?? '',
    quote: el.querySelector('[data-testid="saved-quote"]')?.textContent?.trim() ?? '',
    note: el.querySelector('[data-testid="saved-note"]')?.textContent?.trim() ?? '',
    text: el.textContent ?? '',
  }));

export function libraryScenario(launch: () => Promise<LibraryHarness>): void {
  let h: LibraryHarness;
  let server: FixtureServer;
  const story = (variant = '') => server.url(`library/pages/story.html${variant}`);

  beforeAll(async () => {
    [h, server] = await Promise.all([launch(), startFixtureServer()]);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  /** The popup's Saved view for a tab, polled until `ok` holds (the page anchors after its analysis). */
  async function savedView(tabId: number, ok: (v: { saved: Item[]; orphans: Item[] }) => boolean) {
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`, { width: 380, height: 560 });
    try {
      return await until(
        'the popup Saved view',
        async () => {
          await popup.evaluate(() => document.getElementById('tab-saved')?.click(), null);
          const view = await popup.evaluate(
            (sel) => ({
              saved: Array.from(document.querySelectorAll<HTMLElement>(sel.saved)).map((el) => ({
                id: el.dataset.id ?? '',
                quote: el.querySelector('[data-testid="saved-quote"]')?.textContent?.trim() ?? '',
                note: el.querySelector('[data-testid="saved-note"]')?.textContent?.trim() ?? '',
                text: el.textContent ?? '',
              })),
              orphans: Array.from(document.querySelectorAll<HTMLElement>(sel.orphans)).map((el) => ({
                id: el.querySelector<HTMLElement>('[data-id]')?.dataset.id ?? '',
                quote: el.querySelector('[data-testid="saved-quote"]')?.textContent?.trim() ?? '',
                note: '',
                text: el.textContent ?? '',
              })),
            }),
            { saved: '[data-testid="saved-item"]', orphans: '[data-testid="orphan-item"]' },
          );
          if (!ok(view)) {
            // The view loads once: reload it to see a later anchoring report.
            await popup.evaluate(() => location.reload(), null);
            await new Promise((done) => setTimeout(done, 300));
          }
          return view;
        },
        ok,
      );
    } finally {
      await popup.close();
    }
  }

  async function openLibrary(): Promise<UiPage> {
    const library = await h.openExtensionPage('library.html');
    await library.waitFor('[data-testid="search"]');
    return library;
  }

  const items = (library: UiPage) => library.evaluate(listed, '[data-testid="saved-item"]');

  it('saves a selected passage with the in-page Save button, then its note and tags', async () => {
    const page: CardsPage = await h.openCardsPage(story());
    expect(await page.run(selectQuote, QUOTE)).toBe(true);
    // The reader's own key release: selections made by page scripts alone never show the button.
    await page.press('Shift');
    const at = await until(
      'the Save button',
      async () => JSON.parse((await page.inRoot(SAVE_BUTTON)) ?? 'null') as { x: number; y: number } | null,
      (v) => v !== null,
    );
    // A click on a button shown for less than 400 ms is refused (it could be a trap): wait like a reader.
    await new Promise((done) => setTimeout(done, 700));
    await page.click(at!.x, at!.y);
    const editor = await until(
      'the note editor',
      async () => JSON.parse((await page.inRoot(EDITOR)) ?? 'null') as EditorState | null,
      (v) => v?.open === true && v.focus === 'note-input',
    );
    expect(editor!.open).toBe(true);
    await page.type(NOTE);
    await page.press('Tab');
    await page.type(TAGS.join(', '));
    await page.screenshot(screenshotPath(`library-${h.browserName}-editor`));
    await page.press('Enter');
    await until(
      'the editor to close after saving the note',
      async () => JSON.parse((await page.inRoot(EDITOR)) ?? 'null') as EditorState | null,
      (v) => v !== null && !v.open,
    );
    // Saved at once, so this page highlights it in the saved style.
    await until(
      'the saved highlight',
      () => page.run(savedHighlights, null),
      (n) => n === 1,
    );
    await page.close();

    const library = await openLibrary();
    const list = await until(
      'the passage in the library',
      () => items(library),
      (l) => l.length === 1,
    );
    expect(list[0]!.quote).toBe(QUOTE);
    expect(list[0]!.note).toContain(NOTE);
    for (const tag of TAGS) expect(list[0]!.text).toContain(tag);
    expect(list[0]!.text).toContain('The Ledger');
    await library.close();
  });

  it('finds the passage again: after a reload, in edited text, at the AMP address', async () => {
    for (const url of [story(), story('#edited'), server.url('library/pages/amp/story.html')]) {
      const page = await h.openCardsPage(url);
      await until(
        `the saved highlight on ${url}`,
        () => page.run(savedHighlights, null),
        (n) => n === 1,
      );
      if (url.endsWith('#edited')) {
        // The highlight covers the edited wording ("had argued"), not a stale copy of the old one.
        const covered = await page.run(() => {
          const reg = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
          return [...reg.get('nso-lens-saved')!][0]!.toString();
        }, null);
        expect(covered).toContain('had argued');
        expect(covered).toContain('too weak');
      }
      const view = await savedView(page.tabId, (v) => v.saved.length === 1 && v.orphans.length === 0);
      expect(view.saved[0]!.quote).toBe(QUOTE);
      await page.close();
    }
  });

  it('lists a passage taken out of the page as an orphan, with its quote, and keeps it', async () => {
    const page = await h.openCardsPage(story('#removed'));
    const view = await savedView(page.tabId, (v) => v.orphans.length === 1);
    expect(view.orphans[0]!.quote).toBe(QUOTE);
    expect(await page.run(savedHighlights, null)).toBe(0);
    await page.close();
    const library = await openLibrary();
    expect((await items(library)).map((i) => i.quote)).toEqual([QUOTE]);
    await library.close();
  });

  it('searches the library, exports it as JSON-LD and imports the file back through the page', async () => {
    const library = await openLibrary();
    // A second passage, from a Hypothesis export, so search has something to leave out.
    await library.upload(
      '[data-testid="import-file"]',
      resolve(import.meta.dirname, '../fixtures/library/hypothesis-export.json'),
    );
    await library.waitFor('[data-testid="import-summary"]');
    const all = await until(
      'the imported passages',
      () => items(library),
      (l) => l.length > 1,
    );

    await library.fill('[data-testid="search"]', 'oversight weak');
    const found = await until(
      'the search to narrow the list',
      () => items(library),
      (l) => l.length === 1,
    );
    expect(found[0]!.quote).toBe(QUOTE);
    await library.fill('[data-testid="search"]', '');
    await until(
      'the full list back',
      () => items(library),
      (l) => l.length === all.length,
    );

    // Export: the page hands the browser a Blob through an <a download>; keep what it hands over.
    await library.evaluate(() => {
      const w = window as unknown as { __exported: Promise<{ name: string; type: string; text: string }> };
      w.__exported = new Promise((done) => {
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          void fetch(this.href)
            .then((r) => r.blob())
            .then(async (b) => done({ name: this.download, type: b.type, text: await b.text() }));
        };
      });
    }, null);
    await library.click('[data-testid="export-json"]');
    const exported = await library.evaluate(
      () =>
        (window as unknown as { __exported: Promise<{ name: string; type: string; text: string }> })
          .__exported,
      null,
    );
    expect(exported.name).toMatch(/^nso-lens-library-\d{4}-\d{2}-\d{2}\.jsonld$/);
    const doc = JSON.parse(exported.text) as { type: string; total: number };
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(all.length);
    const file = resolve(SCREENSHOT_DIR, `library-${h.browserName}-export.jsonld`);
    screenshotPath('library-dir'); // makes the directory
    writeFileSync(file, exported.text);

    // Importing the same file adds nothing: every passage is a duplicate.
    await library.upload('[data-testid="import-file"]', file);
    const again = await until(
      'the duplicate summary',
      () =>
        library.evaluate(
          () => document.querySelector('[data-testid="import-summary"]')?.textContent ?? '',
          null,
        ),
      (s) => /\b0\b/.test(s) && s.includes(String(all.length)),
    );
    expect(again).toMatch(new RegExp(`${all.length}`));

    // Delete everything through the page, then import the export: the library is back as it was.
    for (let left = all.length; left > 0; left--) {
      await library.click('[data-testid="saved-delete"]');
      await until(
        'one passage fewer',
        () => items(library),
        (l) => l.length === left - 1,
      );
    }
    await library.upload('[data-testid="import-file"]', file);
    const back = await until(
      'the re-imported library',
      () => items(library),
      (l) => l.length === all.length,
    );
    const byId = (l: Item[]) => [...l].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(back).map(({ id, quote, note }) => ({ id, quote, note }))).toEqual(
      byId(all).map(({ id, quote, note }) => ({ id, quote, note })),
    );
    await library.screenshot(screenshotPath(`library-${h.browserName}-page`));
    await library.close();
  });
}
