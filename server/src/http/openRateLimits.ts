import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { AddressRateLimiter, type RateLimits } from './AddressRateLimiter.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { RedisRateLimiter } from './RedisRateLimiter.ts';

export interface RateLimitChoice {
  /** REDIS_URL: count across every instance sharing this Redis. */
  readonly redisUrl?: string | undefined;
  readonly redisPrefix?: string | undefined;
}

/** Where this instance's rate limits count. */
export interface RateLimitCounters {
  /** A limiter named `name` (its keys are apart from other limiters'). */
  limiter(name: string, limits: RateLimits): RateLimiter;
  close(): Promise<void>;
}

/** Decides once, beside the fanout: in Redis (shared by the instances) or in this process's memory. */
export function openRateLimits(choice: RateLimitChoice, logger: Logger): RateLimitCounters {
  if (!choice.redisUrl) {
    return { limiter: (_name, limits) => new AddressRateLimiter(limits), close: () => Promise.resolve() };
  }
  const redis = new Redis(choice.redisUrl, {
    connectionName: `costudio-${randomUUID().slice(0, 8)}-limits`,
    // A count waits for the connection at most this long (at start, or while Redis is away),
    // then the limiter counts locally: a person waiting on a join code never waits on Redis.
    commandTimeout: 1_000,
    maxRetriesPerRequest: 1,
  });
  redis.on('error', () => {
    // Each limiter logs its first failure; ioredis reconnects by itself.
  });
  const prefix = `${choice.redisPrefix ?? 'costudio:'}rate:`;
  return {
    limiter: (name, limits) => new RedisRateLimiter(redis, `${prefix}${name}:`, limits, logger),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
