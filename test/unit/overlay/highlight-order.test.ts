// @vitest-environment happy-dom
/** Keyboard stepping through the highlights: document order, wrap-around, where the first step goes. */
import { describe, expect, it } from 'vitest';
import { firstStep, inDocumentOrder, stepFrom } from '../../../src/content/pipeline/highlight-order';

describe('stepFrom', () => {
  it('moves one highlight on or back, wrapping at either end', () => {
    expect(stepFrom(0, 'next', 3)).toBe(1);
    expect(stepFrom(2, 'next', 3)).toBe(0);
    expect(stepFrom(0, 'previous', 3)).toBe(2);
    expect(stepFrom(1, 'previous', 3)).toBe(0);
    expect(stepFrom(0, 'next', 0)).toBe(-1);
  });
});

describe('firstStep', () => {
  const boxes = [
    { top: -300, bottom: -280 },
    { top: 100, bottom: 120 },
    { top: 700, bottom: 720 },
    { top: 1200, bottom: 1220 },
  ];
  it('next: the first highlight not above the viewport', () => {
    expect(firstStep(boxes, 'next', 800)).toBe(1);
    expect(firstStep([{ top: -50, bottom: -10 }], 'next', 800)).toBe(0);
  });
  it('previous: the last highlight not below the viewport', () => {
    expect(firstStep(boxes, 'previous', 800)).toBe(2);
    expect(firstStep([{ top: 900, bottom: 920 }], 'previous', 800)).toBe(0);
  });
  it('none: -1', () => {
    expect(firstStep([], 'next', 800)).toBe(-1);
  });
});

describe('inDocumentOrder', () => {
  it('sorts ranges by where they start, then end', () => {
    document.body.innerHTML = '<p id="a">first paragraph</p><p id="b">second paragraph</p>';
    const text = (id: string) => document.getElementById(id)!.firstChild!;
    const range = (id: string, start: number, end: number) => {
      const r = document.createRange();
      r.setStart(text(id), start);
      r.setEnd(text(id), end);
      return r;
    };
    const items = [
      { name: 'b', range: range('b', 0, 6) },
      { name: 'a-long', range: range('a', 0, 15) },
      { name: 'a-short', range: range('a', 0, 5) },
      { name: 'a-mid', range: range('a', 6, 15) },
    ];
    expect(inDocumentOrder(items).map((i) => i.name)).toEqual(['a-short', 'a-long', 'a-mid', 'b']);
  });
});
