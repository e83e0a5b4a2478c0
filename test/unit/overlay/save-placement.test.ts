/** Where the Save button goes: by the selection's end, inside the viewport, never over the selected text. */
import { describe, expect, it } from 'vitest';
import type { Box } from '../../../src/ui/overlay/placement';
import { placeSaveButton } from '../../../src/ui/overlay/save/save-placement';

const view = { width: 1000, height: 800 };
const size = { width: 60, height: 30 };
const box = (top: number, left: number, bottom: number, right: number): Box => ({ top, left, bottom, right });
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const buttonBox = (at: { top: number; left: number }) => box(at.top, at.left, at.top + 30, at.left + 60);

describe('placeSaveButton', () => {
  it('goes below the last line, centred on where the selection ends', () => {
    const rects = [box(100, 50, 120, 900), box(120, 50, 140, 400)];
    const at = placeSaveButton(rects, size, view)!;
    expect(at.top).toBeGreaterThanOrEqual(140);
    expect(at.left + size.width / 2).toBe(400);
    for (const r of rects) expect(overlaps(buttonBox(at), r)).toBe(false);
  });

  it('goes above the first line when the selection ends at the bottom of the viewport', () => {
    const rects = [box(740, 100, 760, 500), box(760, 100, 780, 300)];
    const at = placeSaveButton(rects, size, view)!;
    expect(at.top + size.height).toBeLessThanOrEqual(740);
    for (const r of rects) expect(overlaps(buttonBox(at), r)).toBe(false);
  });

  it('stays inside the viewport when the selection ends at its right edge', () => {
    const at = placeSaveButton([box(100, 800, 120, 998)], size, view)!;
    expect(at.left + size.width).toBeLessThanOrEqual(view.width);
    expect(at.left).toBeGreaterThanOrEqual(0);
  });

  it('never covers a selected line, even when lines below the end are selected too (a column layout)', () => {
    // The last rect in document order ends in a left column; the right column below it is also selected.
    const rects = [box(100, 520, 700, 980), box(100, 20, 120, 480)];
    const at = placeSaveButton(rects, size, view)!;
    for (const r of rects) expect(overlaps(buttonBox(at), r)).toBe(false);
  });

  it('is hidden when the selection is off screen or empty', () => {
    expect(placeSaveButton([box(-300, 100, -280, 300)], size, view)).toBeNull();
    expect(placeSaveButton([box(900, 100, 920, 300)], size, view)).toBeNull();
    expect(placeSaveButton([], size, view)).toBeNull();
    expect(placeSaveButton([box(100, 100, 100, 100)], size, view)).toBeNull();
  });

  it('is hidden rather than placed over the text when a selection fills the viewport', () => {
    expect(placeSaveButton([box(0, 0, 800, 1000)], size, view)).toBeNull();
  });
});
