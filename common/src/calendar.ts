/** The services are French: "today" and "in the future" are judged on Paris calendar days. */
export const SERVICE_TIME_ZONE = 'Europe/Paris';

// `en-CA` formats as YYYY-MM-DD.
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: SERVICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day `now` falls on in Paris, `YYYY-MM-DD`. */
export function serviceToday(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** True when `day` (`YYYY-MM-DD`) is after today in Paris. */
export function isFutureDay(day: string, now: Date = new Date()): boolean {
  return day > serviceToday(now);
}
