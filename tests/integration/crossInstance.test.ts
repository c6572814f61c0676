import { CloseCode, createNote, FACILITATION_MAP, getNoteText } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView, missingChanges } from '../support/boardState.ts';
import { startBusyWriters } from '../support/busyWriters.ts';
import { callApi } from '../support/linksApi.ts';
import { type PrivateRedis, startPrivateRedis } from '../support/privateRedis.ts';
import { killRedisClients, redisAdmin } from '../support/redisTest.ts';
import { type SharedBoardServers, startSharedBoardServers } from '../support/sharedBoardServers.ts';
import type { TestRelay } from '../support/testRelay.ts';
import { UnreliableFanout } from '../support/unreliableFanout.ts';
import { eventually, waitFor } from '../support/waitFor.ts';

let cluster: SharedBoardServers | undefined;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.dispose();
  cluster = undefined;
});

/** A synced stock client on `server`, with a share link's `token` when given. */
async function connect(server: TestRelay, boardId: string, token?: string): Promise<BoardClient> {
  const client = connectBoardClient(server.syncUrl, boardId, token ? { params: { token } } : {});
  clients.push(client);
  await client.whenSynced();
  return client;
}

/** Every client holds every change any of them made, and they show the same board. */
async function expectConverged(docs: readonly Y.Doc[], timeoutMs = 10_000): Promise<void> {
  await eventually(
    () => {
      for (const a of docs) for (const b of docs) expect(missingChanges(a, b)).toEqual([]);
    },
    { timeoutMs },
  );
  const first = boardView(docs[0] as Y.Doc);
  for (const doc of docs) expect(boardView(doc)).toEqual(first);
}

/** Types `count` characters into a new note, one update each. */
function type(doc: Y.Doc, count: number, author = 'Typist'): void {
  const id = createNote(doc, { lane: 'define', author, authorRole: 'lay', text: '' });
  const text = getNoteText(doc, id);
  for (let i = 0; i < count; i++) text?.insert(text.length, String.fromCharCode(97 + (i % 26)));
}

describe.each(['sqlite', 'postgres'] as const)('several instances serving one board through Redis, on %s', (backend) => {
  it('relay every update between instances, and a late joiner on a third gets the whole board', async () => {
    cluster = await startSharedBoardServers(3, { backend });
    const [a, b, c] = cluster.servers as [TestRelay, TestRelay, TestRelay];
    const onA = await connect(a, 'shared');
    const onB = await connect(b, 'shared');
    const busy = startBusyWriters([onA.doc, onB.doc], { intervalMs: 3 });
    await waitFor(() => busy.edits() >= 200, 'two hundred edits');
    busy.stop();
    await expectConverged([onA.doc, onB.doc]);
    const late = await connect(c, 'shared');
    await expectConverged([onA.doc, onB.doc, late.doc]);
    expect(boardView(late.doc).notes.length).toBeGreaterThan(2);
  });

  it('fill a deliberately dropped update from the store, whether a later one reveals the gap or only the sweep does', async () => {
    cluster = await startSharedBoardServers(0, { backend });
    let dropLast = false;
    let fanoutA: UnreliableFanout | undefined;
    const a = await cluster.add({
      wrap: (redis) => {
        fanoutA = new UnreliableFanout(redis, { drop: (nth) => nth % 5 === 3 || dropLast });
        return fanoutA;
      },
    });
    const b = await cluster.add({ sweepMs: 300 });
    const onA = await connect(a, 'lossy');
    const onB = await connect(b, 'lossy');
    type(onA.doc, 40);
    await expectConverged([onA.doc, onB.doc]);
    expect(fanoutA?.dropped).toBeGreaterThan(5);
    // Now the last message is lost with nothing after it: only the periodic sweep can find it.
    dropLast = true;
    type(onA.doc, 1, 'Last word');
    await expectConverged([onA.doc, onB.doc]);
  });

  it('are unharmed by updates delivered twice', async () => {
    cluster = await startSharedBoardServers(0, { backend });
    const a = await cluster.add({ wrap: (redis) => new UnreliableFanout(redis, { duplicate: () => true }) });
    const b = await cluster.add();
    const onA = await connect(a, 'echo');
    const onB = await connect(b, 'echo');
    type(onA.doc, 30);
    type(onB.doc, 30);
    await expectConverged([onA.doc, onB.doc]);
    expect(
      boardView(onB.doc)
        .notes.map((note) => note.text.length)
        .sort(),
    ).toEqual([30, 30]);
  });

  it('catch up what was published while a subscriber’s Redis connection was down (CLIENT KILL), and shrug off FLUSHDB', async () => {
    cluster = await startSharedBoardServers(2, { backend });
    const [a, b] = cluster.servers as [TestRelay, TestRelay];
    const [, fanoutB] = cluster.fanouts;
    const admin = redisAdmin();
    try {
      const onA = await connect(a, 'reconnect');
      const onB = await connect(b, 'reconnect');
      const busy = startBusyWriters([onA.doc], { intervalMs: 2 });
      await waitFor(() => busy.edits() >= 50, 'fifty edits');
      expect(await killRedisClients(admin, (name) => name === fanoutB?.subscriberName)).toBe(1);
      await waitFor(() => busy.edits() >= 150, 'a hundred more edits');
      await admin.flushdb();
      await waitFor(() => busy.edits() >= 250, 'a hundred more edits');
      busy.stop();
      await expectConverged([onA.doc, onB.doc]);
    } finally {
      admin.disconnect();
    }
  });

  it('compact safely while both write: a snapshot never claims a row its instance has not applied', async () => {
    cluster = await startSharedBoardServers(0, { backend });
    // Every fifth of A's updates is lost on the way to B, and B compacts every few rows, so B's
    // snapshots are the ones that last: one that claimed a row B lacks would delete it for good.
    const a = await cluster.add({ wrap: (redis) => new UnreliableFanout(redis, { drop: (nth) => nth % 5 === 0 }) });
    const b = await cluster.add({ compactMaxUpdates: 3 });
    const onA = await connect(a, 'compacting');
    const onB = await connect(b, 'compacting');
    const busy = startBusyWriters([onA.doc, onB.doc], { intervalMs: 2 });
    await waitFor(() => busy.edits() >= 300, 'three hundred edits');
    busy.stop();
    await expectConverged([onA.doc, onB.doc]);
    for (const client of clients.splice(0)) client.destroy();
    // A fresh instance reads the board from storage alone: snapshots and rows.
    const c = await cluster.add();
    const fresh = await connect(c, 'compacting');
    expect(missingChanges(onA.doc, fresh.doc)).toEqual([]);
    expect(missingChanges(onB.doc, fresh.doc)).toEqual([]);
    expect(boardView(fresh.doc)).toEqual(boardView(onA.doc));
  });

  it('show people on other instances, and take them away when they leave', async () => {
    cluster = await startSharedBoardServers(2, { backend });
    const [a, b] = cluster.servers as [TestRelay, TestRelay];
    const onA = await connect(a, 'presence');
    const onB = await connect(b, 'presence');
    onA.provider.awareness.setLocalStateField('user', { name: 'Ada on A' });
    const seenOnB = () => [...onB.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Ada on A');
    await waitFor(seenOnB, 'Ada’s presence on B');
    // A third instance's room loads later and asks the others who is there.
    const c = await cluster.add();
    const onC = await connect(c, 'presence');
    await waitFor(
      () => [...onC.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Ada on A'),
      'Ada’s presence on a newly loaded instance',
    );
    onA.destroy();
    await waitFor(() => !seenOnB(), { what: 'Ada gone on B', timeoutMs: 3000 });
  });
});

describe('several instances when Redis goes away', () => {
  let redis: PrivateRedis | undefined;

  afterEach(async () => {
    await redis?.kill();
    redis = undefined;
  });

  it('keep every room working on each instance, and catch up across instances once Redis restarts', async () => {
    redis = await startPrivateRedis();
    cluster = await startSharedBoardServers(2, { redisUrl: redis.url });
    const [a, b] = cluster.servers as [TestRelay, TestRelay];
    const onA = await connect(a, 'outage');
    const alsoOnA = await connect(a, 'outage');
    const onB = await connect(b, 'outage');
    type(onA.doc, 5, 'Before');
    await expectConverged([onA.doc, alsoOnA.doc, onB.doc]);

    await redis.kill();
    type(onA.doc, 20, 'During, on A');
    type(onB.doc, 20, 'During, on B');
    // Each instance still relays among its own clients, committed.
    await expectConverged([onA.doc, alsoOnA.doc]);
    expect(missingChanges(onA.doc, onB.doc)).not.toEqual([]);

    await redis.start();
    await expectConverged([onA.doc, alsoOnA.doc, onB.doc], 15_000);
  });
});

// Announcements of rights travel by pub/sub, which may lose them; the store is the truth. An
// instance that hears none of them (behind an UnreliableFanout, which passes none) still acts on
// a revoked link, a deleted board and a lock, from its periodic re-check of its sockets.

async function answer<T>(response: Response): Promise<T> {
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

describe('an instance that missed the announcements, on PostgreSQL', () => {
  it('closes a revoked link’s socket, re-authorizes a locked board’s and closes a deleted board’s from the store', async () => {
    cluster = await startSharedBoardServers(0, { backend: 'postgres' });
    const a = await cluster.add({ requireLinks: true });
    const deaf = await cluster.add({
      requireLinks: true,
      rightsRecheckMs: 300,
      wrap: (redis) => new UnreliableFanout(redis, {}),
    });
    const created = async (title: string) =>
      answer<{ id: string; facilitatorLink: { token: string } }>(await callApi(a.httpUrl, '/api/boards', { body: { title } }));
    const board = await created('Missed');
    const facilitator = board.facilitatorLink.token;
    const link = async () =>
      answer<{ id: string; token: string }>(
        await callApi(a.httpUrl, `/api/boards/${board.id}/links`, { token: facilitator, body: { access: 'edit' } }),
      );
    const revoked = await link();
    const locked = await link();
    const onDeafRevoked = await connect(deaf, board.id, revoked.token);
    const onDeafLocked = await connect(deaf, board.id, locked.token);

    await callApi(a.httpUrl, `/api/boards/${board.id}/links/${revoked.id}`, { method: 'DELETE', token: facilitator });
    await waitFor(
      () => onDeafRevoked.closes.some((close) => close.code === CloseCode.LINK_REVOKED),
      'the revoked link’s socket to close',
    );

    const controls = await connect(a, `${board.id}__facilitation`, facilitator);
    controls.doc.getMap(FACILITATION_MAP).set('boardLocked', true);
    await waitFor(() => onDeafLocked.closes.some((close) => close.code === CloseCode.ACCESS_CHANGED), 'the lock to re-authorize');
    await onDeafLocked.whenSynced();

    const response = await callApi(a.httpUrl, `/api/boards/${board.id}`, {
      method: 'DELETE',
      token: facilitator,
      body: { confirmTitle: 'Missed' },
    });
    expect(response.status).toBe(200);
    await waitFor(
      () => onDeafLocked.closes.some((close) => close.code === CloseCode.BOARD_DELETED),
      'the deleted board’s socket to close',
    );
  });
});
