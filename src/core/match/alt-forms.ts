/**
 * Other forms a word may stand for: Hebrew and Arabic attach prepositions and articles to the
 * next word ("בפגסוס", "والعفو"), so the bare form is tried too.
 */

/** Hebrew one-letter prefixes (and, the, in, to, from, that, as) and Arabic clitics. */
const HEBREW_PREFIX = /^[והבלמשכ]{1,2}/;
const ARABIC_PREFIX = /^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)/;

/** The word without its attached prefix (each length of a Hebrew one), or null when it has none. */
export function altForms(word: string): string[] | null {
  const c = word.charCodeAt(0);
  if (c >= 0x05d0 && c <= 0x05ea) {
    const m = HEBREW_PREFIX.exec(word);
    if (!m) return null;
    const out: string[] = [];
    for (let k = 1; k <= m[0].length; k++) if (word.length - k >= 2) out.push(word.slice(k));
    return out.length ? out : null;
  }
  if (c >= 0x0620 && c <= 0x064a) {
    const m = ARABIC_PREFIX.exec(word);
    if (!m || word.length - m[0].length < 2) return null;
    const rest = word.slice(m[0].length);
    // "والعفو" → "العفو" as well as "عفو": aliases may be written with or without the article.
    // Never the word itself: a form equal to it would be followed twice.
    return m[0].endsWith('ال') && m[0] !== 'ال' ? [`ال${rest}`, rest] : [rest];
  }
  return null;
}
