import { startServer } from '@costudio/server';
import { createTempDir, type TempDir } from './tempDir.ts';

type ServerOptions = NonNullable<Parameters<typeof startServer>[0]>;

/** A relay running inside the test process on a random port, with its own temp data dir. */
export interface InProcessServer {
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

/**
 * Starts the real relay on port 0. Pass `dataDir` to reopen an existing one (a restart);
 * otherwise a fresh temp dir is created and removed by dispose().
 */
export async function startInProcessServer(options: ServerOptions = {}): Promise<InProcessServer> {
  let ownDir: TempDir | undefined;
  let dataDir = options.dataDir;
  if (dataDir === undefined) {
    ownDir = await createTempDir('costudio-data-');
    dataDir = ownDir.path;
  }
  const server = await startServer({ logLevel: 'silent', ...options, port: options.port ?? 0, dataDir });
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    const closing = closed ?? server.close();
    closed = closing;
    return closing;
  };
  const httpUrl = server.url.replace(/\/$/, '');
  return {
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
