import { createNote, getNoteText, MESSAGE_SAVED, readNotes, SAVED_PARAM } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient, frameType } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { openRawSocket, type RawSocket, syncStep1Frame, updateFrame } from '../support/rawSocket.ts';
import { eventually, waitFor } from '../support/waitFor.ts';

let server: InProcessServer | undefined;
const clients: BoardClient[] = [];
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.close();
  await server?.dispose();
  server = undefined;
});

/** Every MESSAGE_SAVED state vector among the frames a raw socket received, in order. */
function savedVectors(socket: RawSocket): Array<Map<number, number>> {
  return socket.frames
    .filter((frame) => frameType(frame) === MESSAGE_SAVED)
    .map((frame) => {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    });
}

describe('the opt-in saved message', () => {
  it(`tells a client that connected with ?${SAVED_PARAM}=1 when its update is durable, covering its own clock`, async () => {
    server = await startInProcessServer();
    const socket = openRawSocket(server.httpUrl, `/sync/saved-raw?${SAVED_PARAM}=1`);
    sockets.push(socket);
    await socket.opened;
    const doc = new Y.Doc();
    socket.send(syncStep1Frame(doc));
    await waitFor(() => socket.frames.length >= 2, { what: 'the relay’s sync step 1 and step 2' });
    expect(savedVectors(socket)).toEqual([]);

    createNote(doc, { lane: 'define', author: 'Raw', authorRole: 'lay', text: 'is this saved?' });
    socket.send(updateFrame(Y.encodeStateAsUpdate(doc)));
    const ownClock = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
    expect(ownClock).toBeGreaterThan(0);
    const saved = await waitFor(() => savedVectors(socket).find((vector) => (vector.get(doc.clientID) ?? 0) >= ownClock), {
      what: 'a saved message covering the update',
    });
    // Restricted to the ids this connection wrote.
    expect([...saved.keys()]).toEqual([doc.clientID]);

    // "Durable" means a fresh client sees the note, even from a restarted server.
    const dataDir = server.dataDir;
    socket.close();
    await server.close();
    const restarted = await startInProcessServer({ dataDir });
    try {
      const reader = connectBoardClient(restarted.syncUrl, 'saved-raw');
      clients.push(reader);
      await reader.whenSynced();
      expect(readNotes(reader.doc).map((note) => note.text)).toEqual(['is this saved?']);
    } finally {
      await restarted.close();
    }
  });

  it('reports later edits too: a provider that opts in sees allOwnChangesSaved after typing', async () => {
    server = await startInProcessServer();
    const writer = connectBoardClient(server.syncUrl, 'saved-provider', { saved: true });
    clients.push(writer);
    await writer.whenSynced();
    const id = createNote(writer.doc, { lane: 'decide', author: 'Pat', authorRole: 'practitioner', text: '' });
    for (let round = 0; round < 5; round++) {
      const text = getNoteText(writer.doc, id);
      text?.insert(text.length, `edit ${round}; `);
      expect(writer.allOwnChangesSaved()).toBe(false);
      await waitFor(() => writer.allOwnChangesSaved(), { what: `the saved message for edit ${round}` });
    }
  });

  it('is never sent to a stock provider that did not ask, even while it writes', async () => {
    server = await startInProcessServer();
    const stock = connectBoardClient(server.syncUrl, 'saved-mixed');
    const optedIn = connectBoardClient(server.syncUrl, 'saved-mixed', { saved: true });
    clients.push(stock, optedIn);
    await Promise.all([stock.whenSynced(), optedIn.whenSynced()]);
    for (let i = 0; i < 20; i++)
      createNote(stock.doc, { lane: 'evaluate', author: 'Stock', authorRole: 'lay', text: `stock ${i}` });
    await eventually(() => expect(readNotes(optedIn.doc)).toHaveLength(20));
    // The opted-in client's later write is acknowledged only after everything committed before
    // it, so any saved message for the stock client's writes would already be on its way...
    createNote(optedIn.doc, { lane: 'evaluate', author: 'Opted in', authorRole: 'lay', text: 'mine' });
    await waitFor(() => optedIn.allOwnChangesSaved(), { what: 'the opted-in client’s acknowledgement' });
    // ...and a round trip on the stock client's own socket drains whatever was sent before it.
    const before = stock.receivedTypes.length;
    createNote(optedIn.doc, { lane: 'evaluate', author: 'Opted in', authorRole: 'lay', text: 'barrier' });
    await eventually(() => expect(readNotes(stock.doc)).toHaveLength(22));
    expect(stock.receivedTypes.length).toBeGreaterThan(before);

    expect(stock.receivedTypes).not.toContain(MESSAGE_SAVED);
    expect(optedIn.receivedTypes).toContain(MESSAGE_SAVED);
    expect(optedIn.saved.has(stock.doc.clientID)).toBe(false);
  });
});
