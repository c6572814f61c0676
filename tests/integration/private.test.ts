import { CloseCode, createNote, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { type LinksApiAnswer, postWithToken } from '../support/linksApi.ts';
import { endOf, openRawSocket } from '../support/rawSocket.ts';
import { waitFor } from '../support/waitFor.ts';

let server: InProcessServer;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

function post(path: string, token: string, body: object): Promise<LinksApiAnswer> {
  return postWithToken(server.httpUrl, path, token, body);
}

describe('private writing rooms', () => {
  it('are open to their author and facilitators, listed only to facilitators, refused to view-only links', async () => {
    server = await startInProcessServer({ requireLinks: true });
    const board = await post('/api/boards', '', { title: 'Private' });
    const facilitatorToken = board.facilitatorLink.token;
    const edit = await post(`/api/boards/${board.id}/links`, facilitatorToken, { access: 'edit' });
    const view = await post(`/api/boards/${board.id}/links`, facilitatorToken, { access: 'view' });
    const room = `${board.id}__private__abcdefghijklmnopqrstuvwx`;

    const author = connectBoardClient(server.syncUrl, room, { params: { token: edit.token } });
    clients.push(author);
    await author.whenSynced();
    createNote(author.doc, { lane: 'define', text: 'only mine', author: 'Ann', authorRole: 'lay' }, 'test');

    const viewer = openRawSocket(server.httpUrl, `/sync/${room}?token=${view.token}`);
    expect((await endOf(viewer)).code).toBe(CloseCode.FORBIDDEN);

    const list = (token: string) =>
      fetch(`${server.httpUrl}/api/boards/${board.id}/private-rooms`, { headers: { authorization: `Bearer ${token}` } });
    expect((await list(edit.token)).status).toBe(403);
    const listed = (await (await list(facilitatorToken)).json()) as { rooms: string[] };
    expect(listed.rooms).toEqual([room]);

    const facilitator = connectBoardClient(server.syncUrl, room, { params: { token: facilitatorToken } });
    clients.push(facilitator);
    await waitFor(() => readNotes(facilitator.doc).some((note) => note.text === 'only mine'), {
      what: 'the facilitator to review it',
    });
  });
});
