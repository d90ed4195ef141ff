import { addDays, calendarDay } from './clock';

describe('calendarDay', () => {
  it.each([
    ['midday UTC', '2026-11-23T12:00:00Z', 'Europe/Paris', '2026-11-23'],
    ['23:30 UTC is already tomorrow in Paris (winter, UTC+1)', '2026-11-23T23:30:00Z', 'Europe/Paris', '2026-11-24'],
    ['22:30 UTC is already tomorrow in Paris (summer, UTC+2)', '2026-07-01T22:30:00Z', 'Europe/Paris', '2026-07-02'],
    ['overseas département', '2026-11-23T02:00:00Z', 'America/Cayenne', '2026-11-22'],
  ])('%s', (_label, instant, timeZone, expected) => {
    expect(calendarDay(new Date(instant), timeZone)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s %+d → %s', (day, days, expected) => {
    expect(addDays(day, days)).toBe(expected);
  });
});
