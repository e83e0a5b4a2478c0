/**
 * The tokeniser over UTF-16 code units: the reference reading, used for text the UTF-8 tokeniser
 * cannot take as is (a lone surrogate, which UTF-8 cannot encode).
 */
import { foldWord } from './normalize.js';
import { TokenSink } from './token-list.js';
import { ASCII_FOLD, isBreakCode, isWordCodeAbove } from './word-class.js';
import { FNV_OFFSET, FNV_PRIME, hashWord } from './word-hash.js';

export function scanUtf16(text: string): TokenSink {
  const sink = new TokenSink(text.length);
  const n = text.length;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      if (ASCII_FOLD[code] === 0) {
        if (code === 10 || code === 46 || code === 33 || code === 63) sink.lineOrSentenceBreak(i);
        i++;
        continue;
      }
    } else if (!isWordCodeAbove(code, text, i)) {
      if (code === 0x061f || code === 0x06d4 || code === 0x3002) sink.lineOrSentenceBreak(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        // A lone high surrogate is skipped with the unit after it, which may be a break.
        if (isBreakCode(text.charCodeAt(i + 1))) sink.lineOrSentenceBreak(i + 1);
        i += 2;
      } else i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let h = FNV_OFFSET;
    for (;;) {
      if (code < 0x80) {
        const f = ASCII_FOLD[code]!;
        if (f === 0) break;
        h = Math.imul(h ^ f, FNV_PRIME);
        i++;
      } else {
        if (!isWordCodeAbove(code, text, i)) break;
        ascii = false;
        i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      }
      if (i >= n) break;
      code = text.charCodeAt(i);
    }
    if (!ascii) {
      const word = foldWord(text.slice(start, i));
      if (word.length === 0) continue;
      sink.fold(word);
      h = hashWord(word);
    }
    sink.word(start, i, h, 0, -1);
  }
  return sink;
}
