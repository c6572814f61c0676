import { createAnonymousNote, createNote, deleteNote, joinBoard, openVote, placeDot, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { type ApiCall, callApi } from '../support/linksApi.ts';
import { phraseInFiles } from '../support/phraseInFiles.ts';
import { eventually } from '../support/waitFor.ts';

const SECRET = 'feedface'.repeat(8);
const PHRASE = 'Narwhal-biscuit-7710 the discharge letter came late';
const NAME = 'Alice Example';

let server: InProcessServer;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

const api = (path: string, call?: ApiCall) => callApi(server.httpUrl, path, call);

async function createBoard(title: string): Promise<{ id: string; facilitator: string }> {
  const body = (await (await api('/api/boards', { body: { title } })).json()) as {
    id: string;
    facilitatorLink: { token: string };
  };
  return { id: body.id, facilitator: body.facilitatorLink.token };
}

async function link(boardId: string, facilitator: string, access: string): Promise<string> {
  const response = await api(`/api/boards/${boardId}/links`, { token: facilitator, body: { access } });
  return ((await response.json()) as { token: string }).token;
}

async function join(boardId: string, token: string): Promise<BoardClient> {
  const client = connectBoardClient(server.syncUrl, boardId, { params: { token }, saved: true });
  clients.push(client);
  await client.whenSynced();
  return client;
}

const saved = (client: BoardClient) => eventually(() => expect(client.allOwnChangesSaved()).toBe(true));
const texts = (doc: Y.Doc) =>
  readNotes(doc)
    .map((note) => note.text)
    .sort();
const holds = (doc: Y.Doc, phrase: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(phrase));

describe('erasing contributions', () => {
  it('erases one person’s notes and dots from the board, its log, snapshots and every version, while others type', async () => {
    // A small compaction bound, so the phrase sits in a snapshot and in log rows at once.
    server = await startInProcessServer({
      requireLinks: true,
      secret: SECRET,
      historyIntervalMs: 3_600_000,
      compactMaxUpdates: 6,
    });
    const board = await createBoard('Discharge experiences');
    const other = await createBoard('Another board');
    const edit = await link(board.id, board.facilitator, 'edit');
    const view = await link(board.id, board.facilitator, 'view');
    const alice = await join(board.id, edit);
    const bob = await join(board.id, edit);
    const carol = await join(board.id, edit);

    joinBoard(alice.doc, { participantId: 'alicePid', role: 'lay' });
    joinBoard(bob.doc, { participantId: 'bobPid', role: 'practitioner' });
    const aliceNote = createNote(alice.doc, { lane: 'define', text: PHRASE, author: NAME, authorRole: 'lay' });
    const bobNote = createNote(bob.doc, { lane: 'define', text: 'Bob survives', author: 'Bob', authorRole: 'practitioner' });
    await saved(alice);
    await saved(bob);
    await eventually(() => expect(texts(carol.doc)).toHaveLength(2));
    // Votes are the facilitators' to open.
    const facilitator = await join(board.id, board.facilitator);
    const vote = openVote(facilitator.doc, { scope: 'board', dotsPerPerson: 3 });
    await eventually(() => expect(alice.doc.getMap('votes').has(vote)).toBe(true));
    expect(placeDot(alice.doc, { voteId: vote, participantId: 'alicePid', role: 'lay', noteId: bobNote }).ok).toBe(true);
    expect(placeDot(bob.doc, { voteId: vote, participantId: 'bobPid', role: 'practitioner', noteId: aliceNote }).ok).toBe(true);
    expect(placeDot(bob.doc, { voteId: vote, participantId: 'bobPid', role: 'practitioner', noteId: bobNote }).ok).toBe(true);
    await saved(alice);
    await saved(bob);
    expect((await api(`/api/boards/${board.id}/history`, { token: board.facilitator, body: { name: 'First' } })).status).toBe(
      201,
    );
    const aliceText = alice.doc.getMap<Y.Map<unknown>>('notes').get(aliceNote)?.get('text') as Y.Text;
    for (let i = 0; i < 10; i++) aliceText.insert(aliceText.length, ` ${PHRASE} ${i}`);
    createNote(alice.doc, { lane: 'design', text: `${PHRASE} second note`, author: NAME, authorRole: 'lay' });
    await saved(alice);
    expect((await api(`/api/boards/${board.id}/history`, { token: board.facilitator, body: { name: 'Second' } })).status).toBe(
      201,
    );
    expect(phraseInFiles(server.dataDir, PHRASE)).not.toEqual([]);

    // Bad input: links that do not facilitate this board, and a body naming nothing.
    for (const token of [view, edit, other.facilitator]) {
      const refused = await api(`/api/boards/${board.id}/erase`, { token, body: { author: NAME } });
      expect(refused.status).toBe(403);
    }
    expect((await api(`/api/boards/${board.id}/erase`, { token: board.facilitator, body: {} })).status).toBe(400);
    expect((await api(`/api/boards/${board.id}/erase`, { token: board.facilitator, body: { noteIds: 'x' } })).status).toBe(400);
    expect(texts(carol.doc)).toHaveLength(3);

    // Carol keeps typing in Bob's note while the facilitator erases Alice's contributions.
    const bobText = carol.doc.getMap<Y.Map<unknown>>('notes').get(bobNote)?.get('text') as Y.Text;
    let typing = true;
    const typed = (async () => {
      for (let i = 0; typing && i < 200; i++) {
        bobText.insert(bobText.length, '.');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const erased = await api(`/api/boards/${board.id}/erase`, {
      token: board.facilitator,
      body: { author: NAME, participantId: 'alicePid' },
    });
    typing = false;
    await typed;
    expect(erased.status).toBe(200);
    expect(((await erased.json()) as { erased: unknown }).erased).toEqual({
      notes: 2,
      dots: 2,
      participants: 1,
      replies: 0,
      versionsRewritten: 2,
    });
    await saved(carol);

    // Everyone converges, with Bob's note (and Carol's typing) kept and nothing of Alice's.
    for (const client of [alice, bob, carol, facilitator]) {
      await eventually(() => expect(client.doc.getMap('notes').toJSON()).toEqual(carol.doc.getMap('notes').toJSON()));
      expect(texts(client.doc)).toHaveLength(1);
      expect(texts(client.doc)[0]).toMatch(/^Bob survives\.+$/);
      expect(holds(client.doc, PHRASE)).toBe(false);
    }
    expect(phraseInFiles(server.dataDir, PHRASE)).toEqual([]);
    expect(phraseInFiles(server.dataDir, NAME)).toEqual([]);
    expect(phraseInFiles(server.dataDir, 'Bob survives')).not.toEqual([]);

    // Every version survives and restores, without what was erased.
    const { versions } = (await (await api(`/api/boards/${board.id}/history`, { token: board.facilitator })).json()) as {
      versions: { id: number; name: string | null }[];
    };
    expect(versions.map((version) => version.name)).toEqual(['Second', 'First']);
    for (const version of versions) {
      const restored = await api(`/api/boards/${board.id}/history/${version.id}/restore`, { token: board.facilitator, body: {} });
      expect(restored.status).toBe(200);
      await eventually(() => expect(texts(bob.doc)).toEqual(['Bob survives']));
    }
    expect(phraseInFiles(server.dataDir, PHRASE)).toEqual([]);
  });

  it('lets a participant erase the notes they wrote on their device, and no one else’s', async () => {
    server = await startInProcessServer({ requireLinks: true, secret: SECRET, historyIntervalMs: 3_600_000 });
    const board = await createBoard('Own words');
    const edit = await link(board.id, board.facilitator, 'edit');
    const view = await link(board.id, board.facilitator, 'view');
    const alice = await join(board.id, edit);
    const bob = await join(board.id, edit);
    const mine = 'alice-device-secret-000001';
    const named = createNote(alice.doc, { lane: 'define', text: PHRASE, author: NAME, authorRole: 'lay', authorSecret: mine });
    const anonymous = createAnonymousNote(alice.doc, {
      lane: 'define',
      text: `${PHRASE} quietly`,
      authorRole: 'lay',
      authorSecret: mine,
    });
    const gone = createNote(alice.doc, {
      lane: 'design',
      text: `${PHRASE} deleted`,
      author: NAME,
      authorRole: 'lay',
      authorSecret: mine,
    });
    const bobs = createNote(bob.doc, {
      lane: 'define',
      text: 'Bob survives',
      author: 'Bob',
      authorRole: 'lay',
      authorSecret: 'bob-device-secret-0000001',
    });
    await saved(alice);
    await saved(bob);
    expect((await api(`/api/boards/${board.id}/history`, { token: board.facilitator, body: { name: 'Before' } })).status).toBe(
      201,
    );
    // Deleted from the board, the note is still in the version: erasing it there needs the same proof.
    deleteNote(alice.doc, gone);
    await saved(alice);

    const erase = (token: string, body: object) => api(`/api/boards/${board.id}/erase`, { token, body });
    for (const [token, body] of [
      [edit, { noteIds: [bobs], authorSecret: mine }],
      [edit, { noteIds: [named, bobs], authorSecret: mine }],
      [edit, { noteIds: [named] }],
      [edit, { author: 'Bob', authorSecret: mine }],
      [edit, { noteIds: ['no-such-note'], authorSecret: mine }],
      [view, { noteIds: [named], authorSecret: mine }],
    ] as const) {
      const refused = await erase(token, body);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/\S/);
    }
    const erased = await erase(edit, { noteIds: [named, anonymous, gone], authorSecret: mine });
    expect(erased.status).toBe(200);
    expect(((await erased.json()) as { erased: { notes: number; versionsRewritten: number } }).erased).toMatchObject({
      notes: 2,
      versionsRewritten: 1,
    });
    await eventually(() => expect(texts(bob.doc)).toEqual(['Bob survives']));
    expect(phraseInFiles(server.dataDir, PHRASE)).toEqual([]);
    expect(phraseInFiles(server.dataDir, 'Bob survives')).not.toEqual([]);
  });
});
