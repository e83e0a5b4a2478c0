/**
 * The tokeniser over the text's UTF-8 bytes. `TextEncoder.encodeInto` copies any string, whatever
 * its representation inside the engine (flat, sliced, concatenated), in one native pass; the loop
 * then reads a byte array, which is faster and steadier than reading the string a character at a
 * time. Offsets are still counted in UTF-16 units. It gives the same tokens as `scanUtf16`, and
 * numbers each word in `words` when given one.
 *
 * An ASCII word of up to fifteen characters (nearly every word of an English article) is packed,
 * as it is read, into three small integers that spell it exactly (`WordTable.shortSlots`):
 * numbering it is then one probe with no characters compared. Hashes are not computed here:
 * `TokenList` works them out if someone asks (the numbered scan never does).
 */
import { FOLDS_TO_ITSELF, FOLDS_TO_OTHER, foldedUnit, foldKind, foldWord } from './normalize.js';
import { grow, growBytes, TokenSink } from './token-list.js';
import { isWordAstral, isWordUnit } from './word-class.js';
import { FNV_OFFSET, FNV_PRIME, hashWord } from './word-hash.js';
import { SHORT_FREE, SHORT_WORD, type WordTable } from './word-table.js';

/**
 * Imported values the hot loops read, copied to module constants: a module runner that keeps
 * imports live (Vite's, under `npm run bench` and the CLI tests) reads each import through an
 * accessor, once per use.
 */
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;
const wordUnit = isWordUnit;
const wordAstral = isWordAstral;
const SHORT = SHORT_WORD;
const FREE = SHORT_FREE;

/** The part of the Encoding standard used here (not in the core's ES2022 library types). */
declare const TextEncoder: new () => {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
};

const encoder = new TextEncoder();
/** `slots` when there is no table (never probed). */
const EMPTY_SLOTS = new Int32Array(4);
/** Scratch space for the encoding, reused between calls and grown as needed, up to KEEP_BYTES. */
let scratch = new Uint8Array(1 << 16);
const KEEP_BYTES = 3_300_001;

/**
 * Each byte's class: 1–36 an ASCII letter or digit (its 6-bit code in a packed word, case
 * folded: digits 1–10, letters 11–36), BREAK for `\n.!?`, LEAD for a byte ≥ 0x80 (a multi-byte
 * character, decoded on the spot), 0 for the rest.
 */
const LETTERS = 37;
const BREAK = 40;
const LEAD = 41;
const CLASS = new Uint8Array(256);
for (let c = 48; c <= 57; c++) CLASS[c] = c - 47;
for (let c = 97; c <= 122; c++) CLASS[c] = c - 86;
for (let c = 65; c <= 90; c++) CLASS[c] = c - 54;
for (const c of [10, 46, 33, 63]) CLASS[c] = BREAK;
for (let c = 0x80; c < 0x100; c++) CLASS[c] = LEAD;

/** The code point of the multi-byte sequence at `b` (UTF-8 from the encoder, so well formed). */
function codePointAt(bytes: Uint8Array, b: number, lead: number): number {
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | (bytes[b + 1]! & 0x3f);
  if (lead < 0xf0) return ((lead & 0x0f) << 12) | ((bytes[b + 1]! & 0x3f) << 6) | (bytes[b + 2]! & 0x3f);
  return (
    ((lead & 0x07) << 18) |
    ((bytes[b + 1]! & 0x3f) << 12) |
    ((bytes[b + 2]! & 0x3f) << 6) |
    (bytes[b + 3]! & 0x3f)
  );
}

/** Bytes of the sequence that starts with `lead`. */
const seqLength = (lead: number) => (lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);

const isWordCode = (cp: number) => (cp > 0xffff ? wordAstral(cp) : wordUnit(cp));

/**
 * Words beyond ASCII up to this many bytes are folded as they are decoded (`foldBytes`); a longer
 * run of letters (no real word) goes the slow way. The scratch below fits the longest folding of
 * that many bytes: no character folds to more than 18 units (U+FDFA), nor takes fewer than 1 byte.
 */
const FOLD_FAST_BYTES = 256;
const units = new Uint16Array(FOLD_FAST_BYTES * 18);

/**
 * Folds the word at `bytes[from..to)` into `units`, character by character (as `foldWord` does),
 * and returns its length; -1 when a character needs the whole word folded at once (a capital
 * sigma, a character beyond the BMP).
 */
function foldBytes(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; ) {
    const y = bytes[k]!;
    if (y < 0x80) {
      units[n++] = y >= 65 && y <= 90 ? y + 32 : y;
      k++;
      continue;
    }
    const cp = codePointAt(bytes, k, y);
    if (cp > 0xffff) return -1;
    k += seqLength(y);
    const kind = foldKind(cp);
    if (kind === FOLDS_TO_ITSELF) units[n++] = cp;
    else if (kind === FOLDS_TO_OTHER) {
      const f = foldedUnit(cp);
      for (let j = 0; j < f.length; j++) units[n++] = f.charCodeAt(j);
    } else return -1;
  }
  return n;
}

/** `hashWord` of `units[0..n)`. */
function hashUnits(n: number): number {
  let h = OFFSET;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ units[k]!, PRIME);
  return h & 0x3fffffff;
}

/** FNV-1a of the folded ASCII word at `bytes[from..to)`, 30 bits (as `hashWord` gives it). */
function hashAscii(bytes: Uint8Array, from: number, to: number): number {
  let h = OFFSET;
  for (let k = from; k < to; k++) {
    const c = bytes[k]!;
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), PRIME);
  }
  return h & 0x3fffffff;
}

/**
 * Tokens of `text` and its UTF-8 bytes (not kept when the words were numbered), or null when the
 * text holds a lone surrogate (the encoder turns it into U+FFFD, so offsets and words would differ
 * from the UTF-16 reading). `sink`: arrays to fill (the engine reuses them); a new one otherwise.
 */
export function scanUtf8(
  text: string,
  words: WordTable | null,
  into: TokenSink | null = null,
): { sink: TokenSink; bytes: Uint8Array | null } | null {
  const n = text.length;
  // One spare byte: a 0 after the text ends every word without a bounds check.
  // Kept for the next text up to KEEP_BYTES; a longer text's bytes are its own, dropped after it.
  let bytes = scratch;
  if (bytes.length < n * 3 + 1) {
    bytes = new Uint8Array(n * 3 + 1);
    if (bytes.length <= KEEP_BYTES) scratch = bytes;
  }
  const written = encoder.encodeInto(text, bytes).written;
  bytes[written] = 0;
  const sink = into ?? new TokenSink(n);
  sink.reset(n);
  // The sink's arrays as locals (written back at the end): the loop then touches no object.
  let { starts, ends, byteStarts, ids, breaks } = sink;
  const folded = sink.folded;
  let foldFlags = sink.foldFlags;
  let foldCount = 0;
  // The table's short-word slots, probed here rather than through a call per word (whether the
  // engine inlines a call depends on what ran before; this probe runs for nearly every word).
  let slots = words ? words.shortSlots : EMPTY_SLOTS;
  let mask = (slots.length >> 2) - 1;
  const cls = CLASS;
  let count = 0;
  let breakCount = 0;
  let b = 0;
  // UTF-16 offset = b - skew: multi-byte characters add to the skew, ASCII ones do not.
  let skew = 0;
  while (b < written) {
    const x = bytes[b]!;
    let c = cls[x]!;
    if (c === 0) {
      b++;
      continue;
    }
    if (c === BREAK) {
      if (breakCount === breaks.length) breaks = grow(breaks);
      breaks[breakCount++] = b - skew;
      b++;
      continue;
    }
    const start = b - skew;
    const byteStart = b;
    let ascii = true;
    // The word spelt in 6-bit codes: characters 1–5 in `lo`, 6–10 in `mid`, 11–15 in `hi`.
    let lo = 0;
    let mid = 0;
    let hi = 0;
    if (c === LEAD) {
      const cp = codePointAt(bytes, b, x);
      if (cp === 0xfffd && text.charCodeAt(start) !== 0xfffd) return null;
      if (!isWordCode(cp)) {
        if (cp === 0x061f || cp === 0x06d4 || cp === 0x3002) {
          if (breakCount === breaks.length) breaks = grow(breaks);
          breaks[breakCount++] = start;
        }
        const len = seqLength(x);
        b += len;
        skew += cp > 0xffff ? len - 2 : len - 1;
        continue;
      }
      ascii = false;
    } else {
      // Characters 1–5, then (the word going on) 6–10, then 11–15, then the rest unpacked: a loop
      // per part rather than a test of the length at every character. The spare 0 byte stops the
      // word at the end of the text.
      let len = 0;
      do {
        lo = (lo << 6) | c;
        c = cls[bytes[++b]!]!;
      } while (++len < 5 && c < LETTERS && c > 0);
      if (len === 5 && c < LETTERS && c > 0) {
        do {
          mid = (mid << 6) | c;
          c = cls[bytes[++b]!]!;
        } while (++len < 10 && c < LETTERS && c > 0);
        if (len === 10 && c < LETTERS && c > 0) {
          do {
            hi = (hi << 6) | c;
            c = cls[bytes[++b]!]!;
          } while (++len < 15 && c < LETTERS && c > 0);
          while (c < LETTERS && c > 0) c = cls[bytes[++b]!]!;
        }
      }
      // A letter beyond ASCII ("Barkai-Lavie" no, "Rachelé" yes) makes the rest of the word slow.
      if (c === LEAD) {
        const cp = codePointAt(bytes, b, bytes[b]!);
        if (cp === 0xfffd && text.charCodeAt(b - skew) !== 0xfffd) return null;
        if (isWordCode(cp)) ascii = false;
      }
    }
    if (!ascii) {
      for (;;) {
        const y = bytes[b]!;
        if (y < 0x80) {
          const k = cls[y]!;
          if (k === 0 || k >= LETTERS) break;
          b++;
        } else {
          const cp = codePointAt(bytes, b, y);
          if (cp === 0xfffd && text.charCodeAt(b - skew) !== 0xfffd) return null;
          if (!isWordCode(cp)) break;
          const len = seqLength(y);
          b += len;
          skew += cp > 0xffff ? len - 2 : len - 1;
        }
      }
    }
    const end = b - skew;
    let id = -1;
    if (!ascii) {
      // Numbered words are folded as decoded, and a string is made only for a new word; others
      // (and the rare word `foldBytes` leaves to the whole-word folding) from their text.
      const length = words !== null && b - byteStart <= FOLD_FAST_BYTES ? foldBytes(bytes, byteStart, b) : -1;
      if (length === 0) continue;
      if (length > 0 && words !== null) id = words.idOfUnits(units, length, hashUnits(length));
      else {
        const word = foldWord(text.slice(start, end));
        if (word.length === 0) continue;
        // A numbered word's folded form is the table's text of its number.
        if (words) id = words.idOf(word, hashWord(word));
        else folded.set(count, word);
      }
      if (count >= foldFlags.length) foldFlags = growBytes(foldFlags, count + 1);
      foldFlags[count] = 1;
      foldCount++;
    } else if (words) {
      const length = b - byteStart;
      if (length <= SHORT) {
        // WordTable's shortHome, written out (a test checks that the two agree).
        let s =
          (Math.imul(lo ^ Math.imul(mid, 0x9e3779b1) ^ Math.imul(hi, 0xc2b2ae35), 0x85ebca6b) >>> 7) & mask;
        for (;;) {
          const at = s << 2;
          const found = slots[at]!;
          if (found === FREE) {
            id = words.addShortAt(s, lo, mid, hi, text, start, length);
            slots = words.shortSlots;
            mask = (slots.length >> 2) - 1;
            break;
          }
          if (slots[at + 1] === lo && slots[at + 2] === mid && slots[at + 3] === hi) {
            id = found;
            break;
          }
          s = (s + 1) & mask;
        }
      } else id = words.idOfAscii(bytes, byteStart, length, hashAscii(bytes, byteStart, b), text, start);
    }
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      byteStarts = grow(byteStarts);
      ids = grow(ids);
    }
    starts[count] = start;
    ends[count] = end;
    // Byte offsets serve to compare words later, which numbered words never need.
    if (words === null) byteStarts[count] = byteStart;
    ids[count] = id;
    count++;
  }
  sink.take(starts, ends, byteStarts, ids, count, breaks, breakCount, foldFlags, foldCount);
  // Words numbered here are compared by number from now on; otherwise keep the bytes to compare.
  return { sink, bytes: words ? null : bytes.slice(0, written) };
}
