/** The server's own tests' helpers: a real relay in a temp dir with its log, and real clients. */
import { join } from 'node:path';
import {
  createLogger,
  DATABASE_FILE,
  type RunningServer,
  SqliteBoardStore,
  type SqliteBoardStoreOptions,
  type StartServerOptions,
} from '@costudio/server';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { applySnapshot } from '../../server/src/storage/snapshots.ts';
import { type BoardClient, connectBoardClient } from './boardClient.ts';
import { openRawSocket, type RawSocket } from './rawSocket.ts';
import { createTempDir } from './tempDir.ts';
import { startTestRelay } from './testRelay.ts';
import { waitFor } from './waitFor.ts';

export interface Harness {
  readonly server: RunningServer;
  readonly dataDir: string;
  /** Every log line of the relay, at debug level, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  readonly wsUrl: string;
  provider(boardId: string, options?: { params?: Record<string, string>; doc?: Y.Doc }): WebsocketProvider;
  /** A bare socket on `path` (e.g. '/sync/b1?saved=1'), once it is open. */
  raw(path: string): Promise<RawSocket>;
  /** Opens the database read-only next to the server, as a restart would see it. */
  storedDoc(boardId: string): Promise<Y.Doc>;
  close(): Promise<void>;
}

/** `sqlite` opens the harness's own store with those options (e.g. a tiny `maxPageCount`). */
export async function startHarness(options: StartServerOptions = {}, sqlite?: SqliteBoardStoreOptions): Promise<Harness> {
  const dir = await createTempDir('costudio-relay-');
  const dataDir = join(dir.path, 'data');
  const logs: Array<Record<string, unknown>> = [];
  const ownStore = sqlite ? SqliteBoardStore.open(dataDir, sqlite) : null;
  const relay = await startTestRelay({
    dataDir,
    clientDir: join(dir.path, 'no-client'),
    logger: createLogger('debug', (line) => logs.push(JSON.parse(line))),
    ...(ownStore ? { store: ownStore } : {}),
    ...options,
  });
  const clients: BoardClient[] = [];
  const raws: RawSocket[] = [];
  return {
    server: relay.server,
    dataDir,
    logs,
    wsUrl: relay.syncUrl,
    provider(boardId, { params = {}, doc = new Y.Doc() } = {}) {
      // The stock provider's own reconnection timing: these tests are about the relay.
      const client = connectBoardClient(relay.syncUrl, boardId, { params, doc, maxBackoffTime: 2500 });
      clients.push(client);
      return client.provider;
    },
    async raw(path) {
      const socket = openRawSocket(relay.httpUrl, path);
      raws.push(socket);
      await socket.opened;
      return socket;
    },
    async storedDoc(boardId) {
      const store = new SqliteBoardStore(join(dataDir, DATABASE_FILE), { backgroundCheckpoints: false });
      try {
        const stored = await store.loadBoard(boardId);
        const doc = new Y.Doc();
        if (stored.snapshot) applySnapshot(doc, stored.snapshot);
        for (const row of stored.log) Y.applyUpdate(doc, row.update);
        return doc;
      } finally {
        await store.close();
      }
    },
    async close() {
      for (const client of clients) client.destroy();
      for (const socket of raws) socket.ws.terminate();
      await relay.close();
      await ownStore?.close();
      await dir.remove();
    },
  };
}

export function synced(provider: WebsocketProvider): Promise<void> {
  return waitFor(() => provider.synced, `provider for ${provider.roomname} to sync`).then(() => {});
}
