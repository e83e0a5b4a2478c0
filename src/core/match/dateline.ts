/**
 * A wire dateline names where the story was filed, not where anything in it happened: "SAN
 * FRANCISCO (AP) —" over a story about a suit in Oakland is no claim about the court. A reading
 * the pack calls wrong or imprecise is therefore not reported inside one.
 */

/** The rest of a dateline's place: more capitals, then perhaps a region ("TEL AVIV, Israel"). */
const PLACE_REST = String.raw`[A-Z .'-]*(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)?`;
/** A dateline's end: perhaps an agency in brackets ("(MPA)"), then the dash. */
const AGENCY_DASH = String.raw`\s*(?:\([^()\n]{1,40}\)\s*)?[\u2014\u2013-]`;

/** What may follow the place in a dateline: the rest of the place, a day ("July 13"), the end. */
const AFTER_PLACE = new RegExp(String.raw`^${PLACE_REST}(?:,?\s+[A-Z][a-z]{2,}\.?\s+\d{1,2})?${AGENCY_DASH}`);

/** A dateline up to its date: the place in capitals at the start of a line, then a comma. */
const PLACE_THEN_COMMA = new RegExp(String.raw`^[A-Z]${PLACE_REST},\s*$`);
/** What may follow a dateline's date: its year, then the end. */
const AFTER_DATE = new RegExp(String.raw`^(?:,?\s*\d{4})?${AGENCY_DASH}`);

/**
 * Whether `text[start..end)` is in a dateline: its place (written in capitals, at the start of a
 * line, followed by what a dateline has before its dash), or its date ("TEL AVIV, 13 July (MPA) –":
 * the day the story was filed, not the day of anything in it).
 */
export function inDateline(text: string, start: number, end: number): boolean {
  return placeOfDateline(text, start, end) || dateOfDateline(text, start, end);
}

function dateOfDateline(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > 60) return false;
  return PLACE_THEN_COMMA.test(text.slice(lineStart, start)) && AFTER_DATE.test(text.slice(end, end + 50));
}

function placeOfDateline(text: string, start: number, end: number): boolean {
  // Nearly every finding has a lower-case letter among its first few: no string is made for it.
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  const place = text.slice(start, end);
  if (!/[A-Z]/.test(place) || place !== place.toUpperCase()) return false;
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  return AFTER_PLACE.test(text.slice(end, end + 80));
}
