import { type ChildServer, spawnServer } from './childServer.ts';
import { REDIS_TEST_URL, uniqueRedisPrefix } from './redisTest.ts';
import { createTestDatabase } from './storageContracts/postgresPlace.ts';
import { createTempDir, type TempDir } from './tempDir.ts';

/** Server processes sharing one fresh PostgreSQL database and one Redis, as a region runs them. */
export interface ChildCluster {
  readonly servers: ChildServer[];
  /** The database they share. */
  readonly databaseUrl: string;
  /** Spawns one more instance on the same database and Redis channels. */
  spawn(): Promise<ChildServer>;
  /** SIGKILLs what still runs, drops the database, removes the data directories. */
  dispose(): Promise<void>;
}

export async function startChildCluster(count: number, env: Record<string, string> = {}): Promise<ChildCluster> {
  const database = await createTestDatabase();
  const prefix = uniqueRedisPrefix();
  const dirs: TempDir[] = [];
  const servers: ChildServer[] = [];
  const spawn = async (): Promise<ChildServer> => {
    const dir = await createTempDir('costudio-instance-');
    dirs.push(dir);
    const server = await spawnServer({
      dataDir: dir.path,
      env: { DATABASE_URL: database.url, REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: prefix, LOG_LEVEL: 'info', ...env },
    });
    servers.push(server);
    return server;
  };
  // One after the other: the first runs the schema migrations, the others find them done.
  for (let i = 0; i < count; i++) await spawn();
  return {
    servers,
    databaseUrl: database.url,
    spawn,
    async dispose() {
      for (const server of servers) {
        server.kill('SIGKILL');
        await server.exited;
      }
      await database.drop();
      for (const dir of dirs) await dir.remove();
    },
  };
}

/** Sockets open on each instance, from its /healthz. */
export async function connectionsOn(servers: readonly ChildServer[]): Promise<number[]> {
  return Promise.all(
    servers.map(async (server) => {
      const body = (await (await fetch(`${server.httpUrl}/healthz`)).json()) as { connections: number };
      return body.connections;
    }),
  );
}
