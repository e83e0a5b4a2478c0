// @vitest-environment happy-dom
/**
 * Saving from the page, end to end inside one document: the reader's selection brings the Save
 * button, a real click saves (a made-up one does not), the draft goes to the background, the note
 * editor follows and edits note and tags, the background's errors show as text, and the background's
 * 'save-selection' request saves the selection or says there is none. The background is a fake `send`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaving, type LastRun, type SavingOptions } from '../../../src/content/pipeline/saving';
import type { Outlet } from '../../../src/core/facts/types';
import type { SavedPassage } from '../../../src/core/library/types';
import type { Analysis } from '../../../src/core/match/findings';
import { nsoPack } from '../../../src/data/pack';
import type { Result } from '../../../src/platform/result';
import { HOST_TAG } from '../../../src/ui/overlay/host';
import { t } from '../overlay/helpers';

const outlets = new Map<string, Outlet>(nsoPack.outlets.map((o) => [o.id, o]));
const claimOrder = new Map<string, number>(nsoPack.claims.map((c, i) => [c.id, i]));
const CLAIM = nsoPack.claims[3]!.id;

let shadow: ShadowRoot | null = null;
let controller: AbortController;
let sent: { type: string; payload: unknown }[];
let replies: Result<unknown>[];
const original = Element.prototype.attachShadow;

function stored(payload: Record<string, unknown>, extra: Partial<SavedPassage> = {}): SavedPassage {
  return {
    id: '2d3f8a2c-1b4e-4c5d-9e6f-7a8b9c0d1e2f',
    schema: 1,
    savedAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    ...(payload as Omit<SavedPassage, 'id' | 'schema' | 'savedAt' | 'updatedAt'>),
    ...extra,
  };
}

const send = (async (type: string, payload: unknown) => {
  sent.push({ type, payload });
  const reply = replies.shift();
  if (reply) return reply;
  return { ok: true, value: stored(type === 'save-passage' ? (payload as Record<string, unknown>) : {}) };
}) as SavingOptions['send'];

function rangeOf(text: string): Range {
  const node = document.getElementById('p')!.firstChild as Text;
  const at = node.data.indexOf(text);
  const r = document.createRange();
  r.setStart(node, at);
  r.setEnd(node, at + text.length);
  return r;
}

function select(text: string): void {
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(rangeOf(text));
}

/** A pointer release as the browser reports it (trusted). */
function release(): void {
  const event = new PointerEvent('pointerup', { bubbles: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  document.getElementById('p')!.dispatchEvent(event);
}

const q = <E extends Element = HTMLElement>(selector: string) => shadow?.querySelector<E>(selector) ?? null;
const settle = () => vi.advanceTimersByTimeAsync(50);

function analysis(): Analysis {
  return {
    relevant: true,
    score: 1,
    reasons: [],
    article: { title: 'Court shuts doors', outlet: 'outlet.jpost', published: '2020-01-16' },
    matches: [{ claimId: CLAIM, start: 0, end: 10, quote: 'x', confidence: 1 }],
    conflicts: [],
    status: [],
  };
}

function start(extra: Partial<SavingOptions> = {}) {
  const onSaved = vi.fn();
  const run: LastRun = {
    analysis: analysis(),
    items: [{ kind: 'claim', index: 0, range: rangeOf('Rachel Barkai') }],
  };
  const saving = createSaving(document, controller.signal, {
    t,
    send,
    active: () => true,
    lastRun: () => run,
    outlets,
    claimOrder,
    onSaved,
    selectionDelay: 10,
    // The layout checks are click-guard.test's; here every trusted-looking click passes unless a test says otherwise.
    checkClick: () => null,
    ...extra,
  });
  return { saving, onSaved };
}

beforeEach(() => {
  vi.useFakeTimers();
  document.head.innerHTML = '<link rel="canonical" href="https://www.jpost.com/canonical">';
  document.body.innerHTML =
    '<p id="p">Tel Aviv District Court Judge Rachel Barkai ruled on the petition.</p>';
  shadow = null;
  sent = [];
  replies = [];
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    shadow = original.call(this, init);
    return shadow;
  });
  // happy-dom has no layout: a selection's line box, as a browser would give it.
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
    () =>
      [{ top: 100, left: 100, bottom: 120, right: 400, width: 300, height: 20 }] as unknown as DOMRectList,
  );
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  window.getSelection()?.removeAllRanges();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the Save button', () => {
  it('appears after the reader selects text, and goes when the selection does', async () => {
    start();
    select('Judge Rachel Barkai');
    release();
    await settle();
    expect(q('[data-testid="save-passage"]')).not.toBeNull();
    expect(document.querySelectorAll(HOST_TAG).length).toBe(1);
    window.getSelection()!.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    expect(document.querySelectorAll(HOST_TAG).length).toBe(0);
  });

  it('does not appear for a selection the page made by script', async () => {
    start();
    select('Judge Rachel Barkai');
    document.dispatchEvent(new Event('selectionchange'));
    await settle();
    expect(q('[data-testid="save-passage"]')).toBeNull();
  });

  it('does not appear while NSO Lens is off on this page', async () => {
    start({ active: () => false });
    select('Judge Rachel Barkai');
    release();
    await settle();
    expect(q('[data-testid="save-passage"]')).toBeNull();
  });

  it('a made-up click never saves (the real click check refuses it)', async () => {
    start({ checkClick: undefined });
    select('Judge Rachel Barkai');
    release();
    await settle();
    await vi.advanceTimersByTimeAsync(1000);
    q<HTMLButtonElement>('[data-testid="save-passage"]')!.click();
    await settle();
    expect(sent).toEqual([]);
    expect(q('[data-testid="note-editor"]')).toBeNull();
  });

  it('a click the check refuses as covered saves nothing and says why', async () => {
    start({ checkClick: () => 'covered' });
    select('Judge Rachel Barkai');
    release();
    await settle();
    q<HTMLButtonElement>('[data-testid="save-passage"]')!.click();
    await settle();
    expect(sent).toEqual([]);
    expect(q('[data-testid="save-toast"]')!.textContent).toBe(t('saveRefusedHidden'));
  });

  it('a real click saves the passage with the claims it overlaps, then the note editor edits it', async () => {
    const { onSaved } = start();
    select('Judge Rachel');
    release();
    await settle();
    q<HTMLButtonElement>('[data-testid="save-passage"]')!.click();
    await settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('save-passage');
    const draft = sent[0]!.payload as Record<string, unknown>;
    expect(draft).toMatchObject({
      quote: { type: 'TextQuoteSelector', exact: 'Judge Rachel' },
      position: { type: 'TextPositionSelector', start: 24, end: 36 },
      url: location.href,
      canonicalUrl: 'https://www.jpost.com/canonical',
      title: 'Court shuts doors',
      outlet: 'The Jerusalem Post',
      published: '2020-01-16',
      note: '',
      tags: [],
      claims: [CLAIM],
    });
    expect(onSaved).toHaveBeenCalledTimes(1);
    const editor = q('[data-testid="note-editor"]')!;
    expect(editor.querySelector('[role="status"]')!.textContent).toBe(t('saveStateSaved'));
    expect(q('[data-testid="save-passage"]')).toBeNull();

    const note = q<HTMLTextAreaElement>('[data-testid="note-input"]')!;
    note.value = 'Judge named';
    const tags = q<HTMLInputElement>('[data-testid="tags-input"]')!;
    tags.value = ' court ,Barkai, court,, ';
    tags.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle();
    expect(sent[1]).toEqual({
      type: 'edit-saved-passage',
      payload: { id: '2d3f8a2c-1b4e-4c5d-9e6f-7a8b9c0d1e2f', note: 'Judge named', tags: ['court', 'Barkai'] },
    });
    expect(q('[data-testid="note-editor"]')).toBeNull();
    expect(q('[data-testid="save-toast"]')!.textContent).toBe(t('saveNoteSaved'));
    expect(onSaved).toHaveBeenCalledTimes(2);
  });

  it('shows the background’s error in the editor; retrying saves the passage with the note', async () => {
    const { onSaved } = start();
    replies.push({ ok: false, error: 'The library is full: storage quota exceeded' });
    select('Judge Rachel');
    release();
    await settle();
    q<HTMLButtonElement>('[data-testid="save-passage"]')!.click();
    await settle();
    expect(q('[data-testid="note-error"]')!.textContent).toBe('The library is full: storage quota exceeded');
    expect(q('[role="status"]')!.textContent).toBe(t('saveStateFailed'));
    expect(onSaved).not.toHaveBeenCalled();
    q<HTMLTextAreaElement>('[data-testid="note-input"]')!.value = 'retry note';
    q<HTMLButtonElement>('[data-testid="note-submit"]')!.click();
    await settle();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.type).toBe('save-passage');
    expect(sent[1]!.payload).toMatchObject({ note: 'retry note', quote: { exact: 'Judge Rachel' } });
    expect(q('[data-testid="note-error"]')).toBeNull();
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('refuses too many tags in the editor without asking the background', async () => {
    start();
    select('Judge Rachel');
    release();
    await settle();
    q<HTMLButtonElement>('[data-testid="save-passage"]')!.click();
    await settle();
    q<HTMLInputElement>('[data-testid="tags-input"]')!.value = Array.from(
      { length: 51 },
      (_, i) => `t${i}`,
    ).join(',');
    q<HTMLButtonElement>('[data-testid="note-submit"]')!.click();
    await settle();
    expect(sent).toHaveLength(1);
    expect(q('[data-testid="note-error"]')!.textContent).toBe('more than 50 tags');
  });
});

describe("the background's save-selection request", () => {
  it('saves the current selection and opens the editor', async () => {
    const { saving } = start();
    select('Rachel Barkai ruled');
    saving.saveSelection();
    await settle();
    expect(sent.map((s) => s.type)).toEqual(['save-passage']);
    expect(sent[0]!.payload).toMatchObject({ quote: { exact: 'Rachel Barkai ruled' } });
    expect(q('[data-testid="note-editor"]')).not.toBeNull();
  });

  it('works where NSO Lens is off: the reader asked for it', async () => {
    const { saving } = start({ active: () => false });
    select('Rachel Barkai ruled');
    saving.saveSelection();
    await settle();
    expect(sent.map((s) => s.type)).toEqual(['save-passage']);
  });

  it('without a selection, says to select a passage first', async () => {
    const { saving } = start();
    saving.saveSelection();
    await settle();
    expect(sent).toEqual([]);
    expect(q('[data-testid="save-toast"]')!.textContent).toBe('Select a passage first');
  });
});
