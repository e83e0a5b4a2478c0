/**
 * "Open at its place": a link to a saved passage in its page with a Text Fragment
 * (`#:~:text=[prefix-,]start[,end][,-suffix]`, https://wicg.github.io/scroll-to-text-fragment/).
 * Browsers match fragment terms on word boundaries within one block of rendered text, and a term
 * that does not match makes the whole directive fail (the page then opens at its top). So the quote
 * is widened to whole words with the partial words its context holds, long or multi-line quotes
 * become `start,end`, and only a few whole words of context on the same line are kept.
 */
import { QUOTE_CONTEXT } from '../../../../core/library/types';
import { safeHref } from '../../model/sources';

/** What a link is made from: a saved passage's quote selector. */
export interface QuoteParts {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Words of context kept either side; enough to tell repeated quotes apart. */
const CONTEXT_WORDS = 3;
/** Quotes longer than this (in words) are linked as a range of their first and last words. */
const RANGE_WORDS = 8;
const RANGE_END_WORDS = 4;

/** Percent-encodes a term, plus the characters the directive syntax reserves ("-", ",", "&"). */
function encodeTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0);

/** The partial word the context holds next to the quote ("" when the quote starts at a word). */
function partialBefore(prefix: string): string {
  return /\S*$/.exec(prefix)?.[0] ?? '';
}

function partialAfter(suffix: string): string {
  return /^\S*/.exec(suffix)?.[0] ?? '';
}

/**
 * Up to CONTEXT_WORDS whole words of context on the quote's own line. The context window is cut at
 * QUOTE_CONTEXT characters, so its far word counts as whole only when a space or line break bounds it
 * (or the window is shorter, i.e. the page text starts or ends there).
 */
function context(text: string, side: 'before' | 'after', windowFull: boolean): string {
  const lines = text.split(/[\n\r]/);
  const line = (side === 'before' ? lines[lines.length - 1] : lines[0]) ?? '';
  const list = words(line);
  const farEdgeBounded = lines.length > 1 || !windowFull || (side === 'before' ? /^\s/ : /\s$/).test(line);
  if (!farEdgeBounded) {
    if (side === 'before') list.shift();
    else list.pop();
  }
  return side === 'before' ? list.slice(-CONTEXT_WORDS).join(' ') : list.slice(0, CONTEXT_WORDS).join(' ');
}

/** The directive for a quote, or null when the quote has no words. */
export function textDirective(quote: QuoteParts): string | null {
  const whole = `${partialBefore(quote.prefix)}${quote.exact}${partialAfter(quote.suffix)}`;
  const lines = whole
    .split(/[\n\r]/)
    .map(words)
    .filter((line) => line.length > 0);
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (first === undefined || last === undefined) return null;
  const all = lines.flat();
  // A term must lie in one block of text: a quote over several lines is linked by its first and last.
  const main =
    lines.length > 1
      ? `${encodeTerm(first.slice(0, RANGE_END_WORDS).join(' '))},${encodeTerm(last.slice(-RANGE_END_WORDS).join(' '))}`
      : all.length > RANGE_WORDS
        ? `${encodeTerm(all.slice(0, RANGE_END_WORDS).join(' '))},${encodeTerm(all.slice(-RANGE_END_WORDS).join(' '))}`
        : encodeTerm(all.join(' '));
  const { prefix, suffix } = quote;
  const before = context(
    prefix.slice(0, prefix.length - partialBefore(prefix).length),
    'before',
    prefix.length >= QUOTE_CONTEXT,
  );
  const after = context(suffix.slice(partialAfter(suffix).length), 'after', suffix.length >= QUOTE_CONTEXT);
  return [before && `${encodeTerm(before)}-`, main, after && `-${encodeTerm(after)}`]
    .filter((part) => part !== '')
    .join(',');
}

/**
 * The page's address (its own fragment dropped) pointing at the quote; the plain address when the
 * quote has no words; null for anything that is not an http(s) address.
 */
export function passageLink(url: string, quote: QuoteParts): string | null {
  const href = safeHref(url);
  if (href === null) return null;
  const base = href.replace(/#.*$/s, '');
  const directive = textDirective(quote);
  return directive === null ? base : `${base}#:~:text=${directive}`;
}
