/**
 * The passage matcher's per-item and per-phrase arrays, kept by an engine and reused by each of
 * its analyses: allocating them costs more than analysing a short page. Entries are stamped, and
 * each analysis takes a fresh range of stamps, so what an earlier analysis wrote reads as empty.
 */
import type { CompiledPack } from '../engine/compile.js';
import { CueTally } from './cue-tally.js';

/** Stamps handed out before the arrays are cleared and numbering starts over. */
const STAMP_LIMIT = 1 << 30;

export class MatchScratch {
  readonly claims: CueTally;
  readonly variants: CueTally;
  readonly cases: CueTally;
  /** The stamp of the passage each phrase was last counted in. */
  readonly phraseStamp: Int32Array;
  private next = 0;

  constructor(c: CompiledPack) {
    this.claims = new CueTally(c.claimShapes);
    this.variants = new CueTally(c.variantShapes);
    this.cases = new CueTally(c.caseShapes);
    this.phraseStamp = new Int32Array(c.index.size).fill(-1);
  }

  /** Stamps for an analysis of `passages` passages: passage `p` gets the returned base + `p`. */
  reserve(passages: number): number {
    if (this.next + passages >= STAMP_LIMIT) {
      this.claims.reset();
      this.variants.reset();
      this.cases.reset();
      this.phraseStamp.fill(-1);
      this.next = 0;
    }
    const base = this.next;
    this.next += passages;
    return base;
  }
}
