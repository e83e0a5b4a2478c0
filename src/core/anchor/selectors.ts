/**
 * W3C Web Annotation selectors for a span of page text (issue 7). The content script calls this when
 * the researcher saves a selection; the prefix and suffix let `anchor.ts` tell repeated quotes apart
 * and place the passage again after the page changed.
 */
import { QUOTE_CONTEXT, type TextPositionSelector, type TextQuoteSelector } from '../library/types';

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** An integer offset within 0..length; NaN and fractions from hostile callers become valid offsets. */
export function clampOffset(value: number, length: number): number {
  if (!Number.isFinite(value)) return value === Number.POSITIVE_INFINITY ? length : 0;
  return Math.min(length, Math.max(0, Math.trunc(value)));
}

/**
 * The quote and position selectors for text[start..end) (end exclusive). Offsets are clamped into the
 * text (end not before start). Prefix and suffix hold up to QUOTE_CONTEXT characters, one fewer when
 * the full width would cut a surrogate pair in half, so the context is always well-formed text.
 * An empty span gives an empty quote, which validation refuses: callers save only non-empty spans.
 */
export function selectorsFor(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  const s = clampOffset(start, text.length);
  const e = Math.max(s, clampOffset(end, text.length));
  let prefixStart = Math.max(0, s - QUOTE_CONTEXT);
  if (
    prefixStart > 0 &&
    prefixStart < s &&
    isLow(text.charCodeAt(prefixStart)) &&
    isHigh(text.charCodeAt(prefixStart - 1))
  ) {
    prefixStart += 1;
  }
  let suffixEnd = Math.min(text.length, e + QUOTE_CONTEXT);
  if (
    suffixEnd > e &&
    suffixEnd < text.length &&
    isHigh(text.charCodeAt(suffixEnd - 1)) &&
    isLow(text.charCodeAt(suffixEnd))
  ) {
    suffixEnd -= 1;
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(prefixStart, s),
      suffix: text.slice(e, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

/** The quote selector for a recorded position (e.g. to rebuild context after re-anchoring). */
export function quoteAt(text: string, position: TextPositionSelector): TextQuoteSelector {
  return selectorsFor(text, position.start, position.end).quote;
}
