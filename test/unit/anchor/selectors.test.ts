import { describe, expect, it } from 'vitest';
import { clampOffset, quoteAt, selectorsFor } from '../../../src/core/anchor/selectors';
import { QUOTE_CONTEXT } from '../../../src/core/library/types';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const text = (alphabet + alphabet).slice(0, 100);

describe('selectorsFor', () => {
  it('keeps QUOTE_CONTEXT characters of prefix and suffix', () => {
    expect(QUOTE_CONTEXT).toBe(32);
    const { quote, position } = selectorsFor(text, 40, 50);
    expect(position).toEqual({ type: 'TextPositionSelector', start: 40, end: 50 });
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: text.slice(40, 50),
      prefix: text.slice(8, 40),
      suffix: text.slice(50, 82),
    });
  });

  it('takes what there is near the edges of the text', () => {
    const { quote } = selectorsFor(text, 5, 97);
    expect(quote.prefix).toBe('abcde');
    expect(quote.suffix).toBe(text.slice(97));
    expect(selectorsFor(text, 0, 100).quote).toMatchObject({ prefix: '', suffix: '', exact: text });
  });

  it('clamps offsets into the text', () => {
    expect(selectorsFor('hello', -5, 99).position).toMatchObject({ start: 0, end: 5 });
    expect(selectorsFor('hello', 3, 1).position).toMatchObject({ start: 3, end: 3 });
    expect(selectorsFor('hello', Number.NaN, 2).position).toMatchObject({ start: 0, end: 2 });
    expect(selectorsFor('hello', 1.7, Number.POSITIVE_INFINITY).position).toMatchObject({ start: 1, end: 5 });
    expect(selectorsFor('', 0, 4)).toEqual({
      quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
    });
  });

  it('does not cut a surrogate pair at the start of the prefix', () => {
    // The emoji occupies indices 1 and 2; 32 characters before the quote is index 2, its second half.
    const t = `a😀${'x'.repeat(31)}QUOTE`;
    const { quote } = selectorsFor(t, 34, 39);
    expect(quote.exact).toBe('QUOTE');
    expect(quote.prefix).toBe('x'.repeat(31));
  });

  it('does not cut a surrogate pair at the end of the suffix', () => {
    const t = `QUOTE${'y'.repeat(31)}😀z`;
    expect(selectorsFor(t, 0, 5).quote.suffix).toBe('y'.repeat(31));
  });

  it('keeps a whole emoji that fits in the context', () => {
    const t = `${'x'.repeat(30)}😀QUOTE😀${'y'.repeat(30)}`;
    const { quote } = selectorsFor(t, 32, 37);
    expect(quote.prefix).toBe(`${'x'.repeat(30)}😀`);
    expect(quote.suffix).toBe(`😀${'y'.repeat(30)}`);
  });
});

describe('quoteAt', () => {
  it('rebuilds the quote selector for a position', () => {
    expect(quoteAt('one two three', { type: 'TextPositionSelector', start: 4, end: 7 })).toEqual({
      type: 'TextQuoteSelector',
      exact: 'two',
      prefix: 'one ',
      suffix: ' three',
    });
  });
});

describe('clampOffset', () => {
  it('maps any number to an integer offset within the text', () => {
    expect(clampOffset(-1, 10)).toBe(0);
    expect(clampOffset(11, 10)).toBe(10);
    expect(clampOffset(Number.NEGATIVE_INFINITY, 10)).toBe(0);
    expect(clampOffset(4.9, 10)).toBe(4);
  });
});
