import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorPassage } from '../../../src/core/anchor/anchor';
import { selectorsFor } from '../../../src/core/anchor/selectors';
import {
  QUOTE_CONTEXT,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../../src/core/library/types';

/** Text with the characters anchoring must survive: lone surrogates, marks, RTL, NBSP, soft hyphens. */
const awkward = fc.constantFrom(
  'a',
  'b',
  ' ',
  '\n',
  '\u00A0',
  '\u00AD',
  '\u200B',
  '\u0301',
  'é',
  'ש',
  'ִ',
  'ب',
  '😀',
  '\uD83D',
  '\uDE00',
  '’',
  '-',
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: awkward, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 300 }),
);
const anyOffset = fc.oneof(
  fc.integer({ min: -10, max: 400 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2.5, -0),
);
const anyQuote: fc.Arbitrary<TextQuoteSelector> = fc.record({
  type: fc.constant('TextQuoteSelector' as const),
  exact: anyText,
  prefix: anyText,
  suffix: anyText,
});
const anyPosition: fc.Arbitrary<TextPositionSelector | null> = fc.option(
  fc.record({ type: fc.constant('TextPositionSelector' as const), start: anyOffset, end: anyOffset }),
);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

describe('selectorsFor (properties)', () => {
  it('never throws and always describes a valid span with bounded context', () => {
    fc.assert(
      fc.property(anyText, anyOffset, anyOffset, (text, start, end) => {
        const { quote, position } = selectorsFor(text, start, end);
        expect(Number.isSafeInteger(position.start) && Number.isSafeInteger(position.end)).toBe(true);
        expect(0 <= position.start && position.start <= position.end && position.end <= text.length).toBe(
          true,
        );
        expect(quote.exact).toBe(text.slice(position.start, position.end));
        expect(quote.prefix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
        expect(quote.suffix.length).toBeLessThanOrEqual(QUOTE_CONTEXT);
        expect(text.slice(0, position.start).endsWith(quote.prefix)).toBe(true);
        expect(text.slice(position.end).startsWith(quote.suffix)).toBe(true);
        // The context's outer edges never split a surrogate pair of the text.
        const p = position.start - quote.prefix.length;
        if (quote.prefix.length > 0 && p > 0) {
          expect(isHigh(text.charCodeAt(p - 1)) && isLow(text.charCodeAt(p))).toBe(false);
        }
        const s = position.end + quote.suffix.length;
        if (quote.suffix.length > 0 && s < text.length) {
          expect(isHigh(text.charCodeAt(s - 1)) && isLow(text.charCodeAt(s))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('anchorPassage (properties)', () => {
  it('never throws on arbitrary input and returns only valid offsets', () => {
    fc.assert(
      fc.property(anyText, anyQuote, anyPosition, (text, quote, position) => {
        const found = anchorPassage(text, quote, position);
        if (found === null) return;
        expect(Number.isSafeInteger(found.start) && Number.isSafeInteger(found.end)).toBe(true);
        expect(0 <= found.start && found.start < found.end && found.end <= text.length).toBe(true);
        expect(found.score).toBeGreaterThan(0);
        expect(found.score).toBeLessThanOrEqual(1);
        expect(found.exact).toBe(text.slice(found.start, found.end) === quote.exact);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on a quote cut from the same text and perturbed', () => {
    fc.assert(
      fc.property(anyText, anyOffset, anyOffset, anyText, anyOffset, (text, start, end, insert, at) => {
        const { quote, position } = selectorsFor(text, start, end);
        const cut = Number.isFinite(at) ? Math.max(0, Math.min(text.length, Math.trunc(at))) : 0;
        const changed = text.slice(0, cut) + insert + text.slice(cut);
        const found = anchorPassage(changed, quote, position);
        if (found === null) return;
        expect(0 <= found.start && found.start < found.end && found.end <= changed.length).toBe(true);
        expect(found.exact).toBe(changed.slice(found.start, found.end) === quote.exact);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips selectorsFor on unchanged text to the same offsets with score 1', () => {
    fc.assert(
      fc.property(anyText, anyOffset, anyOffset, (text, start, end) => {
        const { quote, position } = selectorsFor(text, start, end);
        fc.pre(position.start < position.end);
        expect(anchorPassage(text, quote, position)).toEqual({
          start: position.start,
          end: position.end,
          score: 1,
          exact: true,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('finds an unchanged quote again after text is inserted before it', () => {
    const letters = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', 'ש'),
      minLength: 1,
      maxLength: 80,
    });
    const digits = fc.string({
      unit: fc.constantFrom('1', '2', '3', ' ', '\n'),
      minLength: 1,
      maxLength: 80,
    });
    fc.assert(
      fc.property(letters, letters, letters, digits, (before, exact, after, inserted) => {
        fc.pre(exact.trim() !== '');
        const text = before + exact + after;
        const { quote, position } = selectorsFor(text, before.length, before.length + exact.length);
        const changed = inserted + text;
        const found = anchorPassage(changed, quote, position);
        expect(found).not.toBeNull();
        expect(found?.exact).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
