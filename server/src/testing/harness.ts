/** Test helpers for the server's own tests: a real server in a temp dir and real clients. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createLogger } from '../log.ts';
import { type RunningServer, type StartServerOptions, startServer } from '../startServer.ts';
import { SqliteBoardStore, type SqliteBoardStoreOptions } from '../storage/SqliteBoardStore.ts';
import { applySnapshot } from '../storage/snapshots.ts';

export interface Harness {
  readonly server: RunningServer;
  readonly dataDir: string;
  readonly logs: Array<Record<string, unknown>>;
  readonly wsUrl: string;
  provider(boardId: string, options?: { params?: Record<string, string>; doc?: Y.Doc }): WebsocketProvider;
  raw(path: string): Promise<RawClient>;
  /** Opens the database read-only next to the server, as a restart would see it. */
  storedDoc(boardId: string): Promise<Y.Doc>;
  close(): Promise<void>;
}

/** `sqlite` opens the harness's own store with those options (e.g. a tiny `maxPageCount`). */
export async function startHarness(options: StartServerOptions = {}, sqlite?: SqliteBoardStoreOptions): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'costudio-relay-'));
  const dataDir = join(dir, 'data');
  const logs: Array<Record<string, unknown>> = [];
  const ownStore = sqlite ? SqliteBoardStore.open(dataDir, sqlite) : null;
  const server = await startServer({
    port: 0,
    dataDir,
    clientDir: join(dir, 'no-client'),
    logger: createLogger('debug', (line) => logs.push(JSON.parse(line))),
    ...(ownStore ? { store: ownStore } : {}),
    ...options,
  });
  const providers: WebsocketProvider[] = [];
  const raws: RawClient[] = [];
  const wsUrl = `ws://127.0.0.1:${server.port}/sync`;
  return {
    server,
    dataDir,
    logs,
    wsUrl,
    provider(boardId, { params = {}, doc = new Y.Doc() } = {}) {
      const provider = new WebsocketProvider(wsUrl, boardId, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params,
      });
      providers.push(provider);
      return provider;
    },
    async raw(path) {
      const client = await RawClient.open(`ws://127.0.0.1:${server.port}${path}`);
      raws.push(client);
      return client;
    },
    async storedDoc(boardId) {
      const store = new SqliteBoardStore(join(dataDir, 'costudio.sqlite'), { backgroundCheckpoints: false });
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
      for (const provider of providers) provider.destroy();
      for (const client of raws) client.socket.terminate();
      await server.close();
      await ownStore?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A bare socket that records what it receives and how it was closed. */
export class RawClient {
  readonly messages: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.messages.push(new Uint8Array(data as Buffer)));
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
    socket.on('error', () => {});
  }

  static open(url: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const client = new RawClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  send(bytes: Uint8Array): void {
    this.socket.send(bytes);
  }

  async closedWith(): Promise<{ code: number; reason: string }> {
    await waitFor(() => this.closed !== null, 'socket to close');
    return this.closed as { code: number; reason: string };
  }
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function synced(provider: WebsocketProvider): Promise<void> {
  return waitFor(() => provider.synced, `provider for ${provider.roomname} to sync`);
}
