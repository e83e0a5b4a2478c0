/**
 * Dates as the popup shows them. The pack and the engine speak ISO `YYYY-MM-DD`; readers get
 * "16 Jan 2020" in lists and "Thursday 16 January 2020" where one date matters (core's formatLongDate).
 */
import { formatLongDate, parseIso } from '../../../core/dates/date-mentions';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "16 Jan 2020"; the input itself when it is not a calendar date. */
export function shortDate(iso: string): string {
  const d = parseIso(iso);
  if (!d) return iso;
  return `${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "Thursday 16 January 2020". */
export const longDate = formatLongDate;

/** Today in the reader's own time zone, as ISO: the date "status today" is computed for. */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
