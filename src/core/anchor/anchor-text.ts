/**
 * The folded view of page text that fuzzy re-anchoring searches (issue 7). Pages change in ways a
 * reader does not see — whitespace and line breaks re-flowed, soft hyphens and zero-width characters
 * inserted, curly quotes swapped for straight ones, accents and Hebrew/Arabic points added or dropped —
 * so quotes are compared in a folded form. Every folded character remembers the span of the original
 * text it came from, so matches found in the folded text map back to offsets into the ORIGINAL text.
 */
import { firstAtOrAfter } from '../text/sorted-offsets';

/** Invisible characters pages insert or drop freely (soft hyphen, zero-width and direction marks). */
const INVISIBLE = /^[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]$/;
const SPACE = /^\s$/;
const MARK = /\p{M}/gu;
const SINGLE_QUOTES = /^[\u2018\u2019\u201A\u201B\u2032\u00B4`]$/;
const DOUBLE_QUOTES = /^[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]$/;
const DASHES = /^[\u2010-\u2015\u2212]$/;

/** Folded text plus, per folded code unit, the original span [starts[i], ends[i]) it stands for. */
export interface FoldedText {
  folded: string;
  starts: Int32Array;
  ends: Int32Array;
}

/** How one code point (not ASCII) folds: '' to drop it, ' ' for space, else its folded form. */
function foldCodePoint(cp: string): string {
  if (INVISIBLE.test(cp)) return '';
  if (SPACE.test(cp)) return ' ';
  if (SINGLE_QUOTES.test(cp)) return "'";
  if (DOUBLE_QUOTES.test(cp)) return '"';
  if (DASHES.test(cp)) return '-';
  // Decompose and drop combining marks, so "é" and "e\u0301", pointed and unpointed Hebrew meet.
  return cp.normalize('NFD').replace(MARK, '');
}

/** Folds text, recording the original span of each folded code unit. Whitespace runs become one space. */
export function foldWithMap(text: string): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastSpace = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let width = 1;
    let piece: string;
    if (code < 0x80) {
      piece = code === 0x20 || (code >= 0x09 && code <= 0x0d) ? ' ' : (text[i] as string);
    } else {
      const cp = String.fromCodePoint(text.codePointAt(i) as number);
      width = cp.length;
      piece = foldCodePoint(cp);
    }
    if (piece === ' ') {
      if (!lastSpace) {
        out.push(' ');
        starts.push(i);
        ends.push(i + width);
      }
      lastSpace = true;
    } else if (piece === '') {
      // A combining mark belongs to the character before it: a match ending there must include it.
      if (ends.length > 0 && !lastSpace && code >= 0x80 && !INVISIBLE.test(text.slice(i, i + width))) {
        ends[ends.length - 1] = i + width;
      }
    } else {
      for (let k = 0; k < piece.length; k++) {
        out.push(piece[k] as string);
        starts.push(i);
        ends.push(i + width);
      }
      lastSpace = false;
    }
    i += width;
  }
  return { folded: out.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The folded form alone (for quotes and context, which need no offsets). */
export function fold(text: string): string {
  return foldWithMap(text).folded;
}

/** The first folded index whose original span starts at or after `offset` (folded length if none). */
export function toFolded(map: FoldedText, offset: number): number {
  return firstAtOrAfter(map.starts, map.starts.length, offset);
}

/** Levenshtein distance (two rows; callers keep both strings short). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, (prev[j] as number) + 1, (cur[j - 1] as number) + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/**
 * Similarity 0..1 of two short strings. Unrelated text of the same language still shares about a
 * third of its characters in edit-distance terms, so that baseline counts as no agreement at all.
 */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const raw = 1 - editDistance(a, b) / longest;
  return Math.max(0, (raw - 0.3) / 0.7);
}
