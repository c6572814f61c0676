import type { Logger } from '../log.ts';
import type { Fanout } from './Fanout.ts';
import { LocalFanout } from './LocalFanout.ts';
import { RedisFanout } from './RedisFanout.ts';

export interface FanoutChoice {
  /** A fanout made by the caller, used as it is. */
  readonly fanout?: Fanout | undefined;
  /** REDIS_URL: relay between instances through Redis. */
  readonly redisUrl?: string | undefined;
  readonly redisPrefix?: string | undefined;
}

/** Decides once, next to storage, how this instance reaches the others: a given fanout, Redis, or nobody. */
export function openFanout(choice: FanoutChoice, logger: Logger): Fanout {
  if (choice.fanout) return choice.fanout;
  if (choice.redisUrl) {
    logger.info('relaying between instances through Redis', { prefix: choice.redisPrefix ?? 'costudio:' });
    return new RedisFanout({
      url: choice.redisUrl,
      logger,
      ...(choice.redisPrefix ? { prefix: choice.redisPrefix } : {}),
    });
  }
  return new LocalFanout();
}
