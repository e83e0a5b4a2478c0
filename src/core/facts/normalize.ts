/**
 * The one text normalisation that cue phrases, aliases and page text share, so a phrase written
 * in the pack matches the way the matcher reads a page: NFKD, diacritics (combining marks)
 * stripped, lower-cased, split into runs of letters and digits. "NSO’s" → `nso s`,
 * "Lavi-Barkai" → `lavi barkai`, "1,400" → `1 400`, "إن إس أو" → `ان اس او`.
 */

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/** Arabic-Indic and Persian digits, read as the ASCII digits they are (as the matcher reads them). */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const asciiDigit = (d: string) => String(d.charCodeAt(0) & 0xf);

/** NFKD, combining marks removed, lower-cased, Eastern digits as ASCII; word separators kept as they are. */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(EASTERN_DIGITS, asciiDigit);
}

/** The word tokens of a text (runs of letters and digits after normalisation). */
export function tokenize(text: string): string[] {
  return normalizeText(text)
    .split(NON_WORD)
    .filter((token) => token.length > 0);
}

/** A cue phrase as tokens; `prefix` when the phrase ends in `*` (its last token is a word prefix). */
export interface PhraseTokens {
  tokens: string[];
  prefix: boolean;
}

/** Reads a cue phrase: trailing `*` marks the last word as a prefix ("licen*"). */
export function phraseTokens(phrase: string): PhraseTokens {
  const trimmed = phrase.trim();
  const prefix = trimmed.endsWith('*');
  return { tokens: tokenize(prefix ? trimmed.slice(0, -1) : trimmed), prefix };
}

/** A lookup key for names: the tokens joined by single spaces ("Lavi-Barkai" → "lavi barkai"). */
export function nameKey(text: string): string {
  return tokenize(text).join(' ');
}
