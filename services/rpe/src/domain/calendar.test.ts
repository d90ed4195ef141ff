import { addMonths, feedbackDueBy, parisDay } from './calendar';

describe('parisDay', () => {
  it.each([
    ['2026-10-27T09:30:00Z', '2026-10-27'],
    ['2026-10-26T23:30:00Z', '2026-10-27'], // 00:30 CET
    ['2026-06-30T22:30:00Z', '2026-07-01'], // 00:30 CEST
    ['2026-12-31T22:59:59Z', '2026-12-31'],
  ])('%s is %s in Paris', (instant, day) => {
    expect(parisDay(new Date(instant))).toEqual(day);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-10-27', 3, '2027-01-27'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2026-11-23', -12, '2025-11-23'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addMonths(day, months)).toEqual(expected);
  });
});

describe('feedbackDueBy', () => {
  it.each([
    ['2026-10-27T09:30:00Z', '2027-01-27'],
    ['2026-11-30T23:30:00Z', '2027-03-01'], // already 1 December in Paris
  ])('a concern raised at %s is owed an answer by %s', (raisedAt, due) => {
    expect(feedbackDueBy(new Date(raisedAt))).toEqual(due);
  });
});
