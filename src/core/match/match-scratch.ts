/**
 * The passage matcher's per-item and per-phrase arrays, kept by an engine and reused by each of
 * its analyses: allocating them costs more than analysing a short page. Entries are stamped, and
 * each analysis takes a fresh range of stamps, so what an earlier analysis wrote reads as empty.
 */
import type { CompiledPack } from '../engine/compile.js';
import type { WordTable } from '../text/word-table.js';
import { CueTally } from './cue-tally.js';

export const USE_CLAIMS = 1;
export const USE_VARIANTS = 2;
export const USE_CASES = 4;
export const USE_OTHER = 8;
/** The phrase has a character beyond ASCII: a passage that hits one has its groups read in full. */
export const USE_WIDE = 16;

/** Stamps handed out before the arrays are cleared and numbering starts over. */
const STAMP_LIMIT = 1 << 30;

export class MatchScratch {
  readonly claims: CueTally;
  readonly variants: CueTally;
  readonly cases: CueTally;
  /**
   * What each phrase means to the passage matcher, as bits: USE_CLAIMS, USE_VARIANTS, USE_CASES,
   * USE_OTHER (alternative-date cues, correction markers, outlet names); 0 for a phrase it ignores. One byte
   * read per hit instead of four row ranges.
   */
  readonly phraseUse: Uint8Array;
  private next = 0;
  /** `dateWords`: per word number of `dateTable`, 1 a word a date may start with, 2 not, 0 unknown. */
  private dateWords = new Uint8Array(0);
  private dateTable: WordTable | null = null;

  constructor(c: CompiledPack) {
    this.claims = new CueTally(c.claimShapes, c.cueRows.claims);
    this.variants = new CueTally(c.variantShapes, c.cueRows.variants);
    this.cases = new CueTally(c.caseShapes, c.cueRows.cases);
    this.phraseUse = new Uint8Array(c.index.size);
    const { claims, variants, cases } = c.cueRows;
    const { at } = c.stages.passage;
    for (let p = 0; p < c.index.size; p++) {
      this.phraseUse[p] =
        (claims.used[p] ? USE_CLAIMS : 0) |
        (variants.used[p] ? USE_VARIANTS : 0) |
        (cases.used[p] ? USE_CASES : 0) |
        (at[p + 1]! > at[p]! ? USE_OTHER : 0) |
        (claims.wide[p] ? USE_WIDE : 0);
    }
  }

  /**
   * What is known of `table`'s words as date starters (see `dateWords`): kept while the table is
   * the same (its numbers stay), grown as it grows, forgotten when the index starts a new one.
   */
  dateWordsOf(table: WordTable): Uint8Array {
    if (table !== this.dateTable) {
      this.dateTable = table;
      this.dateWords = new Uint8Array(Math.max(1024, table.size));
    } else if (this.dateWords.length < table.size) {
      const more = new Uint8Array(table.size * 2);
      more.set(this.dateWords);
      this.dateWords = more;
    }
    return this.dateWords;
  }

  /** Stamps for an analysis of `passages` passages: passage `p` gets the returned base + `p`. */
  reserve(passages: number): number {
    if (this.next + passages >= STAMP_LIMIT) {
      this.claims.reset();
      this.variants.reset();
      this.cases.reset();
      this.next = 0;
    }
    const base = this.next;
    this.next += passages;
    return base;
  }
}
