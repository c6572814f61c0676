import { createNote, getNoteText, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView } from '../support/boardState.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { fetchMetrics, sumMetric } from '../support/prometheus.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { eventually, waitFor } from '../support/waitFor.ts';

const clients: BoardClient[] = [];
const servers: InProcessServer[] = [];
const dirs: TempDir[] = [];

function connect(server: InProcessServer, boardId: string, options: { saved?: boolean } = {}): BoardClient {
  const client = connectBoardClient(server.syncUrl, boardId, options);
  clients.push(client);
  return client;
}

async function start(dataDir: string, unloadDelayMs?: number): Promise<InProcessServer> {
  const server = await startInProcessServer(unloadDelayMs === undefined ? { dataDir } : { dataDir, unloadDelayMs });
  servers.push(server);
  return server;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
  for (const dir of dirs.splice(0)) await dir.remove();
});

/** Writes `count` notes, each with typed text, and returns what a person should see afterwards. */
function writeNotes(doc: Y.Doc, count: number, prefix: string): void {
  for (let i = 0; i < count; i++) {
    const id = createNote(doc, { lane: 'design', author: 'Sam', authorRole: 'lay', text: '' });
    const text = getNoteText(doc, id);
    for (const char of `${prefix} note ${i}`) text?.insert(text.length, char);
  }
}

describe('restart', () => {
  it('keeps every note and character after the server is closed and started again on the same DATA_DIR', async () => {
    const dir = await createTempDir();
    dirs.push(dir);
    const first = await start(dir.path);
    const writer = connect(first, 'restart');
    const reader = connect(first, 'restart');
    const other = connect(first, 'restart-other');
    await Promise.all([writer.whenSynced(), reader.whenSynced(), other.whenSynced()]);
    writeNotes(writer.doc, 30, 'first');
    writeNotes(other.doc, 5, 'other');
    // The reader having received everything means the relay accepted (and committed) it.
    await eventually(() => expect(boardView(reader.doc)).toEqual(boardView(writer.doc)));
    const expected = boardView(writer.doc);
    const expectedOther = boardView(other.doc);
    const expectedVector = Y.encodeStateVector(writer.doc);
    for (const client of clients.splice(0)) client.destroy();
    await first.close();

    const second = await start(dir.path);
    const fresh = connect(second, 'restart');
    const freshOther = connect(second, 'restart-other');
    await Promise.all([fresh.whenSynced(), freshOther.whenSynced()]);
    expect(boardView(fresh.doc)).toEqual(expected);
    expect(boardView(freshOther.doc)).toEqual(expectedOther);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(expectedVector);

    // Writing after a restart continues the same history, and survives a second restart.
    writeNotes(fresh.doc, 3, 'second');
    const ack = connect(second, 'restart');
    await eventually(() => expect(readNotes(ack.doc)).toHaveLength(33));
    const afterSecond = boardView(fresh.doc);
    for (const client of clients.splice(0)) client.destroy();
    await second.close();
    const third = await start(dir.path);
    const last = connect(third, 'restart');
    await last.whenSynced();
    expect(boardView(last.doc)).toEqual(afterSecond);
  });

  it('keeps changes the relay acknowledged as saved even when closed right after the acknowledgement', async () => {
    const dir = await createTempDir();
    dirs.push(dir);
    const first = await start(dir.path);
    const writer = connect(first, 'ack-then-close', { saved: true });
    await writer.whenSynced();
    writeNotes(writer.doc, 10, 'acked');
    await waitFor(() => writer.allOwnChangesSaved(), { what: 'the saved acknowledgement' });
    const expected = boardView(writer.doc);
    writer.destroy();
    await first.close();

    const second = await start(dir.path);
    const fresh = connect(second, 'ack-then-close');
    await fresh.whenSynced();
    expect(boardView(fresh.doc)).toEqual(expected);
  });
});

describe('room unload', () => {
  it('unloads a room after its last client leaves and reloads it whole on demand', async () => {
    const dir = await createTempDir();
    dirs.push(dir);
    const server = await start(dir.path, 50);
    const writer = connect(server, 'unload');
    const reader = connect(server, 'unload');
    await Promise.all([writer.whenSynced(), reader.whenSynced()]);
    writeNotes(writer.doc, 12, 'before unload');
    await eventually(() => expect(boardView(reader.doc)).toEqual(boardView(writer.doc)));
    const expected = boardView(writer.doc);
    expect(await roomsLoaded(server)).toBe(1);

    writer.destroy();
    reader.destroy();
    await waitFor(async () => (await roomsLoaded(server)) === 0, { what: 'the room to unload' });

    const returning = connect(server, 'unload');
    await returning.whenSynced();
    expect(boardView(returning.doc)).toEqual(expected);
    expect(await roomsLoaded(server)).toBe(1);

    // A second unload/reload cycle after more writing keeps the newer text too.
    writeNotes(returning.doc, 2, 'after reload');
    const witness = connect(server, 'unload');
    await eventually(() => expect(boardView(witness.doc)).toEqual(boardView(returning.doc)));
    const expectedAgain = boardView(returning.doc);
    returning.destroy();
    witness.destroy();
    await waitFor(async () => (await roomsLoaded(server)) === 0, { what: 'the room to unload again' });
    const again = connect(server, 'unload');
    await again.whenSynced();
    expect(boardView(again.doc)).toEqual(expectedAgain);
  });
});

/** Rooms currently held in memory, as /metrics reports them. */
async function roomsLoaded(server: InProcessServer): Promise<number> {
  return sumMetric(await fetchMetrics(server.httpUrl), /rooms?(_loaded|_active)?$/);
}
