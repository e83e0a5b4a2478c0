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

function isWordCode(code: number, text: string, i: number): boolean {
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  // Surrogate pairs (emoji, rare scripts) are tested as whole code points.
  if (code >= 0xd800 && code <= 0xdbff) return NON_ASCII_WORD.test(text.slice(i, i + 2));
  return NON_ASCII_WORD.test(text[i]!);
}

/** Tokenises `text`; cost is linear and allocation is one string per word. */
export function tokenize(text: string): Tokens {
  const cap = Math.max(16, (text.length >> 2) + 1);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  const words: string[] = [];
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
    const raw = text.slice(start, i);
    const folded = ascii ? raw.toLowerCase() : foldWord(raw);
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
