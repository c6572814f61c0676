import { CloseCode, createNote, FACILITATION_MAP, LOCKED_LANES_KEY, PRIVATE_WRITING_KEY, readNotes } from '@costudio/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type ChildCluster, startChildCluster } from '../support/childCluster.ts';
import type { ChildServer } from '../support/childServer.ts';
import { callApi } from '../support/linksApi.ts';
import { tryRoom } from '../support/rawSocket.ts';
import { eventually, waitFor } from '../support/waitFor.ts';

// Issue 14: a right changed through one instance acts on the sockets of every instance, and
// per-address limits count across instances. Three server processes on one PostgreSQL database
// and one Redis, as a health region runs them.

/**
 * Longer than any announcement takes, shorter than the instances' periodic re-check from the
 * store (10 s): a socket closed within it was closed because the instance heard the change.
 */
const HEARD_WITHIN_MS = 5_000;

let cluster: ChildCluster;
const clients: BoardClient[] = [];
/** How long each announced change took to act on another instance, for the report. */
const measured: Record<string, number> = {};

beforeAll(async () => {
  cluster = await startChildCluster(3, {
    REQUIRE_LINKS: 'true',
    COSTUDIO_SECRET: 'c0ffee'.repeat(11),
    // Each limit test counts from an address of its own (X-Forwarded-For).
    TRUST_PROXY: 'true',
    // A facilitation room nobody has open on an instance is unloaded there at once.
    UNLOAD_DELAY_MS: '200',
  });
}, 120_000);

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

afterAll(async () => {
  console.info('cross-instance rights, ms from the change to its effect on another instance:', measured);
  await cluster?.dispose();
});

function servers(): [ChildServer, ChildServer, ChildServer] {
  return cluster.servers as [ChildServer, ChildServer, ChildServer];
}

interface Link {
  readonly id: string;
  readonly token: string;
  readonly code: string;
}

async function createBoard(server: ChildServer, title: string, from?: string): Promise<Response> {
  return fetch(`${server.httpUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ title }),
  });
}

/** A board made through `server`, with its facilitator's token. */
async function boardOn(server: ChildServer, title: string): Promise<{ id: string; title: string; facilitator: string }> {
  const response = await createBoard(server, title);
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; facilitatorLink: Link };
  return { id: body.id, title, facilitator: body.facilitatorLink.token };
}

async function linkOn(server: ChildServer, boardId: string, facilitator: string): Promise<Link> {
  const response = await callApi(server.httpUrl, `/api/boards/${boardId}/links`, {
    token: facilitator,
    body: { access: 'edit' },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Link;
}

async function join(server: ChildServer, room: string, token: string): Promise<BoardClient> {
  const client = connectBoardClient(server.syncUrl, room, { params: { token }, saved: true });
  clients.push(client);
  await client.whenSynced();
  return client;
}

/** The facilitator's controls (the board's facilitation room) on `server`. */
function controlsOn(server: ChildServer, boardId: string, facilitator: string): Promise<BoardClient> {
  return join(server, `${boardId}__facilitation`, facilitator);
}

async function closedWith(client: BoardClient, code: number, what: string): Promise<number> {
  const started = Date.now();
  await waitFor(() => client.closes.some((close) => close.code === code), { what, timeoutMs: HEARD_WITHIN_MS });
  return Date.now() - started;
}

const texts = (client: BoardClient) =>
  readNotes(client.doc)
    .map((note) => note.text)
    .sort();

describe('rights changed through one instance act on every instance', () => {
  it('a link switched off on A closes its sockets on B and C with LINK_REVOKED; another link’s socket stays', async () => {
    const [a, b, c] = servers();
    const board = await boardOn(a, 'Revoked');
    const shared = await linkOn(a, board.id, board.facilitator);
    const kept = await linkOn(a, board.id, board.facilitator);
    const onB = await join(b, board.id, shared.token);
    const onC = await join(c, board.id, shared.token);
    const keptOnB = await join(b, board.id, kept.token);

    const response = await callApi(a.httpUrl, `/api/boards/${board.id}/links/${shared.id}`, {
      method: 'DELETE',
      token: board.facilitator,
    });
    expect(response.status).toBe(200);
    const waits = await Promise.all([
      closedWith(onB, CloseCode.LINK_REVOKED, 'the socket on B to close'),
      closedWith(onC, CloseCode.LINK_REVOKED, 'the socket on C to close'),
    ]);
    measured['link revoked'] = Math.max(...waits);
    expect(keptOnB.closes).toEqual([]);
    createNote(keptOnB.doc, { lane: 'define', text: 'still here', author: 'Kim', authorRole: 'lay' });
    await waitFor(() => keptOnB.allOwnChangesSaved(), 'the other link to keep writing');
    expect(await tryRoom(b.httpUrl, board.id, shared.token)).toBe(CloseCode.LINK_REVOKED);
  });

  it('a board locked on A makes B’s participants view-only at once: their next edit reaches nobody; unlocked, edits flow', async () => {
    const [a, b, c] = servers();
    const board = await boardOn(a, 'Locked');
    const edit = await linkOn(a, board.id, board.facilitator);
    // Opened before the board was ever facilitated: B has no facilitation room to follow.
    const participant = await join(b, board.id, edit.token);
    const watcher = await join(c, board.id, board.facilitator);
    const controls = await controlsOn(a, board.id, board.facilitator);

    controls.doc.getMap(FACILITATION_MAP).set('boardLocked', true);
    measured['board locked'] = await closedWith(participant, CloseCode.ACCESS_CHANGED, 'B to re-authorize the participant');
    await participant.whenSynced();
    createNote(participant.doc, { lane: 'define', text: 'while locked', author: 'Pat', authorRole: 'lay' });
    createNote(watcher.doc, { lane: 'define', text: 'facilitator while locked', author: 'Fay', authorRole: 'practitioner' });
    await waitFor(() => texts(participant).includes('facilitator while locked'), 'the facilitator’s note to reach B');
    const late = await join(a, board.id, board.facilitator);
    expect(texts(late)).toEqual(['facilitator while locked']);

    controls.doc.getMap(FACILITATION_MAP).set('boardLocked', false);
    await waitFor(() => participant.closes.filter((close) => close.code === CloseCode.ACCESS_CHANGED).length === 2, {
      what: 'the unlock to reach B',
      timeoutMs: HEARD_WITHIN_MS,
    });
    createNote(participant.doc, { lane: 'define', text: 'after unlock', author: 'Pat', authorRole: 'lay' });
    await waitFor(() => texts(late).includes('after unlock'), 'edits to flow again');
  });

  it('a lane locked on A is held on B: a participant’s new note in it there is undone and reaches nobody', async () => {
    const [a, b] = servers();
    const board = await boardOn(a, 'Lanes');
    const edit = await linkOn(a, board.id, board.facilitator);
    const participant = await join(b, board.id, edit.token);
    const controls = await controlsOn(a, board.id, board.facilitator);
    const locked = Date.now();
    controls.doc.getMap(FACILITATION_MAP).set(LOCKED_LANES_KEY, ['decide']);

    // Each try is a new note: once B knows of the lock, B takes it away again.
    let tries = 0;
    let text = '';
    await eventually(
      async () => {
        text = `written on B ${++tries}`;
        createNote(participant.doc, { lane: 'decide', text, author: 'Pat', authorRole: 'lay' });
        await waitFor(() => !texts(participant).includes(text), { what: 'B to undo the note', timeoutMs: 500 });
      },
      { timeoutMs: HEARD_WITHIN_MS },
    );
    measured['lane locked'] = Date.now() - locked;
    createNote(participant.doc, { lane: 'define', text: 'open lane', author: 'Pat', authorRole: 'lay' });
    const onA = await join(a, board.id, board.facilitator);
    await waitFor(() => texts(onA).includes('open lane'), 'the note in an open lane to reach A');
    expect(texts(onA)).not.toContain(text);
  });

  it('private writing ended on A: B refuses a new private room at once, and reopens one that exists', async () => {
    const [a, b] = servers();
    const board = await boardOn(a, 'Private');
    const edit = await linkOn(a, board.id, board.facilitator);
    await join(b, board.id, edit.token);
    const controls = await controlsOn(a, board.id, board.facilitator);
    const room = (n: number) => `${board.id}__private__cross-instance-room-${n}`;
    controls.doc.getMap(FACILITATION_MAP).set(PRIVATE_WRITING_KEY, true);
    await waitFor(async () => (await tryRoom(b.httpUrl, room(1), edit.token)) === 'open', 'private writing on B');

    controls.doc.getMap(FACILITATION_MAP).set(PRIVATE_WRITING_KEY, false);
    await waitFor(() => controls.allOwnChangesSaved(), 'the change to be stored');
    const ended = Date.now();
    await waitFor(async () => (await tryRoom(b.httpUrl, room(2), edit.token)) === CloseCode.FORBIDDEN, {
      what: 'B to refuse new private rooms',
      timeoutMs: HEARD_WITHIN_MS,
    });
    measured['private writing ended'] = Date.now() - ended;
    expect(await tryRoom(b.httpUrl, room(1), edit.token)).toBe('open');
  });

  it('a board deleted through A closes its idle sockets on B and C with BOARD_DELETED', async () => {
    const [a, b, c] = servers();
    const board = await boardOn(a, 'Doomed');
    const edit = await linkOn(a, board.id, board.facilitator);
    const onB = await join(b, board.id, edit.token);
    const onC = await join(c, board.id, board.facilitator);
    createNote(onB.doc, { lane: 'define', text: 'soon gone', author: 'Bo', authorRole: 'lay' });
    await waitFor(() => onB.allOwnChangesSaved(), 'the note to be saved');

    const response = await callApi(a.httpUrl, `/api/boards/${board.id}`, {
      method: 'DELETE',
      token: board.facilitator,
      body: { confirmTitle: board.title },
    });
    expect(response.status).toBe(200);
    // Neither writes again: they learn of the deletion from A, not from a refused commit.
    const waits = await Promise.all([
      closedWith(onB, CloseCode.BOARD_DELETED, 'B’s socket to close'),
      closedWith(onC, CloseCode.BOARD_DELETED, 'C’s socket to close'),
    ]);
    measured['board deleted'] = Math.max(...waits);
  });
});

describe('per-address limits count across instances', () => {
  it('join-code guessing spread over three instances is refused after the same 20 wrong codes as on one', async () => {
    const all = servers();
    const board = await boardOn(all[0], 'Codes');
    const link = await linkOn(all[0], board.id, board.facilitator);
    const wrong = link.code === '23456789' ? '98765432' : '23456789';
    const guess = (server: ChildServer, code: string) =>
      fetch(`${server.httpUrl}/j/${code}`, { redirect: 'manual', headers: { 'x-forwarded-for': '198.51.100.14' } });
    const answers: number[] = [];
    for (let i = 0; i < 20; i++) answers.push((await guess(all[i % 3] as ChildServer, wrong)).status);
    expect(answers).toEqual(Array(20).fill(404));
    for (const server of all) {
      const refused = await guess(server, link.code);
      expect(refused.status).toBe(429);
      expect(await refused.text()).toContain('Too many codes were tried from this network');
    }
  });

  it('join-code guesses sent all at once to three instances: exactly 20 are tried, the rest refused', async () => {
    const all = servers();
    const board = await boardOn(all[0], 'Burst');
    const link = await linkOn(all[0], board.id, board.facilitator);
    const wrong = link.code === '23456789' ? '98765432' : '23456789';
    const statuses = await Promise.all(
      Array.from({ length: 45 }, async (_, i) => {
        const server = all[i % 3] as ChildServer;
        const response = await fetch(`${server.httpUrl}/j/${wrong}`, { headers: { 'x-forwarded-for': '198.51.100.15' } });
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 404)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
  });

  it('boards created over three instances count against one allowance of 60 an hour per address', async () => {
    const all = servers();
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push((await createBoard(all[i % 3] as ChildServer, `Board ${i}`, '203.0.113.60')).status);
    expect(statuses.slice(0, 60)).toEqual(Array(60).fill(201));
    expect(statuses[60]).toBe(429);
    // Another address is not held up by it.
    expect((await createBoard(all[1], 'Elsewhere', '203.0.113.61')).status).toBe(201);
  });
});
