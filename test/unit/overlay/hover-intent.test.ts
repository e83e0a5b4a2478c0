/** Hover timing: open after a rest, not while sweeping; close after leaving text and card; pins stay. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent, type HoverTarget } from '../../../src/content/pipeline/hover-intent';

function fakeOverlay() {
  let open: { index: number; pinned: boolean; focused: boolean } | null = null;
  const target: HoverTarget = {
    current: () => open,
    open: (index) => {
      open = { index, pinned: false, focused: false };
    },
    close: () => {
      open = null;
    },
  };
  return { target, set: (o: typeof open) => (open = o), get: () => open };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createHoverIntent', () => {
  it('opens after the pointer rests on a highlight, not while it sweeps over several', () => {
    const o = fakeOverlay();
    const hover = createHoverIntent(o.target, 300, 400);
    hover.over(1);
    vi.advanceTimersByTime(200);
    hover.over(2);
    vi.advanceTimersByTime(200);
    expect(o.get()).toBeNull();
    hover.over(2);
    vi.advanceTimersByTime(100);
    expect(o.get()?.index).toBe(2);
  });

  it('closes an unpinned card a moment after the pointer leaves, unless it reaches the card', () => {
    const o = fakeOverlay();
    const hover = createHoverIntent(o.target, 300, 400);
    hover.over(0);
    vi.advanceTimersByTime(300);
    hover.over(null);
    vi.advanceTimersByTime(200);
    hover.onCard(true);
    vi.advanceTimersByTime(1000);
    expect(o.get()?.index).toBe(0);
    hover.onCard(false);
    vi.advanceTimersByTime(399);
    expect(o.get()).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(o.get()).toBeNull();
  });

  it('leaves pinned and focused cards alone, and is not replaced by hovering other text', () => {
    const o = fakeOverlay();
    const hover = createHoverIntent(o.target, 300, 400);
    o.set({ index: 3, pinned: true, focused: false });
    hover.over(5);
    hover.over(null);
    vi.advanceTimersByTime(2000);
    expect(o.get()).toEqual({ index: 3, pinned: true, focused: false });
    o.set({ index: 4, pinned: false, focused: true });
    hover.over(null);
    vi.advanceTimersByTime(2000);
    expect(o.get()?.index).toBe(4);
  });

  it('cancel() drops a pending open', () => {
    const o = fakeOverlay();
    const hover = createHoverIntent(o.target, 300, 400);
    hover.over(1);
    hover.cancel();
    vi.advanceTimersByTime(1000);
    expect(o.get()).toBeNull();
  });
});
