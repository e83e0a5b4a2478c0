/**
 * The researcher's library on hostile pages (issue 8), in each browser, against the release build:
 * - tricked clicks: a page that covers our Save button (a clear layer, an opaque decoy — both letting
 *   clicks through), restyles our host (opacity, visibility, a tiny scale), moves the button under the
 *   pointer just before the click, or clicks our host by script: the reader's real click saves nothing.
 *   The same page left alone saves (the control), so each refusal is the guard's doing;
 * - markup, script and `javascript:` URLs as text in the selected quote: saved and shown as text in
 *   the page, the popup and the library page, nothing runs anywhere, and the Markdown and CSV exports
 *   escape it (a quote starting with "=" is no formula);
 * - right-to-left text, combining marks, emoji, no-break spaces and soft hyphens in quotes: saved as
 *   selected, shown as saved, and found again after a reload with exactly the saved words highlighted.
 *
 * Fixtures: test/fixtures/library/hostile/ (each the story of test/fixtures/library/pages/story.html,
 * so the pipeline runs). The tricks page names its trick in the fragment (see tricks.html).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CardsPage } from './cards-driver';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { type LibraryHarness, SAVE_BUTTON, type UiPage, until } from './library-driver';
import { screenshotPath } from './screenshots';

/** The clause the reader tries to save on the tricks page (its third paragraph). */
const TRICK_QUOTE = "The petitioners argued that the ministry's oversight of cyber exports was too weak";

/** The whole text of xss.html's #px, as the browser reads the escaped source. */
const XSS_QUOTE =
  '=HYPERLINK("javascript:window.__pwned=4","NSO files") the petitioners wrote ' +
  '<img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script> into their filing, ' +
  'with a link to javascript:window.__pwned=5 [the ministry](javascript:window.__pwned=6) as the ' +
  'oversight of cyber exports was too weak.';

/** unicode.html: [paragraph id, the quote saved from it], code points spelled out. */
const UNICODE_QUOTES: readonly [string, string][] = [
  ['he', 'השופטת רחל ברקאי דחתה את העתירה'],
  ['ar', 'رفضت القاضية راحيل باركاي الالتماس'],
  // Decomposed é (e + U+0301), the second at the quote's very end.
  ['marks', 'researcher Ame\u0301lie Dupre\u0301'],
  // A ZWJ family of four and a flag (regional indicators): surrogate pairs and joiners.
  [
    'emoji',
    'with \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} families and \u{1F1EE}\u{1F1F1} flags',
  ],
  // No-break spaces and soft hyphens inside the quote.
  ['spaces', '14\u00A0pages and calls the export con\u00ADtrol re\u00ADgime of the Defence\u00A0Ministry'],
];

/** The toast shown when a click is refused because the page hid or covered the button (messages.json). */
const REFUSED_TOAST = 'Nothing was saved: the Save button was hidden or covered by the page.';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** In the page: selects `quote` inside the element `id` (as a drag would); false when it is not there. */
const selectIn = ({ id, quote }: { id: string; quote: string }): boolean => {
  const el = document.getElementById(id);
  const text = el?.firstChild as Text | null;
  const at = text ? text.data.indexOf(quote) : -1;
  if (!el || !text || at < 0) return false;
  el.scrollIntoView({ block: 'center', behavior: 'instant' });
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + quote.length);
  const selection = getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
};

/** In the page's world (the highlight registry is shared with it): the saved highlights' texts. */
const savedTexts = (): string[] =>
  Array.from(
    (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('nso-lens-saved') ?? [],
    (r) => r.toString(),
  );

/** In the closed root: the editor, its state line, the toast, and any element markup could have made. */
const UI_STATE = `function (root) {
  const e = root.querySelector('[data-testid="note-editor"]');
  const toast = root.querySelector('[data-testid="save-toast"]');
  const state = e ? e.querySelector('[role="status"]') : null;
  return JSON.stringify({
    open: !!e,
    state: state ? state.textContent : null,
    quote: e ? (e.querySelector('.saved-quote') || {}).textContent || '' : null,
    toast: toast ? toast.textContent : null,
    foreign: root.querySelectorAll('img, script, iframe, object, embed, [onerror], [onmouseover], a[href^="javascript:" i]').length,
  });
}`;

interface UiState {
  open: boolean;
  state: string | null;
  quote: string | null;
  toast: string | null;
  foreign: number;
}

interface Point {
  x: number;
  y: number;
}

/** In an extension page: the quotes the background lists (`list-passages`, as the library page asks). */
const listQuotes = async (): Promise<string[]> => {
  type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (g.browser ?? g.chrome)!;
  const answer = (await api.runtime.sendMessage({
    channel: 'popup',
    type: 'list-passages',
    payload: {},
  })) as {
    ok: boolean;
    value?: { quote: { exact: string } }[];
    error?: string;
  };
  if (!answer.ok || !answer.value) throw new Error(`list-passages: ${answer.error}`);
  return answer.value.map((p) => p.quote.exact);
};

/** In an extension page: what it lists, and whether anything in it could have come from page markup. */
const inspectList = (selector: string) => {
  const items = Array.from(document.querySelectorAll<HTMLElement>(selector));
  const risky = 'img, script, iframe, object, embed, svg, [onerror], [onmouseover], a[href^="javascript:" i]';
  return {
    quotes: items.map((el) => el.querySelector('[data-testid="saved-quote"]')?.textContent ?? ''),
    rtl: items.map((el) => el.querySelector('[data-testid="saved-quote"]')?.matches(':dir(rtl)') ?? false),
    foreign: items.reduce((n, el) => n + el.querySelectorAll(risky).length, 0),
    handlers: document.querySelectorAll('[onerror], [onmouseover], [onclick], [onload]').length,
    // Every script of the page is the extension's own file: none was made from a quote.
    strayScripts: Array.from(document.scripts)
      .filter((s) => !s.src.startsWith(location.origin))
      .map((s) => s.outerHTML.slice(0, 120)),
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
  };
};

/** CSV (RFC 4180) rows: quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** CommonMark backslash escapes undone (any ASCII punctuation may be escaped). */
const unescapeMarkdown = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

type Trick = {
  name: string;
  mode: string;
  /** What the page must have done before the reader clicks (window.__trick.applied). */
  applied: string;
  /**
   * true: the click reaches our button and the guard refuses it, saying so; null: the hidden or shrunken
   * button may take no click at all (it lands on the page), so a toast may or may not show.
   */
  toast: boolean | null;
};

const TRICKS: readonly Trick[] = [
  {
    name: '(a) a transparent full-screen layer over the button',
    mode: 'overlay',
    applied: 'clear',
    toast: true,
  },
  { name: '(b) an opaque decoy over the button', mode: 'cover', applied: 'opaque', toast: true },
  {
    name: '(b) our host kept out of the top layer, an opaque decoy over it by z-index',
    mode: 'unraised',
    applied: 'unraised',
    toast: true,
  },
  { name: '(c) opacity:0 on our host', mode: 'opacity', applied: 'opacity:0', toast: true },
  {
    name: '(c) visibility:hidden on our host',
    mode: 'visibility',
    applied: 'visibility:hidden',
    toast: false,
  },
  {
    name: '(c) transform: scale(0.01) on our host',
    mode: 'scale',
    applied: 'transform:scale(0.01)',
    toast: false,
  },
];

export function libraryHostileScenario(launch: () => Promise<LibraryHarness>): void {
  let h: LibraryHarness;
  let server: FixtureServer;
  let library: UiPage;
  const fixture = (name: string) => server.url(`library/hostile/${name}`);

  beforeAll(async () => {
    [h, server] = await Promise.all([launch(), startFixtureServer()]);
    library = await h.openExtensionPage('library.html');
    await library.waitFor('[data-testid="search"]');
  }, 60_000);
  afterAll(async () => {
    await library?.close();
    await h?.close();
    await server?.close();
  });

  const stored = () => library.evaluate(listQuotes, null);
  const ui = async (page: CardsPage) => JSON.parse((await page.inRoot(UI_STATE)) ?? 'null') as UiState | null;
  const buttonAt = async (page: CardsPage) =>
    JSON.parse((await page.inRoot(SAVE_BUTTON)) ?? 'null') as Point | null;

  /** Selects `quote` in `id` with the reader's own key release; the Save button's middle once shown. */
  async function select(page: CardsPage, id: string, quote: string): Promise<Point> {
    expect(await page.run(selectIn, { id, quote })).toBe(true);
    // Selections made by page scripts alone never show the button: the reader's key release does.
    await page.press('Shift');
    const at = await until(
      'the Save button',
      () => buttonAt(page),
      (v) => v !== null,
    );
    return at!;
  }

  /** Selects and saves `quote` with a real click; waits for "Saved", then closes the editor. */
  async function save(page: CardsPage, id: string, quote: string): Promise<UiState> {
    const at = await select(page, id, quote);
    // A button shown for less than 400 ms takes no click: wait like a reader.
    await sleep(600);
    await page.click(at.x, at.y);
    const saved = await until(
      `"${quote}" saved`,
      () => ui(page),
      (v) => v?.open === true && v.state === 'Saved to your library',
    );
    await page.press('Escape');
    await until(
      'the editor to close',
      () => ui(page),
      (v) => v === null || !v.open,
    );
    return saved!;
  }

  /** After a tricked click: nothing stored, no editor; the refusal toast when the guard saw the click. */
  async function expectNothingSaved(page: CardsPage, toast: boolean | null, before: string[]): Promise<void> {
    // Time for a save that should not happen to show itself (a real one opens the editor at once).
    await sleep(800);
    const state = await ui(page);
    expect(state?.open ?? false).toBe(false);
    if (toast === true) expect(state?.toast ?? '').toContain(REFUSED_TOAST);
    if (toast === false) expect(state?.toast ?? null).toBeNull();
    expect((await stored()).sort()).toEqual([...before].sort());
  }

  const applied = (page: CardsPage) =>
    page.run(
      () => (window as unknown as { __trick: { applied: string[]; synthetic: number } }).__trick,
      null,
    );

  for (const trick of TRICKS) {
    it(`refuses a click the page tricks the reader into: ${trick.name}`, async () => {
      const before = await stored();
      const page = await h.openCardsPage(fixture(`tricks.html#${trick.mode}`));
      const at = await select(page, 'p3', TRICK_QUOTE);
      // The page acts once our host joins it; then the reader, who saw the button, clicks where it was.
      await until(
        `the page's trick (${trick.applied})`,
        () => applied(page),
        (t) => t.applied.includes(trick.applied),
      );
      await sleep(600);
      await page.click(at.x, at.y);
      await page.screenshot(screenshotPath(`library-hostile-${h.browserName}-${trick.mode}`));
      await expectNothingSaved(page, trick.toast, before);
      await page.close();
    });
  }

  it('refuses a click on a button the page just moved under the pointer (shown < 400 ms)', async () => {
    const before = await stored();
    const page = await h.openCardsPage(fixture('tricks.html#move'));
    const first = await select(page, 'p3', TRICK_QUOTE);
    await sleep(600);
    // The page scrolls; the button follows its selection and lands elsewhere — under the resting pointer.
    const moved = Date.now();
    await page.run(() => (window as unknown as { __moveButton(): void }).__moveButton(), null);
    const after = await until(
      'the button to move',
      () => buttonAt(page),
      (v) => v !== null && Math.abs(v.y - first.y) > 20,
      3000,
      10,
    );
    await page.click(after!.x, after!.y);
    // The click came within 400 ms of the move (or this case proves nothing): the guard's "too soon".
    expect(Date.now() - moved, 'the click must follow the move within 400 ms').toBeLessThan(400);
    // A too-early click is ignored without a word.
    await expectNothingSaved(page, false, before);
    await page.close();
  });

  it("ignores the page's own synthetic clicks, pointer and key events on our host", async () => {
    const before = await stored();
    const page = await h.openCardsPage(fixture('tricks.html#synthetic'));
    await select(page, 'p3', TRICK_QUOTE);
    await sleep(600);
    // The reader clicks the page's own "Show comments" button; its handler "clicks" our host.
    const decoy = await page.run(() => {
      const b = document.getElementById('decoy')!;
      b.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, null);
    await page.click(decoy.x, decoy.y);
    await expectNothingSaved(page, null, before);
    expect((await applied(page)).synthetic).toBeGreaterThanOrEqual(9);
    // The button was still there to be "clicked" (the decoy keeps the selection).
    expect(await buttonAt(page)).not.toBeNull();
    await page.close();
  });

  it('saves the same click on the same page when the page leaves it alone (control)', async () => {
    const before = await stored();
    // The library page lists what the background holds: none of the tricked clicks above saved.
    await library.evaluate(() => location.reload(), null);
    await library.waitFor(
      before.length === 0 ? '[data-testid="library-empty"]' : '[data-testid="saved-item"]',
    );
    expect(
      await library.evaluate(() => document.querySelectorAll('[data-testid="saved-item"]').length, null),
    ).toBe(before.length);
    const page = await h.openCardsPage(fixture('tricks.html#control'));
    const saved = await save(page, 'p3', TRICK_QUOTE);
    expect(saved.quote).toBe(TRICK_QUOTE);
    expect(
      await page.run(() => (window as unknown as { __trick: { applied: string[] } }).__trick.applied, null),
    ).toEqual([]);
    expect((await stored()).sort()).toEqual([...before, TRICK_QUOTE].sort());
    await page.close();
  });

  it('saves markup, script and javascript: URLs in a quote as text: nothing runs, exports escape it', async () => {
    const page = await h.openCardsPage(fixture('xss.html'));
    const editor = await save(page, 'px', XSS_QUOTE);
    // The editor shows the quote (shortened) as text; nothing in our root came from its markup.
    expect(editor.foreign).toBe(0);
    expect(XSS_QUOTE.startsWith(editor.quote!.replace(/…$/, ''))).toBe(true);
    expect(
      await page.run(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null, null),
    ).toBeNull();
    expect(await stored()).toContain(XSS_QUOTE);

    // The popup's Saved view for the page.
    const popup = await h.openExtensionPage(`popup.html?tab=${page.tabId}`, { width: 380, height: 560 });
    const inPopup = await until(
      "the popup's Saved view",
      async () => {
        await popup.evaluate(() => document.getElementById('tab-saved')?.click(), null);
        return popup.evaluate(inspectList, '[data-testid="saved-item"]');
      },
      (v) => v.quotes.length === 1,
    );
    expect(inPopup.quotes).toEqual([XSS_QUOTE]);
    expect(inPopup).toMatchObject({ foreign: 0, handlers: 0, strayScripts: [], pwned: null });
    await popup.close();
    expect(
      await page.run(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null, null),
    ).toBeNull();
    await page.close();

    // The library page (reloaded: it lists what the background holds now).
    await library.evaluate(() => location.reload(), null);
    await library.waitFor('[data-testid="saved-item"]');
    const listed = await until(
      'the quote in the library',
      () => library.evaluate(inspectList, '[data-testid="saved-item"]'),
      (v) => v.quotes.includes(XSS_QUOTE),
    );
    expect(listed).toMatchObject({ foreign: 0, handlers: 0, strayScripts: [], pwned: null });

    // Exports: the page hands the browser a Blob through an <a download>; keep what it hands over.
    const exportAs = async (testid: string) => {
      await library.evaluate(() => {
        const w = window as unknown as { __exported: Promise<string> };
        w.__exported = new Promise((done) => {
          HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
            void fetch(this.href)
              .then((r) => r.text())
              .then(done);
          };
        });
      }, null);
      await library.click(`[data-testid="${testid}"]`);
      return library.evaluate(() => (window as unknown as { __exported: Promise<string> }).__exported, null);
    };

    const markdown = await exportAs('export-markdown');
    // The quote is one blockquote line that reads back as the quote, with every markup character escaped.
    const line = markdown
      .split('\n')
      .find((l) => l.startsWith('> ') && unescapeMarkdown(l.slice(2)) === XSS_QUOTE);
    expect(line, markdown).toBeDefined();
    const body = line!.slice(2);
    expect(body.startsWith('\\=')).toBe(true);
    // No unescaped character that could open HTML, a link, an image or code.
    expect(body.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[<>[\]`]/);
    expect(markdown).not.toMatch(/(^|[^\\])<(img|script)/i);
    expect(markdown).not.toMatch(/(^|[^\\])\]\(javascript:/i);

    const csv = await exportAs('export-csv');
    const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
    const column = rows[0]!.indexOf('quote');
    expect(column).toBeGreaterThanOrEqual(0);
    const cells = rows.slice(1).map((r) => r[column]);
    // A quote starting with "=" is a formula to a spreadsheet: the cell starts with an apostrophe.
    expect(cells).toContain(`'${XSS_QUOTE}`);
    expect(cells.filter((c) => c !== undefined && /^[=+\-@]/.test(c))).toEqual([]);
    expect(
      await library.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null, null),
    ).toBeNull();
  });

  it('saves right-to-left text, combining marks, emoji, NBSP and soft hyphens, and finds them exactly', async () => {
    const url = fixture('unicode.html');
    let page = await h.openCardsPage(url);
    for (const [id, quote] of UNICODE_QUOTES) {
      const editor = await save(page, id, quote);
      expect(editor.quote).toBe(quote.replace(/\s+/g, ' '));
    }
    const quotes = UNICODE_QUOTES.map(([, q]) => q);
    const sorted = [...quotes].sort();
    // Highlighted in this page at once, each over exactly its saved words.
    expect(
      (
        await until(
          'the saved highlights',
          () => page.run(savedTexts, null),
          (t) => t.length === quotes.length,
        )
      ).sort(),
    ).toEqual(sorted);
    await page.close();

    // Stored exactly as selected.
    const all = await stored();
    for (const quote of quotes) expect(all).toContain(quote);

    // After a reload: found again, exactly.
    page = await h.openCardsPage(url);
    const again = await until(
      'the saved highlights after a reload',
      () => page.run(savedTexts, null),
      (t) => t.length === quotes.length,
    );
    expect(again.sort()).toEqual(sorted);
    await page.screenshot(screenshotPath(`library-hostile-${h.browserName}-unicode`));

    // Shown as saved in the popup (placed, none orphaned) and the library; right-to-left ones as such.
    const popup = await h.openExtensionPage(`popup.html?tab=${page.tabId}`, { width: 380, height: 560 });
    const inPopup = await until(
      "the popup's Saved view",
      async () => {
        await popup.evaluate(() => document.getElementById('tab-saved')?.click(), null);
        return popup.evaluate(
          (sel) => ({
            saved: Array.from(
              document.querySelectorAll(`${sel} [data-testid="saved-quote"]`),
              (q) => q.textContent,
            ),
            orphans: document.querySelectorAll('[data-testid="orphan-item"]').length,
          }),
          '[data-testid="saved-item"]',
        );
      },
      (v) => v.saved.length === quotes.length,
    );
    expect([...inPopup.saved].sort()).toEqual(sorted);
    expect(inPopup.orphans).toBe(0);
    await popup.close();
    await page.close();

    await library.evaluate(() => location.reload(), null);
    await library.waitFor('[data-testid="saved-item"]');
    const listed = await until(
      'the quotes in the library',
      () => library.evaluate(inspectList, '[data-testid="saved-item"]'),
      (v) => quotes.every((q) => v.quotes.includes(q)),
    );
    for (const [id, quote] of UNICODE_QUOTES) {
      expect(listed.rtl[listed.quotes.indexOf(quote)], quote).toBe(id === 'he' || id === 'ar');
    }
    await library.screenshot(screenshotPath(`library-hostile-${h.browserName}-library`));
  });
}
