import { readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView, missingChanges } from '../support/boardState.ts';
import { startBusyWriters } from '../support/busyWriters.ts';
import { type ChildServer, spawnServer } from '../support/childServer.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { waitFor, withTimeout } from '../support/waitFor.ts';

const BOARD = 'meeting-under-load';
const WRITERS = 4;
/** Updates the observer must have received before the kill, so it lands mid-stream. */
const UPDATES_BEFORE_KILL = 400;

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
  const child = await spawnServer({ dataDir });
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
 * Busy writers type into the board while an observer only listens. The server is SIGKILLed
 * from inside the observer's update handler, i.e. while frames are streaming in, and the
 * observer's final state (everything it received before its socket died) is kept.
 */
async function writeAndKill(server: ChildServer): Promise<KillRound> {
  const writers = Array.from({ length: WRITERS }, () => connect(server));
  const observer = connect(server);
  await Promise.all([...writers, observer].map((client) => client.whenSynced()));
  let updatesReceived = 0;
  let atKill: Uint8Array | undefined;
  observer.doc.on('update', () => {
    updatesReceived++;
    if (atKill === undefined && updatesReceived >= UPDATES_BEFORE_KILL) {
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
  return { atKill: atKill ?? new Uint8Array(), final: observer.doc, updatesReceived, editsMade: busy.edits() };
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
    expect(roundOne.updatesReceived).toBeGreaterThanOrEqual(UPDATES_BEFORE_KILL);

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
