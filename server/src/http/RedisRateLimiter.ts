import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { AddressRateLimiter, type RateLimits } from './AddressRateLimiter.ts';
import type { RateLimiter } from './RateLimiter.ts';

// Atomic, so two instances counting the same address at once neither lose a count nor leave
// a key without its expiry: the first event of a window starts the window.
const RECORD = `local n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;
const WAIT = `local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n < tonumber(ARGV[1]) then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then return 0 end
return ttl`;

/**
 * A RateLimiter whose counts live in Redis (one key per address, `<prefix>rate:<name>:<address>`,
 * expiring with its window), shared by every instance. While Redis cannot be reached it counts
 * in this instance's memory instead (which it also keeps up to date meanwhile): a limit that
 * holds per instance beats refusing everyone or nobody.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly local: AddressRateLimiter;
  private warned = false;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly limits: RateLimits,
    private readonly logger: Logger,
  ) {
    this.local = new AddressRateLimiter(limits);
  }

  async waitMs(address: string): Promise<number> {
    try {
      const wait = await this.redis.eval(WAIT, 1, this.keyPrefix + address, this.limits.maxEvents);
      this.warned = false;
      return Number(wait);
    } catch (error) {
      this.warnOnce(error);
      return this.local.waitMsNow(address);
    }
  }

  async record(address: string): Promise<void> {
    this.local.recordNow(address);
    try {
      await this.redis.eval(RECORD, 1, this.keyPrefix + address, this.limits.windowMs);
    } catch (error) {
      this.warnOnce(error);
    }
  }

  private warnOnce(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn('Redis unreachable; rate limits count on this instance only until it returns', { error });
  }
}
