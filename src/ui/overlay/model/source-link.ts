/**
 * Links from a card to the documents behind a fact. Only http(s) addresses become links (a pack is
 * data, and data can carry `javascript:`). When the quote is the source's own words, the link carries
 * a Text Fragment (`#:~:text=`, Chrome 80+, Firefox 131+) so the source opens at those words; a quote
 * that is the research record's summary (`fromRecord`) is not in the source, so it gets no fragment.
 */
import { safeHref } from '../../components/model/sources';
import { textFragmentUrl } from '../../components/model/text-fragment';

/** Only http(s) addresses become links (shared with the popup). */
export const safeHttpUrl = (url: string): string | null => safeHref(url);

/** How much of a quote goes into a fragment: short prefixes survive small edits in the source. */
const MAX_WORDS = 8;
const MAX_CHARS = 80;

/**
 * The first words of a quote, whole words only, up to its first elision ("…") or editorial bracket:
 * text after those is not contiguous in the source, and a fragment must match the source exactly.
 */
export function quotePrefix(quote: string): string {
  const contiguous = quote.split(/…|\.\.\.|\[/)[0] ?? '';
  const text = contiguous
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“”‘’«»„(\s]+/, '')
    .replace(/["'“”‘’«»„(,;:\s]+$/, '');
  if (text === '') return '';
  const words = text.split(' ');
  let prefix = words[0] ?? '';
  for (const word of words.slice(1, MAX_WORDS)) {
    const next = `${prefix} ${word}`;
    if (next.length > MAX_CHARS) break;
    prefix = next;
  }
  return prefix.replace(/[,;:\s]+$/, '');
}

/**
 * Where a source link points: the source's address, with a Text Fragment for the quote when the quote
 * is the source's own words. Null when the address is not http(s): the card then shows no link.
 */
export function sourceHref(url: string, quote: string, fromRecord: boolean | undefined): string | null {
  const safe = safeHttpUrl(url);
  if (safe === null) return null;
  if (fromRecord === true) return safe;
  const prefix = quotePrefix(quote);
  if (prefix === '') return safe;
  return textFragmentUrl(safe, prefix);
}
