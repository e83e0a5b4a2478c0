/** Source links: only http(s), and Text Fragments built from a whole-word prefix of the quote. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotePrefix, safeHttpUrl, sourceHref } from '../../../src/ui/overlay/model/source-link';

describe('safeHttpUrl', () => {
  it('accepts http and https, refuses every other scheme and relative or broken URLs', () => {
    expect(safeHttpUrl('https://www.jpost.com/a?b=1')).toBe('https://www.jpost.com/a?b=1');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'ftp://example.org/x',
      'chrome://settings',
      '/relative/path',
      '//example.org/x',
      'not a url',
      '',
    ]) {
      expect(safeHttpUrl(bad), bad).toBeNull();
    }
  });
});

describe('quotePrefix', () => {
  it('keeps short quotes whole, without surrounding quote marks or trailing commas', () => {
    expect(quotePrefix('Amnesty lawyer, Itai Mack,')).toBe('Amnesty lawyer, Itai Mack');
    expect(quotePrefix('“disgraceful ruling”')).toBe('disgraceful ruling');
  });

  it('stops at whole words: at most 8 words and 80 characters', () => {
    const quote = 'one two three four five six seven eight nine ten';
    expect(quotePrefix(quote)).toBe('one two three four five six seven eight');
    const long =
      'internationally recognised extraordinarily comprehensive documentation accompanying unprecedented';
    const prefix = quotePrefix(long);
    expect(prefix.length).toBeLessThanOrEqual(80);
    expect(long.startsWith(prefix)).toBe(true);
    expect(long[prefix.length]).toBe(' ');
  });

  it('stops before an elision or an editorial bracket (the text after is not contiguous)', () => {
    expect(quotePrefix('the court … dismissed it')).toBe('the court');
    expect(quotePrefix('the court... dismissed it')).toBe('the court');
    expect(quotePrefix('she [Barkai] said')).toBe('she');
    expect(quotePrefix('… only after')).toBe('');
  });

  it('is always whole words from the start of the quote (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Zא-ת0-9,.'-]{1,14}$/), { maxLength: 20 }), (words) => {
        const quote = words.join(' ');
        const prefix = quotePrefix(quote);
        const clean = quote
          .split(/…|\.\.\.|\[/)[0]!
          .replace(/\s+/g, ' ')
          .trim();
        expect(prefix.length).toBeLessThanOrEqual(Math.max(80, clean.split(' ')[0]?.length ?? 0));
        if (prefix === '') return;
        const at = clean.indexOf(prefix);
        expect(at).toBeGreaterThanOrEqual(0);
        const after = clean[at + prefix.length];
        expect(after === undefined || /[\s,;:"'“”‘’«»„(]/.test(after)).toBe(true);
      }),
    );
  });
});

describe('sourceHref', () => {
  it("adds a Text Fragment for the source's own words, percent-encoded, '-' included", () => {
    expect(sourceHref('https://www.jpost.com/a', 'Amnesty lawyer, Itai Mack,', undefined)).toBe(
      'https://www.jpost.com/a#:~:text=Amnesty%20lawyer%2C%20Itai%20Mack',
    );
    expect(sourceHref('https://x.org/a#top', 'cyber-espionage & more', false)).toBe(
      'https://x.org/a#:~:text=cyber%2Despionage%20%26%20more',
    );
    expect(sourceHref('https://x.org/he', 'בית המשפט המחוזי', undefined)).toBe(
      `https://x.org/he#:~:text=${encodeURIComponent('בית המשפט המחוזי')}`,
    );
  });

  it("adds none for the record's summary (fromRecord) or an empty prefix", () => {
    expect(sourceHref('https://x.org/a', 'Calcalist, Haaretz → "Eitay Mack"', true)).toBe('https://x.org/a');
    expect(sourceHref('https://x.org/a', '… ', undefined)).toBe('https://x.org/a');
  });

  it('refuses non-http(s) addresses whatever the quote', () => {
    expect(sourceHref('javascript:alert(1)', 'words', undefined)).toBeNull();
    expect(sourceHref('data:text/html,hi', 'words', true)).toBeNull();
  });
});
