import { createNote, MAX_TITLE_LENGTH } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportBoardFile } from '../../server/src/boardFile/boardFile.ts';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { roundTripsWhile } from '../support/roundTrips.ts';
import { median, startStallMeter } from '../support/stallMeter.ts';

// Issue 13 item 3: an anonymous 12 MiB import froze every board for 7–9 s.

let server: InProcessServer;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

/** A board file of `count` notes, about `bytes` long in all, as an export would write it. */
function largeBoardFile(count: number, bytes: number): string {
  const doc = new Y.Doc();
  createNote(doc, { lane: 'define', text: 'x', author: 'Ann', authorRole: 'lay' });
  const file = exportBoardFile(doc);
  const [template] = file.notes;
  const padding = 'Waiting times at the evening clinic. '.repeat(Math.ceil(bytes / count / 37));
  const notes = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `note-${i}`,
    text: padding.slice(0, Math.max(1, Math.floor(bytes / count) - JSON.stringify(template).length - 2)),
  }));
  return JSON.stringify({ ...file, meta: { ...file.meta, title: 'Large'.slice(0, MAX_TITLE_LENGTH) }, notes });
}

describe('large imports', () => {
  it('a 12 MiB import does not hold up another board’s sync by more than 100 ms', { retry: 1 }, async () => {
    server = await startInProcessServer({});
    const body = Buffer.from(largeBoardFile(30_000, 13 * 1024 * 1024));
    expect(body.length).toBeGreaterThan(12 * 1024 * 1024);
    const created = await fetch(`${server.httpUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { id } = (await created.json()) as { id: string };
    const [alice, bob] = [0, 1].map(() => {
      const client = connectBoardClient(server.syncUrl, id);
      clients.push(client);
      return client;
    }) as [BoardClient, BoardClient];
    await Promise.all([alice.whenSynced(), bob.whenSynced()]);

    const meter = startStallMeter();
    const started = performance.now();
    let answered = false;
    const importing = fetch(`${server.httpUrl}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    }).then(async (response) => {
      answered = true;
      return { status: response.status, json: (await response.json()) as { notes?: number } };
    });
    const trips = await roundTripsWhile(alice, bob, () => answered);
    const imported = await importing;
    const seconds = (performance.now() - started) / 1000;
    const stalls = meter.stop();

    const worst = Math.max(...trips);
    console.info(
      `12 MiB import (30,000 notes) answered ${imported.status} after ${seconds.toFixed(1)} s; meanwhile ${trips.length} round trips on another board, ` +
        `median ${median(trips).toFixed(1)} ms, max ${worst.toFixed(1)} ms; longest event-loop stall ${stalls.wallMs.toFixed(1)} ms by the clock, ${stalls.cpuMs.toFixed(1)} ms busy`,
    );
    expect(imported.status).toBe(201);
    expect(imported.json.notes).toBe(30_000);
    // The relay's own work never holds the loop for 100 ms. By the clock, this shared machine
    // adds gaps of its own (an idle process sees 100–150 ms), so the maximum is reported, and the
    // typical round trip asserted.
    expect(stalls.cpuMs).toBeLessThan(100);
    expect(median(trips)).toBeLessThan(100);
  });
});
