import { createNote, getNoteText, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView, missingChanges } from '../support/boardState.ts';
import { startBusyWriters } from '../support/busyWriters.ts';
import { type ChildServer, spawnServer } from '../support/childServer.ts';
import { openRawSocket, updateFrame } from '../support/rawSocket.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { waitFor, withTimeout } from '../support/waitFor.ts';

const BOARD = 'meeting-under-load';
const WRITERS = 4;
/** Updates the observer receives from the busy writers before the burst (and the kill). */
const UPDATES_BEFORE_BURST = 150;
const BURST_EDITS = 600;

const children: ChildServer[] = [];
const clients: BoardClient[] = [];
let dir: TempDir | undefined;

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  await dir?.remove();
  dir = undefined;
});

async function spawn(dataDir: string): Promise<ChildServer> {
  // A small compaction bound makes the kill land during snapshot compactions too.
  const child = await spawnServer({ dataDir, env: { COMPACT_MAX_UPDATES: '100' } });
  children.push(child);
  return child;
}

function connect(server: ChildServer): BoardClient {
  const client = connectBoardClient(server.syncUrl, BOARD);
  clients.push(client);
  return client;
}

interface KillRound {
  /** The observer's board at the moment of the kill, and after its socket closed. */
  atKill: Uint8Array;
  final: Y.Doc;
  updatesReceived: number;
  editsMade: number;
}

/**
 * Busy writers type into the board while an observer only listens. Once the stream is flowing,
 * a raw socket sends BURST_EDITS update frames in one go, so the relay has hundreds of updates to
 * handle in a single event-loop turn; the observer SIGKILLs the server the moment the first of
 * them reaches it. A relay that forwarded updates before committing them would be killed with
 * relayed-but-uncommitted updates in hand, which the restarted server would not have.
 */
async function writeAndKill(server: ChildServer): Promise<KillRound> {
  const writers = Array.from({ length: WRITERS }, () => connect(server));
  const observer = connect(server);
  const burst = prepareBurst();
  const burstSocket = openRawSocket(server.httpUrl, `/sync/${BOARD}`);
  await burstSocket.opened;
  await Promise.all([...writers, observer].map((client) => client.whenSynced()));
  let updatesReceived = 0;
  let burstSent = false;
  let atKill: Uint8Array | undefined;
  observer.doc.on('update', (update: Uint8Array) => {
    updatesReceived++;
    if (!burstSent && updatesReceived >= UPDATES_BEFORE_BURST) {
      burstSent = true;
      // Pre-encoded, so this process is free again within milliseconds to watch for the relay.
      for (const frame of burst.frames) burstSocket.send(frame);
    }
    if (atKill === undefined && burstSent && Y.parseUpdateMeta(update).from.has(burst.clientId)) {
      atKill = Y.encodeStateVector(observer.doc);
      server.kill('SIGKILL');
    }
  });
  const busy = startBusyWriters(
    writers.map((writer) => writer.doc),
    { intervalMs: 2 },
  );
  try {
    await withTimeout(server.exited, 30_000, 'the kill to happen mid-stream');
    // Frames already in the observer's socket buffer were sent by the server before it died,
    // so they count as received too; the provider stops reading once the socket closes.
    await waitFor(() => observer.closes.length > 0, { what: 'the observer to notice the kill' });
  } finally {
    busy.stop();
  }
  // No client may reconnect and re-upload what it holds: the restarted server must have it alone.
  for (const client of [...writers, observer]) client.destroy();
  burstSocket.close();
  return { atKill: atKill ?? new Uint8Array(), final: observer.doc, updatesReceived, editsMade: busy.edits() + BURST_EDITS };
}

/** A new note typed one character per transaction: BURST_EDITS update frames, encoded ahead. */
function prepareBurst(): { clientId: number; frames: Uint8Array[] } {
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)));
  const id = createNote(doc, { lane: 'distribute', author: 'Burst', authorRole: 'lay', text: '' });
  const text = getNoteText(doc, id);
  for (let i = 0; i < BURST_EDITS; i++) text?.insert(text.length, String.fromCharCode(65 + (i % 26)));
  return { clientId: doc.clientID, frames };
}

/** Asserts the restarted server holds every change and every character the observer received. */
async function expectNothingLost(server: ChildServer, round: KillRound): Promise<Y.Doc> {
  const verifier = connect(server);
  await verifier.whenSynced();
  expect(missingChanges(round.atKill, verifier.doc)).toEqual([]);
  expect(missingChanges(round.final, verifier.doc)).toEqual([]);
  const after = new Map(boardView(verifier.doc).notes.map((note) => [note.id, note.text]));
  const seen = boardView(round.final).notes;
  expect(seen.length).toBeGreaterThan(0);
  for (const note of seen) {
    // Writers only append, so what the observer saw must be a prefix of what was stored.
    expect(after.get(note.id)?.startsWith(note.text), `note ${note.id} "${note.text}"`).toBe(true);
  }
  // Freeze the verifier's view: later rounds compare against this board as it was restored.
  verifier.destroy();
  return verifier.doc;
}

describe('kill -9 while writers are busy', () => {
  it('loses none of the updates any other client had received, across two kills', async () => {
    dir = await createTempDir();
    const first = await spawn(dir.path);
    const roundOne = await writeAndKill(first);
    expect(roundOne.updatesReceived).toBeGreaterThan(UPDATES_BEFORE_BURST);

    const second = await spawn(dir.path);
    const afterOne = await expectNothingLost(second, roundOne);
    const roundTwo = await writeAndKill(second);

    const third = await spawn(dir.path);
    const afterTwo = await expectNothingLost(third, roundTwo);
    // The second round built on the first: nothing from before the first kill went missing.
    expect(missingChanges(afterOne, afterTwo)).toEqual([]);
    expect(readNotes(afterTwo).length).toBeGreaterThan(readNotes(afterOne).length);
    console.info(
      `kill -9: round 1 observer received ${roundOne.updatesReceived} updates of ${roundOne.editsMade} edits; ` +
        `round 2 ${roundTwo.updatesReceived} of ${roundTwo.editsMade}`,
    );
  });
});
