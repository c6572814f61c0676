import { describe, expect, it } from 'vitest';
import { median, percentile, ratio } from './stats.ts';

describe('percentile', () => {
  it('uses the nearest rank, so p99 of 100 samples is the 99th smallest', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile(samples, 50)).toBe(50);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it('median of an odd count is the middle value', () => {
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('ratio', () => {
  it('is NaN when a side is missing or zero', () => {
    expect(ratio(undefined, 2)).toBeNaN();
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(3, 2)).toBe(1.5);
  });
});
