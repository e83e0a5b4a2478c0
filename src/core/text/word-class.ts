/**
 * Which characters make words and which may end a sentence: the one definition both tokenisers
 * (UTF-8 and UTF-16) share, so they cannot disagree.
 */

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}\u00AD\u200C\u200D]/u;
/** Word-character verdicts for BMP code points above ASCII, filled lazily: 0 unknown, 1 word, 2 not. */
const BMP_CLASS = new Uint8Array(0x10000);
/** The same for code points beyond the BMP (emoji, rare scripts). */
const ASTRAL_CLASS = new Map<number, boolean>();

/** ASCII characters: the folded (lower-case) code of a letter or digit, 0 for anything else. */
export const ASCII_FOLD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_FOLD[c] = c;
for (let c = 97; c <= 122; c++) ASCII_FOLD[c] = c;
for (let c = 65; c <= 90; c++) ASCII_FOLD[c] = c + 32;

/** Whether a character is a line break or ends a sentence (`\n` and passages.ts TERMINATORS). */
export function isBreakCode(code: number): boolean {
  return (
    code === 10 ||
    code === 46 ||
    code === 33 ||
    code === 63 ||
    code === 0x061f ||
    code === 0x06d4 ||
    code === 0x3002
  );
}

/** Whether a non-ASCII BMP code unit is a word character. */
export function isWordUnit(code: number): boolean {
  let cls = BMP_CLASS[code]!;
  if (cls === 0) {
    cls = NON_ASCII_WORD.test(String.fromCharCode(code)) ? 1 : 2;
    BMP_CLASS[code] = cls;
  }
  return cls === 1;
}

/** Whether a code point beyond the BMP is a word character. */
export function isWordAstral(codePoint: number): boolean {
  let word = ASTRAL_CLASS.get(codePoint);
  if (word === undefined) {
    word = NON_ASCII_WORD.test(String.fromCodePoint(codePoint));
    ASTRAL_CLASS.set(codePoint, word);
  }
  return word;
}

/**
 * Whether the non-ASCII UTF-16 unit at `i` of `text` (code `code`) starts or continues a word. A
 * high surrogate is judged with the unit after it, as one code point; a lone surrogate is not a
 * word character on its own, but the two units are tested together.
 */
export function isWordCodeAbove(code: number, text: string, i: number): boolean {
  if (code >= 0xd800 && code <= 0xdbff) return NON_ASCII_WORD.test(text.slice(i, i + 2));
  return isWordUnit(code);
}

/** `\s` of a regular expression, by code unit: ECMAScript white space and line terminators. */
export function isWhite(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
