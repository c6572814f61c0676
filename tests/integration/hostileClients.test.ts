import {
  CloseCode,
  closeVote,
  createNote,
  FACILITATES_FIELD,
  getNoteText,
  getVotesMap,
  joinBoard,
  LOCKED_LANES_KEY,
  MESSAGE_AWARENESS,
  openVote,
  placeDot,
  readNotes,
  readVotes,
  tallyVote,
} from '@costudio/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { postWithToken } from '../support/linksApi.ts';
import { endOf, openRawSocket, type RawSocket, updateFrame } from '../support/rawSocket.ts';
import { waitFor } from '../support/waitFor.ts';

// Issue 13: what a participant with a real link can do with hand-made messages.

let server: InProcessServer;
const clients: BoardClient[] = [];
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.close();
  await server?.dispose();
});

function join(room: string, token: string): BoardClient {
  const client = connectBoardClient(server.syncUrl, room, { params: { token } });
  clients.push(client);
  return client;
}

async function raw(boardId: string, token: string): Promise<RawSocket> {
  const socket = openRawSocket(server.httpUrl, `/sync/${boardId}?token=${encodeURIComponent(token)}`);
  sockets.push(socket);
  await socket.opened;
  return socket;
}

async function boardWithLinks(title: string) {
  server = await startInProcessServer({ requireLinks: true });
  const board = await postWithToken(server.httpUrl, '/api/boards', '', { title });
  const facilitatorToken = board.facilitatorLink.token;
  const link = (access: string) => postWithToken(server.httpUrl, `/api/boards/${board.id}/links`, facilitatorToken, { access });
  const [edit, view] = await Promise.all([link('edit'), link('view')]);
  return { boardId: board.id, facilitatorToken, editToken: edit.token, viewToken: view.token };
}

describe('deferred updates', () => {
  it('an edit that waits for the facilitator’s next change is judged under its sender’s rights, then and after a restart', async () => {
    const { boardId, facilitatorToken, editToken } = await boardWithLinks('Deferred');
    const facilitator = join(boardId, facilitatorToken);
    const controls = join(`${boardId}__facilitation`, facilitatorToken);
    const watcher = join(boardId, editToken);
    const watcherControls = join(`${boardId}__facilitation`, editToken);
    await Promise.all([facilitator, controls, watcher, watcherControls].map((c) => c.whenSynced()));

    const decided = createNote(facilitator.doc, { lane: 'decide', text: 'Agreed', author: 'F', authorRole: 'practitioner' });
    const voteId = openVote(facilitator.doc, { scope: 'board', dotsPerPerson: 2, hideTotals: false });
    controls.doc.getMap('facilitation').set(LOCKED_LANES_KEY, ['decide']);
    await waitFor(() => readNotes(watcher.doc).length === 1 && readVotes(watcher.doc).length === 1);
    // The relay relays a change only after applying it: once a participant sees the lock, so does the relay.
    await waitFor(() => JSON.stringify(watcherControls.doc.getMap('facilitation').get(LOCKED_LANES_KEY)) === '["decide"]');

    // The attacker copies the board, forges the facilitator's next struct (the "x" it will type
    // at the start of the locked note), and sends only its own edits built on it.
    const attacker = new Y.Doc();
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(facilitator.doc));
    attacker.clientID = facilitator.doc.clientID;
    getNoteText(attacker, decided)?.insert(0, 'x');
    const withForgery = Y.encodeStateVector(attacker);
    attacker.clientID = 424242;
    getNoteText(attacker, decided)?.insert(1, ' HACKED ');
    closeVote(attacker, voteId);
    getNoteText(attacker, decided)?.delete(0, 1);
    const socket = await raw(boardId, editToken);
    socket.send(updateFrame(Y.encodeStateAsUpdate(attacker, withForgery)));

    // Nothing happens until the facilitator types that "x"; then nothing of the attack stands.
    getNoteText(facilitator.doc, decided)?.insert(0, 'x');
    const marker = createNote(facilitator.doc, { lane: 'define', text: 'marker', author: 'F', authorRole: 'practitioner' });
    await waitFor(() => readNotes(watcher.doc).some((n) => n.id === marker), { what: 'the facilitator’s edits to arrive' });
    const board = (client: { doc: Y.Doc }) => ({
      decided: getNoteText(client.doc, decided)?.toString(),
      vote: readVotes(client.doc)[0]?.status,
    });
    const expected = { decided: 'xAgreed', vote: 'open' };
    await waitFor(() => JSON.stringify(board(facilitator)) === JSON.stringify(expected), {
      what: 'the facilitator’s board to hold none of the attack',
    });
    expect(board(watcher)).toEqual(expected);

    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const restarted = await startInProcessServer({ requireLinks: true, dataDir: server.dataDir });
    try {
      const reader = connectBoardClient(restarted.syncUrl, boardId, { params: { token: facilitatorToken } });
      clients.push(reader);
      await reader.whenSynced();
      expect(board(reader)).toEqual(expected);
    } finally {
      for (const client of clients.splice(0)) client.destroy();
      await restarted.dispose();
    }
  });
});

describe('forged presence', () => {
  /** An awareness frame saying `state` for `clientID`, at a clock above anything real. */
  function presenceFrame(clientID: number, state: Record<string, unknown> | null): Uint8Array {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const awareness = new awarenessProtocol.Awareness(doc);
    for (let i = 0; i < 50; i++) awareness.setLocalState({ bump: i });
    awareness.setLocalState(state);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientID]));
    awareness.destroy();
    return encoding.toUint8Array(encoder);
  }

  it.each(['view', 'edit'] as const)(
    'a %s link cannot speak as the facilitator, remove them, or claim to facilitate',
    async (access) => {
      const { boardId, facilitatorToken, editToken, viewToken } = await boardWithLinks('Presence');
      const facilitator = join(boardId, facilitatorToken);
      const participant = join(boardId, editToken);
      await Promise.all([facilitator, participant].map((c) => c.whenSynced()));
      facilitator.provider.awareness.setLocalState({ name: 'Fran', [FACILITATES_FIELD]: true });
      const facilitatorId = facilitator.doc.clientID;
      const seenBy = (client: BoardClient, id: number) => client.provider.awareness.getStates().get(id);
      await waitFor(() => seenBy(participant, facilitatorId)?.name === 'Fran');

      const socket = await raw(boardId, access === 'view' ? viewToken : editToken);
      socket.send(
        presenceFrame(facilitatorId, { name: 'SPOOFED', [FACILITATES_FIELD]: true, view: { x: 9, y: 9, width: 1, height: 1 } }),
      );
      socket.send(presenceFrame(facilitatorId, null));
      socket.send(presenceFrame(777_001, { name: 'Mallory', [FACILITATES_FIELD]: true }));
      await waitFor(() => seenBy(participant, 777_001)?.name === 'Mallory', { what: 'the sender’s own presence to arrive' });

      for (const client of [facilitator, participant]) {
        expect(seenBy(client, facilitatorId)).toEqual({ name: 'Fran', [FACILITATES_FIELD]: true });
        expect(seenBy(client, 777_001)).toEqual({ name: 'Mallory' });
      }
    },
  );
});

describe('forged voters', () => {
  it('an edit link places and takes back dots only as the participant its socket registered', async () => {
    const { boardId, facilitatorToken, editToken } = await boardWithLinks('Voters');
    const facilitator = join(boardId, facilitatorToken);
    const participant = join(boardId, editToken);
    await Promise.all([facilitator, participant].map((c) => c.whenSynced()));
    joinBoard(facilitator.doc, { participantId: 'facilitator-device', role: 'practitioner' });
    const noteId = createNote(facilitator.doc, {
      lane: 'decide',
      text: 'Evening clinics',
      author: 'F',
      authorRole: 'practitioner',
    });
    const voteId = openVote(facilitator.doc, { scope: 'board', dotsPerPerson: 3, hideTotals: false });
    const dot = (participantId: string) => ({ voteId, noteId, participantId, role: 'lay' as const });
    expect(placeDot(facilitator.doc, dot('facilitator-device')).ok).toBe(true);
    await waitFor(() => readVotes(participant.doc)[0]?.dots.length === 1, 'the facilitator’s dot to arrive');

    // A stock client registers as itself, as the page does, then votes under 30 made-up ids…
    joinBoard(participant.doc, { participantId: 'participant-device', role: 'lay' });
    for (let i = 0; i < 30; i++) expect(placeDot(participant.doc, dot(`invented-${i}`)).ok).toBe(true);
    // …and wipes the vote's dots by putting a new map in its place.
    getVotesMap(participant.doc).get(voteId)?.set('dots', new Y.Map());
    // Its own dot stands: the marker that everything before it was judged.
    expect(placeDot(participant.doc, dot('participant-device')).ok).toBe(true);

    const voters = (client: BoardClient) => {
      const vote = readVotes(client.doc)[0];
      if (!vote) return null;
      const tally = tallyVote(vote, new Set([noteId]));
      return Object.fromEntries(
        [...tally.voters].sort(([a], [b]) => a.localeCompare(b)).map(([id, voter]) => [id, voter.counted.length]),
      );
    };
    const expected = { 'facilitator-device': 1, 'participant-device': 1 };
    await waitFor(() => JSON.stringify(voters(facilitator)) === JSON.stringify(expected), {
      what: 'the facilitator to count one dot each and no invented voter',
    });
    await waitFor(() => JSON.stringify(voters(participant)) === JSON.stringify(expected), {
      what: 'the sender to see the invented dots undone',
    });
  });
});

describe('expiry on open sockets', () => {
  it('a socket opened before its link expired is closed with LINK_EXPIRED when it expires', async () => {
    const { boardId, facilitatorToken } = await boardWithLinks('Expiring');
    const expiresAt = Date.now() + 1_500;
    const expiring = await postWithToken(server.httpUrl, `/api/boards/${boardId}/links`, facilitatorToken, {
      access: 'edit',
      expiresAt,
    });
    const watcher = join(boardId, facilitatorToken);
    await watcher.whenSynced();
    const socket = await raw(boardId, expiring.token);
    const writer = new Y.Doc();
    createNote(writer, { lane: 'define', text: 'before', author: 'P', authorRole: 'lay' });
    socket.send(updateFrame(Y.encodeStateAsUpdate(writer)));
    await waitFor(() => readNotes(watcher.doc).length === 1, 'the note written in time');

    const end = await endOf(socket, 5_000);
    expect(end.code).toBe(CloseCode.LINK_EXPIRED);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
  });
});
