import { createLogger, type Fanout, RedisFanout } from '@costudio/server';
import { REDIS_TEST_URL, uniqueRedisPrefix } from './redisTest.ts';
import { createTestDatabase } from './storageContracts/postgresPlace.ts';
import { createTempDir } from './tempDir.ts';
import { startTestRelay, type TestRelay, type TestRelayOptions } from './testRelay.ts';

/** Several relays in this process serving the same boards: one storage, one Redis prefix. */
export interface SharedBoardServers {
  readonly servers: TestRelay[];
  readonly fanouts: RedisFanout[];
  /** Starts one more instance on the same storage and Redis channels. */
  add(options?: InstanceOptions): Promise<TestRelay>;
  dispose(): Promise<void>;
}

export interface InstanceOptions extends Omit<TestRelayOptions, 'fanout' | 'dataDir' | 'databaseUrl'> {
  /** Wraps the instance's RedisFanout (e.g. in an UnreliableFanout). */
  wrap?: (fanout: RedisFanout) => Fanout;
  /** RedisFanout's sweep interval. Default 10 s, as in production. */
  sweepMs?: number;
}

export type Backend = 'sqlite' | 'postgres';

export interface SharedSetup {
  /** One SQLite file in a shared data directory (default), or a fresh PostgreSQL database. */
  readonly backend?: Backend;
  /** Default: the test Redis. */
  readonly redisUrl?: string;
}

/** Starts `count` instances sharing one storage and one Redis. */
export async function startSharedBoardServers(count: number, setup: SharedSetup = {}): Promise<SharedBoardServers> {
  const dir = await createTempDir('costudio-shared-');
  const database = setup.backend === 'postgres' ? await createTestDatabase() : null;
  const prefix = uniqueRedisPrefix();
  const servers: TestRelay[] = [];
  const fanouts: RedisFanout[] = [];
  const add = async (instance: InstanceOptions = {}): Promise<TestRelay> => {
    const { wrap, sweepMs, ...relayOptions } = instance;
    const redis = new RedisFanout({
      url: setup.redisUrl ?? REDIS_TEST_URL,
      prefix,
      logger: createLogger('silent'),
      ...(sweepMs ? { sweepMs } : {}),
    });
    fanouts.push(redis);
    const server = await startTestRelay({
      ...relayOptions,
      dataDir: dir.path,
      ...(database ? { databaseUrl: database.url } : {}),
      fanout: wrap ? wrap(redis) : redis,
    });
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
      await database?.drop();
      await dir.remove();
    },
  };
}
