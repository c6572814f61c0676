import { type RunningServer, type StartServerOptions, startServer } from '@costudio/server';
import { createTempDir, type TempDir } from './tempDir.ts';

/**
 * The real relay running inside the test process on a random port. Every suite starts it here:
 * unit tests through the harness, integration tests through startInProcessServer, e2e tests
 * through startTestServer, each adding only what it needs.
 */
export interface TestRelay {
  readonly server: RunningServer;
  /** 'http://127.0.0.1:PORT' */
  readonly httpUrl: string;
  /** 'ws://127.0.0.1:PORT/sync', the serverUrl a stock WebsocketProvider takes. */
  readonly syncUrl: string;
  readonly port: number;
  readonly dataDir: string;
  /** Stops the relay (flushing storage) but keeps the data dir, so a restart can reopen it. */
  close(): Promise<void>;
  /** Stops the relay if still running and deletes the data dir, unless the caller supplied it. */
  dispose(): Promise<void>;
}

export interface TestRelayOptions extends StartServerOptions {
  /** Prefix of the temp data dir made when `dataDir` is not given. */
  tempPrefix?: string;
}

/**
 * Starts the relay on port 0 (unless `port` says otherwise), quiet unless `logLevel` or `logger`
 * says otherwise. Pass `dataDir` to reopen an existing one (a restart); otherwise a fresh temp
 * dir is created and removed by dispose().
 */
export async function startTestRelay(options: TestRelayOptions = {}): Promise<TestRelay> {
  const { tempPrefix = 'costudio-data-', ...serverOptions } = options;
  let ownDir: TempDir | undefined;
  let dataDir = serverOptions.dataDir;
  if (dataDir === undefined) {
    ownDir = await createTempDir(tempPrefix);
    dataDir = ownDir.path;
  }
  let server: RunningServer;
  try {
    server = await startServer({ logLevel: 'silent', ...serverOptions, port: serverOptions.port ?? 0, dataDir });
  } catch (error) {
    await ownDir?.remove();
    throw error;
  }
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= server.close();
    return closed;
  };
  const httpUrl = server.url.replace(/\/$/, '');
  return {
    server,
    httpUrl,
    syncUrl: `${httpUrl.replace(/^http/, 'ws')}/sync`,
    port: server.port,
    dataDir,
    close,
    async dispose() {
      await close();
      await ownDir?.remove();
    },
  };
}
