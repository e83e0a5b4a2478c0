/**
 * The tokeniser over the text's UTF-8 bytes. `TextEncoder.encodeInto` copies any string, whatever
 * its representation inside the engine (flat, sliced, concatenated), in one native pass; the loop
 * then reads a byte array, which is faster and steadier than reading the string a character at a
 * time. Offsets are still counted in UTF-16 units. It gives the same tokens as `scanUtf16`, and
 * numbers each word in `words` when given one.
 */
import { foldWord } from './normalize.js';
import { TokenSink } from './token-list.js';
import { ASCII_FOLD, isWordAstral, isWordUnit } from './word-class.js';
import { FNV_OFFSET, FNV_PRIME, hashWord } from './word-hash.js';
import type { WordTable } from './word-table.js';

/** The part of the Encoding standard used here (not in the core's ES2022 library types). */
declare const TextEncoder: new () => {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
};

const encoder = new TextEncoder();
/** Scratch space for the encoding, reused between calls and grown as needed. */
let scratch = new Uint8Array(1 << 16);

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
  if (scratch.length < n * 3) scratch = new Uint8Array(n * 3);
  const bytes = scratch;
  const written = encoder.encodeInto(text, bytes).written;
  const sink = new TokenSink(n);
  let b = 0;
  let u = 0;
  while (b < written) {
    let x = bytes[b]!;
    if (x < 0x80) {
      if (ASCII_FOLD[x] === 0) {
        if (x === 10 || x === 46 || x === 33 || x === 63) sink.lineOrSentenceBreak(u);
        b++;
        u++;
        continue;
      }
    } else {
      const cp = codePointAt(bytes, b, x);
      if (cp === 0xfffd && text.charCodeAt(u) !== 0xfffd) return null;
      if (cp > 0xffff ? !isWordAstral(cp) : !isWordUnit(cp)) {
        if (cp === 0x061f || cp === 0x06d4 || cp === 0x3002) sink.lineOrSentenceBreak(u);
        b += seqLength(x);
        u += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    const start = u;
    const byteStart = b;
    let ascii = true;
    let h = FNV_OFFSET;
    for (;;) {
      if (x < 0x80) {
        const f = ASCII_FOLD[x]!;
        if (f === 0) break;
        h = Math.imul(h ^ f, FNV_PRIME);
        b++;
        u++;
      } else {
        const cp = codePointAt(bytes, b, x);
        if (cp === 0xfffd && text.charCodeAt(u) !== 0xfffd) return null;
        if (cp > 0xffff ? !isWordAstral(cp) : !isWordUnit(cp)) break;
        ascii = false;
        b += seqLength(x);
        u += cp > 0xffff ? 2 : 1;
      }
      if (b >= written) break;
      x = bytes[b]!;
    }
    let id = -1;
    if (!ascii) {
      const word = foldWord(text.slice(start, u));
      if (word.length === 0) continue;
      sink.fold(word);
      h = hashWord(word);
      if (words) id = words.idOf(word, h);
    } else if (words) {
      // The word was just read: numbering it now reads its bytes while they are at hand.
      id = words.idOfAscii(bytes, byteStart, b - byteStart, h & 0x3fffffff, text, start);
    }
    sink.word(start, u, h, byteStart, id);
  }
  // Words numbered here are compared by number from now on; otherwise keep the bytes to compare.
  return { sink, bytes: words ? null : bytes.slice(0, written) };
}
