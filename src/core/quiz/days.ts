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
