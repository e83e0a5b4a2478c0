/** Card placement: never over the text it explains, inside the viewport, a panel on narrow screens. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Box, cardWidth, placeCard } from '../../../src/ui/overlay/placement';

const VIEW = { width: 1100, height: 800 };
const line = (top: number, left: number, right: number): Box => ({ top, left, right, bottom: top + 20 });

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function cardBox(p: ReturnType<typeof placeCard>, height: number): Box {
  const shown = Math.min(height, p.maxHeight);
  return { top: p.top, left: p.left, right: p.left + p.width, bottom: p.top + shown };
}

describe('placeCard', () => {
  it('goes below the last line of the highlight when there is room', () => {
    const rects = [line(100, 300, 700), line(120, 40, 200)];
    const p = placeCard(rects, 300, VIEW);
    expect(p).toMatchObject({ mode: 'float', side: 'below', top: 148, left: 40, width: 380 });
  });

  it('goes above the first line when there is no room below', () => {
    const rects = [line(600, 300, 700), line(620, 40, 200)];
    const p = placeCard(rects, 400, VIEW);
    expect(p.side).toBe('above');
    expect(p.top + 400).toBeLessThanOrEqual(600 - 8);
    expect(p.left).toBe(300);
  });

  it('keeps the card inside the viewport horizontally', () => {
    const p = placeCard([line(100, 1000, 1090)], 200, VIEW);
    expect(p.left + p.width).toBeLessThanOrEqual(VIEW.width - 8);
    expect(p.left).toBeGreaterThanOrEqual(8);
  });

  it('takes the larger side and limits the height when neither side fits', () => {
    const p = placeCard([line(300, 40, 400)], 900, VIEW);
    expect(p.side).toBe('below');
    expect(p.top).toBe(328);
    expect(p.maxHeight).toBe(800 - 8 - 328);
  });

  it('becomes a full-width panel below 480 px, at the edge away from the text', () => {
    const narrow = { width: 400, height: 800 };
    expect(cardWidth(narrow)).toBe(400);
    const high = placeCard([line(100, 10, 300)], 300, narrow);
    expect(high).toMatchObject({ mode: 'panel', side: 'below', left: 0, width: 400, top: 500 });
    const low = placeCard([line(700, 10, 300)], 300, narrow);
    expect(low).toMatchObject({ mode: 'panel', side: 'above', top: 0 });
    expect(Math.min(300, low.maxHeight)).toBeLessThanOrEqual(700 - 8);
  });

  it('never covers the text when the text leaves room on one side (property)', () => {
    const arbitraryCase = fc.record({
      width: fc.integer({ min: 320, max: 1600 }),
      height: fc.integer({ min: 400, max: 1200 }),
      top: fc.integer({ min: 0, max: 1100 }),
      lines: fc.integer({ min: 1, max: 4 }),
      left: fc.integer({ min: 0, max: 1500 }),
      card: fc.integer({ min: 60, max: 900 }),
    });
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const view = { width: c.width, height: c.height };
        const rects = Array.from({ length: c.lines }, (_, i) =>
          line(c.top + i * 22, i === 0 ? Math.min(c.left, c.width - 20) : 0, c.width - 10),
        );
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        fc.pre(last.bottom <= c.height && first.top >= 0);
        // Room for a minimum card on at least one side.
        fc.pre(c.height - last.bottom >= 120 || first.top >= 120);
        const p = placeCard(rects, c.card, view);
        const box = cardBox(p, c.card);
        for (const r of rects) expect(overlaps(box, r)).toBe(false);
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(c.width);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(c.height);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a card on screen for text scrolled out of view', () => {
    const p = placeCard([line(-500, 40, 400)], 300, VIEW);
    expect(p.top).toBeGreaterThanOrEqual(8);
    const q = placeCard([line(2000, 40, 400)], 300, VIEW);
    expect(q.top + 300).toBeLessThanOrEqual(800 - 8);
  });
});
