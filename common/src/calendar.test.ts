import { isFutureDay, serviceToday } from './calendar';

describe('serviceToday', () => {
  it.each([
    ['midday UTC', '2026-11-23T12:00:00Z', '2026-11-23'],
    ['late evening UTC, already tomorrow in Paris (winter, UTC+1)', '2026-11-23T23:30:00Z', '2026-11-24'],
    ['late evening UTC in summer (UTC+2)', '2026-07-14T22:15:00Z', '2026-07-15'],
    ['just before midnight in Paris', '2026-07-14T21:59:59Z', '2026-07-14'],
  ])('%s', (_label, instant, expected) => {
    expect(serviceToday(new Date(instant))).toEqual(expected);
  });
});

describe('isFutureDay', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it.each([
    ['yesterday', '2026-11-22', false],
    ['today', '2026-11-23', false],
    ['tomorrow', '2026-11-24', true],
    ['next year', '2027-01-01', true],
  ])('%s', (_label, day, expected) => {
    expect(isFutureDay(day, now)).toEqual(expected);
  });
});
