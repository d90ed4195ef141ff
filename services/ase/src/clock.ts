/** One formatter per time zone, built on first use (building one costs more than a request's SQL). */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * The ASE's calendar day (`YYYY-MM-DD`) at `now`. Measures and placements are dated in
 * French civil time, so "today" is taken in the service's time zone, not in UTC.
 * @param timeZone @default 'Europe/Paris'
 */
export function calendarDay(now: Date, timeZone = 'Europe/Paris'): string {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timeZone, format);
  }
  return format.format(now);
}

/** `2024-03-01` - 1 day → `2024-02-29`: calendar arithmetic on `YYYY-MM-DD` strings. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
