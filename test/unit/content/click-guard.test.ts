// @vitest-environment happy-dom
/**
 * The Save button's click check (issue 8: a click the page tricks the reader into never saves). The
 * layout is given by a probe, as a browser would report it; each trick must be refused on its own.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DomProbe } from '../../../src/content/pipeline/captured-dom';
import { type ClickFacts, checkSaveClick, MIN_SHOWN_MS } from '../../../src/content/pipeline/click-guard';
import type { ButtonState } from '../../../src/ui/overlay/index';

const BOX = { left: 200, top: 100, width: 60, height: 30 };
const CLICK: ClickFacts = { isTrusted: true, clientX: 230, clientY: 115, detail: 1 };
const SHOWN = 1000;
const LATER = SHOWN + MIN_SHOWN_MS;

let host: HTMLElement;
let shadow: ShadowRoot;
let button: HTMLButtonElement;
let cover: HTMLElement;

/** Computed styles a browser reports for our UI as we set it up; tests change one thing at a time. */
type Styles = Record<string, string>;
let styles: Map<Element, Styles>;
let hit: { doc: Element | null; inner: Element | null };

const probe: DomProbe = {
  elementFromPoint: (root, x, y) => {
    const inside = x >= BOX.left && x <= BOX.left + BOX.width && y >= BOX.top && y <= BOX.top + BOX.height;
    if (root.nodeType === 9) return inside ? hit.doc : document.body;
    return inside ? hit.inner : null;
  },
  style: (element) => {
    const s = styles.get(element) ?? {};
    return {
      display: s.display ?? 'block',
      visibility: s.visibility ?? 'visible',
      opacity: s.opacity ?? '1',
      getPropertyValue: (p: string) => s[p] ?? 'none',
    } as unknown as CSSStyleDeclaration;
  },
};

function state(extra: Partial<ButtonState> = {}): ButtonState {
  return { element: button, host, shadow, shownAt: SHOWN, visible: null, ...extra };
}

beforeEach(() => {
  document.body.innerHTML = '<div id="cover"></div>';
  cover = document.getElementById('cover')!;
  host = document.createElement('nso-lens-cards');
  shadow = host.attachShadow({ mode: 'closed' });
  button = document.createElement('button');
  const label = document.createElement('span');
  label.textContent = 'Save';
  button.append(label);
  shadow.append(button);
  document.documentElement.append(host);
  button.getBoundingClientRect = () =>
    ({
      ...BOX,
      right: BOX.left + BOX.width,
      bottom: BOX.top + BOX.height,
      x: BOX.left,
      y: BOX.top,
    }) as DOMRect;
  styles = new Map();
  hit = { doc: host, inner: label };
});

describe('checkSaveClick', () => {
  it('accepts the reader’s own click on a visible button that has been still for a moment', () => {
    expect(checkSaveClick(CLICK, state(), LATER, probe)).toBeNull();
    expect(checkSaveClick(CLICK, state({ visible: true }), LATER, probe)).toBeNull();
  });

  it('refuses a click the page made up', () => {
    expect(checkSaveClick({ ...CLICK, isTrusted: false }, state(), LATER, probe)).toBe('untrusted');
  });

  it('refuses a click right after the button appeared or moved under the pointer', () => {
    expect(checkSaveClick(CLICK, state(), LATER - 1, probe)).toBe('too-soon');
  });

  it('refuses a click on a covered button', () => {
    hit.doc = cover;
    expect(checkSaveClick(CLICK, state(), LATER, probe)).toBe('covered');
  });

  it('refuses when the browser’s occlusion tracking says the button is not visible', () => {
    expect(checkSaveClick(CLICK, state({ visible: false }), LATER, probe)).toBe('covered');
  });

  it('refuses when the point hits our host but not the button (something of ours is on top)', () => {
    hit.inner = null;
    expect(checkSaveClick(CLICK, state(), LATER, probe)).toBe('covered');
  });

  it('refuses a button the page made transparent, invisible, clipped, masked, filtered or moved', () => {
    const tricks: [Element, Styles][] = [
      [host, { opacity: '0' }],
      [host, { opacity: '0.2' }],
      [host, { visibility: 'hidden' }],
      [host, { filter: 'opacity(0)' }],
      [host, { 'clip-path': 'inset(50%)' }],
      [host, { 'mask-image': 'linear-gradient(transparent, transparent)' }],
      [host, { transform: 'scale(0.05)' }],
      [document.documentElement, { opacity: '0.01' }],
      [document.documentElement, { 'clip-path': 'circle(0)' }],
      [button, { visibility: 'hidden' }],
    ];
    for (const [element, s] of tricks) {
      styles = new Map([[element, s]]);
      expect(checkSaveClick(CLICK, state(), LATER, probe), JSON.stringify(s)).toBe('hidden');
    }
  });

  it('leaves page-wide filters alone (dark-mode tools invert the page with them)', () => {
    styles = new Map([[document.documentElement, { filter: 'invert(1) hue-rotate(180deg)' }]]);
    expect(checkSaveClick(CLICK, state(), LATER, probe)).toBeNull();
  });

  it('refuses a button shrunk below readable size', () => {
    button.getBoundingClientRect = () =>
      ({ left: 200, top: 100, right: 203, bottom: 102, width: 3, height: 2 }) as DOMRect;
    expect(checkSaveClick(CLICK, state(), LATER, probe)).toBe('hidden');
  });

  it('keyboard activation counts only with focus on the button, and checks the button’s middle', () => {
    const keyboard: ClickFacts = { isTrusted: true, clientX: 0, clientY: 0, detail: 0 };
    expect(checkSaveClick(keyboard, state(), LATER, probe)).toBe('not-focused');
    button.focus();
    expect(shadow.activeElement).toBe(button);
    expect(checkSaveClick(keyboard, state(), LATER, probe)).toBeNull();
    hit.doc = cover;
    expect(checkSaveClick(keyboard, state(), LATER, probe)).toBe('covered');
  });

  it('without occlusion tracking, counts a click only with our host alone in the top layer', () => {
    // Firefox: hit-testing skips a pointer-events:none cover, so the top layer decides.
    const layered = (hostRaised: boolean, others: number): DomProbe => ({
      ...probe,
      topLayer: () => ({ hostRaised, others }),
    });
    expect(checkSaveClick(CLICK, state({ visible: null }), LATER, layered(true, 0))).toBeNull();
    expect(checkSaveClick(CLICK, state({ visible: null }), LATER, layered(false, 0))).toBe('covered');
    expect(checkSaveClick(CLICK, state({ visible: null }), LATER, layered(true, 1))).toBe('covered');
    // Where the browser tracks occlusion (Chromium), its verdict stands and the top layer is not asked.
    expect(checkSaveClick(CLICK, state({ visible: true }), LATER, layered(false, 1))).toBeNull();
  });
});
