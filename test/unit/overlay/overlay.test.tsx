// @vitest-environment happy-dom
/**
 * The overlay in a DOM: one host with a closed shadow root and adopted styles, cards rendered as text
 * (hostile strings stay text, unsafe links are not links), keyboard and focus handling, teardown.
 * The test reaches the closed root by wrapping attachShadow before mounting: the page cannot.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexPack } from '../../../src/core/facts/index';
import type { FactPack } from '../../../src/core/facts/types';
import type { ClaimMatch } from '../../../src/core/match/findings';
import { HOST_TAG, mountOverlay, type Overlay, type OverlayItem } from '../../../src/ui/overlay/index';
import { index, pack, seedAnalysis, t } from './helpers';

let shadow: ShadowRoot | null = null;
let controller: AbortController;
const original = Element.prototype.attachShadow;

beforeEach(() => {
  document.body.innerHTML =
    '<p id="p">Tel Aviv District Court Judge Rachel Barkai did allow Amnesty lawyer, Itai Mack, to speak.</p>' +
    '<button id="before">page button</button>';
  shadow = null;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    shadow = original.call(this, init);
    return shadow;
  });
  controller = new AbortController();
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

function rangeOf(text: string): Range {
  const node = document.getElementById('p')!.firstChild!;
  const at = node.textContent!.indexOf(text);
  const r = document.createRange();
  r.setStart(node, at);
  r.setEnd(node, at + text.length);
  return r;
}

const JPOST = { title: 'Court shuts doors', outlet: 'outlet.jpost', published: '2020-01-16' };

function items(): OverlayItem[] {
  const conflict = seedAnalysis('jpost-2020-01-16').conflicts.find(
    (c) => c.conflictId === 'conflict.lawyer-name',
  )!;
  const claim: ClaimMatch = {
    claimId: 'claim.mack-represents-petitioners',
    start: 0,
    end: 40,
    quote: 'Amnesty lawyer, Itai Mack',
    confidence: 0.9,
  };
  return [
    { kind: 'claim', match: claim, range: rangeOf('Amnesty lawyer, Itai Mack') },
    { kind: 'conflict', match: conflict, range: rangeOf('Itai Mack') },
  ];
}

function mount(extra: Parameters<typeof mountOverlay>[2] = {}): Overlay {
  return mountOverlay(document, controller.signal, { t, locale: 'en-GB', pack: index, ...extra });
}

const dialog = () => shadow!.querySelector<HTMLElement>('[role="dialog"]');

describe('mountOverlay', () => {
  it('adds exactly one element, last in <html>, with a closed shadow root and adopted styles', () => {
    const before = document.documentElement.children.length;
    const overlay = mount();
    expect(document.documentElement.children.length).toBe(before + 1);
    expect(document.documentElement.lastElementChild).toBe(overlay.host);
    expect(overlay.host.localName).toBe(HOST_TAG);
    expect(overlay.host.shadowRoot).toBeNull();
    expect(overlay.host.childNodes.length).toBe(0);
    expect(shadow!.adoptedStyleSheets.length).toBe(1);
    expect(document.querySelectorAll('style').length).toBe(0);
    expect(overlay.host.style.getPropertyValue('position')).toBe('fixed');
    expect(overlay.host.style.getPropertyPriority('position')).toBe('important');
    expect(overlay.host.style.getPropertyValue('z-index')).toBe('2147483647');
  });

  it('renders a claim card: the claim, its verdict, the confidence and linked sources', () => {
    const overlay = mount();
    overlay.update(items(), JPOST);
    expect(dialog()).toBeNull();
    expect(overlay.open(0, { pinned: false, focus: false })).toBe(true);
    const card = dialog()!;
    const claim = index.claims.get('claim.mack-represents-petitioners')!;
    expect(card.getAttribute('aria-label')).toBe(t('cardDialogClaim'));
    expect(card.querySelector('.claim-text')!.textContent).toBe(claim.text);
    expect(card.querySelector('.verdict')!.classList.contains(`verdict-${claim.verdict}`)).toBe(true);
    expect(card.querySelector('.verdict')!.textContent!.length).toBeGreaterThan(0);
    expect(card.textContent).toContain('Match confidence: 90%');
    const links = [...card.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    }
    expect(card.textContent).toContain('1 of 2');
  });

  it("renders a conflict card: this article's words, the record's, and who else wrote what", () => {
    const overlay = mount();
    overlay.update(items(), JPOST);
    overlay.open(1, { pinned: true, focus: false });
    const card = dialog()!;
    expect(card.getAttribute('aria-label')).toBe(t('cardDialogConflict'));
    expect(card.querySelector('.says')!.textContent).toBe('This article (The Jerusalem Post) saysItai Mack');
    expect(card.querySelector('.record dd')!.textContent).toBe('Eitay Mack');
    const used = card.querySelector('.variant.used')!;
    expect(used.querySelector('.reading')!.textContent).toBe('Itai Mack');
    expect(used.querySelector('.here')!.textContent).toBe('this article');
    expect(used.querySelector('.outlets')!.textContent).toBe('The Jerusalem Post');
    expect(card.textContent).toContain('Calcalist (CTech)');
  });

  it('renders hostile pack text as text and refuses non-http links', () => {
    const evil = '<img src=x onerror="globalThis.pwned=1">';
    const hostile: FactPack = {
      ...pack,
      sources: [
        ...pack.sources,
        {
          id: 'src.evil',
          url: 'javascript:globalThis.pwned=1',
          outlet: null,
          publisher: evil,
          title: evil,
          date: '2020-01-01',
          lang: 'en',
        },
      ],
      claims: [
        {
          ...pack.claims[0]!,
          id: 'claim.evil',
          text: evil,
          verdict: 'disputed',
          verdictNote: evil,
          sources: [{ source: 'src.evil', quote: evil }],
        },
      ],
    };
    const overlay = mount({ pack: indexPack(hostile) });
    const match: ClaimMatch = { claimId: 'claim.evil', start: 0, end: 5, quote: evil, confidence: 0.5 };
    overlay.update([{ kind: 'claim', match, range: rangeOf('Itai') }], JPOST);
    overlay.open(0, { pinned: true, focus: false });
    const card = dialog()!;
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('a')).toBeNull();
    expect(card.querySelector('.claim-text')!.textContent).toBe(evil);
    expect(card.textContent).toContain(t('cardNoLink'));
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('keyboard: focus moves into the card; J/K/arrows step; Escape closes and returns focus', () => {
    const onStep = vi.fn();
    const overlay = mount({ onStep });
    overlay.update(items(), JPOST);
    const button = document.getElementById('before') as HTMLButtonElement;
    button.focus();
    overlay.open(0, { pinned: true, focus: true });
    expect(shadow!.activeElement).toBe(dialog());
    expect(overlay.current()).toEqual({ index: 0, pinned: true, focused: true });

    const key = (k: string, init: KeyboardEventInit = {}) =>
      dialog()!.dispatchEvent(
        new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true, ...init }),
      );
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    key('j');
    key('ArrowRight');
    key('K');
    key('ArrowLeft');
    key('j', { ctrlKey: true });
    expect(onStep.mock.calls.map((c) => c[0])).toEqual(['next', 'next', 'previous', 'previous']);
    // Handled keys stay in the card; the Ctrl+J the card ignored reaches the page.
    expect(pageKeys).toHaveBeenCalledTimes(1);

    key('Escape');
    expect(dialog()).toBeNull();
    expect(overlay.current()).toBeNull();
    expect(document.activeElement).toBe(button);
    document.removeEventListener('keydown', pageKeys);
  });

  it('the close button closes the card', () => {
    const overlay = mount();
    overlay.update(items(), JPOST);
    overlay.open(1, { pinned: true, focus: true });
    shadow!.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(dialog()).toBeNull();
  });

  it('keeps the open card across an update that still has its finding, closes it otherwise', () => {
    const overlay = mount();
    const list = items();
    overlay.update(list, JPOST);
    overlay.open(1, { pinned: true, focus: false });
    overlay.update([list[1]!, list[0]!], JPOST);
    expect(overlay.current()?.index).toBe(0);
    expect(dialog()!.getAttribute('aria-label')).toBe(t('cardDialogConflict'));
    overlay.update([list[0]!], JPOST);
    expect(overlay.current()).toBeNull();
  });

  it('puts its host back if the page removed it, and leaves the page when the signal aborts', () => {
    const overlay = mount();
    overlay.update(items(), JPOST);
    overlay.host.remove();
    overlay.open(0, { pinned: false, focus: false });
    expect(overlay.host.isConnected).toBe(true);
    controller.abort();
    expect(overlay.host.isConnected).toBe(false);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(overlay.open(0, { pinned: false, focus: false })).toBe(false);
  });

  it('refuses an index with no item', () => {
    const overlay = mount();
    overlay.update(items(), JPOST);
    expect(overlay.open(5, { pinned: false, focus: false })).toBe(false);
    expect(dialog()).toBeNull();
  });
});
