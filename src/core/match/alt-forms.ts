/**
 * Other forms a word may stand for: Hebrew and Arabic attach prepositions and articles to the
 * next word ("בפגסוס", "والعفو"), so the bare form is tried too; an English ordinal day ("May
 * 14th", "November 8th, 2021") stands for its number, as the pack's date cues write it.
 */

/** Hebrew one-letter prefixes (and, the, in, to, from, that, as) and Arabic clitics. */
const HEBREW_PREFIX = /^[והבלמשכ]{1,2}/;
const ARABIC_PREFIX = /^(?:وال|بال|فال|كال|لل|ال|و|ب|ل|ف)/;

/** A day of the month written as an ordinal: "1st", "22nd", "3rd", "28th" (checked by `dayOf`). */
const ORDINAL_DAY = /^([0-9]{1,2})(st|nd|rd|th)$/;

/** The number of an ordinal day with the ending English gives it ("11th", not "11st"), or null. */
function dayOf(word: string): string | null {
  const m = ORDINAL_DAY.exec(word);
  if (!m) return null;
  const n = Number(m[1]);
  const ending =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th';
  return n >= 1 && n <= 31 && m[2] === ending ? m[1]! : null;
}

/** Whether `altForms` may have something for a word starting with code unit `c`. */
export const mayHaveForms = (c: number) => (c >= 0x30 && c <= 0x39) || c >= 0x0590;

/**
 * The word without its attached prefix (each length of a Hebrew one, and with the article a
 * Hebrew ב, ל or כ swallows), an ordinal's number, or null when it has none.
 */
export function altForms(word: string): string[] | null {
  const c = word.charCodeAt(0);
  if (c <= 0x39) {
    const day = dayOf(word);
    return day === null ? null : [day];
  }
  if (c >= 0x05d0 && c <= 0x05ea) {
    const m = HEBREW_PREFIX.exec(word);
    if (!m) return null;
    const out: string[] = [];
    for (let k = 1; k <= m[0].length; k++) {
      if (word.length - k < 2) continue;
      out.push(word.slice(k));
      // After ב, ל or כ the article ה is not written ("ברשימה" is "in the list", ב + הרשימה):
      // the word with its article is tried too, so a cue written "הרשימה" meets it.
      const p = word.charCodeAt(k - 1);
      if (p === 0x05d1 || p === 0x05dc || p === 0x05db) out.push(`\u05d4${word.slice(k)}`);
    }
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
