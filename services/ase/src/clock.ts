/**
 * The ASE's calendar day (`YYYY-MM-DD`) at `now`. Measures and placements are dated in
 * French civil time, so "today" is taken in the service's time zone, not in UTC.
 */
export { calendarDay } from '../../../common/src/calendar.js';

/** `2024-03-01` - 1 day → `2024-02-29`: calendar arithmetic on `YYYY-MM-DD` strings. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
