import { serviceToday } from '../../../../common/src/calendar.js';

/**
 * Calendar days (`YYYY-MM-DD`) as the relais and the CRIP count them: in French
 * metropolitan time, so that a concern raised at 00:30 in Paris belongs to that day,
 * not to the previous UTC day.
 */
export function parisDay(at: Date): string {
  return serviceToday(at);
}

/**
 * `day` plus `months` calendar months, clamped to the end of a shorter month
 * (2026-11-30 + 3 months = 2027-02-28), as legal deadlines are counted.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The CRIP owes the reporter an answer within three months (CASF L226-5). */
export function feedbackDueBy(raisedAt: Date): string {
  return addMonths(parisDay(raisedAt), 3);
}
