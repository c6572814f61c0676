import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Metrics } from '../metrics.ts';
import { Connection } from './Connection.ts';
import { FramedMessage } from './FramedMessage.ts';
import { encodeAwarenessMessage, encodeUpdateMessage } from './messages.ts';
import { DEFAULT_BUDGET_LIMITS, SocketBudget } from './SocketBudget.ts';

const closers: Array<() => void> = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A server-side Connection and the stock `ws` client at the other end of it. */
async function connectedPair(): Promise<{ connection: Connection; received: Buffer[]; metrics: Metrics }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  closers.push(() => server.close());
  await new Promise((resolve) => server.once('listening', resolve));
  const accepted = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  closers.push(() => client.terminate());
  const received: Buffer[] = [];
  client.on('message', (data) => received.push(data as Buffer));
  await new Promise((resolve) => client.once('open', resolve));
  const metrics = new Metrics(() => ({ rooms: 0, connections: 0 }));
  const budget = new SocketBudget(DEFAULT_BUDGET_LIMITS, performance.now());
  const connection = new Connection(await accepted, 'board', 'edit', undefined, false, metrics, budget);
  return { connection, received, metrics };
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('FramedMessage', () => {
  it('reaches a stock ws client as the same update or awareness message ws.send would have sent, in order with the others', async () => {
    const { connection, received, metrics } = await connectedPair();
    // Around each length the frame header changes: 7 bits, 16 bits, 64 bits; and a 2-byte varint.
    const sizes = [0, 1, 121, 122, 123, 127, 128, 65_530, 65_531, 65_536, 200_000];
    const updates = sizes.map((size) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 0xff));
    const expected: Uint8Array[] = [];
    updates.forEach((update, i) => {
      // Alternating with ws's own send: both go through the one socket, in call order.
      const message = i % 3 === 2 ? encodeAwarenessMessage(update) : encodeUpdateMessage(update);
      expected.push(message);
      if (i % 3 === 0) connection.sendFramed(FramedMessage.syncUpdate(update));
      else if (i % 3 === 1) connection.send(message);
      else connection.sendFramed(FramedMessage.awareness(update));
    });
    await until(() => received.length === updates.length);
    expect(received.map((data) => Buffer.from(data).toString('hex'))).toEqual(
      expected.map((message) => Buffer.from(message).toString('hex')),
    );
    expect(metrics.messagesOut).toBe(updates.length);
    expect(metrics.bytesOut).toBe(expected.reduce((total, message) => total + message.byteLength, 0));
  });

  it('sends nothing once the socket is closing', async () => {
    const { connection, received } = await connectedPair();
    connection.close(4000, 'bye');
    connection.sendFramed(FramedMessage.syncUpdate(new Uint8Array([1, 2, 3])));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([]);
  });
});
