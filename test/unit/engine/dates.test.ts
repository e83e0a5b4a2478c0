import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATE_STARTERS,
  datelineDate,
  findDateMentions,
  findDateMentionsAt,
  formatLongDate,
  mentionFits,
  weekdayWithDate,
} from '../../../src/core/dates/date-mentions';
import { tokenize } from '../../../src/core/text/tokens';

const one = (text: string) => {
  const m = findDateMentions(text);
  expect(m).toHaveLength(1);
  return m[0]!;
};

describe('findDateMentions', () => {
  it('reads the common English forms with exact spans', () => {
    const text = 'On 12 July 2020, and on July 13, 2020, and 2019-05-13.';
    const ms = findDateMentions(text);
    expect(ms.map((m) => [m.text, m.year, m.month, m.day])).toEqual([
      ['12 July 2020', 2020, 7, 12],
      ['July 13, 2020', 2020, 7, 13],
      ['2019-05-13', 2019, 5, 13],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('reads months, weekdays and years in context', () => {
    expect(one('filed in January by').precision).toBe('month');
    expect(one('filed in October 2019').year).toBe(2019);
    expect(one('in his ruling on Monday').weekday).toBe(1);
    expect(one('back in 2018, Amnesty').text).toBe('2018');
    expect(one('filed last May, the petition').precision).toBe('month');
  });
  it('never reads the verb "may" as a month', () => {
    expect(findDateMentions('The court may rule; those in may object.')).toHaveLength(0);
    expect(findDateMentions('The court may rule in May.').map((m) => m.text)).toEqual(['May']);
  });
});

describe('mentionFits', () => {
  it('compares a weekday with the date’s own weekday, whatever the article date', () => {
    const monday = one('on Monday');
    expect(mentionFits(monday, '2020-07-13', '2020-07-13')).toBe(true);
    expect(mentionFits(monday, '2020-07-12', '2020-07-13')).toBe(false);
    expect(mentionFits(monday, '2020-07-13', null)).toBe(true);
    expect(mentionFits(one('on Thursday'), '2020-01-16', '2020-01-17')).toBe(true);
    // A timeline or a review written later names the same days: "ahead of Thursday's hearing".
    expect(mentionFits(one('ahead of Thursday’s hearing'), '2020-01-16', '2020-07-20')).toBe(true);
    expect(mentionFits(one('the court ruled on Monday'), '2020-07-13', '2020-07-22')).toBe(true);
    expect(mentionFits(one('the court ruled on Monday'), '2020-07-12', '2020-07-22')).toBe(false);
  });
  it('resolves a month without a year to the latest such month', () => {
    const january = one('in January');
    expect(mentionFits(january, '2020-01-16', '2020-07-13')).toBe(true);
    expect(mentionFits(january, '2019-05-13', '2020-07-13')).toBe(false);
    expect(mentionFits(one('in October'), '2019-10-29', '2020-01-16')).toBe(true);
  });
});

describe('weekdayWithDate', () => {
  it('tells a weekday written with its date from a bare one', () => {
    const at = (text: string, weekday: string) =>
      weekdayWithDate(text, text.indexOf(weekday) + weekday.length);
    expect(at('a report of Monday 19 June 2017 documented', 'Monday')).toBe(true);
    expect(at('filed on Monday, May 13, 2019, against', 'Monday')).toBe(true);
    expect(at('filed on Monday, 13th May', 'Monday')).toBe(true);
    expect(at('in his ruling on Monday dismissed the petition', 'Monday')).toBe(false);
    expect(at('on Monday, the court said', 'Monday')).toBe(false);
    expect(at('on Monday 2020 was', 'Monday')).toBe(false);
  });
});

describe('formatting and datelines', () => {
  it('formats long dates with the weekday', () => {
    expect(formatLongDate('2020-07-12')).toBe('Sunday 12 July 2020');
  });
  it('finds a dateline date near the top only', () => {
    expect(datelineDate('TEL AVIV, 16 January 2020 (AFP) - Amnesty...')).toBe('2020-01-16');
    expect(datelineDate(`${'x '.repeat(400)} 16 January 2020`)).toBeNull();
  });
});

describe('findDateMentionsAt', () => {
  // Words, numbers and the characters around them that decide where a date may start.
  const pieces = [
    ' ',
    ' ',
    ', ',
    '. ',
    '-',
    '_',
    '%',
    ' percent',
    '\n',
    '’',
    'x',
    'On',
    'in',
    'In',
    'since',
    'back',
    'by',
    'until',
    'from',
    'early',
    'late',
    'mid',
    'mid-',
    'may',
    'May',
    'Mayor',
    'March',
    'Mar.',
    'Sept',
    'Sep.',
    'December',
    'dec',
    'decision',
    'Monday',
    'MONDAY',
    'the',
    '12',
    '1',
    '31',
    '32',
    '12th',
    '2020',
    '1999',
    '2020-07-13',
    '07',
    'st',
    'x2020',
    '2020s',
    'é',
    'July',
    'Jul.',
    'Thursday,',
  ];
  it('finds what a search through the whole text finds, trying only the words a date can start with', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const tokens = tokenize(text);
        const at: number[] = [];
        for (let t = 0; t < tokens.count; t++) {
          // The caller's precondition: every word plain ASCII (else it searches the whole text).
          if (tokens.isFolded(t)) return;
          const c = text.charCodeAt(tokens.starts[t]!);
          if ((c >= 48 && c <= 57) || DATE_STARTERS.has(tokens.wordAt(t))) at.push(tokens.starts[t]!);
        }
        expect(findDateMentionsAt(text, at, at.length, 7)).toEqual(findDateMentions(text, 7));
      }),
      { numRuns: 4000 },
    );
  });
  it('misses a date whose first word it is not given (so the test above can fail)', () => {
    expect(findDateMentionsAt('on 12 July 2020', [], 0)).toEqual([]);
    expect(findDateMentionsAt('on 12 July 2020', [3], 1).map((m) => m.text)).toEqual(['12 July 2020']);
  });
});
