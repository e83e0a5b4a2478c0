/**
 * Sentence-level passages with exact offsets. Claims are matched per passage, so boundaries
 * matter: abbreviations ("U.S.", "Mr.", "Jan."), initials ("Phyllis J. Hamilton") and decimals
 * ("$4.45M") must not split, while paragraphs that lost their spaces ("implications.Tel Aviv")
 * must — some outlet pages run sentences together.
 */

import { isBreakCode, isWhite } from './word-class.js';

export interface Passage {
  start: number;
  end: number;
}

/** Words that end with a dot without ending the sentence (folded, without the dot). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'no',
  'nos',
  'vs',
  'v',
  'inc',
  'ltd',
  'co',
  'corp',
  'gen',
  'col',
  'lt',
  'sgt',
  'rep',
  'sen',
  'gov',
  'hon',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'etc',
  'al',
  'cal',
  'approx',
  'dept',
  'est',
  'fig',
  'cf',
  'ie',
  'eg',
]);

/** Longest word in ABBREVIATIONS: a longer word before a dot is not looked up. */
const ABBREVIATION_MAX = Math.max(...[...ABBREVIATIONS].map((w) => w.length));

/**
 * A word of at most ABBREVIATION_MAX ASCII letters as one number (5 bits a letter, case folded),
 * or -1 for any other word: abbreviations are then looked up without making a string per dot.
 */
function letterCode(text: string, from: number, to: number): number {
  let code = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    code = code * 32 + (c - 96);
  }
  return code;
}
const ABBREVIATION_CODES = new Set([...ABBREVIATIONS].map((w) => letterCode(w, 0, w.length)));

/** `.!?؟۔。`: characters that may end a sentence. */
const isTerminator = (c: number) =>
  c === 46 || c === 33 || c === 63 || c === 0x061f || c === 0x06d4 || c === 0x3002;
/** `"'”’»)]`: characters that may close a sentence after its terminator. */
const isCloser = (c: number) =>
  c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;
/** Space within a line: space, tab, no-break space, carriage return, form feed. */
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 13 || c === 12;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Upper case: a letter that lower-casing changes and upper-casing does not (ASCII decided at once).
 * Beyond ASCII the code unit is judged alone, as a one-unit string.
 */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 65 && c <= 90;
  const ch = text[i]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLowerLatinAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 97 && c <= 122;
  const ch = text[i]!;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

const LETTER = /[\p{L}]/u;
/** Letter verdicts for BMP code units above ASCII, filled lazily: 0 unknown, 1 letter, 2 not. */
const LETTER_CLASS = new Uint8Array(0x10000);

/** Whether the code unit at `i` is a letter (beyond ASCII judged by \p{L}, remembered). */
export function isLetterUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let cls = LETTER_CLASS[c]!;
  if (cls === 0) {
    cls = LETTER.test(text[i]!) ? 1 : 2;
    LETTER_CLASS[c] = cls;
  }
  return cls === 1;
}

/** Start of the word (letters only) that ends right before offset `end`. */
function wordStartBefore(text: string, end: number): number {
  let s = end;
  while (s > 0 && isLetterUnit(text, s - 1)) s--;
  return s;
}

/** Whether the terminator at `dot`, followed by space up to `after`, ends a sentence. */
function isBoundary(text: string, dot: number, after: number): boolean {
  if (after >= text.length) return true;
  if (text.charCodeAt(dot) !== 46) return true;
  const word = wordStartBefore(text, dot);
  const length = dot - word;
  if (length <= ABBREVIATION_MAX && ABBREVIATION_CODES.has(letterCode(text, word, dot))) return false;
  // Initials and acronyms: "J. Hamilton", "U.S. court".
  if (length === 1 && isUpperAt(text, word)) return false;
  // Decimal numbers and versions: "4.45", "9.3.5".
  if (isDigit(text.charCodeAt(dot - 1)) && isDigit(text.charCodeAt(dot + 1))) return false;
  return true;
}

/**
 * Past the footnote markers at `j` that reference works put after a sentence ("…in 2016.[30]
 * Citizen Lab…", "….[4][5] The"): up to three digits in square brackets, each.
 */
function afterFootnotes(text: string, j: number): number {
  while (text.charCodeAt(j) === 91) {
    let k = j + 1;
    while (k - j <= 3 && isDigit(text.charCodeAt(k))) k++;
    if (k === j + 1 || text.charCodeAt(k) !== 93) break;
    j = k + 1;
  }
  return j;
}

/** An ASCII letter: a word ends there (not a number, as in "9.3.5"). */
const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Past a note number printed as plain digits after a sentence ("…legal remedies.4 When the
 * ministry…", a superscript flattened to text): up to three digits after a word's closing mark
 * (`i`, the mark; `j`, past it and its closers), then a space or the end. A lower-case word after
 * it keeps the sentence going, as after any mark.
 */
function afterNoteDigits(text: string, i: number, j: number): number {
  if (i === 0 || !isAsciiLetter(text.charCodeAt(i - 1))) return j;
  let k = j;
  while (k - j < 3 && isDigit(text.charCodeAt(k))) k++;
  if (k === j) return j;
  const c = text.charCodeAt(k);
  return k >= text.length || isSpace(c) || c === 10 ? k : j;
}

/** Offsets of every line break and terminator in `text`: where a passage may end. */
export function findBreaks(text: string): { breaks: Int32Array; breakCount: number } {
  const found: number[] = [];
  for (let i = 0; i < text.length; i++) if (isBreakCode(text.charCodeAt(i))) found.push(i);
  return { breaks: Int32Array.from(found), breakCount: found.length };
}

/** Adds the passage `text[start..end)` without the white space around it, unless nothing is left. */
function push(out: Passage[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isWhite(text.charCodeAt(s))) s++;
  while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

/**
 * Splits `text` into passages: sentences, never crossing a line break. `candidates` are the offsets
 * of its line breaks and terminators as `tokenize` noted them (found here when not given): only
 * those places are looked at. Characters are read by code, so no string is made per character.
 */
export function splitPassages(
  text: string,
  candidates: { breaks: Int32Array; breakCount: number } = findBreaks(text),
): Passage[] {
  const out: Passage[] = [];
  let start = 0;
  const n = text.length;
  const { breaks, breakCount } = candidates;
  // Every other character is neither a line break nor a terminator: only candidates are looked at,
  // from `from` on (a boundary found consumes the terminators and closers after it).
  let from = 0;
  for (let b = 0; b < breakCount; b++) {
    const i = breaks[b]!;
    if (i < from) continue;
    from = i + 1;
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      push(out, text, start, i);
      start = i + 1;
      continue;
    }
    let j = i + 1;
    while (j < n && isTerminator(text.charCodeAt(j))) j++;
    while (j < n && isCloser(text.charCodeAt(j))) j++;
    j = afterFootnotes(text, j);
    j = afterNoteDigits(text, i, j);
    if (j >= n) continue;
    const next = text.charCodeAt(j);
    if (isSpace(next) || next === 10) {
      let k = j;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (k < n && isLowerLatinAt(text, k)) continue;
      if (!isBoundary(text, i, k)) continue;
      push(out, text, start, j);
      start = j;
      from = j;
    } else if (
      isUpperAt(text, j) &&
      ch === 46 &&
      i > 0 &&
      isLowerLatinAt(text, i - 1) &&
      i - wordStartBefore(text, i) > 1
    ) {
      // Run-together sentences: "implications.Tel Aviv", "gagged.”On the other hand".
      if (!isBoundary(text, i, j)) continue;
      push(out, text, start, j);
      start = j;
      from = j;
    } else if (isUpperAt(text, j) && ch !== 46) {
      push(out, text, start, j);
      start = j;
      from = j;
    }
  }
  push(out, text, start, n);
  return out;
}
