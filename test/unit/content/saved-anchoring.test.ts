// @vitest-environment happy-dom
/**
 * Finding saved passages again on a revisit: one message when the page has none; otherwise each is
 * anchored in the page text (also after small edits), painted with the 'saved' highlight, and
 * reported as placed or orphaned. The background is a fake `send`; the highlight registry is a stand-in
 * for the CSS Custom Highlight API, which happy-dom lacks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSavedAnchoring,
  type SavedAnchoringOptions,
} from '../../../src/content/pipeline/saved-anchoring';
import { selectorsFor } from '../../../src/core/anchor/selectors';
import type { SavedPassage } from '../../../src/core/library/types';
import { buildPageText } from '../../../src/dom/page-text';
import type { Result } from '../../../src/platform/result';

const ORIGINAL =
  '<p>Tel Aviv District Court Judge Rachel Barkai ruled on the petition against NSO Group.</p>' +
  '<p>Amnesty lawyer Eitay Mack asked for the export licence to be revoked.</p>' +
  '<p>The hearing was held behind closed doors at the request of the state.</p>';

class FakeHighlight {
  priority = 0;
  readonly ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

let registry: Map<string, FakeHighlight>;
let sent: { type: string; payload: unknown }[];
let stored: SavedPassage[];
let controller: AbortController;
let active: boolean;
const originalCss = (window as unknown as { CSS: unknown }).CSS;

const send = (async (type: string, payload: unknown): Promise<Result<unknown>> => {
  sent.push({ type, payload });
  return { ok: true, value: type === 'get-page-passages' ? stored : null };
}) as SavedAnchoringOptions['send'];

function passage(id: string, quote: string): SavedPassage {
  const text = buildPageText(document).text;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}"`);
  const { quote: q, position } = selectorsFor(text, start, start + quote.length);
  return {
    id,
    schema: 1,
    quote: q,
    position,
    url: location.href,
    canonicalUrl: null,
    title: 't',
    outlet: null,
    published: null,
    savedAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    note: '',
    tags: [],
    claims: [],
  };
}

function start() {
  return createSavedAnchoring(document, controller.signal, {
    send,
    active: () => active,
    style: () => 'background',
  });
}

const painted = () => registry.get('nso-lens-saved')?.ranges.map((r) => r.toString()) ?? null;

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = ORIGINAL;
  registry = new Map();
  const w = window as unknown as Record<string, unknown>;
  w.Highlight = FakeHighlight;
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  sent = [];
  stored = [];
  active = true;
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  delete (window as unknown as Record<string, unknown>).Highlight;
  Object.defineProperty(window, 'CSS', { value: originalCss, configurable: true });
});

describe('saved anchoring', () => {
  it('costs one message on a page with no saved passages, and paints nothing', async () => {
    document.head.innerHTML = '<link rel="canonical" href="https://example.com/story">';
    await start().refresh();
    expect(sent).toEqual([
      {
        type: 'get-page-passages',
        payload: { url: location.href, canonicalUrl: 'https://example.com/story' },
      },
    ]);
    expect(registry.size).toBe(0);
  });

  it('places passages (also after a small edit), paints them, and reports placed and orphans', async () => {
    stored = [
      passage('a', 'Judge Rachel Barkai ruled'),
      passage('b', 'asked for the export licence to be revoked'),
      passage('c', 'behind closed doors at the request of the state'),
    ];
    // The revisit: the second passage lost a word, the third sentence is gone.
    document.body.innerHTML =
      '<div><p>Tel Aviv District Court Judge Rachel Barkai ruled on the petition against NSO Group.</p></div>' +
      '<p>Amnesty lawyer Eitay Mack asked for the licence to be revoked.</p>' +
      '<p>The weather was fine.</p>';
    const anchoring = start();
    await anchoring.refresh();
    expect(sent.map((s) => s.type)).toEqual(['get-page-passages', 'anchoring-report']);
    expect(sent[1]!.payload).toEqual({ url: location.href, placed: ['a', 'b'], orphans: ['c'] });
    expect(painted()).toEqual(['Judge Rachel Barkai ruled', 'asked for the licence to be revoked']);
    expect(anchoring.placed().map((p) => p.passage.id)).toEqual(['a', 'b']);
  });

  it('tells the background once when the page no longer has saved passages, and unpaints', async () => {
    stored = [passage('a', 'Judge Rachel Barkai ruled')];
    const anchoring = start();
    await anchoring.refresh();
    expect(painted()).toEqual(['Judge Rachel Barkai ruled']);
    stored = [];
    await anchoring.refresh();
    expect(sent.slice(2)).toEqual([
      { type: 'get-page-passages', payload: { url: location.href, canonicalUrl: null } },
      { type: 'anchoring-report', payload: { url: location.href, placed: [], orphans: [] } },
    ]);
    expect(painted()).toBeNull();
    await anchoring.refresh();
    expect(sent.slice(4).map((s) => s.type)).toEqual(['get-page-passages']);
  });

  it('asks nothing and removes its highlights while NSO Lens is off here', async () => {
    stored = [passage('a', 'Judge Rachel Barkai ruled')];
    const anchoring = start();
    await anchoring.refresh();
    expect(painted()).not.toBeNull();
    active = false;
    sent = [];
    await anchoring.refresh();
    expect(sent).toEqual([]);
    expect(painted()).toBeNull();
  });

  it('merges refreshes asked for while one runs into one more run', async () => {
    const anchoring = start();
    await Promise.all([anchoring.refresh(), anchoring.refresh(), anchoring.refresh()]);
    expect(sent.map((s) => s.type)).toEqual(['get-page-passages', 'get-page-passages']);
  });

  it('reports passages without a place but paints nothing where highlights are unsupported', async () => {
    const w = window as unknown as Record<string, unknown>;
    delete w.Highlight;
    stored = [passage('a', 'Judge Rachel Barkai ruled')];
    await start().refresh();
    expect(sent[1]!.payload).toEqual({ url: location.href, placed: ['a'], orphans: [] });
    expect(registry.size).toBe(0);
  });
});
