/**
 * The tokens of one text, built by a tokeniser through `TokenSink`. A class rather than closures
 * over the tokeniser's locals: captured variables live in a context object, which would make every
 * access in the scanning loop slower.
 */
import type { Tokens } from './tokens.js';
import type { WordTable } from './word-table.js';

/** A copy of `a` with twice the room. */
export function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Growable arrays a tokeniser appends words and break offsets to. */
export class TokenSink {
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  hashes: Int32Array<ArrayBuffer>;
  /** UTF-8 offset of each word in `bytes` (UTF-8 tokeniser only). */
  byteStarts: Int32Array<ArrayBuffer>;
  /** Word numbers in the `WordTable` the text was tokenised against (-1 without one). */
  ids: Int32Array<ArrayBuffer>;
  count = 0;
  breaks: Int32Array<ArrayBuffer>;
  breakCount = 0;
  readonly folded = new Map<number, string>();

  constructor(length: number) {
    const cap = Math.max(16, (length >> 2) + 1);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.hashes = new Int32Array(cap);
    this.byteStarts = new Int32Array(cap);
    this.ids = new Int32Array(cap);
    this.breaks = new Int32Array(Math.max(16, (length >> 5) + 1));
  }

  word(start: number, end: number, hash: number, byteStart: number, id: number): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.hashes = grow(this.hashes);
      this.byteStarts = grow(this.byteStarts);
      this.ids = grow(this.ids);
    }
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    // 30 bits keep the hash a small integer, which engines store and compare without boxing.
    this.hashes[k] = hash & 0x3fffffff;
    this.byteStarts[k] = byteStart;
    this.ids[k] = id;
  }

  /** Takes the word arrays a tokeniser filled itself (`count` words). */
  take(
    starts: Int32Array<ArrayBuffer>,
    ends: Int32Array<ArrayBuffer>,
    hashes: Int32Array<ArrayBuffer>,
    byteStarts: Int32Array<ArrayBuffer>,
    ids: Int32Array<ArrayBuffer>,
    count: number,
  ): void {
    this.starts = starts;
    this.ends = ends;
    this.hashes = hashes;
    this.byteStarts = byteStarts;
    this.ids = ids;
    this.count = count;
  }

  /** The next word is not plain ASCII: its folded form. */
  fold(word: string): void {
    this.folded.set(this.count, word);
  }

  lineOrSentenceBreak(offset: number): void {
    if (this.breakCount === this.breaks.length) this.breaks = grow(this.breaks);
    this.breaks[this.breakCount++] = offset;
  }
}

export class TokenList implements Tokens {
  private list: string[] | null = null;
  private readonly anyFolded: boolean;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly hashes: Int32Array;
  readonly count: number;
  readonly breaks: Int32Array;
  readonly breakCount: number;
  private readonly byteStarts: Int32Array;
  private readonly folded: Map<number, string>;

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
    this.hashes = sink.hashes;
    this.count = sink.count;
    this.breaks = sink.breaks;
    this.breakCount = sink.breakCount;
    this.byteStarts = sink.byteStarts;
    this.folded = sink.folded;
    this.anyFolded = sink.folded.size > 0;
  }

  get words(): string[] {
    this.list ??= Array.from({ length: this.count }, (_, k) => this.wordAt(k));
    return this.list;
  }

  wordAt(k: number): string {
    return (
      (this.anyFolded ? this.folded.get(k) : undefined) ??
      this.text.slice(this.starts[k]!, this.ends[k]!).toLowerCase()
    );
  }

  wordEquals(k: number, word: string): boolean {
    if (this.anyFolded) {
      const f = this.folded.get(k);
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
    return this.anyFolded && this.folded.has(k);
  }
}
