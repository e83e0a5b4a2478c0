/**
 * REFERENCE ONLY: passage splitting as it was before the char-code rewrite (commit 1358022), kept so
 * the rewrite can be checked against it on random texts (text.test.ts).
 */
/**
 * Sentence-level passages with exact offsets. Claims are matched per passage, so boundaries
 * matter: abbreviations ("U.S.", "Mr.", "Jan."), initials ("Phyllis J. Hamilton") and decimals
 * ("$4.45M") must not split, while paragraphs that lost their spaces ("implications.Tel Aviv")
 * must — some outlet pages run sentences together.
 */

import { ABBREVIATIONS, findBreaks, isLetterUnit, type Passage } from '../../../../src/core/text/passages';
import { isWhite } from '../../../../src/core/text/word-class';

// The abbreviation list, the letter test, the break finder and the passage shape are the production
// module's: the reference differs in how it reads the text, which is what the comparison tests.

const TERMINATORS = '.!?\u061F\u06D4\u3002';
const CLOSERS = '"\'\u201D\u2019\u00BB)]';

/** Upper case: a letter that lower-casing changes and upper-casing does not (ASCII decided at once). */
function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80 && ch.length === 1) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLowerLatin(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80 && ch.length === 1) return c >= 97 && c <= 122;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00A0' || ch === '\r' || ch === '\f';
}

/** The word that ends right before offset `end` (letters only). */
function wordBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && isLetterUnit(text, s - 1)) s--;
  return text.slice(s, end);
}

function isBoundary(text: string, dot: number, after: number): boolean {
  const ch = text[dot]!;
  const next = text[after];
  if (next === undefined) return true;
  if (ch !== '.') return true;
  const word = wordBefore(text, dot);
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // Initials and acronyms: "J. Hamilton", "U.S. court".
  if (word.length === 1 && isUpper(word)) return false;
  // Decimal numbers and versions: "4.45", "9.3.5".
  if (/\d/.test(text[dot - 1] ?? '') && /\d/.test(text[dot + 1] ?? '')) return false;
  return true;
}

/**
 * Splits `text` into passages: sentences, never crossing a line break. `candidates` are the offsets
 * of its line breaks and terminators as `tokenize` noted them (found here when not given): only
 * those places are looked at.
 */
export function splitPassages(
  text: string,
  candidates: { breaks: Int32Array; breakCount: number } = findBreaks(text),
): Passage[] {
  const out: Passage[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isWhite(text.charCodeAt(s))) s++;
    while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  const n = text.length;
  const { breaks, breakCount } = candidates;
  // Every other character is neither a line break nor a terminator: only candidates are looked at,
  // from `from` on (a boundary found consumes the terminators and closers after it).
  let from = 0;
  for (let b = 0; b < breakCount; b++) {
    const i = breaks[b]!;
    if (i < from) continue;
    from = i + 1;
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      continue;
    }
    let j = i + 1;
    while (j < n && TERMINATORS.includes(text[j]!)) j++;
    while (j < n && CLOSERS.includes(text[j]!)) j++;
    // Footnote markers after the sentence: "2016.[30] Citizen Lab".
    for (let m = /^\[\d{1,3}\]/.exec(text.slice(j)); m; m = /^\[\d{1,3}\]/.exec(text.slice(j)))
      j += m[0].length;
    // A note number as plain digits after a word's closing mark: "remedies.4 When".
    if (/[A-Za-z]/.test(text[i - 1] ?? '')) {
      const m = /^\d{1,3}(?=[ \t\u00a0\r\f\n]|$)/.exec(text.slice(j));
      if (m) j += m[0].length;
    }
    const next = text[j];
    if (next === undefined) continue;
    if (isSpace(next) || next === '\n') {
      let k = j;
      while (k < n && isSpace(text[k]!)) k++;
      const following = text[k];
      if (following !== undefined && isLowerLatin(following)) continue;
      if (!isBoundary(text, i, k)) continue;
      push(j);
      start = j;
      from = j;
    } else if (
      isUpper(next) &&
      ch === '.' &&
      isLowerLatin(text[i - 1] ?? '') &&
      wordBefore(text, i).length > 1
    ) {
      // Run-together sentences: "implications.Tel Aviv", "gagged.”On the other hand".
      if (!isBoundary(text, i, j)) continue;
      push(j);
      start = j;
      from = j;
    } else if (isUpper(next) && ch !== '.') {
      push(j);
      start = j;
      from = j;
    }
  }
  push(n);
  return out;
}
