// @vitest-environment happy-dom
/**
 * The library page's health banner (issue 8): records the store could not read are counted, said to be
 * kept and never deleted, and offered for download; a failed migration and storage nearly full are
 * told in words; everything from storage is shown as text; dismissing hides the banner only until the
 * faults change. And the downloaded file holds the records as they were stored.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../../src/ui/components/i18n';
import { LibraryView, type LibraryViewProps } from '../../../src/ui/components/library/LibraryView';
import { quarantineFile } from '../../../src/ui/components/library/model/quarantine-file';
import type { LibraryHealthView, QuarantinedView } from '../../../src/ui/components/library/types';
import { t } from './helpers';

const NO_STORAGE = { persisted: null, usage: null, quota: null };
const HEALTHY: LibraryHealthView = {
  quarantinedCount: 0,
  quarantined: [],
  lastMigration: { at: '2024-03-05T10:00:00.000Z', ok: true, message: null },
  storage: { persisted: true, usage: 10 * 1024 * 1024, quota: 1024 * 1024 * 1024 },
};

const RECORD = { id: 'a1', quote: 'not a selector', url: 'https://news.example/a' };
const unreadable = (n: number, fields: Partial<QuarantinedView> = {}): QuarantinedView => ({
  id: `rec-${n}`,
  reason: 'quote must be a TextQuoteSelector',
  quarantinedAt: '2024-03-05T10:01:00.000Z',
  raw: JSON.stringify({ ...RECORD, id: `rec-${n}` }),
  truncated: false,
  ...fields,
});

let root: HTMLElement | null = null;

function mount(health: LibraryHealthView | null, onDownloadUnreadable = vi.fn()) {
  root ??= document.body.appendChild(document.createElement('div'));
  const props: LibraryViewProps = {
    load: { kind: 'ready', passages: [] },
    claimLabel: (id) => id,
    onReload: vi.fn(),
    onUpdate: vi.fn(),
    onDelete: vi.fn(),
    onRestore: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    health,
    onDownloadUnreadable,
  };
  act(() => {
    render(
      <I18nContext.Provider value={t}>
        <LibraryView {...props} />
      </I18nContext.Provider>,
      root!,
    );
  });
  return { el: root, onDownloadUnreadable };
}

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

const banner = (el: ParentNode) => el.querySelector<HTMLElement>('[data-testid="library-health"]');
const byTestId = (el: ParentNode, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('the health banner', () => {
  it('is absent before the report comes and for a healthy library', () => {
    expect(banner(mount(null).el)).toBeNull();
    expect(banner(mount(HEALTHY).el)).toBeNull();
  });

  it('says one record could not be read, that it is kept, and offers it for download', () => {
    const { el, onDownloadUnreadable } = mount({
      ...HEALTHY,
      quarantinedCount: 1,
      quarantined: [unreadable(1)],
    });
    const alert = banner(el)!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(byTestId(alert, 'health-unreadable')!.textContent).toBe(
      'NSO Lens could not read 1 saved record. It is kept, never deleted: download it to recover it by hand.',
    );
    expect([...alert.querySelectorAll('[data-testid="health-reason"]')].map((li) => li.textContent)).toEqual([
      'rec-1: quote must be a TextQuoteSelector',
    ]);
    const download = byTestId(alert, 'health-download')!;
    expect(download.textContent).toBe('Download it');
    act(() => download.click());
    expect(onDownloadUnreadable).toHaveBeenCalledTimes(1);
  });

  it('counts many records, and says when the file holds only the first of them', () => {
    const listed = Array.from({ length: 100 }, (_, i) => unreadable(i));
    const { el } = mount({ ...HEALTHY, quarantinedCount: 130, quarantined: listed });
    const alert = banner(el)!;
    expect(byTestId(alert, 'health-unreadable')!.textContent).toBe(
      'NSO Lens could not read 130 saved records. They are kept, never deleted: download them to recover them by hand.',
    );
    expect(alert.textContent).toContain('The file holds the first 100 of them; all of them stay in storage.');
    expect(byTestId(alert, 'health-download')!.textContent).toBe('Download them');
  });

  it('shows ids and reasons from storage as text, never as markup', () => {
    const hostile = unreadable(1, { id: '<img src=x onerror=alert(1)>', reason: '<b>bold</b> reason' });
    const { el } = mount({ ...HEALTHY, quarantinedCount: 1, quarantined: [hostile] });
    const reason = byTestId(el, 'health-reason')!;
    expect(reason.textContent).toBe('<img src=x onerror=alert(1)>: <b>bold</b> reason');
    expect(reason.querySelector('img, b')).toBeNull();
  });

  it('tells of a failed migration with its date and message, and that nothing was lost', () => {
    const message = "Your browser's storage for NSO Lens is full. Your saved passages are kept as they were.";
    const { el } = mount({
      ...HEALTHY,
      lastMigration: { at: '2024-03-05T10:00:00.000Z', ok: false, message },
    });
    const alert = banner(el)!;
    expect(byTestId(alert, 'health-migration')!.textContent).toBe(
      `Updating your library for this version of NSO Lens failed (5 Mar 2024): ${message} NSO Lens tries again when the browser next starts.`,
    );
    // Nothing to download: no record was set aside.
    expect(byTestId(alert, 'health-download')).toBeNull();
  });

  it('warns when storage is nearly full, and not before', () => {
    const mb = 1024 * 1024;
    expect(
      banner(mount({ ...HEALTHY, storage: { persisted: true, usage: 899 * mb, quota: 1000 * mb } }).el),
    ).toBeNull();
    const { el } = mount({ ...HEALTHY, storage: { persisted: true, usage: 950 * mb, quota: 1000 * mb } });
    expect(byTestId(el, 'health-full')!.textContent).toContain('nearly full (950 MB of 1000 MB)');
    expect(banner(mount({ ...HEALTHY, storage: NO_STORAGE }).el)).toBeNull();
  });

  it('hides when dismissed, and comes back when another record is set aside', () => {
    const one = { ...HEALTHY, quarantinedCount: 1, quarantined: [unreadable(1)] };
    const { el } = mount(one);
    act(() => byTestId(el, 'health-dismiss')!.click());
    expect(banner(el)).toBeNull();
    mount({ ...one });
    expect(banner(el)).toBeNull();
    mount({ ...HEALTHY, quarantinedCount: 2, quarantined: [unreadable(1), unreadable(2)] });
    expect(byTestId(el, 'health-unreadable')!.textContent).toContain('could not read 2 saved records');
  });
});

describe('the health banner, accessibly', () => {
  it('has no axe-core violations with every fault shown', async () => {
    const axe = (await import('axe-core')).default;
    const { el } = mount({
      quarantinedCount: 2,
      quarantined: [unreadable(1), unreadable(2)],
      lastMigration: { at: '2024-03-05T10:00:00.000Z', ok: false, message: 'It failed.' },
      storage: { persisted: false, usage: 99, quota: 100 },
    });
    el.querySelector('details')!.open = true;
    const result = await axe.run(el, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('the file of unreadable records', () => {
  it('holds each record as it was stored, with its reason, and says how many there are in all', () => {
    const cut = unreadable(2, { raw: '{"id": "rec-2", "quote": "xxxx', truncated: true });
    const file = quarantineFile([unreadable(1), cut], 5, new Date('2024-03-06T09:30:00.000Z'));
    expect(file.filename).toBe('nso-lens-unreadable-records-2024-03-06.json');
    expect(file.mime).toBe('application/json');
    const doc = JSON.parse(file.text) as Record<string, unknown>;
    expect(doc).toMatchObject({
      type: 'nso-lens-unreadable-records',
      exported: '2024-03-06T09:30:00.000Z',
      total: 5,
      included: 2,
      records: [
        {
          id: 'rec-1',
          reason: 'quote must be a TextQuoteSelector',
          quarantinedAt: '2024-03-05T10:01:00.000Z',
          record: { ...RECORD, id: 'rec-1' },
        },
        { id: 'rec-2', truncated: true, rawText: '{"id": "rec-2", "quote": "xxxx' },
      ],
    });
    expect(doc.note).toMatch(/still kept/);
  });
});
