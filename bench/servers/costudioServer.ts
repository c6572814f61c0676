/**
 * Costudio's relay, started through its public API on 127.0.0.1 port 0 with storage in
 * BENCH_DATA_DIR (a temp dir the bench owns), so every update is persisted to SQLite as in
 * production.
 */
import { startServer } from '@costudio/server';
import { failStartup, serveControl } from './childControl.ts';

const dataDir = process.env.BENCH_DATA_DIR;
if (!dataDir) failStartup(new Error('BENCH_DATA_DIR is not set'));

try {
  // BENCH_CLIENT_DIR: another build of the client to serve (the list bench compares two builds).
  const clientDir = process.env.BENCH_CLIENT_DIR || undefined;
  // Every bench client comes from 127.0.0.1: the per-address cap is for real clients.
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'warn',
    ...(clientDir ? { clientDir } : {}),
    maxConnectionsPerAddress: 1_000_000,
  });
  serveControl(running.port, () => running.close());
} catch (error) {
  failStartup(error);
}
