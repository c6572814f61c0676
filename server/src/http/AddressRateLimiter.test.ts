import { describe, expect, it } from 'vitest';
import { AddressRateLimiter } from './AddressRateLimiter.ts';

function limiter(maxTracked = 100) {
  let now = 1_000_000;
  const limits = new AddressRateLimiter({ maxEvents: 3, windowMs: 60_000, maxTracked }, () => now);
  return { limits, advance: (ms: number) => (now += ms) };
}

describe('AddressRateLimiter', () => {
  it('lets an address go on until its allowance is used up, then makes it wait out the window', () => {
    const { limits, advance } = limiter();
    for (let i = 0; i < 3; i++) {
      expect(limits.waitMsNow('198.51.100.7')).toBe(0);
      limits.recordNow('198.51.100.7');
    }
    advance(10_000);
    expect(limits.waitMsNow('198.51.100.7')).toBe(50_000);
    // Another address is not held up by it.
    expect(limits.waitMsNow('203.0.113.9')).toBe(0);
    advance(50_000);
    expect(limits.waitMsNow('198.51.100.7')).toBe(0);
  });

  it('takes an event only while the allowance lasts, and takes back one given back', () => {
    const { limits } = limiter();
    expect([1, 2, 3, 4].map(() => limits.takeNow('198.51.100.7'))).toEqual([0, 0, 0, 60_000]);
    limits.giveBackNow('198.51.100.7');
    expect(limits.takeNow('198.51.100.7')).toBe(0);
    expect(limits.takeNow('198.51.100.7')).toBe(60_000);
  });

  it('forgets the oldest addresses first when it tracks too many', () => {
    const { limits } = limiter(2);
    for (let i = 0; i < 3; i++) limits.recordNow('a');
    limits.recordNow('b');
    limits.recordNow('c');
    expect(limits.waitMsNow('a')).toBe(0);
  });
});
