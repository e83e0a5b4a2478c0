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
 * Folds one word: compatibility decomposition, diacritics (and Hebrew/Arabic points) removed,
 * lower case, Arabic letter variants unified. ASCII words take a fast path.
 */
export function foldWord(word: string): string {
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(ARABIC_FOLD_RE, (c) => ARABIC_FOLD[c] ?? c);
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
