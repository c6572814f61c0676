import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '@costudio/server';
import { CloseCode, createNote } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView, missingChanges } from '../support/boardState.ts';
import { startBusyWriters } from '../support/busyWriters.ts';
import { type ChildServer, spawnServer } from '../support/childServer.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { waitFor, withTimeout } from '../support/waitFor.ts';

const BOARD = 'closing-time';

const children: ChildServer[] = [];
const clients: BoardClient[] = [];
const dirs: TempDir[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  for (const dir of dirs.splice(0)) await dir.remove();
});

async function spawn(dataDir: string): Promise<ChildServer> {
  const child = await spawnServer({ dataDir });
  children.push(child);
  return child;
}

function connect(server: ChildServer, saved = false): BoardClient {
  const client = connectBoardClient(server.syncUrl, BOARD, { saved });
  clients.push(client);
  return client;
}

describe.each(['SIGTERM', 'SIGINT'] as const)('%s while people are typing', (signal) => {
  it('exits 0, closes every client with 1001, and keeps everything acknowledged or relayed', async () => {
    const dir = await createTempDir();
    dirs.push(dir);
    const server = await spawn(dir.path);
    const writers = [connect(server, true), connect(server, true)];
    const observer = connect(server);
    const everyone = [...writers, observer];
    await Promise.all(everyone.map((client) => client.whenSynced()));
    const busy = startBusyWriters(
      writers.map((writer) => writer.doc),
      { intervalMs: 3 },
    );
    let exit: Awaited<ChildServer['exited']>;
    try {
      await waitFor(() => writers.every((writer) => (writer.saved.get(writer.doc.clientID) ?? 0) > 50), {
        what: 'both writers to have changes acknowledged as saved',
      });
      server.kill(signal);
      exit = await withTimeout(server.exited, 15_000, `the server to exit after ${signal}`);
      await waitFor(() => everyone.every((client) => client.closes.length > 0), { what: 'every client to be closed' });
    } finally {
      busy.stop();
    }
    for (const client of everyone) client.destroy();

    expect(exit).toEqual({ code: 0, signal: null });
    for (const client of everyone) expect(client.closes[0]?.code).toBe(CloseCode.GOING_AWAY);

    const restarted = await spawn(dir.path);
    const verifier = connect(restarted);
    await verifier.whenSynced();
    for (const writer of writers) {
      const acknowledged = writer.saved.get(writer.doc.clientID) ?? 0;
      expect(acknowledged).toBeGreaterThan(50);
      const stored = missingChanges(new Map([[writer.doc.clientID, acknowledged]]), verifier.doc);
      expect(stored).toEqual([]);
    }
    expect(missingChanges(observer.doc, verifier.doc)).toEqual([]);
    const stored = new Map(boardView(verifier.doc).notes.map((note) => [note.id, note.text]));
    for (const note of boardView(observer.doc).notes) expect(stored.get(note.id)?.startsWith(note.text)).toBe(true);
  });
});

describe('a clean stop', () => {
  it('leaves one complete database file (no -wal, no -shm) beside the secret key, holding every edit', async () => {
    const dir = await createTempDir();
    dirs.push(dir);
    const server = await spawn(dir.path);
    const writer = connect(server, true);
    await writer.whenSynced();
    const ids = Array.from({ length: 50 }, (_, i) =>
      createNote(writer.doc, { lane: 'define', author: 'W', authorRole: 'lay', text: `note ${i}` }),
    );
    await waitFor(() => writer.allOwnChangesSaved(), { what: 'every edit to be acknowledged as saved' });
    expect(readdirSync(dir.path)).toContain(`${DATABASE_FILE}-wal`);
    writer.destroy();

    server.kill('SIGTERM');
    expect(await withTimeout(server.exited, 15_000, 'the server to exit after SIGTERM')).toEqual({ code: 0, signal: null });
    expect(readdirSync(dir.path).sort()).toEqual([DATABASE_FILE, 'secret.key']);

    // That file alone, copied elsewhere, is the whole deployment's boards.
    const copy = await createTempDir();
    dirs.push(copy);
    copyFileSync(join(dir.path, DATABASE_FILE), join(copy.path, DATABASE_FILE));
    copyFileSync(join(dir.path, 'secret.key'), join(copy.path, 'secret.key'));
    const restarted = await spawn(copy.path);
    const reader = connect(restarted);
    await reader.whenSynced();
    expect(
      boardView(reader.doc)
        .notes.map((note) => note.id)
        .sort(),
    ).toEqual([...ids].sort());
  });
});
