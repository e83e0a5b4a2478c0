/**
 * Counts, within one passage, which phrases of which items (claims, conflict variants, cases) were
 * hit — then tells which items are satisfied: every `all` group hit, no `none` phrase. Reset per
 * passage.
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
 * A hit only marks its phrase as seen in the passage (and, for the phrases of an item's trigger
 * group, names the item a candidate); the groups of the few candidates are checked once, when the
 * passage ends. A common phrase ("NSO", a cue of dozens of claims) thus costs one mark per hit
 * instead of an update of every item that uses it.
 *
 * Every entry carries the passage it was written in (a stamp), so a new passage needs no clearing:
 * an entry stamped with another passage reads as empty. Hits are referred to by their index in the
 * scan's hit arrays.
 */
export class CueTally {
  /** The passage each phrase was last hit in, and its first hit there. */
  private readonly phraseStamp: Int32Array;
  private readonly phraseFirst: Int32Array;
  /** The passage each item was last named a candidate in. */
  private readonly candidateStamp: Int32Array;
  /** Items whose trigger group was hit in the passage, in the order named. */
  private readonly candidates: Int32Array;
  private count = 0;
  private stamp = -1;
  /**
   * Whether a phrase beyond ASCII was hit in this passage (set by the caller, cleared by `begin`):
   * until one is, a group's Hebrew and Arabic phrases cannot have been hit and are not read.
   */
  wide = false;
  /** The items `satisfied` found, in item order. */
  readonly done: Int32Array;

  constructor(
    private readonly shapes: ShapeTable,
    private readonly rows: CueRows,
  ) {
    const items = shapes.all.length;
    const phrases = rows.used.length;
    this.phraseStamp = new Int32Array(phrases).fill(-1);
    this.phraseFirst = new Int32Array(phrases);
    this.candidateStamp = new Int32Array(items).fill(-1);
    this.candidates = new Int32Array(items);
    this.done = new Int32Array(items);
  }

  /** Forgets every stamp (before stamps are numbered from 0 again). */
  reset(): void {
    this.phraseStamp.fill(-1);
    this.candidateStamp.fill(-1);
    this.count = 0;
    this.stamp = -1;
  }

  /** Starts the passage stamped `passage` (ascending, ≥ 0): everything tallied before is forgotten. */
  begin(passage: number): void {
    this.stamp = passage;
    this.count = 0;
    this.wide = false;
  }

  /** Phrase `phrase` is hit (hit number `hit`, ascending within the passage). */
  hit(phrase: number, hit: number): void {
    const s = this.stamp;
    if (this.phraseStamp[phrase] === s) return;
    this.phraseStamp[phrase] = s;
    this.phraseFirst[phrase] = hit;
    const { trigAt, trigItem } = this.rows;
    for (let u = trigAt[phrase]!, end = trigAt[phrase + 1]!; u < end; u++) {
      const item = trigItem[u]!;
      if (this.candidateStamp[item] === s) continue;
      this.candidateStamp[item] = s;
      this.candidates[this.count++] = item;
    }
  }

  /** Whether any of the phrases `list[from..to)` was hit in this passage. */
  private anyHit(list: Int32Array, from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.phraseStamp[list[k]!] === this.stamp) return true;
    return false;
  }

  /** Whether every `all` group of `item` was hit and no `none` phrase was. */
  private holds(item: number): boolean {
    const { groupAt, groupOff, groupPhrase, groupNarrowEnd, noneAt, nonePhrase } = this.rows;
    const wide = this.wide;
    const groups = this.shapes.all[item]!;
    // A full mask of more than 31 groups is no 32-bit integer: such an item was never satisfied.
    if (groups > 31 || groupAt[item + 1]! - groupAt[item]! !== groups) return false;
    // The trigger group, ordered last, was hit: that is what made the item a candidate.
    for (let e = groupAt[item]!, trigger = groupAt[item + 1]! - 1; e < trigger; e++) {
      // All of group e's phrases, or (no phrase beyond ASCII hit) only its ASCII ones.
      if (!this.anyHit(groupPhrase, groupOff[e]!, wide ? groupOff[e + 1]! : groupNarrowEnd[e]!)) return false;
    }
    return !this.anyHit(nonePhrase, noneAt[item]!, noneAt[item + 1]!);
  }

  /**
   * Whether some `all` group of `item` was hit in this passage only by phrases `only` flags (a
   * weekday, say): for an item `satisfied` just returned.
   */
  someGroupOnlyBy(item: number, only: Uint8Array): boolean {
    const { groupAt, groupOff, groupPhrase } = this.rows;
    for (let e = groupAt[item]!; e < groupAt[item + 1]!; e++) {
      let flagged = false;
      let other = false;
      for (let k = groupOff[e]!; k < groupOff[e + 1]!; k++) {
        const phrase = groupPhrase[k]!;
        if (this.phraseStamp[phrase] !== this.stamp) continue;
        if (only[phrase] === 1) flagged = true;
        else other = true;
      }
      if (flagged && !other) return true;
    }
    return false;
  }

  /**
   * Items whose every `all` group was hit and that no `none` phrase vetoed: their number, with the
   * items in `done` in item order. Read them (and `anyShare`, `focus`) before the next `begin`.
   */
  satisfied(): number {
    const out = this.done;
    let n = 0;
    for (let k = 0; k < this.count; k++) {
      const item = this.candidates[k]!;
      if (!this.holds(item)) continue;
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

  /** Share of the optional groups of `item` that were hit, 0..1 (1 when there are none). */
  anyShare(item: number): number {
    const any = this.shapes.any[item]!;
    if (any === 0) return 1;
    const { anyAt, anyPhrase, anyBit } = this.rows;
    let mask = 0;
    for (let r = anyAt[item]!, end = anyAt[item + 1]!; r < end; r++) {
      if (this.phraseStamp[anyPhrase[r]!] === this.stamp) mask |= anyBit[r]!;
    }
    return bitCount(mask) / any;
  }

  /** The hit that stands for a satisfied `item`: the earliest of its first group. */
  focus(item: number): number {
    const { zeroAt, zeroEnd, groupPhrase } = this.rows;
    let first = -1;
    for (let k = zeroAt[item]!; k < zeroEnd[item]!; k++) {
      const phrase = groupPhrase[k]!;
      if (this.phraseStamp[phrase] !== this.stamp) continue;
      const at = this.phraseFirst[phrase]!;
      if (first === -1 || at < first) first = at;
    }
    return first;
  }
}
