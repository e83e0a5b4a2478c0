/** The hash every tokeniser gives a folded word, and the phrase index looks words up by. */

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/** FNV-1a over the UTF-16 units of a folded word, kept to 30 bits (as `TokenSink` stores it). */
export function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return h & 0x3fffffff;
}
