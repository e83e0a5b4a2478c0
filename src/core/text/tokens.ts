/**
 * Splits text into word tokens with exact offsets into the original string, in one pass.
 * A word is a run of letters, digits and combining marks; soft hyphens and zero-width joiners
 * inside a word are kept in the span but dropped from the folded form ("Peg\u00ADasus" → "pegasus").
 */
import { foldWord } from './normalize.js';

export interface Tokens {
  /** Folded words, in order. */
  words: string[];
  /** Start offset of each word in the original text (UTF-16 units). */
  starts: Int32Array;
  /** End offset (exclusive) of each word. */
  ends: Int32Array;
  count: number;
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

/** Tokenises `text`; cost is linear and allocation is one string per word. */
export function tokenize(text: string): Tokens {
  const cap = Math.max(16, (text.length >> 2) + 1);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  const words: string[] = [];
  // Lower-casing once is much cheaper than per word; usable when it keeps every offset.
  const lowered = text.toLowerCase();
  const sameOffsets = lowered.length === text.length;
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
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c, text, i)) break;
      if (c >= 0x80) ascii = false;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    const folded = ascii
      ? sameOffsets
        ? lowered.slice(start, i)
        : text.slice(start, i).toLowerCase()
      : foldWord(text.slice(start, i));
    if (folded.length === 0) continue;
    if (count === starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      starts = grow(starts);
      ends = grow(ends);
    }
    starts[count] = start;
    ends[count] = i;
    words.push(folded);
    count++;
  }
  return { words, starts, ends, count };
}

/** Folded words of a phrase, as the matcher compares them (same rules as article text). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).words;
}
