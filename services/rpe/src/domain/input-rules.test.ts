import { checkEndNotBeforeStart, checkObservedAt, checkText, firstProblem } from './input-rules';

const TODAY = '2026-11-23';

describe('checkObservedAt', () => {
  it.each([
    ['2026-11-23', null],
    ['2025-11-23', null],
    ['2026-11-24', 'Must not be in the future'],
    ['2025-11-22', 'Must be within the last year'],
  ])('%s → %s', (observedAt, message) => {
    expect(checkObservedAt(observedAt, TODAY)).toEqual(message ? { field: 'input.observedAt', message } : null);
  });
});

describe('checkText', () => {
  it.each([
    ['a', null],
    ['  a  ', null],
    ['x'.repeat(10), null],
    ['   ', 'Must not be blank'],
    ['', 'Must not be blank'],
    [` ${'x'.repeat(11)} `, 'Must be at most 10 characters'],
  ])('%j → %s', (value, message) => {
    expect(checkText('input.text', value, 10)).toEqual(message ? { field: 'input.text', message } : null);
  });
});

describe('checkEndNotBeforeStart', () => {
  it.each([
    ['2026-01-01', null, false],
    ['2026-01-01', undefined, false],
    ['2026-01-01', '2026-01-01', false],
    ['2026-01-01', '2025-12-31', true],
  ])('%s → %s refused: %s', (start, end, refused) => {
    expect(checkEndNotBeforeStart('input.endDate', start, end)).toEqual(refused ? { field: 'input.endDate', message: 'Must not precede the start date' } : null);
  });
});

describe('firstProblem', () => {
  it.each([
    [[null, null], null],
    [[null, { field: 'a', message: 'm' }, { field: 'b', message: 'n' }], { field: 'a', message: 'm' }],
  ])('%j → %j', (problems, expected) => {
    expect(firstProblem(...problems)).toEqual(expected);
  });
});
