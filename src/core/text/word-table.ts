/**
 * Interned folded words: each distinct word gets a small number, so the phrase index can follow
 * its trie and remember transitions by number instead of comparing strings again and again.
 * Interning a token compares it with the stored word (by `Tokens.wordEquals`), so two words whose
 * hashes collide still get different numbers.
 */
import { growTo } from './token-list.js';
import type { Tokens } from './tokens.js';
import { hashWord } from './word-hash.js';

const EMPTY = -1;
/** A free slot in `shortSlots`. */
export const SHORT_FREE = EMPTY;

/**
 * ASCII words up to this many characters are known by their spelling packed into three integers
 * (`shortSlots`): five 6-bit character codes each, none zero, so no two words pack alike. Longer
 * words (rare: none in the seed articles) are hashed and compared (`idOfAscii`).
 */
export const SHORT_WORD = 15;

export class WordTable {
  /** Open addressing by word hash: slot → word id, or EMPTY. */
  private slots = new Int32Array(1024).fill(EMPTY);
  private slotHash = new Int32Array(1024);
  /** The words by id. */
  readonly text: string[] = [];
  /**
   * Each ASCII word's bytes (`pool[poolAt[id]..]`, `asciiLength[id]` of them; -1 for a word with
   * other characters), so a token's bytes are compared with bytes.
   */
  private pool = new Uint8Array(4096);
  private poolUsed = 0;
  private poolAt = new Int32Array(1024);
  private asciiLength = new Int32Array(1024);

  /**
   * Short ASCII words by packed spelling (`shortSlots`): open addressing over (lo, mid, hi) → id,
   * characters 1–5, 6–10 and 11–15. One array, four numbers a slot (id, lo, mid, hi), so a probe
   * reads one place in memory rather than four.
   */
  private short = emptyShort(1024);
  private shortCount = 0;

  get size(): number {
    return this.text.length;
  }

  /** The id of token `i` (hash `h`) of `tokens`, interning its word if new. */
  idOfToken(tokens: Tokens, i: number, h: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let s = h & mask;
    for (let id = slots[s]!; id !== EMPTY; id = slots[s]!) {
      if (this.slotHash[s] === h && tokens.wordEquals(i, this.text[id]!)) return id;
      s = (s + 1) & mask;
    }
    return this.insert(s, h, tokens.wordAt(i));
  }

  /**
   * The id of the ASCII word at `bytes[from..from + length)` (UTF-8 of `text`, the word starting at
   * `start` there), hash `h`, interning it if new: for the tokeniser, which has just read it.
   */
  idOfAscii(bytes: Uint8Array, from: number, length: number, h: number, text: string, start: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const pool = this.pool;
    let s = h & mask;
    for (let id = slots[s]!; id !== EMPTY; id = slots[s]!) {
      if (this.slotHash[s] === h && this.asciiLength[id] === length) {
        const at = this.poolAt[id]!;
        let k = 0;
        while (k < length) {
          const c = bytes[from + k]!;
          if ((c >= 65 && c <= 90 ? c + 32 : c) !== pool[at + k]) break;
          k++;
        }
        if (k === length) return id;
      }
      s = (s + 1) & mask;
    }
    return this.insert(s, h, text.slice(start, start + length).toLowerCase());
  }

  /**
   * The short-word slots, for the tokeniser, which probes them itself as it reads each word (from
   * the home slot `shortHome` gives, on to the next free one): four numbers a slot, the word's id
   * (SHORT_FREE when free), then `lo`, `mid` and `hi`. Equal spellings are equal words, so a probe
   * compares no characters. Replaced when the table grows (`addShortAt`).
   */
  get shortSlots(): Int32Array {
    return this.short;
  }

  /**
   * Interns the short word a probe of `shortSlots` did not find, at the free slot `s` it ended on
   * (`text[start..start + length)`, spelt `lo`, `mid`, `hi`); the slots may be replaced after.
   */
  addShortAt(
    s: number,
    lo: number,
    mid: number,
    hi: number,
    text: string,
    start: number,
    length: number,
  ): number {
    const id = this.idOf(text.slice(start, start + length).toLowerCase());
    putShort(this.short, s, id, lo, mid, hi);
    if (++this.shortCount * 2 > this.short.length >> 2) this.growShort();
    return id;
  }

  private growShort(): void {
    const old = this.short;
    const size = (old.length >> 2) * 2;
    const short = emptyShort(size);
    for (let at = 0; at < old.length; at += 4) {
      const id = old[at]!;
      if (id === EMPTY) continue;
      let t = shortHome(old[at + 1]!, old[at + 2]!, old[at + 3]!, size - 1);
      while (short[t << 2] !== EMPTY) t = (t + 1) & (size - 1);
      putShort(short, t, id, old[at + 1]!, old[at + 2]!, old[at + 3]!);
    }
    this.short = short;
  }

  /**
   * The id of the folded word spelt by `units[0..length)` (hash `h`, as `hashWord` gives it),
   * interning it if new: for the tokeniser, which folds a word beyond ASCII as it decodes it and so
   * makes a string only for a word it has not met before.
   */
  idOfUnits(units: Uint16Array, length: number, h: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let s = h & mask;
    for (let id = slots[s]!; id !== EMPTY; id = slots[s]!) {
      const word = this.text[id]!;
      if (this.slotHash[s] === h && word.length === length) {
        let k = 0;
        while (k < length && word.charCodeAt(k) === units[k]) k++;
        if (k === length) return id;
      }
      s = (s + 1) & mask;
    }
    return this.insert(s, h, String.fromCharCode(...units.subarray(0, length)));
  }

  /** The id of `word`, interning it if new. */
  idOf(word: string, h = hashWord(word)): number {
    const found = this.find(word, h);
    if (found !== EMPTY) return found;
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== EMPTY) s = (s + 1) & mask;
    return this.insert(s, h, word);
  }

  /** The id of `word`, or -1 when it was never interned. */
  find(word: string, h = hashWord(word)): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let s = h & mask; slots[s] !== EMPTY; s = (s + 1) & mask) {
      if (this.slotHash[s] === h && this.text[slots[s]!] === word) return slots[s]!;
    }
    return EMPTY;
  }

  private insert(slot: number, h: number, word: string): number {
    const id = this.text.length;
    this.text.push(word);
    this.keepBytes(id, word);
    this.slots[slot] = id;
    this.slotHash[slot] = h;
    if ((id + 1) * 2 > this.slots.length) this.grow();
    return id;
  }

  private keepBytes(id: number, word: string): void {
    if (id >= this.poolAt.length) {
      this.poolAt = growTo(this.poolAt, id * 2);
      this.asciiLength = growTo(this.asciiLength, id * 2);
    }
    let ascii = true;
    for (let k = 0; k < word.length && ascii; k++) ascii = word.charCodeAt(k) < 0x80;
    this.asciiLength[id] = ascii ? word.length : -1;
    if (!ascii) return;
    if (this.poolUsed + word.length > this.pool.length) {
      const more = new Uint8Array((this.poolUsed + word.length) * 2);
      more.set(this.pool);
      this.pool = more;
    }
    this.poolAt[id] = this.poolUsed;
    for (let k = 0; k < word.length; k++) this.pool[this.poolUsed++] = word.charCodeAt(k);
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size).fill(EMPTY);
    const hashes = new Int32Array(size);
    for (let s = 0; s < this.slots.length; s++) {
      const id = this.slots[s]!;
      if (id === EMPTY) continue;
      let t = this.slotHash[s]! & (size - 1);
      while (slots[t] !== EMPTY) t = (t + 1) & (size - 1);
      slots[t] = id;
      hashes[t] = this.slotHash[s]!;
    }
    this.slots = slots;
    this.slotHash = hashes;
  }
}

/**
 * Home slot of a packed spelling in a short-word table of `mask + 1` slots (a multiplicative mix).
 * The tokeniser writes it out in its loop: the two must agree (a test checks).
 */
export const shortHome = (lo: number, mid: number, hi: number, mask: number) =>
  // mid and hi are multiplied side by side, not one after the other: a shorter chain per word.
  (Math.imul(lo ^ Math.imul(mid, 0x9e3779b1) ^ Math.imul(hi, 0xc2b2ae35), 0x85ebca6b) >>> 7) & mask;

/** A short-word table of `slots` empty slots (four numbers each). */
function emptyShort(slots: number): Int32Array {
  const short = new Int32Array(slots * 4);
  for (let at = 0; at < short.length; at += 4) short[at] = EMPTY;
  return short;
}

function putShort(short: Int32Array, slot: number, id: number, lo: number, mid: number, hi: number): void {
  const at = slot << 2;
  short[at] = id;
  short[at + 1] = lo;
  short[at + 2] = mid;
  short[at + 3] = hi;
}
