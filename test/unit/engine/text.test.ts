import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, foldWord, foldWordFully } from '../../../src/core/text/normalize';
import { splitPassages } from '../../../src/core/text/passages';
import { firstAtOrAfter } from '../../../src/core/text/sorted-offsets';
import { tokenize } from '../../../src/core/text/tokens';
import { isWhite } from '../../../src/core/text/word-class';
import { splitPassages as splitPassagesV1 } from './reference/passages-v1';

const sentences = (text: string) => splitPassages(text).map((p) => text.slice(p.start, p.end));

describe('foldWord', () => {
  it('folds case and diacritics', () => {
    expect(foldWord('ÉLYSÉE')).toBe('elysee');
    expect(foldWord('Barkaï')).toBe('barkai');
  });
  it('drops Hebrew points and unifies Arabic letter forms', () => {
    expect(foldWord('פֶּגָסוּס')).toBe('פגסוס');
    expect(foldWord('إسرائيلية')).toBe(foldWord('اسرائيليه'));
  });
  it('reads Arabic-Indic and Persian digits as ASCII digits', () => {
    expect(foldWord('١٤٠٠')).toBe('1400');
    expect(foldWord('۲۰۱۹')).toBe('2019');
    expect(foldWord('٠٩')).toBe('09');
  });
  it('drops soft hyphens and tatweel', () => {
    expect(foldWord('Peg\u00ADasus')).toBe('pegasus');
    expect(foldWord('بيـغاسوس')).toBe('بيغاسوس');
  });
  it('folds a word of self-folding letters (its fast path) exactly as the full folding does', () => {
    // Ranges where folding has edge cases: Hebrew points and presentation forms, Arabic harakat,
    // hamza seats, tatweel and digits, Latin with diacritics, ligatures, capital sigma (whose
    // lower case depends on its place in the word), dotted capital I, invisible characters.
    const ranges: [number, number][] = [
      [0x41, 0x5a],
      [0x61, 0x7a],
      [0x30, 0x39],
      [0xa0, 0x24f],
      [0x391, 0x3c9],
      [0x400, 0x45f],
      [0x590, 0x5ff],
      [0x600, 0x6ff],
      [0x200b, 0x200f],
      [0xfb00, 0xfb4f],
      [0xfe70, 0xfefc],
    ];
    const unit = fc
      .integer({ min: 0, max: ranges.length - 1 })
      .chain((r) => fc.integer({ min: ranges[r]![0], max: ranges[r]![1] }))
      .map((c) => String.fromCharCode(c));
    const astral = fc.constantFrom('\u{1D400}', '\u{1F642}', '\u{2F800}');
    const word = fc.array(fc.oneof({ arbitrary: unit, weight: 9 }, { arbitrary: astral, weight: 1 }), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(word, (chars) => {
        const w = chars.join('');
        expect(foldWord(w)).toBe(foldWordFully(w));
      }),
      { numRuns: 3000 },
    );
    // Words the fast path takes (plain Hebrew and Arabic letters) and ones it must not.
    for (const w of [
      'השופטת',
      'ברקאי',
      'محكمه',
      'NSOاسرائيل',
      'ΣΟΦΙΑΣ',
      'İstanbul',
      'ﬁnal',
      'إسرائيلية',
      'פֶּגָסוּס',
    ])
      expect(foldWord(w)).toBe(foldWordFully(w));
  });
});

describe('foldText', () => {
  it('folds quotes, dashes and whitespace', () => {
    expect(foldText('“It’s\u00A0over” — she said')).toBe('"It\'s over" - she said');
  });
});

describe('tokenize', () => {
  it('keeps exact offsets into the original text', () => {
    const text = 'NSO’s  Lavi-Barkai, 1,400 “devices”';
    const t = tokenize(text);
    expect(t.words).toEqual(['nso', 's', 'lavi', 'barkai', '1', '400', 'devices']);
    for (let i = 0; i < t.count; i++) {
      expect(foldWord(text.slice(t.starts[i]!, t.ends[i]!))).toBe(t.words[i]);
    }
  });
  it('keeps a soft hyphen inside the word span', () => {
    const text = 'the Peg\u00ADasus tool';
    const t = tokenize(text);
    expect(t.words[1]).toBe('pegasus');
    expect(text.slice(t.starts[1]!, t.ends[1]!)).toBe('Peg\u00ADasus');
  });
  it('tokenises Hebrew and Arabic and skips emoji', () => {
    expect(tokenize('השופטת רחל ברקאי 🙂 محكمة').words).toEqual(['השופטת', 'רחל', 'ברקאי', 'محكمه']);
  });
});

describe('splitPassages', () => {
  it('does not split abbreviations, initials or decimals', () => {
    expect(
      sentences(
        'Judge Phyllis J. Hamilton ruled in the U.S. court. Damages fell to $4.45 million. Mr. Mack spoke.',
      ),
    ).toEqual([
      'Judge Phyllis J. Hamilton ruled in the U.S. court.',
      'Damages fell to $4.45 million.',
      'Mr. Mack spoke.',
    ]);
  });
  it('splits sentences that lost their spaces', () => {
    expect(
      sentences(
        'human rights implications.Tel Aviv District Court Judge ruled. “We are gagged.”On the other hand, no.',
      ),
    ).toEqual([
      'human rights implications.',
      'Tel Aviv District Court Judge ruled.',
      '“We are gagged.”',
      'On the other hand, no.',
    ]);
  });
  it('splits after the footnote markers of a reference work', () => {
    expect(
      sentences('Apple closed the flaws in 2016.[30] Citizen Lab reported in 2017.[4][5] NSO denied it [6].'),
    ).toEqual([
      'Apple closed the flaws in 2016.[30]',
      'Citizen Lab reported in 2017.[4][5]',
      'NSO denied it [6].',
    ]);
    // Not a footnote: four digits, or letters, in the brackets.
    expect(sentences('It ended.[2020] Then [a]. More.')).toEqual(['It ended.[2020] Then [a].', 'More.']);
  });
  it('splits after a note number printed as plain digits after a word', () => {
    expect(sentences('Amnesty said it would go to court.4 The petition followed.12 NSO denied it.')).toEqual([
      'Amnesty said it would go to court.4',
      'The petition followed.12',
      'NSO denied it.',
    ]);
    // Not a note: a version or a decimal (a digit before the mark), four digits, a lower-case word after.
    expect(
      sentences('Apple shipped iOS 9.3 The fix. It came in 2016.2019 Later. It scored.5 points.'),
    ).toEqual(['Apple shipped iOS 9.3 The fix.', 'It came in 2016.2019 Later.', 'It scored.5 points.']);
  });
  it('keeps offsets exact and never crosses a line break', () => {
    const text = '  First line without stop\nSecond one?  Third!';
    const ps = splitPassages(text);
    expect(ps.map((p) => text.slice(p.start, p.end))).toEqual([
      'First line without stop',
      'Second one?',
      'Third!',
    ]);
  });
  it('does not split before a lower-case word', () => {
    expect(sentences('He said “no.” and left.')).toEqual(['He said “no.” and left.']);
  });
  it('splits exactly as the string-based version it replaced, on texts made of tricky pieces', () => {
    // Every character class the splitter tells apart: terminators, closers, spaces, cases, digits,
    // abbreviations, initials, letters beyond ASCII (upper, lower, Hebrew, dotted İ), surrogates.
    const pieces = [
      '.',
      '!',
      '?',
      '؟',
      '۔',
      '。',
      '"',
      "'",
      '”',
      '’',
      '»',
      ')',
      ']',
      ' ',
      '\t',
      '\u00A0',
      '\r',
      '\f',
      '\n',
      'a',
      'Z',
      'x',
      'J',
      '4',
      '45',
      'Mr',
      'approx',
      'U',
      'S',
      'Jan',
      'Énfasis',
      'école',
      'ש',
      'İ',
      'ß',
      '🙂',
      '\uD83D',
      'word',
      'Tel Aviv',
      '\u2028',
      '[30]',
      '[',
      ']',
      '1234',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(splitPassages(text)).toEqual(splitPassagesV1(text));
        expect(splitPassages(text, tokenize(text))).toEqual(splitPassagesV1(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('splits Hebrew and Arabic sentences', () => {
    expect(sentences('העתירה נדחתה. אמנסטי הגיבה.')).toHaveLength(2);
    expect(sentences('رفضت المحكمة الطلب؟ نعم.')).toHaveLength(2);
  });
});

describe('isWhite', () => {
  it('is \\s of a regular expression for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhite(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('firstAtOrAfter', () => {
  it('finds the first of the first `count` sorted offsets at or after a value', () => {
    const sorted = [2, 5, 5, 9, 100];
    expect(firstAtOrAfter(sorted, 5, 0)).toBe(0);
    expect(firstAtOrAfter(sorted, 5, 5)).toBe(1);
    expect(firstAtOrAfter(sorted, 5, 6)).toBe(3);
    expect(firstAtOrAfter(sorted, 5, 101)).toBe(5);
    // Only the first `count` entries are searched (the engine's arrays are longer than their use).
    expect(firstAtOrAfter(Int32Array.from(sorted), 3, 50)).toBe(3);
    expect(firstAtOrAfter([], 0, 1)).toBe(0);
  });
  it('agrees with a linear search on random sorted arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 60 }), (xs, v) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const linear = sorted.findIndex((x) => x >= v);
        expect(firstAtOrAfter(sorted, sorted.length, v)).toBe(linear === -1 ? sorted.length : linear);
      }),
    );
  });
});
