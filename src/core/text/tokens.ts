/**
 * Splits text into word tokens with exact offsets into the original string, in one pass.
 * A word is a run of letters, digits and combining marks; soft hyphens and zero-width joiners
 * inside a word are kept in the span but dropped from the folded form ("Peg\u00ADasus" → "pegasus").
 */
import { foldWord } from './normalize.js';

export interface Tokens {
  /** Folded words, in order (built on first use: scanning needs only `hashes` and `wordAt`). */
  readonly words: string[];
  /** Start offset of each word in the original text (UTF-16 units). */
  starts: Int32Array;
  /** End offset (exclusive) of each word. */
  ends: Int32Array;
  /** FNV-1a hash of each folded word: lets the matcher look words up without making strings. */
  hashes: Int32Array;
  count: number;
  /** The folded word at index `i`. */
  wordAt(i: number): string;
  /** Whether the folded word at `i` equals `word` (compares characters, allocates nothing). */
  wordEquals(i: number, word: string): boolean;
  /** Whether the word at `i` was not plain ASCII (folded: accents, Hebrew, Arabic...). */
  isFolded(i: number): boolean;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** The hash `tokenize` gives a folded word. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return h & 0x3fffffff;
}

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}\u00AD\u200C\u200D]/u;
/** Word-character verdicts for BMP code points above ASCII, filled lazily: 0 unknown, 1 word, 2 not. */
const BMP_CLASS = new Uint8Array(0x10000);

function isWordCode(code: number, text: string, i: number): boolean {
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  // Surrogate pairs (emoji, rare scripts) are tested as whole code points.
  if (code >= 0xd800 && code <= 0xdbff) return NON_ASCII_WORD.test(text.slice(i, i + 2));
  let cls = BMP_CLASS[code]!;
  if (cls === 0) {
    cls = NON_ASCII_WORD.test(text[i]!) ? 1 : 2;
    BMP_CLASS[code] = cls;
  }
  return cls === 1;
}

/**
 * Tokenises `text` in one pass. ASCII words (nearly all of an English article) are lower-cased and
 * hashed character by character without making a string; other words are folded (`foldWord`) and
 * kept, since their folded form may differ in length from the original.
 */
export function tokenize(text: string): Tokens {
  const cap = Math.max(16, (text.length >> 2) + 1);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let hashes = new Int32Array(cap);
  const folded = new Map<number, string>();
  let count = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isWordCode(code, text, i)) {
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      continue;
    }
    const start = i;
    let ascii = true;
    let h = FNV_OFFSET;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) break;
        h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
        i++;
        continue;
      }
      if (!isWordCode(c, text, i)) break;
      ascii = false;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    if (!ascii) {
      const word = foldWord(text.slice(start, i));
      if (word.length === 0) continue;
      folded.set(count, word);
      h = hashWord(word);
    }
    if (count === starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
      hashes = grow(hashes);
    }
    starts[count] = start;
    ends[count] = i;
    // 30 bits keep the hash a small integer, which engines store and compare without boxing.
    hashes[count] = h & 0x3fffffff;
    count++;
  }
  const wordAt = (k: number) => folded.get(k) ?? text.slice(starts[k]!, ends[k]!).toLowerCase();
  const wordEquals = (k: number, word: string) => {
    const f = folded.get(k);
    if (f !== undefined) return f === word;
    const s0 = starts[k]!;
    if (ends[k]! - s0 !== word.length) return false;
    for (let j = 0; j < word.length; j++) {
      const c = text.charCodeAt(s0 + j);
      if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(j)) return false;
    }
    return true;
  };
  let words: string[] | null = null;
  return {
    get words() {
      words ??= Array.from({ length: count }, (_, k) => wordAt(k));
      return words;
    },
    starts,
    ends,
    hashes,
    count,
    wordAt,
    wordEquals,
    isFolded: (k: number) => folded.has(k),
  };
}

/** Folded words of a phrase, as the matcher compares them (same rules as article text). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).words;
}
