import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join as joinPath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CloseCode, createNote, PRIVATE_INFIX, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from '../../server/src/storage/SqliteStorage.ts';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { type ApiCall, callApi } from '../support/linksApi.ts';
import { phraseInFiles } from '../support/phraseInFiles.ts';
import { endOf, openRawSocket } from '../support/rawSocket.ts';
import { eventually } from '../support/waitFor.ts';

const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));
const ADMIN_CLI = joinPath(SERVER_DIR, 'src/backup/adminCli.ts');
const TSX_LOADER = pathToFileURL(createRequire(joinPath(SERVER_DIR, 'package.json')).resolve('tsx')).href;

const SECRET = 'deadbeef'.repeat(8);
const TITLE = 'Ward 7: what matters to you';
const PHRASE = 'Quokka-lantern-8812 the night nurse listened';

let server: InProcessServer;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

async function start(dataDir?: string): Promise<void> {
  server = await startInProcessServer({
    requireLinks: true,
    secret: SECRET,
    historyIntervalMs: 60 * 60_000,
    ...(dataDir ? { dataDir } : {}),
  });
}

const api = (path: string, call?: ApiCall) => callApi(server.httpUrl, path, call);

async function createBoard(title: string): Promise<{ id: string; facilitator: string }> {
  const response = await api('/api/boards', { body: { title } });
  const body = (await response.json()) as { id: string; facilitatorLink: { token: string } };
  return { id: body.id, facilitator: body.facilitatorLink.token };
}

async function link(boardId: string, facilitator: string, access: string): Promise<string> {
  const response = await api(`/api/boards/${boardId}/links`, { token: facilitator, body: { access } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

function join(boardId: string, token: string): BoardClient {
  const client = connectBoardClient(server.syncUrl, boardId, { params: { token }, saved: true });
  clients.push(client);
  return client;
}

async function refusalOf(boardId: string, token: string): Promise<number> {
  return (await endOf(openRawSocket(server.httpUrl, `/sync/${boardId}?token=${encodeURIComponent(token)}`))).code;
}

const deleteBoard = (boardId: string, token: string, confirmTitle: unknown) =>
  api(`/api/boards/${boardId}`, { method: 'DELETE', token, body: { confirmTitle } });

describe('deleting a board', () => {
  it('refuses every link but its facilitators’, then deletes every byte of it, closes its sockets and never lets it back', async () => {
    await start();
    const board = await createBoard(TITLE);
    const other = await createBoard('Another ward');
    const edit = await link(board.id, board.facilitator, 'edit');
    const view = await link(board.id, board.facilitator, 'view');

    const alice = join(board.id, edit);
    await alice.whenSynced();
    const origin = { who: 'alice' };
    createNote(alice.doc, { lane: 'define', text: PHRASE, author: 'Al', authorRole: 'lay' }, origin);
    await eventually(() => expect(alice.allOwnChangesSaved()).toBe(true));
    for (const name of ['First', 'Second']) {
      const saved = await api(`/api/boards/${board.id}/history`, { token: board.facilitator, body: { name } });
      expect(saved.status).toBe(201);
      createNote(alice.doc, { lane: 'design', text: `${PHRASE} (${name})`, author: 'Al', authorRole: 'lay' }, origin);
      await eventually(() => expect(alice.allOwnChangesSaved()).toBe(true));
    }
    const otherClient = join(other.id, other.facilitator);
    await otherClient.whenSynced();
    createNote(otherClient.doc, { lane: 'define', text: 'Other board survives', author: 'Bo', authorRole: 'lay' }, { who: 'bo' });
    await eventually(() => expect(otherClient.allOwnChangesSaved()).toBe(true));

    expect(phraseInFiles(server.dataDir, PHRASE)).not.toEqual([]);

    // Bad input: links that do not facilitate this board, or a title typed wrong.
    for (const token of [view, edit, other.facilitator]) {
      const refused = await deleteBoard(board.id, token, TITLE);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/\S/);
    }
    const mistyped = await deleteBoard(board.id, board.facilitator, 'Ward 7');
    expect(mistyped.status).toBe(400);
    expect(readNotes(alice.doc)).toHaveLength(3);

    const deleted = await deleteBoard(board.id, board.facilitator, '  ward 7: WHAT matters to you ');
    expect(deleted.status).toBe(200);
    await eventually(() => expect(alice.closes.map((close) => close.code)).toContain(CloseCode.BOARD_DELETED));

    // Nothing of it is left in any file under DATA_DIR; the other board is untouched.
    expect(phraseInFiles(server.dataDir, PHRASE)).toEqual([]);
    expect(phraseInFiles(server.dataDir, 'Other board survives')).not.toEqual([]);
    expect(otherClient.closes).toEqual([]);

    // A client that kept edits offline is refused, whichever link it holds; the API forgets the board.
    expect(await refusalOf(board.id, edit)).toBe(CloseCode.BOARD_DELETED);
    expect(await refusalOf(board.id, board.facilitator)).toBe(CloseCode.BOARD_DELETED);
    expect(await refusalOf(`${board.id}__facilitation`, board.facilitator)).toBe(CloseCode.BOARD_DELETED);
    expect((await deleteBoard(board.id, board.facilitator, TITLE)).status).toBe(410);
    expect((await api(`/api/boards/${board.id}/history`, { token: board.facilitator })).status).toBe(404);
    expect((await api(`/api/boards/${board.id}/export`, { token: board.facilitator })).status).toBe(404);

    // And after a restart.
    for (const client of clients.splice(0)) client.destroy();
    const { dataDir } = server;
    await server.close();
    expect(phraseInFiles(dataDir, PHRASE)).toEqual([]);
    await start(dataDir);
    expect(await refusalOf(board.id, edit)).toBe(CloseCode.BOARD_DELETED);
    const back = join(other.id, other.facilitator);
    await back.whenSynced();
    expect(readNotes(back.doc).map((note) => note.text)).toEqual(['Other board survives']);
  });

  it('lets the operator delete a board, with its private rooms, from the admin CLI', async () => {
    await start();
    const board = await createBoard(TITLE);
    const alice = join(board.id, board.facilitator);
    await alice.whenSynced();
    createNote(alice.doc, { lane: 'define', text: PHRASE, author: 'Al', authorRole: 'lay' }, { who: 'alice' });
    await eventually(() => expect(alice.allOwnChangesSaved()).toBe(true));
    for (const client of clients.splice(0)) client.destroy();
    const { dataDir } = server;
    await server.close();
    // A private-writing room of the board, holding the phrase too.
    const storage = SqliteStorage.open(dataDir, { backgroundCheckpoints: false });
    const roomId = `${board.id}${PRIVATE_INFIX}secret-room-0001`;
    const privateDoc = new Y.Doc();
    privateDoc.getText('draft').insert(0, PHRASE);
    await storage.boards.appendUpdates([{ boardId: roomId, update: Y.encodeStateAsUpdate(privateDoc) }]);
    await storage.privateRooms.record(board.id, roomId);
    await storage.close();
    expect(phraseInFiles(dataDir, PHRASE)).not.toEqual([]);

    const env = { ...process.env, DATA_DIR: dataDir };
    const cli = (args: string[]) => run(process.execPath, ['--import', TSX_LOADER, ADMIN_CLI, ...args], { env });
    await expect(cli(['delete-board', board.id])).rejects.toMatchObject({ code: 2 });
    await expect(cli(['delete-board', board.id, '--confirm', 'some-other-id'])).rejects.toMatchObject({ code: 2 });
    expect(phraseInFiles(dataDir, PHRASE)).not.toEqual([]);
    const deleted = await cli(['delete-board', board.id, '--confirm', board.id]);
    expect(deleted.stderr).toContain('1 private rooms');
    expect(phraseInFiles(dataDir, PHRASE)).toEqual([]);
    // Running it again is harmless.
    await cli(['delete-board', board.id, '--confirm', board.id]);

    await start(dataDir);
    expect(await refusalOf(board.id, board.facilitator)).toBe(CloseCode.BOARD_DELETED);
    expect(await refusalOf(roomId, board.facilitator)).toBe(CloseCode.BOARD_DELETED);
    const created = await api('/api/boards', { body: { title: 'Still works' } });
    expect(created.status).toBe(201);
  });
});
