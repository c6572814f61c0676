/**
 * The next y-websocket (`@y/websocket@4.0.0-3`, on Yjs 14: `@y/y`) against Costudio's relay,
 * beside today's stock client (`y-websocket` 3 on `yjs` 13). Costudio does not echo a client's
 * own update back to it (see docs/operations.md, "Durability"): 4.0.0-3 reports "synced" on the
 * relay's sync step 2, as 3.x does, so it needs no echo.
 */

import { WebsocketProvider as WebsocketProvider4 } from '@y/websocket';
import * as Y14 from '@y/y';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { eventually, waitFor } from '../support/waitFor.ts';

const servers: InProcessServer[] = [];
const clients: BoardClient[] = [];
const nextClients: WebsocketProvider4[] = [];
const dirs: TempDir[] = [];

afterEach(async () => {
  for (const provider of nextClients.splice(0)) provider.destroy();
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
  for (const dir of dirs.splice(0)) await dir.remove();
});

function connectNext(server: InProcessServer, boardId: string): { doc: Y14.Doc; provider: WebsocketProvider4 } {
  const doc = new Y14.Doc();
  const provider = new WebsocketProvider4(server.syncUrl, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  nextClients.push(provider);
  return { doc, provider };
}

const synced = (provider: WebsocketProvider4) =>
  waitFor(() => provider.synced, { timeoutMs: 10_000, what: 'the @y/websocket 4 client to report synced' });

describe('@y/websocket 4.0.0-3 (Yjs 14) on the relay', () => {
  it('syncs, edits with a Yjs 13 client both ways, and finds its edits again after a restart', async () => {
    const dir = await createTempDir();
    dirs.push(dir);
    const first = await startInProcessServer({ dataDir: dir.path });
    servers.push(first);
    const next = connectNext(first, 'next-client');
    const stock = connectBoardClient(first.syncUrl, 'next-client');
    clients.push(stock);
    await synced(next.provider);
    await stock.whenSynced();

    // Yjs 14 has one shared type: a map's entries are its attributes, a text its content.
    next.doc.get('m').setAttr('from', 'yjs 14');
    next.doc.get('t').insert(0, 'typed on the next client');
    await eventually(() => expect(stock.doc.getMap('m').get('from')).toBe('yjs 14'));
    expect(stock.doc.getText('t').toString()).toBe('typed on the next client');

    stock.doc.getMap('m').set('back', 'yjs 13');
    await eventually(() => expect(next.doc.get('m').getAttr('back')).toBe('yjs 13'));

    // Edits made after it reported synced are still only in its doc until the relay stored them;
    // the stock client having them means they were committed. Restart and read them back.
    for (const provider of nextClients.splice(0)) provider.destroy();
    for (const client of clients.splice(0)) client.destroy();
    await first.close();
    servers.splice(0);
    const second = await startInProcessServer({ dataDir: dir.path });
    servers.push(second);
    const again = connectNext(second, 'next-client');
    await synced(again.provider);
    expect(again.doc.get('m').getAttrs()).toEqual({ from: 'yjs 14', back: 'yjs 13' });
    expect(again.doc.get('t').toString()).toBe('typed on the next client');
  });
});
