/**
 * Counts, within one passage, which cue groups of which items (claims, conflict variants,
 * cases) were hit — then tells which items are satisfied. Reset per passage.
 */
import type { CueShape } from '../engine/compile.js';
import type { PhraseHit } from './phrase-index.js';

export interface Satisfied {
  item: number;
  /** Share of the optional groups that were hit, 0..1 (1 when there are none). */
  anyShare: number;
  focus: PhraseHit;
}

function bitCount(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c++;
  return c;
}

/**
 * Flat arrays indexed by item, plus the list of items touched in this passage: a passage's
 * bookkeeping allocates nothing, and clearing costs only what the passage touched.
 */
export class CueTally {
  private readonly allMask: Int32Array;
  private readonly anyMask: Int32Array;
  private readonly vetoed: Uint8Array;
  private readonly focus: (PhraseHit | null)[];
  private readonly seen: Uint8Array;
  private readonly touched: number[] = [];

  constructor(items: number) {
    this.allMask = new Int32Array(items);
    this.anyMask = new Int32Array(items);
    this.vetoed = new Uint8Array(items);
    this.focus = new Array<PhraseHit | null>(items).fill(null);
    this.seen = new Uint8Array(items);
  }

  private touch(item: number): void {
    if (this.seen[item] === 0) {
      this.seen[item] = 1;
      this.touched.push(item);
    }
  }

  all(item: number, group: number, hit: PhraseHit): void {
    this.touch(item);
    this.allMask[item]! |= 1 << group;
    const f = this.focus[item];
    if (group === 0 && (!f || hit.first < f.first)) this.focus[item] = hit;
  }

  any(item: number, group: number): void {
    this.touch(item);
    this.anyMask[item]! |= 1 << group;
  }

  none(item: number): void {
    this.touch(item);
    this.vetoed[item] = 1;
  }

  /** Items whose every `all` group was hit and that no `none` phrase vetoed, in item order. */
  satisfied(shapes: CueShape[]): Satisfied[] {
    const out: Satisfied[] = [];
    for (const item of this.touched) {
      const shape = shapes[item]!;
      const focus = this.focus[item];
      if (this.vetoed[item] || !focus || shape.all === 0) continue;
      if (this.allMask[item] !== 2 ** shape.all - 1) continue;
      out.push({ item, anyShare: shape.any === 0 ? 1 : bitCount(this.anyMask[item]!) / shape.any, focus });
    }
    return out.sort((a, b) => a.item - b.item);
  }

  clear(): void {
    for (const item of this.touched) {
      this.allMask[item] = 0;
      this.anyMask[item] = 0;
      this.vetoed[item] = 0;
      this.focus[item] = null;
      this.seen[item] = 0;
    }
    this.touched.length = 0;
  }
}
