import { holdsValues } from './holds-values';

describe('holdsValues', () => {
  const row = { id: 'consent-1', childId: 'child-lea', categories: ['CHILDCARE', 'HEALTH_DETAILS'], validUntil: null };

  it.each([
    ['the same values, the row holding more', { childId: 'child-lea', validUntil: null }, true],
    ['the same array, item by item', { categories: ['CHILDCARE', 'HEALTH_DETAILS'] }, true],
    ['another value', { childId: 'child-ines' }, false],
    ['null against a value', { validUntil: '2027-01-01' }, false],
    ['an array in another order', { categories: ['HEALTH_DETAILS', 'CHILDCARE'] }, false],
    ['a longer array', { categories: ['CHILDCARE', 'HEALTH_DETAILS', 'IDENTITY'] }, false],
    ['an array against a missing column', { concerns: [] }, false],
  ])('%s: %s', (_label, values, expected) => {
    expect(holdsValues(row, values)).toBe(expected);
  });
});
