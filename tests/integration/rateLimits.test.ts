import { afterEach, describe, expect, it } from 'vitest';
import { openRateLimits, type RateLimitCounters } from '../../server/src/http/openRateLimits.ts';
import { createLogger } from '../../server/src/log.ts';
import { freePort } from '../support/freePort.ts';
import { REDIS_TEST_URL, uniqueRedisPrefix } from '../support/redisTest.ts';
import { waitFor } from '../support/waitFor.ts';

// The per-address limits (join-code guessing, board creation) with REDIS_URL: counted in Redis,
// so every instance sees the same count, and in each instance's memory while Redis is away.

const counters: RateLimitCounters[] = [];

afterEach(async () => {
  for (const counter of counters.splice(0)) await counter.close();
});

function open(redisUrl: string, redisPrefix: string): RateLimitCounters {
  const opened = openRateLimits({ redisUrl, redisPrefix }, createLogger('silent'));
  counters.push(opened);
  return opened;
}

const LIMITS = { maxEvents: 3, windowMs: 1_500, maxTracked: 100 };

describe('rate limits in Redis', () => {
  it('count one address across instances, keep addresses and limiters apart, and end with their window', async () => {
    const prefix = uniqueRedisPrefix();
    const [a, b] = [
      open(REDIS_TEST_URL, prefix).limiter('guesses', LIMITS),
      open(REDIS_TEST_URL, prefix).limiter('guesses', LIMITS),
    ];
    const other = open(REDIS_TEST_URL, prefix).limiter('boards', LIMITS);
    expect(await a.take('198.51.100.7')).toBe(0);
    expect(await b.take('198.51.100.7')).toBe(0);
    // A right code gives its try back.
    expect(await a.take('198.51.100.7')).toBe(0);
    await a.giveBack('198.51.100.7');
    expect(await a.take('198.51.100.7')).toBe(0);
    const wait = await b.take('198.51.100.7');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(LIMITS.windowMs);
    expect(await b.take('203.0.113.9')).toBe(0);
    expect(await other.take('198.51.100.7')).toBe(0);
    await waitFor(async () => (await a.take('198.51.100.7')) === 0, 'the window to end');
  });

  it('let no more through than the allowance when an address sends many at once to several instances', async () => {
    const prefix = uniqueRedisPrefix();
    const instances = [0, 1, 2].map(() => open(REDIS_TEST_URL, prefix).limiter('guesses', { ...LIMITS, windowMs: 60_000 }));
    const waits = await Promise.all(Array.from({ length: 30 }, (_, i) => instances[i % 3]?.take('198.51.100.8')));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(LIMITS.maxEvents);
  });

  it('count on this instance while Redis cannot be reached, rather than letting everyone through', async () => {
    const nowhere = `redis://127.0.0.1:${await freePort()}`;
    // Each count first waits out the command timeout: a window long enough for all of them.
    const limiter = open(nowhere, uniqueRedisPrefix()).limiter('guesses', { ...LIMITS, windowMs: 60_000 });
    for (let i = 0; i < LIMITS.maxEvents; i++) expect(await limiter.take('198.51.100.7')).toBe(0);
    expect(await limiter.take('198.51.100.7')).toBeGreaterThan(0);
  });
});
