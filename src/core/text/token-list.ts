/**
 * The tokens of one text, built by a tokeniser through `TokenSink`. A class rather than closures
 * over the tokeniser's locals: captured variables live in a context object, which would make every
 * access in the scanning loop slower.
 */
import type { Tokens } from './tokens.js';
import { FNV_OFFSET, FNV_PRIME, hashWord } from './word-hash.js';
import type { WordTable } from './word-table.js';

/** A copy of `a` with room for `size` numbers. */
export function growTo(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** A copy of `a` with twice the room. */
export const grow = (a: Int32Array): Int32Array<ArrayBuffer> => growTo(a, a.length * 2);

/** A copy of `a` with room for at least `size` bytes (twice its room, or more). */
export function growBytes(a: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** Growable arrays a tokeniser appends words and break offsets to. */
export class TokenSink {
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  /** Each word's hash, when `hashed` (the UTF-16 tokeniser); otherwise worked out on demand. */
  hashes: Int32Array<ArrayBuffer>;
  hashed = false;
  /** UTF-8 offset of each word in `bytes` (UTF-8 tokeniser only). */
  byteStarts: Int32Array<ArrayBuffer>;
  /** Word numbers in the `WordTable` the text was tokenised against (-1 without one). */
  ids: Int32Array<ArrayBuffer>;
  count = 0;
  breaks: Int32Array<ArrayBuffer>;
  breakCount = 0;
  /**
   * 1 for each word that is not plain ASCII, 0 for the others (up to `count`). A tokeniser that
   * numbered the words leaves the folded form to the table (its text of the word's number); one
   * that did not keeps it in `folded`.
   */
  foldFlags = new Uint8Array(64);
  foldCount = 0;
  readonly folded = new Map<number, string>();

  constructor(length: number) {
    const cap = capacityFor(length);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.hashes = new Int32Array(0);
    this.byteStarts = new Int32Array(cap);
    this.ids = new Int32Array(cap);
    this.breaks = new Int32Array(Math.max(16, (length >> 5) + 1));
  }

  /**
   * Empties the sink for a text of `length` characters, keeping its arrays when they are big
   * enough: the engine tokenises every article into the same sink, so a long page's arrays are
   * not allocated (and zeroed, and collected) again for each analysis.
   */
  reset(length: number): void {
    // Only the last text's words can have been flagged.
    if (this.foldCount > 0) this.foldFlags.fill(0, 0, Math.min(this.count, this.foldFlags.length));
    this.foldCount = 0;
    this.count = 0;
    this.breakCount = 0;
    this.hashed = false;
    if (this.folded.size > 0) this.folded.clear();
    const cap = capacityFor(length);
    if (this.starts.length < cap) {
      this.starts = new Int32Array(cap);
      this.ends = new Int32Array(cap);
      this.byteStarts = new Int32Array(cap);
      this.ids = new Int32Array(cap);
    }
  }

  word(start: number, end: number, hash: number, byteStart: number, id: number): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.byteStarts = grow(this.byteStarts);
      this.ids = grow(this.ids);
    }
    if (this.count >= this.hashes.length) this.hashes = growTo(this.hashes, this.starts.length);
    this.hashed = true;
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    // 30 bits keep the hash a small integer, which engines store and compare without boxing.
    this.hashes[k] = hash & 0x3fffffff;
    this.byteStarts[k] = byteStart;
    this.ids[k] = id;
  }

  /** Takes the arrays a tokeniser filled itself (`count` words, `breakCount` breaks). */
  take(
    starts: Int32Array<ArrayBuffer>,
    ends: Int32Array<ArrayBuffer>,
    byteStarts: Int32Array<ArrayBuffer>,
    ids: Int32Array<ArrayBuffer>,
    count: number,
    breaks: Int32Array<ArrayBuffer>,
    breakCount: number,
    foldFlags: Uint8Array<ArrayBuffer>,
    foldCount: number,
  ): void {
    this.foldFlags = foldFlags;
    this.foldCount = foldCount;
    this.starts = starts;
    this.ends = ends;
    this.byteStarts = byteStarts;
    this.ids = ids;
    this.count = count;
    this.breaks = breaks;
    this.breakCount = breakCount;
  }

  /** The next word is not plain ASCII: its folded form. */
  fold(word: string): void {
    if (this.count >= this.foldFlags.length) this.foldFlags = growBytes(this.foldFlags, this.count + 1);
    this.foldFlags[this.count] = 1;
    this.foldCount++;
    this.folded.set(this.count, word);
  }

  lineOrSentenceBreak(offset: number): void {
    if (this.breakCount === this.breaks.length) this.breaks = grow(this.breaks);
    this.breaks[this.breakCount++] = offset;
  }
}

/** Room for the words of `length` characters of text (an English word takes about six). */
const capacityFor = (length: number) => Math.max(16, (length >> 2) + 1);

export class TokenList implements Tokens {
  private list: string[] | null = null;
  private readonly anyFolded: boolean;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private hashList: Int32Array | null;
  readonly count: number;
  readonly breaks: Int32Array;
  readonly breakCount: number;
  private readonly byteStarts: Int32Array;
  private readonly folded: Map<number, string>;
  private readonly foldFlags: Uint8Array;

  /**
   * `bytes`: the text as UTF-8 when the UTF-8 tokeniser read it; unfolded (ASCII) words are then
   * compared there rather than through the string, whose representation the caller decides.
   */
  readonly ids: Int32Array | null;

  constructor(
    private readonly text: string,
    sink: TokenSink,
    private readonly bytes: Uint8Array | null,
    readonly wordTable: WordTable | null,
  ) {
    this.ids = wordTable ? sink.ids : null;
    this.starts = sink.starts;
    this.ends = sink.ends;
    this.hashList = sink.hashed ? sink.hashes : null;
    this.count = sink.count;
    this.breaks = sink.breaks;
    this.breakCount = sink.breakCount;
    this.byteStarts = sink.byteStarts;
    this.folded = sink.folded;
    this.foldFlags = sink.foldFlags;
    this.anyFolded = sink.foldCount > 0;
  }

  /** The folded form of word `k` when it is not plain ASCII (see `TokenSink.foldFlags`). */
  private foldedWord(k: number): string | undefined {
    if (!this.anyFolded || this.foldFlags[k] !== 1) return undefined;
    // Kept by a reading that did not number the words (the UTF-16 one numbers them after).
    const kept = this.folded.size > 0 ? this.folded.get(k) : undefined;
    if (kept !== undefined) return kept;
    return this.ids !== null && this.wordTable !== null ? this.wordTable.text[this.ids[k]!] : undefined;
  }

  /** `Tokens.hashes`: the UTF-8 tokeniser leaves them to be worked out here, on first use. */
  get hashes(): Int32Array {
    this.hashList ??= this.computeHashes();
    return this.hashList;
  }

  private computeHashes(): Int32Array {
    const out = new Int32Array(this.count);
    const text = this.text;
    for (let k = 0; k < this.count; k++) {
      const f = this.foldedWord(k);
      if (f !== undefined) {
        out[k] = hashWord(f);
        continue;
      }
      // An unfolded word is ASCII: its folded form is its lower case.
      let h = FNV_OFFSET;
      for (let i = this.starts[k]!, end = this.ends[k]!; i < end; i++) {
        const c = text.charCodeAt(i);
        h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
      }
      out[k] = h & 0x3fffffff;
    }
    return out;
  }

  get words(): string[] {
    this.list ??= Array.from({ length: this.count }, (_, k) => this.wordAt(k));
    return this.list;
  }

  wordAt(k: number): string {
    return this.foldedWord(k) ?? this.text.slice(this.starts[k]!, this.ends[k]!).toLowerCase();
  }

  wordEquals(k: number, word: string): boolean {
    if (this.anyFolded) {
      const f = this.foldedWord(k);
      if (f !== undefined) return f === word;
    }
    const s0 = this.starts[k]!;
    const n = word.length;
    if (this.ends[k]! - s0 !== n) return false;
    const bytes = this.bytes;
    if (bytes !== null) {
      // An unfolded word is ASCII: one byte per character.
      const b0 = this.byteStarts[k]!;
      for (let j = 0; j < n; j++) {
        const c = bytes[b0 + j]!;
        if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(j)) return false;
      }
      return true;
    }
    const text = this.text;
    for (let j = 0; j < n; j++) {
      const c = text.charCodeAt(s0 + j);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(j)) return false;
    }
    return true;
  }

  isFolded(k: number): boolean {
    return this.anyFolded && this.foldFlags[k] === 1;
  }
}
