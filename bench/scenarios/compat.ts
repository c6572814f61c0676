import { performance } from 'node:perf_hooks';
import { WebsocketProvider } from '@y/websocket';
import * as Y14 from '@y/y';
import WebSocket from 'ws';
import { delay } from '../lib/delay.ts';
import { RawSyncClient } from '../lib/RawSyncClient.ts';
import type { ServerProcess } from '../lib/serverProcess.ts';

/** What the next y-websocket client (`@y/websocket@4.0.0-3`, on `@y/y` 14) sees of one relay. */
export interface CompatResult {
  /** Connect → the provider's first `sync` event with `true`; null when it never came. */
  syncedMs: number | null;
  /** After a local edit: every `sync` event the provider emitted, with its time since the edit. */
  syncEventsAfterEdit: Array<{ synced: boolean; ms: number }>;
  /** The provider's `synced` once the edit has settled (or the wait ran out). */
  syncedAfterEdit: boolean;
  /** Edit → the server sent the edit back to its own writer (an echo); null when it did not. */
  echoMs: number | null;
  /** Edit → a stock y-protocols client on yjs 13 in the same room holds the edited value; null when never. */
  seenByYjs13Ms: number | null;
}

const ROOM = 'compat-y-websocket-4';
const WAIT_MS = 5_000;

/**
 * Connects a `@y/websocket@4.0.0-3` provider to the relay, waits for it to report synced, then
 * edits its doc and watches for a while: whether the provider's `synced` flips (false until the
 * server echoes the client's own update, in the version that makes it wait for the echo), whether
 * the relay echoes the update at all, and whether a yjs-13 client beside it receives the edit.
 */
export async function runCompat(server: ServerProcess): Promise<CompatResult> {
  const frames: Array<{ at: number; data: Buffer }> = [];
  // The provider's socket, tapped so the bench sees what the relay sends back.
  class TappedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer) => frames.push({ at: performance.now(), data: Buffer.from(data) }));
    }
  }
  const observer = new RawSyncClient(server.roomUrl(ROOM));
  await observer.whenSynced();
  const doc = new Y14.Doc();
  const connectedAt = performance.now();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/sync`, ROOM, doc, {
    WebSocketPolyfill: TappedWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const events: Array<{ synced: boolean; at: number }> = [];
  provider.on('sync', (synced: boolean) => events.push({ synced, at: performance.now() }));
  try {
    const syncedMs = await waitUntil(() => provider.synced, WAIT_MS).then((ok) => (ok ? performance.now() - connectedAt : null));
    const value = `edit-${Math.random().toString(36).slice(2)}`;
    const marker = Buffer.from(value, 'utf8');
    const editedAt = performance.now();
    const eventsBefore = events.length;
    doc.get('bench').setAttr('edit', value);
    let seenByYjs13Ms: number | null = null;
    observer.onMessage(() => {
      if (seenByYjs13Ms === null && observer.doc.getMap('bench').get('edit') === value)
        seenByYjs13Ms = performance.now() - editedAt;
    });
    await waitUntil(() => seenByYjs13Ms !== null && provider.synced, WAIT_MS);
    // An echo, if the relay sends one, comes about when the others get the update; give it time.
    await delay(500);
    const echo = frames.find((frame) => frame.at >= editedAt && frame.data.includes(marker));
    return {
      syncedMs,
      syncEventsAfterEdit: events.slice(eventsBefore).map((e) => ({ synced: e.synced, ms: e.at - editedAt })),
      syncedAfterEdit: provider.synced,
      echoMs: echo ? echo.at - editedAt : null,
      seenByYjs13Ms,
    };
  } finally {
    provider.destroy();
    // The provider made the awareness, but destroy() leaves its 3 s timer running.
    provider.awareness.destroy();
    doc.destroy();
    await observer.close();
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) return false;
    await delay(5);
  }
  return true;
}
