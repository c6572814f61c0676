import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { AddressRateLimiter, type RateLimits } from './AddressRateLimiter.ts';
import type { RateLimiter } from './RateLimiter.ts';

// One script, so two instances counting the same address at once can neither both take the
// last event of an allowance nor leave a key without its expiry (the first event of a window
// starts it). KEYS[1] the address's key, ARGV[1] maxEvents, ARGV[2] windowMs.
const TAKE = `local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[1]) then
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then return ttl end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return tonumber(ARGV[2])
end
n = redis.call('INCR', KEYS[1])
if n == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const GIVE_BACK = `if redis.call('DECR', KEYS[1]) <= 0 then redis.call('DEL', KEYS[1]) end
return 0`;

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

  async take(address: string): Promise<number> {
    let wait: number;
    try {
      wait = Number(await this.redis.eval(TAKE, 1, this.keyPrefix + address, this.limits.maxEvents, this.limits.windowMs));
      this.warned = false;
    } catch (error) {
      this.warnOnce(error);
      return this.local.takeNow(address);
    }
    if (wait <= 0) this.local.recordNow(address);
    return wait;
  }

  async giveBack(address: string): Promise<void> {
    this.local.giveBackNow(address);
    try {
      await this.redis.eval(GIVE_BACK, 1, this.keyPrefix + address);
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
