import {
  closeVote,
  createNote,
  getNoteText,
  LOCKED_LANES_KEY,
  moveNote,
  openVote,
  placeDot,
  readNotes,
  readVotes,
  setHideTotals,
} from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { type LinksApiAnswer, postWithToken } from '../support/linksApi.ts';
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

function post(path: string, token: string, body: object): Promise<LinksApiAnswer> {
  return postWithToken(server.httpUrl, path, token, body);
}

/** Starts a server that requires links, and makes a board with a facilitator and an edit link. */
async function boardWithEditLink(title: string) {
  server = await startInProcessServer({ requireLinks: true });
  const board = await post('/api/boards', '', { title });
  const facilitatorToken = board.facilitatorLink.token;
  const edit = await post(`/api/boards/${board.id}/links`, facilitatorToken, { access: 'edit' });
  return { board, facilitatorToken, edit };
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
    const { board, facilitatorToken, edit } = await boardWithEditLink('Lock');

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

describe('lane lock', () => {
  it("the server undoes a stock client's changes to a locked lane; nobody else ever sees them", async () => {
    const { board, facilitatorToken, edit } = await boardWithEditLink('Lanes');

    const facilitator = join(board.id, facilitatorToken);
    const participant = join(board.id, edit.token);
    const watcher = join(board.id, edit.token);
    const facilitation = join(`${board.id}__facilitation`, facilitatorToken);
    const participantControls = join(`${board.id}__facilitation`, edit.token);
    await Promise.all([facilitator, participant, watcher, facilitation, participantControls].map((c) => c.whenSynced()));

    const decided = createNote(facilitator.doc, {
      lane: 'decide',
      text: 'Agreed: longer visits',
      author: 'F',
      authorRole: 'practitioner',
    });
    const open = createNote(facilitator.doc, {
      lane: 'define',
      text: 'Parking is hard',
      author: 'F',
      authorRole: 'practitioner',
    });
    await waitFor(() => texts(participant).length === 2 && texts(watcher).length === 2);

    facilitation.doc.getMap('facilitation').set(LOCKED_LANES_KEY, ['decide']);
    // The relay relays a change only after applying it, so once a participant sees the lock, so does the relay.
    await waitFor(() => JSON.stringify(participantControls.doc.getMap('facilitation').get(LOCKED_LANES_KEY)) === '["decide"]');
    // Everything the watcher's document ever holds while the lane is locked.
    const seen = new Set<string>();
    watcher.doc.on('update', () => {
      for (const n of readNotes(watcher.doc)) seen.add(`${n.id}:${n.lane}:${n.text}`);
    });

    getNoteText(participant.doc, decided)?.insert(0, 'Not ');
    await waitFor(() => getNoteText(participant.doc, decided)?.toString() === 'Agreed: longer visits', {
      what: 'the edit to the locked lane to be undone on the participant',
    });
    moveNote(participant.doc, open, { lane: 'decide' });
    participant.doc.transact(() => participant.doc.getMap('notes').delete(decided));
    createNote(participant.doc, { lane: 'decide', text: 'Sneaked in', author: 'P', authorRole: 'lay' });
    getNoteText(participant.doc, open)?.insert(0, 'Still open: ');
    await waitFor(() => texts(watcher).includes('Still open: Parking is hard'), { what: 'the open-lane edit to arrive' });

    const expected = [
      { lane: 'decide', text: 'Agreed: longer visits' },
      { lane: 'define', text: 'Still open: Parking is hard' },
    ];
    const state = (client: BoardClient) =>
      readNotes(client.doc)
        .map((n) => ({ lane: n.lane, text: n.text }))
        .sort((a, b) => a.text.localeCompare(b.text));
    await waitFor(() => JSON.stringify(state(participant)) === JSON.stringify(expected), {
      what: 'the participant to be put back',
    });
    expect(state(watcher)).toEqual(expected);
    expect(state(facilitator)).toEqual(expected);
    expect(
      [...seen].filter((entry) => entry.includes('Sneaked') || entry.includes('Not ') || entry.startsWith(`${open}:decide`)),
    ).toEqual([]);

    // The facilitator is not held by the lock.
    getNoteText(facilitator.doc, decided)?.insert(0, 'Final: ');
    await waitFor(() => texts(watcher).includes('Final: Agreed: longer visits'));

    // Unlocked, the participant's changes to the lane stand again.
    facilitation.doc.getMap('facilitation').set(LOCKED_LANES_KEY, []);
    await waitFor(
      () => {
        const text = getNoteText(participant.doc, decided);
        if (text && !text.toString().startsWith('Unlocked')) text.insert(0, 'Unlocked ');
        return texts(watcher).some((t) => t.startsWith('Unlocked'));
      },
      { what: 'edits to the lane to flow after unlocking' },
    );

    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/costudio_refused_changes_undone_total [1-9]/);

    // What was undone stays undone after a restart: the undoing was stored like any change.
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const restarted = await startInProcessServer({ requireLinks: true, dataDir: server.dataDir });
    try {
      const reader = connectBoardClient(restarted.syncUrl, board.id, { params: { token: facilitatorToken } });
      clients.push(reader);
      await reader.whenSynced();
      expect(state(reader).map((n) => n.text)).toEqual(['Still open: Parking is hard', 'Unlocked Final: Agreed: longer visits']);
    } finally {
      for (const client of clients.splice(0)) client.destroy();
      await restarted.dispose();
    }
  });
});

describe('vote settings', () => {
  it("only the facilitator runs a vote: a participant's stock client can vote but not close or unhide it", async () => {
    const { board, facilitatorToken, edit } = await boardWithEditLink('Votes');
    const facilitator = join(board.id, facilitatorToken);
    const participant = join(board.id, edit.token);
    await Promise.all([facilitator, participant].map((c) => c.whenSynced()));
    const noteId = createNote(facilitator.doc, {
      lane: 'decide',
      text: 'Evening clinics',
      author: 'F',
      authorRole: 'practitioner',
    });
    const voteId = openVote(facilitator.doc, { scope: 'board', dotsPerPerson: 2, hideTotals: true });
    await waitFor(() => readVotes(participant.doc).length === 1 && readNotes(participant.doc).length === 1);

    expect(placeDot(participant.doc, { voteId, noteId, participantId: 'participant-1', role: 'lay' }).ok).toBe(true);
    closeVote(participant.doc, voteId);
    setHideTotals(participant.doc, voteId, false);

    await waitFor(() => readVotes(facilitator.doc)[0]?.dots.length === 1, { what: 'the dot to arrive' });
    await waitFor(() => readVotes(participant.doc)[0]?.status === 'open', { what: 'the close to be undone' });
    for (const client of [facilitator, participant]) {
      const [vote] = readVotes(client.doc);
      expect({ status: vote?.status, hideTotals: vote?.hideTotals, dots: vote?.dots.length }).toEqual({
        status: 'open',
        hideTotals: true,
        dots: 1,
      });
    }

    closeVote(facilitator.doc, voteId);
    await waitFor(() => readVotes(participant.doc)[0]?.status === 'closed', { what: "the facilitator's close" });
  });
});
