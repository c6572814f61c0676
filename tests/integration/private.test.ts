import { CloseCode, createNote, FACILITATION_MAP, PRIVATE_WRITING_KEY, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { type LinksApiAnswer, postWithToken } from '../support/linksApi.ts';
import { fetchMetrics, sumMetric } from '../support/prometheus.ts';
import { endOf, openRawSocket, tryRoom as tryRoomAt } from '../support/rawSocket.ts';
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

/** The facilitator switches private writing on (or off) in the board's facilitation room. */
async function setPrivateWriting(boardId: string, facilitatorToken: string, on: boolean): Promise<BoardClient> {
  const controls = connectBoardClient(server.syncUrl, `${boardId}__facilitation`, { params: { token: facilitatorToken } });
  clients.push(controls);
  await controls.whenSynced();
  controls.doc.getMap(FACILITATION_MAP).set(PRIVATE_WRITING_KEY, on);
  return controls;
}

/** Opens `room` on the server with `token` and says how it went: 'open', or the close code. */
function tryRoom(room: string, token: string): Promise<'open' | number> {
  return tryRoomAt(server.httpUrl, room, token);
}

describe('private writing rooms', () => {
  it('are open to their author and facilitators, listed only to facilitators, refused to view-only links', async () => {
    server = await startInProcessServer({ requireLinks: true });
    const board = await post('/api/boards', '', { title: 'Private' });
    const facilitatorToken = board.facilitatorLink.token;
    const edit = await post(`/api/boards/${board.id}/links`, facilitatorToken, { access: 'edit' });
    const view = await post(`/api/boards/${board.id}/links`, facilitatorToken, { access: 'view' });
    const room = `${board.id}__private__abcdefghijklmnopqrstuvwx`;
    await setPrivateWriting(board.id, facilitatorToken, true);

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

describe('private rooms are bounded', () => {
  it('are created only while private writing is on, up to a cap per link, and counted in the metrics', async () => {
    server = await startInProcessServer({ requireLinks: true, maxPrivateRoomsPerLink: 5 });
    const board = await post('/api/boards', '', { title: 'Bounded' });
    const facilitatorToken = board.facilitatorLink.token;
    const edit = await post(`/api/boards/${board.id}/links`, facilitatorToken, { access: 'edit' });
    const other = await post(`/api/boards/${board.id}/links`, facilitatorToken, { access: 'edit' });
    const room = (n: number) => `${board.id}__private__made-up-room-${String(n).padStart(5, '0')}`;

    expect(await tryRoom(room(0), edit.token)).toBe(CloseCode.FORBIDDEN);
    const controls = await setPrivateWriting(board.id, facilitatorToken, true);
    const opened = [];
    for (let n = 1; n <= 8; n++) opened.push(await tryRoom(room(n), edit.token));
    expect(opened).toEqual(['open', 'open', 'open', 'open', 'open', 4429, 4429, 4429]);
    // Rooms already made reopen, and another link has its own allowance.
    expect(await tryRoom(room(1), edit.token)).toBe('open');
    expect(await tryRoom(room(20), other.token)).toBe('open');

    controls.doc.getMap(FACILITATION_MAP).set(PRIVATE_WRITING_KEY, false);
    await waitFor(async () => (await tryRoom(room(21), other.token)) === CloseCode.FORBIDDEN, 'creation to stop');
    expect(await tryRoom(room(2), edit.token)).toBe('open');

    const listed = (await (
      await fetch(`${server.httpUrl}/api/boards/${board.id}/private-rooms`, {
        headers: { authorization: `Bearer ${facilitatorToken}` },
      })
    ).json()) as { rooms: string[] };
    expect(listed.rooms).toHaveLength(6);
    const metrics = await fetchMetrics(server.httpUrl);
    expect(sumMetric(metrics, /^costudio_private_rooms_created_total$/)).toBe(6);
    expect(sumMetric(metrics, /^costudio_private_rooms_refused_total$/)).toBeGreaterThanOrEqual(5);
  });
});
