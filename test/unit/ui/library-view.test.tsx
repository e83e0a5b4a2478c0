// @vitest-environment happy-dom
/**
 * The library page's presentational tree over a fixed, hand-written library: the passages as text,
 * search and filters, the note-and-tags editor, delete with undo, import and export — and that every
 * failure the host reports reaches the reader.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportFormat, ImportSummary, SavedPassage } from '../../../src/core/library/types';
import { I18nContext } from '../../../src/ui/components/i18n';
import { LibraryView, type LibraryViewProps } from '../../../src/ui/components/library/LibraryView';
import type { Outcome } from '../../../src/ui/components/library/types';
import { t } from './helpers';

function passage(n: number, fields: Partial<SavedPassage>): SavedPassage {
  const id = `00000000-0000-4000-8000-00000000000${n}`;
  return {
    id,
    schema: 1,
    quote: { type: 'TextQuoteSelector', exact: `quote ${n}`, prefix: '', suffix: '' },
    position: null,
    url: `https://news.example/${n}`,
    canonicalUrl: null,
    title: `Title ${n}`,
    outlet: null,
    published: null,
    savedAt: '2024-03-01T10:00:00.000Z',
    updatedAt: '2024-03-01T10:00:00.000Z',
    note: '',
    tags: [],
    claims: [],
    ...fields,
  };
}

const JPOST = passage(1, {
  quote: {
    type: 'TextQuoteSelector',
    exact: 'the court rejected the petition filed by Amnesty',
    prefix: 'On Sunday, ',
    suffix: ' International against NSO',
  },
  url: 'https://www.jpost.com/israel-news/court-nso-123#comments',
  title: 'Court shuts doors on Amnesty bid to revoke NSO license',
  outlet: 'The Jerusalem Post',
  published: '2020-01-16',
  note: 'Closed-door hearing; compare with Haaretz.',
  tags: ['licence', 'court'],
  claims: ['claim.petition-dismissed'],
});
const HAARETZ = passage(2, {
  quote: {
    type: 'TextQuoteSelector',
    exact: 'Judge Rachel Barkai dismissed the petition',
    prefix: '',
    suffix: '',
  },
  title: 'Israeli court dismisses Amnesty petition',
  outlet: 'Haaretz',
  published: '2020-07-13',
  tags: ['court'],
  claims: ['claim.petition-dismissed', 'claim.judge-barkai'],
});
const GUARDIAN = passage(3, {
  quote: {
    type: 'TextQuoteSelector',
    exact: 'Pegasus spyware was found on the phone',
    prefix: '',
    suffix: '',
  },
  title: 'Pegasus project',
  outlet: 'The Guardian',
  published: '2021-07-18',
  note: 'Forensic evidence',
  tags: ['pegasus'],
});
const HOSTILE = passage(4, {
  quote: {
    type: 'TextQuoteSelector',
    exact: '<img src=x onerror="document.body.dataset.pwned=1"> and <b>bold</b>',
    prefix: '',
    suffix: '',
  },
  title: '<script>alert(1)</script>',
  outlet: null,
  published: null,
  savedAt: '2023-05-02T08:00:00.000Z',
  note: '<a href="javascript:alert(1)">note</a>',
  tags: ['<i>tag</i>'],
});
const LIBRARY = [JPOST, HAARETZ, GUARDIAN, HOSTILE];

const CLAIMS: Record<string, string> = {
  'claim.petition-dismissed': 'The Tel Aviv District Court dismissed the petition.',
  'claim.judge-barkai': 'Judge Rachel Barkai heard the petition.',
};

const ok = <T,>(value: T): Outcome<T> => ({ ok: true, value });
const failed = <T,>(error: string): Outcome<T> => ({ ok: false, error });

interface Handlers {
  onReload: ReturnType<typeof vi.fn<() => void>>;
  onUpdate: ReturnType<typeof vi.fn<LibraryViewProps['onUpdate']>>;
  onDelete: ReturnType<typeof vi.fn<LibraryViewProps['onDelete']>>;
  onRestore: ReturnType<typeof vi.fn<LibraryViewProps['onRestore']>>;
  onExport: ReturnType<typeof vi.fn<LibraryViewProps['onExport']>>;
  onImport: ReturnType<typeof vi.fn<LibraryViewProps['onImport']>>;
}

function handlers(): Handlers {
  return {
    onReload: vi.fn<() => void>(),
    onUpdate: vi.fn<LibraryViewProps['onUpdate']>(async (id) => ok(LIBRARY.find((p) => p.id === id))),
    onDelete: vi.fn<LibraryViewProps['onDelete']>(async (ids) =>
      ok(LIBRARY.filter((p) => ids.includes(p.id))),
    ),
    onRestore: vi.fn<LibraryViewProps['onRestore']>(async (passages) => ok(passages.length)),
    onExport: vi.fn<LibraryViewProps['onExport']>(async (format) => ok(`nso-lens-library.${format}`)),
    onImport: vi.fn<LibraryViewProps['onImport']>(async () =>
      ok<ImportSummary>({ format: 'nso-lens-jsonld', added: 3, duplicates: 1 }),
    ),
  };
}

let root: HTMLElement | null = null;

function mount(extra: Partial<LibraryViewProps> = {}, h: Handlers = handlers()) {
  root ??= document.body.appendChild(document.createElement('div'));
  const props: LibraryViewProps = {
    load: { kind: 'ready', passages: LIBRARY },
    claimLabel: (id) => CLAIMS[id] ?? id,
    ...h,
    ...extra,
  };
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <LibraryView {...props} />
      </I18nContext.Provider>,
      root!,
    );
  });
  return { el: root, h };
}

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
  vi.useRealTimers();
});

const all = (el: ParentNode, testid: string) => [
  ...el.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`),
];
const one = (el: ParentNode, testid: string) => {
  const found = all(el, testid);
  if (found.length !== 1) throw new Error(`expected one ${testid}, found ${found.length}`);
  return found[0]!;
};
const shownIds = (el: ParentNode) => all(el, 'saved-item').map((item) => item.dataset.id);
const row = (el: ParentNode, p: SavedPassage) => el.querySelector<HTMLElement>(`[data-id="${p.id}"]`)!;

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(select: HTMLElement, value: string) {
  act(() => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function click(target: HTMLElement) {
  await act(async () => {
    target.click();
  });
}

describe('the list', () => {
  it('shows every passage with its quote, source, note, tags and claims', () => {
    const { el } = mount();
    expect(all(el, 'saved-item')).toHaveLength(4);
    expect(one(el, 'library-count').textContent).toBe('4 saved passages');
    const jpost = row(el, JPOST);
    expect(one(jpost, 'saved-quote').textContent).toBe('the court rejected the petition filed by Amnesty');
    expect(one(jpost, 'saved-title').textContent).toBe(
      'Court shuts doors on Amnesty bid to revoke NSO license',
    );
    expect(one(jpost, 'saved-outlet').textContent).toBe('The Jerusalem Post');
    expect(one(jpost, 'saved-published').textContent).toBe('16 Jan 2020');
    expect(one(jpost, 'saved-note').textContent).toContain('Closed-door hearing; compare with Haaretz.');
    expect(all(jpost, 'saved-tag').map((x) => x.textContent)).toEqual(['licence', 'court']);
    expect(all(jpost, 'saved-claim').map((x) => x.textContent)).toEqual([CLAIMS['claim.petition-dismissed']]);
    expect(one(row(el, GUARDIAN), 'saved-outlet').textContent).toBe('The Guardian');
    expect(one(row(el, HOSTILE), 'saved-outlet').textContent).toBe('Outlet unknown');
  });

  it('links each passage at its place with a Text Fragment, in a new tab', () => {
    const { el } = mount();
    const link = one(row(el, JPOST), 'saved-open') as HTMLAnchorElement;
    // The page's own fragment is dropped; the context words on the quote's line narrow the match.
    expect(link.getAttribute('href')).toBe(
      'https://www.jpost.com/israel-news/court-nso-123#:~:text=On%20Sunday%2C-,the%20court%20rejected%20the%20petition%20filed%20by%20Amnesty,-International%20against%20NSO',
    );
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
  });

  it('renders page and note text as text, never as markup', () => {
    const { el } = mount();
    const hostile = row(el, HOSTILE);
    expect(one(hostile, 'saved-quote').textContent).toBe(HOSTILE.quote.exact);
    expect(one(hostile, 'saved-title').textContent).toBe(HOSTILE.title);
    expect(one(hostile, 'saved-note').textContent).toContain(HOSTILE.note);
    expect(one(hostile, 'saved-tag').textContent).toBe('<i>tag</i>');
    expect(hostile.querySelectorAll('img, b, i, script, a:not([data-testid="saved-open"])')).toHaveLength(0);
    expect(document.body.dataset.pwned).toBeUndefined();
  });

  it('says when the library is empty, loading or failed to load', () => {
    const h = handlers();
    const { el } = mount({ load: { kind: 'ready', passages: [] } }, h);
    expect(one(el, 'library-empty').textContent).toContain('Your library is empty.');
    expect(one(el, 'library-count').textContent).toBe('0 saved passages');
    mount({ load: { kind: 'loading' } }, h);
    expect(el.textContent).toContain('Loading the library…');
    mount({ load: { kind: 'error', error: 'the background gave no answer' } }, h);
    const error = one(el, 'library-load-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Could not load the library: the background gave no answer');
    act(() => error.querySelector('button')!.click());
    expect(h.onReload).toHaveBeenCalledTimes(1);
  });

  it('keeps the last list but says when listing again failed', () => {
    const { el } = mount({ refreshError: 'QuotaExceededError: storage full' });
    expect(all(el, 'saved-item')).toHaveLength(4);
    expect(one(el, 'library-refresh-error').textContent).toContain('QuotaExceededError: storage full');
  });
});

describe('search and filters', () => {
  it('shows a large library a hundred passages at a time', async () => {
    const many = Array.from({ length: 230 }, (_, i) =>
      passage(0, {
        id: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        quote: { type: 'TextQuoteSelector', exact: `passage number ${i}`, prefix: '', suffix: '' },
        tags: i % 2 === 0 ? ['even'] : [],
      }),
    );
    const { el } = mount({ load: { kind: 'ready', passages: many } });
    expect(all(el, 'saved-item')).toHaveLength(100);
    expect(one(el, 'library-more').textContent).toBe('Show 100 more (130 not shown yet)');
    vi.useFakeTimers();
    act(() => one(el, 'library-more').click());
    act(() => {
      vi.runAllTimers();
    });
    expect(all(el, 'saved-item')).toHaveLength(200);
    expect(document.activeElement).toBe(all(el, 'saved-edit')[100]);
    act(() => one(el, 'library-more').click());
    expect(all(el, 'saved-item')).toHaveLength(230);
    expect(all(el, 'library-more')).toHaveLength(0);
    choose(one(el, 'filter-tag'), 'even');
    expect(all(el, 'saved-item')).toHaveLength(100);
    expect(one(el, 'library-more').textContent).toBe('Show 15 more (15 not shown yet)');
  });

  it('narrows the list by full-text search over quote, note, title, outlet and tags', () => {
    const { el } = mount();
    const search = one(el, 'search') as HTMLInputElement;
    type(search, 'PETITION');
    expect(new Set(shownIds(el))).toEqual(new Set([JPOST.id, HAARETZ.id]));
    expect(one(el, 'library-count').textContent).toBe('Showing 2 of 4 saved passages');
    type(search, 'forensic'); // only in a note
    expect(shownIds(el)).toEqual([GUARDIAN.id]);
    type(search, 'haaretz petition'); // outlet + quote of one passage; the other has "Haaretz" in its note
    expect(new Set(shownIds(el))).toEqual(new Set([HAARETZ.id, JPOST.id]));
    type(search, 'guardian court');
    expect(all(el, 'saved-item')).toHaveLength(0);
    expect(one(el, 'library-no-match').textContent).toContain('No saved passage matches');
    act(() => one(el, 'library-no-match').querySelector('button')!.click());
    expect(all(el, 'saved-item')).toHaveLength(4);
    expect(search.value).toBe('');
  });

  it('offers outlets, tags and claims with counts, and filters by each', () => {
    const { el } = mount();
    const options = (id: string) =>
      [...one(el, id).querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(options('filter-tag')).toEqual(
      expect.arrayContaining([
        ['', 'All tags'],
        ['court', 'court (2)'],
        ['licence', 'licence (1)'],
        ['pegasus', 'pegasus (1)'],
      ]),
    );
    expect(options('filter-claim')).toEqual(
      expect.arrayContaining([
        ['claim.petition-dismissed', `${CLAIMS['claim.petition-dismissed']} (2)`],
        ['claim.judge-barkai', `${CLAIMS['claim.judge-barkai']} (1)`],
      ]),
    );
    choose(one(el, 'filter-outlet'), 'Haaretz');
    expect(shownIds(el)).toEqual([HAARETZ.id]);
    choose(one(el, 'filter-outlet'), '');
    choose(one(el, 'filter-tag'), 'court');
    expect(new Set(shownIds(el))).toEqual(new Set([JPOST.id, HAARETZ.id]));
    choose(one(el, 'filter-claim'), 'claim.judge-barkai');
    expect(shownIds(el)).toEqual([HAARETZ.id]);
    act(() => one(el, 'filters-clear').click());
    expect(all(el, 'saved-item')).toHaveLength(4);
    expect((one(el, 'filter-tag') as HTMLSelectElement).value).toBe('');
  });

  it('filters by a range of publication dates (the saving date when unknown)', () => {
    const { el } = mount();
    type(one(el, 'filter-from') as HTMLInputElement, '2020-07-01');
    expect(new Set(shownIds(el))).toEqual(new Set([HAARETZ.id, GUARDIAN.id, HOSTILE.id]));
    type(one(el, 'filter-to') as HTMLInputElement, '2020-12-31');
    expect(shownIds(el)).toEqual([HAARETZ.id]);
    type(one(el, 'filter-from') as HTMLInputElement, '2023-05-02');
    type(one(el, 'filter-to') as HTMLInputElement, '2023-05-02');
    expect(shownIds(el)).toEqual([HOSTILE.id]);
  });
});

describe('editing note and tags', () => {
  it('sends the cleaned note and tags, including a tag still being typed, and closes', async () => {
    const { el, h } = mount();
    await click(one(row(el, JPOST), 'saved-edit'));
    const editor = one(row(el, JPOST), 'passage-editor');
    const note = one(editor, 'edit-note') as HTMLTextAreaElement;
    expect(note.value).toBe(JPOST.note);
    expect(document.activeElement).toBe(note);
    type(note, '  Barkai heard it behind closed doors.  \n');
    const tags = one(editor, 'edit-tags') as HTMLInputElement;
    type(tags, '  closed   hearing ,court,');
    expect(all(editor, 'edit-tag').map((x) => x.textContent)).toEqual([
      'licence×',
      'court×',
      'closed hearing×',
    ]);
    act(() => all(editor, 'edit-tag-remove')[0]!.click());
    type(tags, ' NSO ');
    await click(one(editor, 'edit-save'));
    expect(h.onUpdate).toHaveBeenCalledWith(JPOST.id, 'Barkai heard it behind closed doors.', [
      'court',
      'closed hearing',
      'NSO',
    ]);
    expect(all(el, 'passage-editor')).toHaveLength(0);
  });

  it('commits a tag on Enter and removes the last one with Backspace in the empty field', async () => {
    const { el, h } = mount();
    await click(one(row(el, GUARDIAN), 'saved-edit'));
    const tags = one(el, 'edit-tags') as HTMLInputElement;
    type(tags, 'spyware');
    act(() => {
      tags.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    });
    expect(all(el, 'edit-tag').map((x) => x.textContent)).toEqual(['pegasus×', 'spyware×']);
    expect(tags.value).toBe('');
    act(() => {
      tags.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true, cancelable: true }));
    });
    expect(all(el, 'edit-tag').map((x) => x.textContent)).toEqual(['pegasus×']);
    await click(one(el, 'edit-save'));
    expect(h.onUpdate).toHaveBeenCalledWith(GUARDIAN.id, 'Forensic evidence', ['pegasus']);
  });

  it('keeps the editor open with the reason when the change is refused', async () => {
    const h = handlers();
    h.onUpdate.mockResolvedValue(failed('QuotaExceededError: the library is full'));
    const { el } = mount({}, h);
    await click(one(row(el, HAARETZ), 'saved-edit'));
    type(one(el, 'edit-note') as HTMLTextAreaElement, 'more');
    await click(one(el, 'edit-save'));
    expect(one(el, 'edit-error').textContent).toBe('Not saved: QuotaExceededError: the library is full');
    expect(all(el, 'passage-editor')).toHaveLength(1);
    // Refused before sending: a tag longer than the store allows.
    h.onUpdate.mockClear();
    type(one(el, 'edit-tags') as HTMLInputElement, 'x'.repeat(101));
    await click(one(el, 'edit-save'));
    expect(h.onUpdate).not.toHaveBeenCalled();
    expect(one(el, 'edit-error').textContent).toContain('longer than 100 characters');
  });

  it('cancels with Escape, sending nothing', async () => {
    const { el, h } = mount();
    await click(one(row(el, JPOST), 'saved-edit'));
    const note = one(el, 'edit-note') as HTMLTextAreaElement;
    type(note, 'changed');
    act(() => {
      note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(all(el, 'passage-editor')).toHaveLength(0);
    expect(h.onUpdate).not.toHaveBeenCalled();
  });
});

describe('delete and undo', () => {
  it('deletes, offers undo, and undo restores exactly the deleted passages', async () => {
    const { el, h } = mount();
    await click(one(row(el, HAARETZ), 'saved-delete'));
    expect(h.onDelete).toHaveBeenCalledWith([HAARETZ.id]);
    const bar = one(el, 'undo-bar');
    expect(bar.textContent).toContain('Passage deleted.');
    expect(bar.closest('[role="status"]')).not.toBeNull();
    // Focus moves on to the next passage, not lost with the deleted one.
    expect(document.activeElement).toBe(one(row(el, GUARDIAN), 'saved-edit'));
    await click(one(bar, 'undo'));
    expect(h.onRestore).toHaveBeenCalledWith([HAARETZ]);
    expect(all(el, 'undo-bar')).toHaveLength(0);
    expect(one(el, 'library-status').textContent).toBe('Passage restored.');
  });

  it('gathers deletes in a row into one undo, also reached with Ctrl+Z', async () => {
    const { el, h } = mount();
    await click(one(row(el, JPOST), 'saved-delete'));
    await click(one(row(el, GUARDIAN), 'saved-delete'));
    expect(one(el, 'undo-bar').textContent).toContain('2 passages deleted.');
    await act(async () => {
      one(el, 'search')
        .closest('main')!
        .dispatchEvent(
          new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }),
        );
    });
    expect(h.onRestore).toHaveBeenCalledWith([JPOST, GUARDIAN]);
    expect(one(el, 'library-status').textContent).toBe('2 passages restored.');
  });

  it('lets the deletion stand after 8 seconds', async () => {
    vi.useFakeTimers();
    const { el, h } = mount();
    await click(one(row(el, JPOST), 'saved-delete'));
    act(() => {
      vi.advanceTimersByTime(7900);
    });
    expect(all(el, 'undo-bar')).toHaveLength(1);
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(all(el, 'undo-bar')).toHaveLength(0);
    expect(h.onRestore).not.toHaveBeenCalled();
  });

  it('shows a failed delete or undo instead of swallowing it', async () => {
    const h = handlers();
    h.onDelete.mockResolvedValueOnce(failed('QuotaExceededError'));
    const { el } = mount({}, h);
    await click(one(row(el, JPOST), 'saved-delete'));
    expect(one(el, 'library-error').textContent).toContain('Not deleted: QuotaExceededError');
    expect(all(el, 'undo-bar')).toHaveLength(0);
    h.onRestore.mockResolvedValueOnce(failed('the database is closed'));
    await click(one(row(el, JPOST), 'saved-delete'));
    await click(one(el, 'undo'));
    expect(one(el, 'library-error').textContent).toContain('Could not undo: the database is closed');
    expect(all(el, 'undo-bar')).toHaveLength(1);
  });
});

describe('export and import', () => {
  it('exports in each format from its own button', async () => {
    const { el, h } = mount();
    const formats: [string, ExportFormat][] = [
      ['export-json', 'jsonld'],
      ['export-markdown', 'markdown'],
      ['export-csv', 'csv'],
      ['export-csl', 'csl'],
    ];
    for (const [testid, format] of formats) {
      await click(one(el, testid));
      expect(h.onExport).toHaveBeenLastCalledWith(format);
      expect(one(el, 'export-status').textContent).toBe(`Exported nso-lens-library.${format}.`);
    }
    h.onExport.mockResolvedValueOnce(failed('QuotaExceededError'));
    await click(one(el, 'export-csv'));
    expect(one(el, 'export-error').textContent).toBe('Export failed: QuotaExceededError');
  });

  async function importFile(el: HTMLElement, text: string, name: string) {
    const input = one(el, 'import-file') as HTMLInputElement;
    const file = new File([text], name, { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      // file.text() and the import answer settle over a few turns.
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    });
  }

  it('sends the file text and says what was added and skipped', async () => {
    const { el, h } = mount();
    await importFile(el, '{"type":"AnnotationCollection"}', 'library.jsonld');
    expect(h.onImport).toHaveBeenCalledWith('{"type":"AnnotationCollection"}');
    expect(one(el, 'import-summary').textContent).toBe('Added 3, skipped 1 duplicates (NSO Lens JSON-LD).');
    expect(all(el, 'import-error')).toHaveLength(0);
  });

  it('lists each refused record and why, and says nothing was imported', async () => {
    const h = handlers();
    h.onImport.mockResolvedValueOnce(
      failed('record 2 (id urn:x:1): quote must be non-empty text\nrecord 5: url must be an http(s) URL'),
    );
    const { el } = mount({}, h);
    await importFile(el, '[]', 'hypothesis.json');
    const error = one(el, 'import-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Nothing was imported from hypothesis.json:');
    expect(all(error, 'import-problem').map((x) => x.textContent)).toEqual([
      'record 2 (id urn:x:1): quote must be non-empty text',
      'record 5: url must be an http(s) URL',
    ]);
    expect(all(el, 'import-summary')).toHaveLength(0);
  });

  it('splits the background’s one-line problem list into records, and shows a store failure whole', async () => {
    const h = handlers();
    h.onImport.mockResolvedValueOnce(
      failed(
        'Nothing was imported. record 3 (urn:uuid:1): quote must be non-empty text; the file: 2 more problems',
      ),
    );
    const { el } = mount({}, h);
    await importFile(el, '{}', 'a.jsonld');
    expect(all(el, 'import-problem').map((x) => x.textContent)).toEqual([
      'record 3 (urn:uuid:1): quote must be non-empty text',
      'the file: 2 more problems',
    ]);
    h.onImport.mockResolvedValueOnce(failed('QuotaExceededError: the quota has been exceeded; try again'));
    await importFile(el, '{}', 'a.jsonld');
    expect(all(el, 'import-problem').map((x) => x.textContent)).toEqual([
      'QuotaExceededError: the quota has been exceeded; try again',
    ]);
  });
});

describe('accessibility', () => {
  it('has no axe-core violations (structure, names, roles; colours are checked in the browser)', async () => {
    const axe = (await import('axe-core')).default;
    const { el } = mount();
    await click(one(row(el, JPOST), 'saved-edit'));
    await click(one(row(el, HAARETZ), 'saved-delete'));
    const result = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    const violations = result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(violations).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(10);
  });
});
