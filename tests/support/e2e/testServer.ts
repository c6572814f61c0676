import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@costudio/server';
import { startTestRelay } from '../testRelay.ts';

/** The built client that `pnpm run build` writes; e2e tests serve exactly what users get. */
export const CLIENT_DIST_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../client/dist');

export interface TestServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** `ws://127.0.0.1:PORT/sync`, where a Node board client (connectBoardClient) connects. */
  readonly syncUrl: string;
  /** Temporary SQLite directory; removed by `close()`. */
  readonly dataDir: string;
  /** The server itself, e.g. to drop connections with `closeConnectionsWhere`. */
  readonly server: RunningServer;
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Reuse a data directory (e.g. to restart over the same boards); it is then not deleted on close. */
  dataDir?: string;
  unloadDelayMs?: number;
  /** Boards open only with a share link (the CLI's default); off by default for older suites. */
  requireLinks?: boolean;
  /** The operator's privacy notice (PRIVACY_NOTICE). */
  privacyNotice?: { text: string; mode: 'extend' | 'replace' };
}

/**
 * Starts the real relay in this process on a random port, with a fresh SQLite directory under
 * os.tmpdir(), serving the built client. Fails fast when the client has not been built, because
 * a missing build otherwise shows up as a confusing blank page much later in a test.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (!existsSync(join(CLIENT_DIST_DIR, 'index.html'))) {
    throw new Error(`No built client at ${CLIENT_DIST_DIR}. Run \`pnpm run build\` first.`);
  }
  const relay = await startTestRelay({
    host: '127.0.0.1',
    clientDir: CLIENT_DIST_DIR,
    logLevel: 'warn',
    tempPrefix: 'costudio-e2e-',
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.unloadDelayMs === undefined ? {} : { unloadDelayMs: options.unloadDelayMs }),
    ...(options.requireLinks === undefined ? {} : { requireLinks: options.requireLinks }),
    ...(options.privacyNotice === undefined ? {} : { privacyNotice: options.privacyNotice }),
  });
  return {
    url: relay.httpUrl,
    port: relay.port,
    syncUrl: relay.syncUrl,
    dataDir: relay.dataDir,
    server: relay.server,
    close: () => relay.dispose(),
  };
}
