/** The services are French: "today" and "in the future" are judged on Paris calendar days. */
export const SERVICE_TIME_ZONE = 'Europe/Paris';

/** One formatter per time zone, built on first use (building one costs more than a request's SQL). */
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) `now` falls on in `timeZone`. */
export function calendarDay(now: Date, timeZone = SERVICE_TIME_ZONE): string {
  let format = DAY_FORMATS.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DAY_FORMATS.set(timeZone, format);
  }
  return format.format(now);
}

/** The calendar day `now` falls on in Paris, `YYYY-MM-DD`. */
export function serviceToday(now: Date = new Date()): string {
  return calendarDay(now);
}

/** True when `day` (`YYYY-MM-DD`) is after today in Paris. */
export function isFutureDay(day: string, now: Date = new Date()): boolean {
  return day > serviceToday(now);
}
