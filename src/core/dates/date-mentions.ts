/**
 * Finds dates and weekdays written in English article text ("12 July 2020", "July 12, 2020",
 * "in October", "on Monday", "2020-07-13") with one regex pass, and resolves them against the
 * article's own date, so a passage's date can be checked against what the record says.
 */

export type DatePrecision = 'day' | 'month' | 'year' | 'weekday';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  precision: DatePrecision;
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday?: number;
}

/** Month and weekday names (lower case; the patterns built from them ignore case). */
export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const M = `(${MONTHS.join('|')}|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)`;
const D = '(\\d{1,2})(?:st|nd|rd|th)?';
const Y = '((?:19|20)\\d{2})';
const PATTERN = new RegExp(
  [
    `\\b${Y}-(\\d{2})-(\\d{2})\\b`, // ISO
    `\\b${D}\\s+${M}(?:,?\\s+${Y})?\\b`, // 12 July 2020
    `\\b${M}\\s+${D}(?:,\\s*${Y})?\\b(?!\\s*(?:percent|per cent|%))`, // July 12, 2020
    `\\b${M}\\s+${Y}\\b`, // July 2020
    `\\b(?:in|since|from|until|by|early|late|mid-?|last)\\s+${M}\\b(?!,?\\s+\\d)`, // in October, last May
    `\\b(${WEEKDAYS.join('|')})\\b`,
    `\\b(?:in|since|back in|by|until)\\s+${Y}\\b`, // in 2016
  ].join('|'),
  'gi',
);

/** A day and month right after a weekday: "Monday 19 June 2017", "Monday, May 13, 2019". */
const DATE_AFTER_WEEKDAY = new RegExp(`^,?\\s+(?:${D}\\s+${M}|${M}\\s+${D})\\b`, 'i');

/**
 * Whether the weekday that ends at `end` is written with its date ("Monday 19 June 2017"): it
 * then names that date's day, whatever else the passage is about.
 */
export function weekdayWithDate(text: string, end: number): boolean {
  return DATE_AFTER_WEEKDAY.test(text.slice(end, end + 24));
}

/** What every match of PATTERN contains: a digit, a month's first three letters or a weekday. */
const ANCHOR =
  /[0-9]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sunday|monday|tuesday|wednesday|thursday|friday|saturday/i;

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace('.', '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  return MONTH_ABBR[w] ?? 0;
}

function mention(
  start: number,
  end: number,
  text: string,
  precision: DatePrecision,
  year?: number,
  month?: number,
  day?: number,
): DateMention {
  const m: DateMention = { start, end, text, precision };
  if (year !== undefined) m.year = year;
  if (month !== undefined) m.month = month;
  if (day !== undefined) m.day = day;
  return m;
}

/** The mention PATTERN's match `m` stands for (offsets in the searched text), or null. */
function read(m: RegExpExecArray): DateMention | null {
  const start = m.index;
  const all = m[0];
  const end = start + all.length;
  if (m[1]) return mention(start, end, all, 'day', +m[1], +m[2]!, +m[3]!);
  if (m[4]) {
    const day = +m[4];
    if (day < 1 || day > 31) return null;
    return mention(start, end, all, 'day', m[6] ? +m[6] : undefined, monthNumber(m[5]!), day);
  }
  if (m[7]) {
    const day = +m[8]!;
    if (day < 1 || day > 31) return null;
    return mention(start, end, all, 'day', m[9] ? +m[9] : undefined, monthNumber(m[7]), day);
  }
  if (m[10]) return mention(start, end, all, 'month', +m[11]!, monthNumber(m[10]));
  if (m[12]) {
    // "in may" in lower case is the verb ("those in may..." is rare, "in May" the month).
    if (m[12] === 'may') return null;
    const at = all.toLowerCase().lastIndexOf(m[12].toLowerCase());
    return mention(start + at, end, m[12], 'month', undefined, monthNumber(m[12]));
  }
  if (m[13]) {
    const w = mention(start, end, all, 'weekday');
    w.weekday = WEEKDAYS.indexOf(m[13].toLowerCase());
    return w;
  }
  if (m[14]) {
    const at = all.lastIndexOf(m[14]);
    return mention(start + at, end, m[14], 'year', +m[14]);
  }
  return null;
}

/**
 * All date mentions in `text`, in order, their offsets moved by `offset` (where `text` sits in a
 * longer one). "May" alone is never a date (it is usually the verb). A weekday written with its
 * date ("Thursday, 16 January 2020") is one mention: the date decides.
 */
export function findDateMentions(text: string, offset = 0): DateMention[] {
  const out: DateMention[] = [];
  // Every form needs a digit, a month or a weekday: most sentences have none, and this is cheap.
  if (!ANCHOR.test(text)) return out;
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    const found = read(m);
    if (found) push(out, found, text);
  }
  return moved(out, offset);
}

/** Words, besides numbers, that a PATTERN match can start with (folded). */
export const DATE_STARTERS: ReadonlySet<string> = new Set([
  ...MONTHS,
  ...Object.keys(MONTH_ABBR),
  ...WEEKDAYS,
  ...['in', 'since', 'from', 'until', 'by', 'early', 'late', 'mid', 'back', 'last'],
]);

/** PATTERN tried at one position only (`findDateMentionsAt`). */
const AT = new RegExp(PATTERN.source, 'iy');

/**
 * `findDateMentions` for a text whose words are all plain ASCII (letters and digits) and whose
 * word starts the caller knows: `at[0..count)` (ascending, offsets in `text`) must list the start
 * of every word that begins with a digit or is in DATE_STARTERS. PATTERN is tried there only, and
 * finds what one search through the whole text finds: every match starts at a word boundary, with
 * such a word, and in an all-ASCII text every word boundary before a letter or digit is a word's
 * start. Faster where a text has many words and few dates.
 */
export function findDateMentionsAt(
  text: string,
  at: ArrayLike<number>,
  count: number,
  offset = 0,
): DateMention[] {
  const out: DateMention[] = [];
  let resume = 0;
  for (let k = 0; k < count; k++) {
    const i = at[k]!;
    // A match ended past this word: the search goes on after it, as a global search would.
    if (i < resume) continue;
    AT.lastIndex = i;
    const m = AT.exec(text);
    if (!m) continue;
    resume = i + m[0].length;
    const found = read(m);
    if (found) push(out, found, text);
  }
  return moved(out, offset);
}

/** `mentions` (fresh objects) with their offsets moved by `offset`, in place. */
function moved(mentions: DateMention[], offset: number): DateMention[] {
  if (offset !== 0) {
    for (const m of mentions) {
      m.start += offset;
      m.end += offset;
    }
  }
  return mentions;
}

/** Adds `m`, folding it into a weekday right before it ("Thursday, 16 January 2020"). */
function push(out: DateMention[], m: DateMention, text: string): void {
  const prev = out[out.length - 1];
  if (
    prev?.precision === 'weekday' &&
    m.precision === 'day' &&
    /^,?\s*(the\s+)?$/i.test(text.slice(prev.end, m.start))
  ) {
    const merged = mention(prev.start, m.end, text.slice(prev.start, m.end), 'day', m.year, m.month, m.day);
    merged.weekday = prev.weekday;
    out[out.length - 1] = merged;
  } else {
    out.push(m);
  }
}

/** Parses `YYYY-MM-DD` into a UTC date, or null. */
export function parseIso(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 ? d : null;
}

export function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Entries each memo below keeps before it starts over (pages bring new article dates). */
const MEMO_LIMIT = 1000;
/**
 * `parseIso`, remembered: a page's passages check the same few dates (the record's, the
 * article's) again and again. The memo's Dates never leave this module, so sharing is safe.
 */
const parsedDays = new Map<string, Date | null>();

/** Whether `iso` is a valid `YYYY-MM-DD` day (`parseIso`, remembered). */
export function isIsoDay(iso: string): boolean {
  return parsedDay(iso) !== null;
}

function parsedDay(iso: string): Date | null {
  let d = parsedDays.get(iso);
  if (d === undefined) {
    if (parsedDays.size >= MEMO_LIMIT) parsedDays.clear();
    d = parseIso(iso);
    parsedDays.set(iso, d);
  }
  return d;
}

/**
 * Whether `later` is more than a month (31 days) after `day` (both ISO days; false when either is
 * not one). A review a week or two later may still call the event by its weekday ("the court
 * ruled on Monday"); an article months later that says "Monday" means a day of its own week.
 */
export function longAfter(day: string, later: string): boolean {
  const a = parsedDay(day);
  const b = parsedDay(later);
  return a !== null && b !== null && b.getTime() - a.getTime() > 31 * 86_400_000;
}

/**
 * Whether a mention can denote `iso`, reading it as an article of `articleDate` would: a weekday
 * any day of that weekday (see below); a month without a year the latest such month on or before
 * the article's date.
 */
export function mentionFits(m: DateMention, iso: string, articleDate: string | null): boolean {
  const d = parsedDay(iso);
  if (!d) return true;
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const art = articleDate ? parsedDay(articleDate) : null;
  switch (m.precision) {
    case 'weekday':
      // A weekday alone cannot say which week: "ruled on Monday" in the next day's paper, "ahead of
      // Thursday's hearing" under a dated heading, "the court ruled on Monday" in a review a week
      // later all mean the date's own weekday. Only the day of the week can be wrong.
      return d.getUTCDay() === m.weekday;
    case 'year':
      return m.year === y;
    case 'month': {
      if (m.year !== undefined) return m.year === y && m.month === mo;
      if (!art) return m.month === mo;
      const artMonth = art.getUTCMonth() + 1;
      const year = (m.month ?? 0) <= artMonth ? art.getUTCFullYear() : art.getUTCFullYear() - 1;
      return year === y && m.month === mo;
    }
    case 'day': {
      if (m.month !== mo || m.day !== d.getUTCDate()) return false;
      return m.year === undefined || m.year === y;
    }
  }
}

const LONG_MONTH = MONTHS.map((s) => s[0]!.toUpperCase() + s.slice(1));
const LONG_DAY = WEEKDAYS.map((s) => s[0]!.toUpperCase() + s.slice(1));

const longDates = new Map<string, string>();

/** "Sunday 12 July 2020": how the record's dates are shown to readers (remembered, as above). */
export function formatLongDate(iso: string): string {
  let long = longDates.get(iso);
  if (long === undefined) {
    const d = parsedDay(iso);
    long = d
      ? `${LONG_DAY[d.getUTCDay()]} ${d.getUTCDate()} ${LONG_MONTH[d.getUTCMonth()]} ${d.getUTCFullYear()}`
      : iso;
    if (longDates.size >= MEMO_LIMIT) longDates.clear();
    longDates.set(iso, long);
  }
  return long;
}

/** The first full date (with year) in the text's opening, e.g. a dateline; null if none. */
export function datelineDate(text: string, within = 600): string | null {
  for (const m of findDateMentions(text.slice(0, within))) {
    if (m.precision === 'day' && m.year && m.month && m.day) {
      const iso = `${m.year}-${String(m.month).padStart(2, '0')}-${String(m.day).padStart(2, '0')}`;
      if (parseIso(iso)) return iso;
    }
  }
  return null;
}
