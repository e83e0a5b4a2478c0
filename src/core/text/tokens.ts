/**
 * Splits text into word tokens with exact offsets into the original string, in one pass.
 * A word is a run of letters, digits and combining marks; soft hyphens and zero-width joiners
 * inside a word are kept in the span but dropped from the folded form ("Peg\u00ADasus" → "pegasus").
 * The same pass notes where a sentence may end, so passages need no second pass over the text.
 */
import { scanUtf8 } from './scan-utf8.js';
import { scanUtf16 } from './scan-utf16.js';
import { TokenList, TokenSink } from './token-list.js';
import type { WordTable } from './word-table.js';

export { isBreakCode } from './word-class.js';
export { hashWord } from './word-hash.js';

export interface Tokens {
  /** Folded words, in order (built on first use: scanning needs only `hashes` and `wordAt`). */
  readonly words: string[];
  /** Start offset of each word in the original text (UTF-16 units). */
  readonly starts: Int32Array;
  /** End offset (exclusive) of each word. */
  readonly ends: Int32Array;
  /** FNV-1a hash of each folded word: lets the matcher look words up without making strings. */
  readonly hashes: Int32Array;
  readonly count: number;
  /**
   * Offsets of every line break and sentence terminator (`.!?؟۔。`), ascending: the only places
   * `splitPassages` needs to look at. The first `breakCount` entries are used.
   */
  readonly breaks: Int32Array;
  readonly breakCount: number;
  /** The folded word at index `i`. */
  wordAt(i: number): string;
  /** Whether the folded word at `i` equals `word` (compares characters, allocates nothing). */
  wordEquals(i: number, word: string): boolean;
  /** Whether the word at `i` was not plain ASCII (folded: accents, Hebrew, Arabic...). */
  isFolded(i: number): boolean;
  /** The table the words were numbered in, and their numbers (null when tokenised without one). */
  readonly wordTable: WordTable | null;
  readonly ids: Int32Array | null;
}

/**
 * Tokenises `text` in one pass. ASCII words (nearly all of an English article) are lower-cased and
 * hashed character by character without making a string; other words are folded (`foldWord`) and
 * kept, since their folded form may differ in length from the original. The pass reads the text's
 * UTF-8 bytes; a text with a lone surrogate is read by code units instead (same rules). Given a
 * word table, each word is numbered in it as it is read (`ids`). Given a sink, its arrays are
 * reused: the tokens of the text tokenised into it before are then no longer valid.
 */
export function tokenize(
  text: string,
  words: WordTable | null = null,
  into: TokenSink | null = null,
): Tokens {
  const utf8 = scanUtf8(text, words, into);
  if (utf8) return new TokenList(text, utf8.sink, utf8.bytes, words);
  const sink = scanUtf16(text);
  const tokens = new TokenList(text, sink, null, words);
  if (words) for (let i = 0; i < sink.count; i++) sink.ids[i] = words.idOfToken(tokens, i, sink.hashes[i]!);
  return tokens;
}

/** Arrays `phraseWords` tokenises into, reused: a pack has thousands of phrases, each read at once. */
const phraseSink = new TokenSink(0);

/** Folded words of a phrase, as the matcher compares them (same rules as article text). */
export function phraseWords(phrase: string): string[] {
  // The words are read before the next phrase reuses the arrays.
  return tokenize(phrase, null, phraseSink).words;
}
