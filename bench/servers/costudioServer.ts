/**
 * Costudio's relay, started through its public API on 127.0.0.1 port 0 with storage in
 * BENCH_DATA_DIR (a temp dir the bench owns), so every update is persisted as in production.
 * The rest of its configuration comes from the environment through the server's own parser
 * (`parseConfig`, the one `pnpm start` uses): a setup's variables (SQLITE_SYNCHRONOUS,
 * DATABASE_URL, REDIS_URL, …) mean exactly what they mean to an operator.
 */
import { parseConfig, startServer } from '@costudio/server';
import { failStartup, serveControl } from './childControl.ts';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) failStartup(new Error('BENCH_DATA_DIR is not set'));

try {
  const config = parseConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The bench's clients carry no share links, and they all come from 127.0.0.1.
    REQUIRE_LINKS: 'false',
    MAX_CONNECTIONS_PER_ADDRESS: '10000000',
    // BENCH_CLIENT_DIR: another build of the client to serve (the list bench compares two builds).
    ...(process.env.BENCH_CLIENT_DIR ? { CLIENT_DIR: process.env.BENCH_CLIENT_DIR } : {}),
  });
  const running = await startServer(config);
  serveControl(running.port, () => running.close(), {
    sqliteSynchronous: config.sqliteSynchronous,
    storage: config.databaseUrl ? 'postgres' : 'sqlite',
    redis: config.redisUrl !== undefined,
  });
} catch (error) {
  failStartup(error);
}
