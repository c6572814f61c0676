import { CloseCode } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { postWithToken } from '../support/linksApi.ts';
import { endOf, openRawSocket, type RawSocket, sendBurst, updateFrame } from '../support/rawSocket.ts';
import { roundTripsWhile } from '../support/roundTrips.ts';
import { startStallMeter } from '../support/stallMeter.ts';

// Issue 13: one participant's flood must cost other boards nothing they would notice.

let server: InProcessServer;
const clients: BoardClient[] = [];
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.close();
  await server?.dispose();
});

async function boardWithEditLink(title: string) {
  const board = await postWithToken(server.httpUrl, '/api/boards', '', { title });
  const edit = await postWithToken(server.httpUrl, `/api/boards/${board.id}/links`, board.facilitatorLink.token, {
    access: 'edit',
  });
  return { boardId: board.id, editToken: edit.token };
}

/** `count` tiny updates from one Yjs client, each building on the one before. */
function tinyUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(updateFrame(update)));
  const map = doc.getMap('flood');
  for (let i = 0; i < count; i++) map.set('k', i);
  doc.destroy();
  return updates;
}

describe('per-socket budgets', () => {
  it('a 10,000-message burst closes that socket with RATE_LIMITED; a pair on another board keeps round trips under 100 ms', {
    retry: 2,
  }, async () => {
    server = await startInProcessServer({ requireLinks: true });
    const flooded = await boardWithEditLink('Flooded');
    const quiet = await boardWithEditLink('Quiet');
    const [alice, bob] = [0, 1].map(() => {
      const client = connectBoardClient(server.syncUrl, quiet.boardId, { params: { token: quiet.editToken } });
      clients.push(client);
      return client;
    }) as [BoardClient, BoardClient];
    await Promise.all([alice.whenSynced(), bob.whenSynced()]);
    const baseline = await roundTripsWhile(
      alice,
      bob,
      (() => {
        let n = 0;
        return () => n++ >= 5;
      })(),
    );

    const frames = tinyUpdates(10_000);
    const socket = openRawSocket(server.httpUrl, `/sync/${flooded.boardId}?token=${encodeURIComponent(flooded.editToken)}`);
    sockets.push(socket);
    await socket.opened;
    let burstSent = false;
    let tripCount = 0;
    // Ten trips at least: the burst is parsed in a few large reads, the first ones during it.
    const trips = roundTripsWhile(alice, bob, () => burstSent && !socket.isOpen() && tripCount++ >= 10);
    // The relay runs in this process: its longest stall of the event loop is the burst's cost.
    const meter = startStallMeter();
    sendBurst(socket, frames);
    burstSent = true;
    const end = await endOf(socket, 30_000);
    const during = await trips;
    const stalls = meter.stop();

    const worst = Math.max(...during);
    console.info(
      `bystander round trips: baseline max ${Math.max(...baseline).toFixed(1)} ms; during the burst ${during.length} trips, ` +
        `max ${worst.toFixed(1)} ms (${during.map((t) => t.toFixed(0)).join(' ')}); longest event-loop stall ${stalls.wallMs.toFixed(1)} ms by the clock, ${stalls.cpuMs.toFixed(1)} ms busy`,
    );
    expect(end.code).toBe(CloseCode.RATE_LIMITED);
    expect(stalls.cpuMs).toBeLessThan(100);
    expect(worst).toBeLessThan(100);
  });
});
