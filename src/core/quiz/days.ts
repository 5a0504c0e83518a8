// Calendar days in the local time zone of the process, which in the extension host is the user's:
// "today", "reviews per day" and the daily new-question limit all follow the user's clock.

/** `YYYY-MM-DD` of the local calendar day that holds `date`. */
export function localDayKey(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Midnight at the start of the local day `offset` days after the one that holds `date`. */
export function startOfLocalDay(date: Date, offset = 0): Date {
  // The Date constructor normalizes day overflow and keeps local midnight across DST changes.
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + offset);
}

/** Local calendar days from the day that holds `from` to the day that holds `to` (0 on the same day). */
export function localDaysBetween(from: Date, to: Date): number {
  // Days are 23 or 25 hours long at DST changes; rounding absorbs that.
  return Math.round((startOfLocalDay(to).getTime() - startOfLocalDay(from).getTime()) / 86_400_000);
}

export type IntervalUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A span as the one unit a reader takes in at a glance, as Anki labels its buttons: under an hour
 * in minutes (at least 1), under a day in hours, then days, months (30 d) and years (365 d); months
 * and years keep one decimal below ten.
 */
export function roundInterval(ms: number): { count: number; unit: IntervalUnit } {
  const span = Math.max(0, ms);
  const rounded = (value: number, decimal: boolean): number => (decimal && value < 10 ? Math.round(value * 10) / 10 : Math.round(value));
  if (span < HOUR) return { count: Math.max(1, Math.round(span / MINUTE)), unit: 'minute' };
  if (span < DAY) return { count: Math.round(span / HOUR), unit: 'hour' };
  if (span < 30 * DAY) return { count: Math.round(span / DAY), unit: 'day' };
  if (span < 365 * DAY) return { count: rounded(span / (30 * DAY), true), unit: 'month' };
  return { count: rounded(span / (365 * DAY), true), unit: 'year' };
}
