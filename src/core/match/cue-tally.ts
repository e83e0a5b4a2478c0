/**
 * Counts, within one passage, which cue groups of which items (claims, conflict variants,
 * cases) were hit — then tells which items are satisfied. Reset per passage.
 */

import type { CueRows } from '../engine/usage-tables.js';

/** A cue set reduced to counts, so a passage's hits can be checked against it quickly. */
export interface CueShape {
  all: number;
  any: number;
}

/** Items' shapes as flat arrays, built once per pack. */
export interface ShapeTable {
  all: Int32Array;
  any: Int32Array;
}

export function shapeTable(shapes: CueShape[]): ShapeTable {
  return {
    all: Int32Array.from(shapes, (s) => s.all),
    any: Int32Array.from(shapes, (s) => s.any),
  };
}

function bitCount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

/**
 * Flat arrays indexed by item. Every entry carries the passage it was written in (a stamp), so a
 * new passage needs no clearing: an entry stamped with another passage reads as empty. An item is
 * listed when its last `all` group is hit (the mask is full when as many distinct groups are hit
 * as it has), so finding the satisfied items costs nothing for the many that are only touched.
 * Hits are referred to by their index in the scan's hit arrays.
 */
export class CueTally {
  private readonly allMask: Int32Array;
  private readonly allStamp: Int32Array;
  private readonly vetoStamp: Int32Array;
  /** The hit that first satisfied group 0 in the passage: hits come in token order, so the earliest. */
  private readonly focusHit: Int32Array;
  private readonly focusStamp: Int32Array;
  /** Distinct `all` groups hit in the passage. */
  private readonly groupsHit: Int32Array;
  /** Items whose `all` groups were all hit in the passage, in the order completed. */
  private readonly complete: Int32Array;
  private count = 0;
  private stamp = -1;
  /** The items `satisfied` found, in item order. */
  readonly done: Int32Array;

  constructor(private readonly shapes: ShapeTable) {
    const items = shapes.all.length;
    this.allMask = new Int32Array(items);
    this.allStamp = new Int32Array(items).fill(-1);
    this.vetoStamp = new Int32Array(items).fill(-1);
    this.focusHit = new Int32Array(items);
    this.focusStamp = new Int32Array(items).fill(-1);
    this.groupsHit = new Int32Array(items);
    this.complete = new Int32Array(items);
    this.done = new Int32Array(items);
  }

  /** Forgets every stamp (before stamps are numbered from 0 again). */
  reset(): void {
    this.allStamp.fill(-1);
    this.vetoStamp.fill(-1);
    this.focusStamp.fill(-1);
    this.count = 0;
    this.stamp = -1;
  }

  /** Starts the passage stamped `passage` (ascending, ≥ 0): everything tallied before is forgotten. */
  begin(passage: number): void {
    this.stamp = passage;
    this.count = 0;
  }

  /** The hits of phrase `phrase` (hit `hit`) on the items of `rows`. */
  hit(rows: CueRows, phrase: number, hit: number): void {
    const { off, item, bit } = rows;
    const s = this.stamp;
    const base = phrase * 4;
    let u = off[base]!;
    let end = off[base + 1]!;
    // Group 0 of `all`: its first hit in the passage is the item's focus.
    for (; u < end; u++) {
      const i = item[u]!;
      this.all(i, bit[u]!, s);
      if (this.focusStamp[i] !== s) {
        this.focusStamp[i] = s;
        this.focusHit[i] = hit;
      }
    }
    for (end = off[base + 2]!; u < end; u++) this.all(item[u]!, bit[u]!, s);
    // `any` rows (role 2) are skipped: `anyShare` reads them for satisfied items only.
    for (u = off[base + 3]!, end = off[base + 4]!; u < end; u++) this.vetoStamp[item[u]!] = s;
  }

  private all(i: number, b: number, s: number): void {
    if (this.allStamp[i] !== s) {
      this.allStamp[i] = s;
      this.allMask[i] = b;
      this.groupsHit[i] = 1;
    } else if ((this.allMask[i]! & b) === 0) {
      this.allMask[i]! |= b;
      this.groupsHit[i]!++;
    } else return;
    // A full mask (2^all − 1) is an int32 only up to 31 groups; past that no item is satisfied.
    if (this.groupsHit[i] === this.shapes.all[i] && this.groupsHit[i]! <= 31) this.complete[this.count++] = i;
  }

  /**
   * Items whose every `all` group was hit and that no `none` phrase vetoed: their number, with the
   * items in `done` in item order. Read them (and `anyShare`, `focus`) before the next `begin`.
   */
  satisfied(): number {
    const out = this.done;
    const s = this.stamp;
    let n = 0;
    for (let k = 0; k < this.count; k++) {
      const item = this.complete[k]!;
      // A full mask includes group 0, whose first hit set the focus in this passage.
      if (this.vetoStamp[item] === s) continue;
      // Insertion sort: a passage satisfies few items.
      let j = n++;
      while (j > 0 && out[j - 1]! > item) {
        out[j] = out[j - 1]!;
        j--;
      }
      out[j] = item;
    }
    return n;
  }

  /**
   * Share of the optional groups of `item` that were hit, 0..1 (1 when there are none).
   * `phraseStamp[p]` is the passage phrase `p` was last counted in.
   */
  anyShare(rows: CueRows, item: number, phraseStamp: Int32Array): number {
    const any = this.shapes.any[item]!;
    if (any === 0) return 1;
    let mask = 0;
    for (let r = rows.anyAt[item]!, end = rows.anyAt[item + 1]!; r < end; r++) {
      if (phraseStamp[rows.anyPhrase[r]!] === this.stamp) mask |= rows.anyBit[r]!;
    }
    return bitCount(mask) / any;
  }

  /** The hit that stands for `item`: the earliest of its first group. */
  focus(item: number): number {
    return this.focusHit[item]!;
  }
}
