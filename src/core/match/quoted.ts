/**
 * A reading the article puts in quotation marks is someone else's words, quoted: "The Jerusalem
 * Post called him “Itai Mack”", "Press TV’s “ministry of military affairs” is house style". The
 * article reports the variant, it does not state it, so no conflict is reported there.
 */

const OPEN = 0x201c; // “
const CLOSE = 0x201d; // ”
const STRAIGHT = 0x22; // "

/**
 * How far from the reading its quotation marks are looked for: a quoted name, phrase or short
 * clause. A reading deep inside a long quotation is still reported (the safe side); the bound
 * keeps the cost per finding small on pages with thousands of them.
 */
const WINDOW = 60;

/** Whether a straight quote at `i` opens a quotation: it starts the text or follows a space or bracket. */
function opensAt(text: string, i: number, from: number): boolean {
  if (i === from) return true;
  const before = text.charCodeAt(i - 1);
  return (
    before === 0x20 ||
    before === 0x0a ||
    before === 0x09 ||
    before === 0xa0 ||
    before === 0x28 ||
    before === 0x5b
  );
}

/**
 * Whether `text[start..end)` stands inside double quotation marks that open and close within
 * `text[from..to)` (its passage), the nearest mark on each side within WINDOW characters: curly
 * quotes by their shape, straight ones by what stands before them.
 */
export function insideQuotes(text: string, from: number, to: number, start: number, end: number): boolean {
  let opened = false;
  for (let i = start - 1, stop = Math.max(from, start - WINDOW); i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === OPEN || c === CLOSE || c === STRAIGHT) {
      opened = c === OPEN || (c === STRAIGHT && opensAt(text, i, from));
      break;
    }
  }
  if (!opened) return false;
  for (let i = end, stop = Math.min(to, end + WINDOW); i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === CLOSE || c === STRAIGHT) return true;
    if (c === OPEN) return false;
  }
  return false;
}

/**
 * Whether a quotation opened in `text[from..offset)` is still open at `offset` (every mark from
 * `from` counted): a pronoun inside a quotation is the quoted speaker's, not the article's.
 */
export function quotationOpenAt(text: string, from: number, offset: number): boolean {
  let open = false;
  for (let i = from; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN) open = true;
    else if (c === CLOSE) open = false;
    else if (c === STRAIGHT) open = !open;
  }
  return open;
}
