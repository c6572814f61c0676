import { CloseCode, createNote, MAX_FRAME_BYTES, MESSAGE_AWARENESS, MESSAGE_SYNC, readNotes } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import * as prng from 'lib0/prng';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView } from '../support/boardState.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { endOf, openRawSocket, updateFrame } from '../support/rawSocket.ts';
import { eventually, waitFor } from '../support/waitFor.ts';

const ROOM = 'boundary-room';
const OTHER_ROOM = 'boundary-other';

let server: InProcessServer;
/** Stock clients that must carry on syncing whatever the offending sockets send. */
let sameRoom: { writer: BoardClient; reader: BoardClient };
let otherRoom: { writer: BoardClient; reader: BoardClient };

beforeAll(async () => {
  server = await startInProcessServer();
  sameRoom = { writer: connectBoardClient(server.syncUrl, ROOM), reader: connectBoardClient(server.syncUrl, ROOM) };
  otherRoom = { writer: connectBoardClient(server.syncUrl, OTHER_ROOM), reader: connectBoardClient(server.syncUrl, OTHER_ROOM) };
  await Promise.all([sameRoom, otherRoom].flatMap(({ writer, reader }) => [writer.whenSynced(), reader.whenSynced()]));
});

afterAll(async () => {
  for (const { writer, reader } of [sameRoom, otherRoom]) {
    writer.destroy();
    reader.destroy();
  }
  await server.dispose();
});

/**
 * What a conforming y-websocket peer does with a frame: throws when it is not a valid message.
 * Used to prove each "malformed" frame really is malformed, so a passing test means the relay
 * refused bad input, not that the test sent something harmless.
 */
function referenceDecode(frame: Uint8Array): void {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  const doc = new Y.Doc();
  if (type === MESSAGE_SYNC) {
    // Not syncProtocol.readSyncMessage: it catches and logs errors in updates instead of throwing.
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) Y.decodeStateVector(payload);
    else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate)
      Y.applyUpdate(doc, payload);
    else throw new Error(`unknown sync message type ${syncType}`);
  } else if (type === MESSAGE_AWARENESS) {
    awarenessProtocol.applyAwarenessUpdate(new awarenessProtocol.Awareness(doc), decoding.readVarUint8Array(decoder), null);
  } else {
    throw new Error(`unknown message type ${type}`);
  }
}

function throwsOnDecode(frame: Uint8Array): boolean {
  try {
    referenceDecode(frame);
    return false;
  } catch {
    return true;
  }
}

/** Seeded random frames (optionally after a valid type prefix) that a conforming peer rejects. */
function randomMalformedFrames(prefix: number[], count: number): Uint8Array[] {
  const frames: Uint8Array[] = [];
  for (let seed = 1; frames.length < count && seed < 1000; seed++) {
    const gen = prng.create(seed);
    const frame = Uint8Array.from([...prefix, ...prng.uint8Array(gen, prng.uint32(gen, 1, 96))]);
    if (throwsOnDecode(frame)) frames.push(frame);
  }
  return frames;
}

function truncatedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  createNote(doc, { lane: 'define', author: 'Mallory', authorRole: 'lay', text: 'this update will be cut short' });
  const update = Y.encodeStateAsUpdate(doc);
  return update.slice(0, Math.floor(update.length / 2));
}

const malformed: Array<{ name: string; frame: Uint8Array }> = [
  ...randomMalformedFrames([], 2).map((frame, i) => ({ name: `random bytes #${i + 1}`, frame })),
  ...randomMalformedFrames([MESSAGE_SYNC], 2).map((frame, i) => ({ name: `random bytes after a sync prefix #${i + 1}`, frame })),
  ...randomMalformedFrames([MESSAGE_AWARENESS], 2).map((frame, i) => ({
    name: `random bytes after an awareness prefix #${i + 1}`,
    frame,
  })),
  { name: 'a truncated message-type varint', frame: Uint8Array.of(0x80) },
  {
    name: 'a sync update whose length varint is truncated',
    frame: Uint8Array.of(MESSAGE_SYNC, syncProtocol.messageYjsUpdate, 0xff),
  },
  { name: 'an unknown message type', frame: Uint8Array.of(42, 1, 2, 3) },
  { name: 'an unknown sync sub-type', frame: Uint8Array.of(MESSAGE_SYNC, 9, 0) },
  { name: 'a sync update carrying a corrupt (truncated) Yjs update', frame: updateFrame(truncatedUpdate()) },
];

let round = 0;

/** Both rooms still relay edits between their stock clients, and none of them was disconnected. */
async function expectBystandersUnaffected(): Promise<void> {
  round++;
  for (const { writer, reader } of [sameRoom, otherRoom]) {
    createNote(writer.doc, { lane: 'deliver', author: 'Bystander', authorRole: 'lay', text: `still here ${round}` });
    await eventually(() => expect(boardView(reader.doc)).toEqual(boardView(writer.doc)));
    expect(readNotes(reader.doc).some((note) => note.text === `still here ${round}`)).toBe(true);
    expect(writer.closes).toEqual([]);
    expect(reader.closes).toEqual([]);
  }
}

/** Opens a raw socket on ROOM and waits until the relay has greeted it (the room is loaded). */
async function openLoadedSocket() {
  const socket = openRawSocket(server.httpUrl, `/sync/${ROOM}`);
  await socket.opened;
  await waitFor(() => socket.frames.length > 0, { what: 'the relay’s sync step 1' });
  return socket;
}

describe('a malformed frame closes only the socket that sent it', () => {
  it.each(malformed)('$name → MALFORMED_MESSAGE', async ({ frame }) => {
    expect(throwsOnDecode(frame)).toBe(true);
    const bystander = await openLoadedSocket();
    const offender = await openLoadedSocket();
    offender.send(frame);
    const end = await endOf(offender);
    expect(end.code).toBe(CloseCode.MALFORMED_MESSAGE);
    expect(end.reason.length).toBeGreaterThan(0);
    expect(bystander.isOpen()).toBe(true);
    bystander.close();
    await expectBystandersUnaffected();
  });

  it(`a frame larger than MAX_FRAME_BYTES (${MAX_FRAME_BYTES}) → MESSAGE_TOO_LARGE`, async () => {
    const offender = await openLoadedSocket();
    // A well-formed update frame whose only fault is its size.
    const doc = new Y.Doc();
    createNote(doc, { lane: 'define', author: 'Big', authorRole: 'lay', text: 'x'.repeat(1000) });
    doc.getMap('filler').set('blob', new Uint8Array(MAX_FRAME_BYTES));
    const frame = updateFrame(Y.encodeStateAsUpdate(doc));
    expect(frame.length).toBeGreaterThan(MAX_FRAME_BYTES);
    offender.send(frame);
    const end = await endOf(offender);
    expect(end.code).toBe(CloseCode.MESSAGE_TOO_LARGE);
    expect(end.reason.length).toBeGreaterThan(0);
    await expectBystandersUnaffected();
    // The oversized update was not applied to the room.
    expect(sameRoom.reader.doc.getMap('filler').has('blob')).toBe(false);
  });

  it('never lets a rejected frame reach the board: a late joiner sees only the bystanders’ notes', async () => {
    const late = connectBoardClient(server.syncUrl, ROOM);
    try {
      await late.whenSynced();
      expect(boardView(late.doc)).toEqual(boardView(sameRoom.writer.doc));
      expect(readNotes(late.doc).some((note) => note.author === 'Mallory' || note.author === 'Big')).toBe(false);
    } finally {
      late.destroy();
    }
  });
});

describe('invalid board ids are refused', () => {
  const paths = [
    '/sync/..%2F',
    '/sync/..%2F..%2Fetc',
    `/sync/${'a'.repeat(65)}`,
    '/sync/bad$id',
    '/sync/has%20space',
    '/sync/',
    '/sync/a/b',
    '/not-sync/board',
  ];
  it.each(paths)('%s → INVALID_BOARD_ID', async (path) => {
    const socket = openRawSocket(server.httpUrl, path);
    const end = await endOf(socket);
    expect(end.httpStatus, 'refused with a WebSocket close code, not an HTTP error').toBeUndefined();
    expect(end.code).toBe(CloseCode.INVALID_BOARD_ID);
    expect(end.reason.length).toBeGreaterThan(0);
    // Never greeted with a board.
    expect(socket.frames).toEqual([]);
  });

  it('a board id of exactly 64 allowed characters is accepted', async () => {
    const client = connectBoardClient(server.syncUrl, `${'A-z_9'.repeat(12)}abcd`);
    try {
      await client.whenSynced();
    } finally {
      client.destroy();
    }
  });
});

describe('after all of that', () => {
  it('the process is still up and healthy, and both rooms still sync', async () => {
    const response = await fetch(`${server.httpUrl}/healthz`);
    expect(response.status).toBe(200);
    await expectBystandersUnaffected();
  });
});
