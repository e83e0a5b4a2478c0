/**
 * Counts, within one passage, which cue groups of which items (claims, conflict variants,
 * cases) were hit — then tells which items are satisfied. Reset per passage.
 */
import type { CueShape } from '../engine/compile.js';
import type { PhraseHit } from './phrase-index.js';

interface ItemState {
  all: number;
  any: number;
  vetoed: boolean;
  /** The earliest hit of the first `all` group: where the item is located in the passage. */
  focus: PhraseHit | null;
}

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

export class CueTally {
  private readonly items = new Map<number, ItemState>();

  private state(item: number): ItemState {
    let s = this.items.get(item);
    if (!s) {
      s = { all: 0, any: 0, vetoed: false, focus: null };
      this.items.set(item, s);
    }
    return s;
  }

  all(item: number, group: number, hit: PhraseHit): void {
    const s = this.state(item);
    s.all |= 1 << group;
    if (group === 0 && (!s.focus || hit.first < s.focus.first)) s.focus = hit;
  }

  any(item: number, group: number): void {
    this.state(item).any |= 1 << group;
  }

  none(item: number): void {
    this.state(item).vetoed = true;
  }

  /** Items whose every `all` group was hit and that no `none` phrase vetoed. */
  satisfied(shapes: CueShape[]): Satisfied[] {
    const out: Satisfied[] = [];
    for (const [item, s] of this.items) {
      const shape = shapes[item]!;
      if (s.vetoed || !s.focus || shape.all === 0) continue;
      if (s.all !== 2 ** shape.all - 1) continue;
      out.push({ item, anyShare: shape.any === 0 ? 1 : bitCount(s.any) / shape.any, focus: s.focus });
    }
    return out.sort((a, b) => a.item - b.item);
  }

  clear(): void {
    this.items.clear();
  }
}
