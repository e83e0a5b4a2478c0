/**
 * Word-level normalisation shared by every matcher: the same function folds the fact pack's cue
 * phrases and the article's words, so "Lavi‑Barkai", "LAVI-BARKAI" and "Lavi Barkai" meet.
 */

const MARKS = /[\p{M}\u00AD\u200B-\u200F\u2060\uFEFF\u0640]/gu;

/**
 * Arabic letter forms that spellings vary on (hamza seats, alef maqsura, ta marbuta), and the
 * Arabic-Indic and Persian digits some Arabic outlets print ("١٤٠٠"): as ASCII digits they meet the
 * pack's numbers ("1400").
 */
const ARABIC_FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
};
for (let d = 0; d < 10; d++) {
  ARABIC_FOLD[String.fromCharCode(0x0660 + d)] = String(d);
  ARABIC_FOLD[String.fromCharCode(0x06f0 + d)] = String(d);
}
const ARABIC_FOLD_RE = /[أإآٱىةؤئ\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * Folds one word the whole way: compatibility decomposition, diacritics (and Hebrew/Arabic points)
 * removed, lower case, Arabic letter variants unified. `foldWord` gives the same result faster;
 * this is its definition (and the tests' reference).
 */
export function foldWordFully(word: string): string {
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLD[c] ?? c);
}

/**
 * How each BMP code unit above ASCII folds on its own, filled as met: 0 not known yet,
 * FOLDS_TO_ITSELF, FOLDS_TO_OTHER (to `FOLDED[code]`, perhaps nothing: a point, a soft hyphen) or
 * FOLDS_WITH_WORD (only the folding of the whole word will do: surrogates, judged only with their
 * pair, and anything that decomposes to a capital sigma, whose lower case depends on where it
 * stands in the word).
 */
const FOLD_KIND = new Uint8Array(0x10000);
export const FOLDS_TO_ITSELF = 1;
export const FOLDS_TO_OTHER = 2;
export const FOLDS_WITH_WORD = 3;
const FOLDED: string[] = [];

/**
 * What BMP code unit `code` (above ASCII) folds to on its own: FOLDS_TO_ITSELF, FOLDS_TO_OTHER
 * (see `foldedUnit`) or FOLDS_WITH_WORD.
 */
export function foldKind(code: number): number {
  let kind = FOLD_KIND[code]!;
  if (kind === 0) {
    const c = String.fromCharCode(code);
    const folded = foldWordFully(c);
    if ((code >= 0xd800 && code <= 0xdfff) || c.normalize('NFKD').includes('\u03a3')) kind = FOLDS_WITH_WORD;
    else if (folded === c) kind = FOLDS_TO_ITSELF;
    else {
      kind = FOLDS_TO_OTHER;
      FOLDED[code] = folded;
    }
    FOLD_KIND[code] = kind;
  }
  return kind;
}

/** What a FOLDS_TO_OTHER code unit folds to (perhaps nothing). */
export const foldedUnit = (code: number): string => FOLDED[code]!;

/**
 * `foldWordFully`, character by character: each step of the folding works on one character at a
 * time (decomposition; dropping marks, so their reordering does not matter; lower case, but for
 * capital sigma, which goes the whole way; the Arabic letter forms), so a word folds to its
 * characters' foldings in a row. The full folding (Unicode normalisation and three regular
 * expressions over a new string each) took half the analysis of a Hebrew or Arabic article.
 */
export function foldWord(word: string): string {
  let i = 0;
  // Most words, Hebrew and Arabic ones included, have no character that folds to another.
  for (; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 0x7f && foldKind(c) !== FOLDS_TO_ITSELF) break;
  }
  if (i === word.length) return word.toLowerCase();
  let out = word.slice(0, i).toLowerCase();
  for (; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c <= 0x7f) out += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
    else {
      const kind = foldKind(c);
      if (kind === FOLDS_WITH_WORD) return foldWordFully(word);
      out += kind === FOLDS_TO_ITSELF ? word[i]! : FOLDED[c]!;
    }
  }
  return out;
}

/**
 * Folds running text for display-independent comparison (quotes, dashes, spaces, soft hyphens),
 * keeping punctuation. Used where whole strings are compared, e.g. a quote against page text.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
