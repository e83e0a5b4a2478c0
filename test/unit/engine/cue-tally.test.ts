/**
 * The per-passage tally: an item is satisfied when every `all` group is hit in the passage and no
 * `none` phrase is; its focus is the earliest hit of group 0; optional groups only set the share.
 */
import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../src/core/engine/compile';
import { cueRows } from '../../../src/core/engine/usage-tables';
import { CueTally, shapeTable } from '../../../src/core/match/cue-tally';

const KINDS = ['claim-all', 'claim-any', 'claim-none'] as const;

/** Phrase p → usages; item shapes as given. */
function setup(usages: Usage[][], shapes: { all: number; any: number }[]) {
  const rows = cueRows(usages, usages.length, shapes.length, KINDS);
  return { rows, tally: new CueTally(shapeTable(shapes), rows) };
}
const all = (item: number, group: number): Usage => ({ k: 'claim-all', item, group });
const any = (item: number, group: number): Usage => ({ k: 'claim-any', item, group });
const none = (item: number): Usage => ({ k: 'claim-none', item });
const satisfied = (t: CueTally) => [...t.done.subarray(0, t.satisfied())];

describe('CueTally', () => {
  // Phrases: 0 → item 0 group 0, 1 → item 0 group 1, 2 → veto item 0, 3 → any of item 0,
  // 4 → item 1 group 0 (one-group item).
  const usages = [[all(0, 0)], [all(0, 1)], [none(0)], [any(0, 0)], [all(1, 0)]];
  const shapes = [
    { all: 2, any: 2 },
    { all: 1, any: 0 },
  ];
  it('reads a group’s phrases beyond ASCII only in a passage that hit one', () => {
    // Item 0: group 0 = phrases 0 (ASCII) and 1 (wide); group 1 = phrase 2 (the trigger, rarer).
    const u: Usage[][] = [[all(0, 0)], [all(0, 0)], [all(0, 1)]];
    const wide = Uint8Array.from([0, 1, 0]);
    const rows = cueRows(u, u.length, 1, KINDS, wide);
    const tally = new CueTally(shapeTable([{ all: 2, any: 0 }]), rows);
    tally.begin(0);
    tally.hit(1, 0);
    tally.hit(2, 1);
    // The caller says a wide phrase was hit (as the passage matcher does): group 0 is read in full.
    tally.wide = true;
    expect(satisfied(tally)).toEqual([0]);
    tally.begin(1);
    tally.hit(0, 2);
    tally.hit(2, 3);
    expect(tally.wide).toBe(false);
    expect(satisfied(tally)).toEqual([0]);
    // ASCII phrases come first in each group; the wide ones after, up to the group's end.
    expect([...rows.groupPhrase]).toEqual([0, 1, 2]);
    expect(rows.groupNarrowEnd[0]).toBe(1);
  });
  it('needs every group in the same passage', () => {
    const { tally } = setup(usages, shapes);
    tally.begin(0);
    tally.hit(0, 0);
    expect(satisfied(tally)).toEqual([]);
    tally.begin(1);
    tally.hit(1, 1);
    expect(satisfied(tally)).toEqual([]);
    tally.hit(0, 2);
    tally.hit(4, 3);
    expect(satisfied(tally)).toEqual([0, 1]);
    expect(tally.focus(0)).toBe(2);
  });
  it('is vetoed by a none phrase, before or after', () => {
    const { tally } = setup(usages, shapes);
    tally.begin(0);
    tally.hit(2, 0);
    tally.hit(0, 1);
    tally.hit(1, 2);
    expect(satisfied(tally)).toEqual([]);
    tally.begin(1);
    tally.hit(0, 3);
    tally.hit(1, 4);
    expect(satisfied(tally)).toEqual([0]);
  });
  it('keeps the first group-0 hit as the focus and counts repeated groups once', () => {
    const { tally } = setup(usages, shapes);
    tally.begin(5);
    tally.hit(0, 7);
    tally.hit(0, 8);
    tally.hit(0, 9);
    expect(satisfied(tally)).toEqual([]);
    tally.hit(1, 10);
    expect(satisfied(tally)).toEqual([0]);
    expect(tally.focus(0)).toBe(7);
  });
  it('reads the optional groups of a satisfied item from the phrases hit in its passage', () => {
    const { tally } = setup(usages, shapes);
    tally.begin(3);
    tally.hit(0, 0);
    tally.hit(1, 1);
    expect(tally.anyShare(0)).toBe(0);
    tally.hit(3, 2);
    expect(tally.anyShare(0)).toBe(0.5);
    // The optional phrase hit in an earlier passage does not count in this one.
    tally.begin(4);
    tally.hit(0, 3);
    tally.hit(1, 4);
    expect(tally.anyShare(0)).toBe(0);
    expect(tally.anyShare(1)).toBe(1);
  });
  it('checks an item only when its trigger group (the one the pack uses least) is hit', () => {
    // Phrase 0 is group 0 of items 0, 1 and 2 (common); phrase 1 is group 1 of item 0 only (rare).
    const u = [[all(0, 0), all(1, 0), all(2, 0)], [all(0, 1)]];
    const s = [
      { all: 2, any: 0 },
      { all: 1, any: 0 },
      { all: 1, any: 0 },
    ];
    const { rows, tally } = setup(u, s);
    expect([...rows.trigItem.subarray(rows.trigAt[1]!, rows.trigAt[2]!)]).toEqual([0]);
    tally.begin(0);
    tally.hit(1, 0);
    expect(satisfied(tally)).toEqual([]);
    tally.hit(0, 1);
    expect(satisfied(tally)).toEqual([0, 1, 2]);
    expect(tally.focus(0)).toBe(1);
  });
  it('satisfies an item of 31 groups but never one of 32 (its full mask is no 32-bit integer)', () => {
    for (const groups of [31, 32]) {
      const u = Array.from({ length: groups }, (_, g) => [all(0, g)]);
      const { tally } = setup(u, [{ all: groups, any: 0 }]);
      tally.begin(0);
      for (let g = 0; g < groups; g++) tally.hit(g, g);
      expect(satisfied(tally)).toEqual(groups === 31 ? [0] : []);
    }
  });
});
