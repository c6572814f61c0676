import { createLogger, type Fanout, RedisFanout } from '@costudio/server';
import { REDIS_TEST_URL, uniqueRedisPrefix } from './redisTest.ts';
import { createTempDir } from './tempDir.ts';
import { startTestRelay, type TestRelay, type TestRelayOptions } from './testRelay.ts';

/** Several relays in this process serving the same boards: one data directory, one Redis prefix. */
export interface SharedBoardServers {
  readonly servers: TestRelay[];
  readonly fanouts: RedisFanout[];
  /** Starts one more instance on the same storage and Redis channels. */
  add(options?: InstanceOptions): Promise<TestRelay>;
  dispose(): Promise<void>;
}

export interface InstanceOptions extends Omit<TestRelayOptions, 'fanout' | 'dataDir'> {
  /** Wraps the instance's RedisFanout (e.g. in an UnreliableFanout). */
  wrap?: (fanout: RedisFanout) => Fanout;
  /** RedisFanout's sweep interval. Default 10 s, as in production. */
  sweepMs?: number;
}

/** Starts `count` instances sharing one SQLite data directory and one Redis (the test Redis unless `redisUrl`). */
export async function startSharedBoardServers(
  count: number,
  options: InstanceOptions = {},
  redisUrl = REDIS_TEST_URL,
): Promise<SharedBoardServers> {
  const dir = await createTempDir('costudio-shared-');
  const prefix = uniqueRedisPrefix();
  const servers: TestRelay[] = [];
  const fanouts: RedisFanout[] = [];
  const add = async (instance: InstanceOptions = options): Promise<TestRelay> => {
    const { wrap, sweepMs, ...relayOptions } = instance;
    const redis = new RedisFanout({
      url: redisUrl,
      prefix,
      logger: createLogger('silent'),
      ...(sweepMs ? { sweepMs } : {}),
    });
    fanouts.push(redis);
    const server = await startTestRelay({ ...relayOptions, dataDir: dir.path, fanout: wrap ? wrap(redis) : redis });
    servers.push(server);
    return server;
  };
  for (let i = 0; i < count; i++) await add();
  return {
    servers,
    fanouts,
    add,
    async dispose() {
      for (const server of servers) await server.close();
      await dir.remove();
    },
  };
}
