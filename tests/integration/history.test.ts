import { createNote, deleteNote, getNoteText, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { eventually } from '../support/waitFor.ts';

interface Version {
  id: number;
  kind: string;
  name: string | null;
  noteCount: number;
  createdAt: number;
}

const clients: BoardClient[] = [];
const servers: InProcessServer[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
});

async function start(historyIntervalMs: number): Promise<InProcessServer> {
  const server = await startInProcessServer({ historyIntervalMs, unloadDelayMs: 60_000 });
  servers.push(server);
  return server;
}

async function api(server: InProcessServer, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.httpUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function versions(server: InProcessServer, boardId: string): Promise<Version[]> {
  return ((await (await api(server, `/api/boards/${boardId}/history`)).json()) as { versions: Version[] }).versions;
}

async function newBoard(server: InProcessServer): Promise<string> {
  return ((await (await api(server, '/api/boards', { title: 'History' })).json()) as { id: string }).id;
}

async function open(server: InProcessServer, boardId: string): Promise<BoardClient> {
  const client = connectBoardClient(server.syncUrl, boardId, { saved: true });
  clients.push(client);
  await client.whenSynced();
  return client;
}

const texts = (client: BoardClient) =>
  readNotes(client.doc)
    .map((note) => note.text)
    .sort();

describe('board history', () => {
  it('names a version, previews it, and restores it as a change everyone receives, keeping every version', async () => {
    const server = await start(60 * 60_000);
    const boardId = await newBoard(server);
    const alice = await open(server, boardId);
    const bob = await open(server, boardId);
    const origin = { who: 'alice' };
    const first = createNote(alice.doc, { lane: 'define', text: 'Waiting lists', author: 'Al', authorRole: 'lay' }, origin);
    createNote(alice.doc, { lane: 'design', text: 'Drop-in clinic', author: 'Al', authorRole: 'lay' }, origin);
    await eventually(() => expect(alice.allOwnChangesSaved()).toBe(true));

    const named = await api(server, `/api/boards/${boardId}/history`, { name: 'After workshop 2' });
    expect(named.status).toBe(201);
    const { version } = (await named.json()) as { version: Version };
    expect(version).toMatchObject({ kind: 'named', name: 'After workshop 2', noteCount: 2 });

    // The board moves on: one note deleted, one rewritten, one added.
    deleteNote(alice.doc, first, origin);
    const second = readNotes(alice.doc)[0]?.id as string;
    const text = getNoteText(alice.doc, second);
    alice.doc.transact(() => text?.insert(0, 'Weekend '), origin);
    createNote(bob.doc, { lane: 'evaluate', text: 'Survey', author: 'Bo', authorRole: 'practitioner' }, { who: 'bob' });
    await eventually(() => expect(texts(alice)).toEqual(['Survey', 'Weekend Drop-in clinic']));

    const preview = await api(server, `/api/boards/${boardId}/history/${version.id}`);
    expect(preview.status).toBe(200);
    const shown = (await preview.json()) as { version: Version; board: { notes: { text: string }[] } };
    expect(shown.board.notes.map((note) => note.text).sort()).toEqual(['Drop-in clinic', 'Waiting lists']);

    const restored = await api(server, `/api/boards/${boardId}/history/${version.id}/restore`, {});
    expect(restored.status).toBe(200);
    const result = (await restored.json()) as { restored: Version; before: Version; changed: boolean };
    expect(result).toMatchObject({
      changed: true,
      restored: { id: version.id },
      before: { kind: 'before-restore', noteCount: 2 },
    });

    // Both people receive the restore as an ordinary update; nothing was rolled back.
    for (const client of [alice, bob]) {
      await eventually(() => expect(texts(client)).toEqual(['Drop-in clinic', 'Waiting lists']));
    }
    const listed = await versions(server, boardId);
    expect(listed.map((entry) => entry.kind)).toEqual(['before-restore', 'named']);
    expect(listed[1]).toMatchObject({ name: 'After workshop 2', noteCount: 2 });

    // The version from before the restore brings the later work back.
    await api(server, `/api/boards/${boardId}/history/${result.before.id}/restore`, {});
    await eventually(() => expect(texts(bob)).toEqual(['Survey', 'Weekend Drop-in clinic']));
  });

  it('keeps versions automatically during activity and when the last person leaves', async () => {
    const server = await start(200);
    const boardId = await newBoard(server);
    const alice = await open(server, boardId);
    const origin = { who: 'alice' };
    createNote(alice.doc, { lane: 'define', text: 'one', author: 'Al', authorRole: 'lay' }, origin);
    // Edits keep coming; once the interval has passed, the next edit saves a version.
    await eventually(async () => {
      createNote(alice.doc, { lane: 'define', text: 'more', author: 'Al', authorRole: 'lay' }, origin);
      expect((await versions(server, boardId)).some((entry) => entry.kind === 'auto')).toBe(true);
    });
    createNote(alice.doc, { lane: 'define', text: 'last', author: 'Al', authorRole: 'lay' }, origin);
    await eventually(() => expect(alice.allOwnChangesSaved()).toBe(true));
    alice.destroy();
    await eventually(async () => {
      const latest = (await versions(server, boardId))[0];
      expect(latest).toMatchObject({ kind: 'last-leave', noteCount: readNotes(alice.doc).length });
    });
  });

  it('answers unknown boards, versions and bad names with clear errors', async () => {
    const server = await start(60_000);
    const boardId = await newBoard(server);
    expect((await api(server, '/api/boards/missing/history')).status).toBe(404);
    expect((await api(server, `/api/boards/${boardId}/history/999`)).status).toBe(404);
    expect((await api(server, `/api/boards/${boardId}/history/999/restore`, {})).status).toBe(404);
    const blank = await api(server, `/api/boards/${boardId}/history`, { name: '  ' });
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as { error: { code: string } }).error.code).toBe('invalid_name');
  });
});
