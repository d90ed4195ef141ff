import { percentile, spread } from './stats.js';

describe('percentile (nearest rank)', () => {
  it('ranks 1..100 exactly: p50 is 50 and p99 is 99', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
  });

  it('keeps fractions of a millisecond and sorts numerically, not as text', () => {
    // As text, 100 and 10.25 would sort before 2 and 9.5.
    expect(percentile([9.5, 10.25, 2, 100], 50)).toBe(9.5);
    expect(percentile([9.5, 10.25, 2, 100], 75)).toBe(10.25);
    expect(percentile([1.4, 0.9, 1.2], 99)).toBe(1.4);
  });

  it('gives the one value of a single sample, and NaN for none', () => {
    expect(percentile([3.25], 99)).toBe(3.25);
    expect(percentile([], 99)).toBeNaN();
  });
});

describe('spread', () => {
  it('gives the median of an even count as the mean of the middle two', () => {
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
  });
});
