/**
 * Calendar days as the services count them (on the Paris calendar), by the tests' own
 * arithmetic, not the services'.
 */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The Paris calendar day `days` days from today (`YYYY-MM-DD`). Counted in calendar days,
 * not in steps of 24 hours: on the 25-hour day that ends summer time, now − 24 h between
 * 23:00 and midnight is still today (and now + 24 h between midnight and 01:00 too), so
 * "yesterday" or "tomorrow" would have been today.
 */
export function parisDay(days = 0, now: Date = new Date()): string {
  return addDays(PARIS_DAY.format(now), days);
}

/**
 * For a test whose requests are judged against today at the edge ("starts tomorrow" is not
 * valid yet, "ends today" still counts): returns once at least `marginMs` are left before
 * midnight in Paris, waiting for midnight to pass if fewer are. Days computed afterwards are
 * still the service's today when requests sent within `marginMs` arrive; a run crossing
 * midnight would otherwise see "tomorrow" become today between the test and the service.
 * 30 s is far more than such a test's few requests take on a loaded machine, and leaves the
 * rest of the 60 s test timeout to the test itself.
 */
export async function clearOfParisMidnight(marginMs = 30_000): Promise<void> {
  while (parisDay(0) !== parisDay(0, new Date(Date.now() + marginMs))) await new Promise((resolve) => setTimeout(resolve, 1_000));
}
