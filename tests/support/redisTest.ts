import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * The Redis the cross-instance tests use: COSTUDIO_TEST_REDIS_URL, or database 7 of the local
 * Redis (never 0, which others may use). Each test run names its channels with its own prefix,
 * so parallel runs never hear each other.
 */
export const REDIS_TEST_URL = process.env.COSTUDIO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/7';

/** A channel prefix no other test run uses. */
export function uniqueRedisPrefix(): string {
  return `costudio-test:${randomUUID().slice(0, 8)}:`;
}

/** An admin connection for what tests do to Redis behind the server's back. */
export function redisAdmin(): Redis {
  return new Redis(REDIS_TEST_URL, { maxRetriesPerRequest: 1 });
}

/**
 * Kills the connections whose CLIENT SETNAME matches `name` (as a dropped link or a Redis
 * restart would, from that client's point of view); returns how many.
 */
export async function killRedisClients(admin: Redis, name: (clientName: string) => boolean): Promise<number> {
  const list = await admin.client('LIST');
  let killed = 0;
  for (const line of String(list).split('\n')) {
    const id = /\bid=(\d+)/.exec(line)?.[1];
    const clientName = /\bname=(\S*)/.exec(line)?.[1] ?? '';
    if (id && clientName && name(clientName)) {
      await admin.client('KILL', 'ID', id);
      killed++;
    }
  }
  return killed;
}
