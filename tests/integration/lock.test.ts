import { createNote, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { waitFor } from '../support/waitFor.ts';

let server: InProcessServer;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

function join(room: string, token: string): BoardClient {
  const client = connectBoardClient(server.syncUrl, room, { params: { token } });
  clients.push(client);
  return client;
}

async function post(
  path: string,
  token: string,
  body: object,
): Promise<{ id: string; token: string; facilitatorLink: { token: string } }> {
  const response = await fetch(`${server.httpUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return response.json() as never;
}

function note(client: BoardClient, text: string): void {
  createNote(client.doc, { lane: 'define', text, author: 'Someone', authorRole: 'lay' }, 'test');
}

const texts = (client: BoardClient) =>
  readNotes(client.doc)
    .map((n) => n.text)
    .sort();

describe('board lock', () => {
  it("only the facilitator can lock; a locked board refuses a participant's edits on the server", async () => {
    server = await startInProcessServer({ requireLinks: true });
    const board = await post('/api/boards', '', { title: 'Lock' });
    const facilitatorToken = board.facilitatorLink.token;
    const edit = await post(`/api/boards/${board.id}/links`, facilitatorToken, { access: 'edit' });

    const facilitator = join(board.id, facilitatorToken);
    const participant = join(board.id, edit.token);
    const facilitation = join(`${board.id}__facilitation`, facilitatorToken);
    const participantControls = join(`${board.id}__facilitation`, edit.token);
    await Promise.all([facilitator, participant, facilitation, participantControls].map((c) => c.whenSynced()));

    // A participant's client cannot lock the board: its facilitation socket is view-only.
    participantControls.doc.getMap('facilitation').set('boardLocked', true);
    note(participant, 'before the lock');
    await waitFor(() => texts(facilitator).includes('before the lock'));
    expect(facilitation.doc.getMap('facilitation').get('boardLocked')).toBeUndefined();

    facilitation.doc.getMap('facilitation').set('boardLocked', true);
    // The participant's socket is re-authorized (closed with 1012 and reopened) as view-only.
    await waitFor(() => participant.closes.some((close) => close.code === 1012), { what: 'the lock to reach the participant' });
    await participant.whenSynced();
    note(participant, 'while locked');
    note(facilitator, 'facilitator while locked');
    participant.provider.awareness.setLocalStateField('marker', 'after');
    await waitFor(() => [...facilitator.provider.awareness.getStates().values()].some((s) => s.marker === 'after'));
    await waitFor(() => texts(participant).includes('facilitator while locked'));
    expect(texts(facilitator)).toEqual(['before the lock', 'facilitator while locked']);

    facilitation.doc.getMap('facilitation').set('boardLocked', false);
    await waitFor(() => participant.closes.filter((close) => close.code === 1012).length === 2, { what: 'the unlock' });
    note(participant, 'after unlock');
    await waitFor(() => texts(facilitator).includes('after unlock'), { what: 'edits to flow again' });
    // What a modified client wrote during the lock stayed on its device and arrives after the
    // unlock, like an offline edit: the lock holds the board still while it lasts.
    expect(texts(facilitator)).toEqual(['after unlock', 'before the lock', 'facilitator while locked', 'while locked']);
  });
});
