import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { waitFor } from '../support/waitFor.ts';

// Issue 13 item 8: clients that open connections and never finish their requests.

let server: InProcessServer;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await server?.dispose();
});

interface HalfSent {
  readonly socket: Socket;
  /** Everything the server answered. */
  received: string;
  closed: boolean;
}

/** A connection that sends the start of a request and then nothing more. */
function halfSentRequest(port: number): Promise<HalfSent> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    const state: HalfSent = { socket, received: '', closed: false };
    socket.on('data', (data) => {
      state.received += data.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      state.closed = true;
    });
    socket.on('connect', () => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      resolve(state);
    });
  });
}

async function healthz(): Promise<number | string> {
  try {
    return (await fetch(`${server.httpUrl}/healthz`, { headers: { connection: 'close' } })).status;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('slow clients', () => {
  it('half-sent requests are answered 408 and closed once their headers are late', async () => {
    server = await startInProcessServer({ headersTimeoutMs: 500 });
    const started = Date.now();
    const slow = await Promise.all(Array.from({ length: 100 }, () => halfSentRequest(server.port)));
    expect(await healthz()).toBe(200);
    await waitFor(() => slow.every((s) => s.closed), { what: 'every half-sent request to be closed', timeoutMs: 5_000 });
    const seconds = (Date.now() - started) / 1000;
    expect(slow.every((s) => s.received.startsWith('HTTP/1.1 408'))).toBe(true);
    console.info(`100 half-sent requests closed with 408 after ${seconds.toFixed(1)} s (headersTimeout 0.5 s)`);
  });

  it('one address holds at most its cap of open connections; others are dropped at once', async () => {
    server = await startInProcessServer({ maxConnectionsPerAddress: 20 });
    const slow = await Promise.all(Array.from({ length: 30 }, () => halfSentRequest(server.port)));
    await waitFor(() => slow.filter((s) => s.closed).length === 10, 'the ten over the cap to be dropped');
    expect(typeof (await healthz())).toBe('string');
    for (const s of slow) s.socket.destroy();
    await waitFor(async () => (await healthz()) === 200, 'the address to be served again once it lets go');
  });
});
