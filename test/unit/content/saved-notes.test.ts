// @vitest-environment happy-dom
/**
 * Clicking a saved passage's highlight shows the reader's note and tags (as text), above the passage;
 * passages without either show nothing; a click elsewhere or Escape closes it. happy-dom has no layout:
 * the caret and line boxes a browser would report are given here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlacedPassage } from '../../../src/content/pipeline/saved-anchoring';
import { watchSavedNotes } from '../../../src/content/pipeline/saved-notes';
import type { SavedPassage } from '../../../src/core/library/types';
import { mountSavedNote } from '../../../src/ui/overlay/index';
import { t } from '../overlay/helpers';

let shadow: ShadowRoot | null = null;
let controller: AbortController;
let placed: PlacedPassage[];
const original = Element.prototype.attachShadow;

/** Line boxes: the first passage on line 1 (y 100..120), the second on line 2 (y 200..220). */
const LINE: Record<string, DOMRect> = {
  a: { top: 100, bottom: 120, left: 100, right: 400, width: 300, height: 20 } as DOMRect,
  b: { top: 200, bottom: 220, left: 100, right: 400, width: 300, height: 20 } as DOMRect,
};

function passage(id: string, note: string, tags: string[]): SavedPassage {
  return {
    id,
    schema: 1,
    quote: { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' },
    position: null,
    url: 'https://example.com/',
    canonicalUrl: null,
    title: '',
    outlet: null,
    published: null,
    savedAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    note,
    tags,
    claims: [],
  };
}

function rangeOver(id: string): Range {
  const r = document.createRange();
  r.selectNodeContents(document.getElementById(id)!.firstChild!);
  r.getClientRects = () => [LINE[id]!] as unknown as DOMRectList;
  return r;
}

function click(x: number, y: number) {
  document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y, button: 0 }));
}

const note = () => shadow?.querySelector<HTMLElement>('[data-testid="saved-note"]') ?? null;

beforeEach(() => {
  document.body.innerHTML = '<p id="a">Judge Rachel Barkai ruled.</p><p id="b">The hearing was closed.</p>';
  shadow = null;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    shadow = original.call(this, init);
    return shadow;
  });
  // The caret a browser finds at a point: inside #a on line 1, inside #b on line 2, none elsewhere.
  (
    document as unknown as { caretRangeFromPoint: (x: number, y: number) => Range | null }
  ).caretRangeFromPoint = (_x, y) => {
    const id = y >= 100 && y <= 120 ? 'a' : y >= 200 && y <= 220 ? 'b' : null;
    if (!id) return null;
    const r = document.createRange();
    r.setStart(document.getElementById(id)!.firstChild!, 3);
    return r;
  };
  controller = new AbortController();
  placed = [
    { passage: passage('a', 'Named the judge <b>x</b>', ['court', 'Barkai']), range: rangeOver('a') },
    { passage: passage('b', '', []), range: rangeOver('b') },
  ];
  const ui = mountSavedNote(document, controller.signal, { t, locale: 'en-GB' });
  watchSavedNotes(document, controller.signal, { placed: () => placed, ui });
});

afterEach(() => {
  controller.abort();
  delete (document as unknown as { caretRangeFromPoint?: unknown }).caretRangeFromPoint;
  window.getSelection()?.removeAllRanges();
  vi.restoreAllMocks();
});

describe('saved notes', () => {
  it('a click on a saved highlight shows its note and tags as text, above the passage', () => {
    click(150, 110);
    const box = note()!;
    expect(box.querySelector('.saved-note-text')!.textContent).toBe('Named the judge <b>x</b>');
    expect(box.querySelector('b')).toBeNull();
    expect([...box.querySelectorAll('.saved-tags li')].map((li) => li.textContent)).toEqual([
      'court',
      'Barkai',
    ]);
    expect(box.querySelector('.state')!.textContent).toBe('Saved 1 May 2024');
    const top = Number.parseFloat(box.style.getPropertyValue('top'));
    expect(top).toBeLessThan(100);
  });

  it('shows nothing for a passage without note or tags, or away from any passage', () => {
    click(150, 210);
    expect(note()).toBeNull();
    click(150, 110);
    expect(note()).not.toBeNull();
    click(150, 400);
    expect(note()).toBeNull();
    expect(document.querySelectorAll('nso-lens-cards').length).toBe(0);
  });

  it('Escape closes it', () => {
    click(150, 110);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(note()).toBeNull();
  });

  it('a click that ends a text selection does not open it', () => {
    const r = document.createRange();
    r.selectNodeContents(document.getElementById('a')!);
    window.getSelection()!.addRange(r);
    click(150, 110);
    expect(note()).toBeNull();
  });
});
