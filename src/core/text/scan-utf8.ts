/**
 * The tokeniser over the text's UTF-8 bytes. `TextEncoder.encodeInto` copies any string, whatever
 * its representation inside the engine (flat, sliced, concatenated), in one native pass; the loop
 * then reads a byte array, which is faster and steadier than reading the string a character at a
 * time. Offsets are still counted in UTF-16 units. It gives the same tokens as `scanUtf16`, and
 * numbers each word in `words` when given one.
 */
import { foldWord } from './normalize.js';
import { grow, TokenSink } from './token-list.js';
import { isWordAstral, isWordUnit } from './word-class.js';
import { FNV_OFFSET, FNV_PRIME, hashWord } from './word-hash.js';
import type { WordTable } from './word-table.js';

/**
 * Imported values the hot loops read, copied to module constants: a module runner that keeps
 * imports live (Vite's, under `npm run bench` and the CLI tests) reads each import through an
 * accessor, once per use.
 */
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;
const wordUnit = isWordUnit;
const wordAstral = isWordAstral;

/** The part of the Encoding standard used here (not in the core's ES2022 library types). */
declare const TextEncoder: new () => {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
};

const encoder = new TextEncoder();
/** Scratch space for the encoding, reused between calls and grown as needed. */
let scratch = new Uint8Array(1 << 16);

/** ASCII bytes: a letter's or digit's folded code (≥ WORD), BREAK for `\n.!?`, 0 for the rest. */
const BREAK = 1;
const WORD = 48;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = c;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = c;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = c + 32;
for (const c of [10, 46, 33, 63]) ASCII_CLASS[c] = BREAK;

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

/**
 * Tokens of `text` and its UTF-8 bytes (not kept when the words were numbered), or null when the
 * text holds a lone surrogate (the encoder turns it into U+FFFD, so offsets and words would differ
 * from the UTF-16 reading).
 */
export function scanUtf8(
  text: string,
  words: WordTable | null,
): { sink: TokenSink; bytes: Uint8Array | null } | null {
  const n = text.length;
  // One spare byte: a 0 after the text ends every word without a bounds check.
  if (scratch.length < n * 3 + 1) scratch = new Uint8Array(n * 3 + 1);
  const bytes = scratch;
  const written = encoder.encodeInto(text, bytes).written;
  bytes[written] = 0;
  const sink = new TokenSink(n);
  // The sink's arrays as locals (written back at the end): the loop then touches no object.
  let { starts, ends, hashes, byteStarts, ids } = sink;
  let count = 0;
  let b = 0;
  // UTF-16 offset = b - skew: multi-byte characters add to the skew, ASCII ones do not.
  let skew = 0;
  while (b < written) {
    let x = bytes[b]!;
    if (x < 0x80) {
      const f = ASCII_CLASS[x]!;
      if (f < WORD) {
        if (f === BREAK) sink.lineOrSentenceBreak(b - skew);
        b++;
        continue;
      }
    } else {
      const cp = codePointAt(bytes, b, x);
      if (cp === 0xfffd && text.charCodeAt(b - skew) !== 0xfffd) return null;
      if (cp > 0xffff ? !wordAstral(cp) : !wordUnit(cp)) {
        if (cp === 0x061f || cp === 0x06d4 || cp === 0x3002) sink.lineOrSentenceBreak(b - skew);
        const len = seqLength(x);
        b += len;
        skew += cp > 0xffff ? len - 2 : len - 1;
        continue;
      }
    }
    const start = b - skew;
    const byteStart = b;
    let ascii = true;
    let h = OFFSET;
    for (;;) {
      if (x < 0x80) {
        const f = ASCII_CLASS[x]!;
        if (f < WORD) break;
        h = Math.imul(h ^ f, PRIME);
        b++;
      } else {
        const cp = codePointAt(bytes, b, x);
        if (cp === 0xfffd && text.charCodeAt(b - skew) !== 0xfffd) return null;
        if (cp > 0xffff ? !wordAstral(cp) : !wordUnit(cp)) break;
        ascii = false;
        const len = seqLength(x);
        b += len;
        skew += cp > 0xffff ? len - 2 : len - 1;
      }
      // The spare 0 byte stops the word at the end of the text.
      x = bytes[b]!;
    }
    const end = b - skew;
    let id = -1;
    if (!ascii) {
      const word = foldWord(text.slice(start, end));
      if (word.length === 0) continue;
      sink.folded.set(count, word);
      h = hashWord(word);
      if (words) id = words.idOf(word, h);
    } else if (words) {
      // The word was just read: numbering it now reads its bytes while they are at hand.
      id = words.idOfAscii(bytes, byteStart, b - byteStart, h & 0x3fffffff, text, start);
    }
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      hashes = grow(hashes);
      byteStarts = grow(byteStarts);
      ids = grow(ids);
    }
    starts[count] = start;
    ends[count] = end;
    // 30 bits keep the hash a small integer, which engines store and compare without boxing.
    hashes[count] = h & 0x3fffffff;
    byteStarts[count] = byteStart;
    ids[count] = id;
    count++;
  }
  sink.take(starts, ends, hashes, byteStarts, ids, count);
  // Words numbered here are compared by number from now on; otherwise keep the bytes to compare.
  return { sink, bytes: words ? null : bytes.slice(0, written) };
}
