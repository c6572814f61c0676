import { CloseCode, FACILITATION_MAP } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { callApi } from '../support/linksApi.ts';
import { type SharedBoardServers, startSharedBoardServers } from '../support/sharedBoardServers.ts';
import type { TestRelay } from '../support/testRelay.ts';
import { UnreliableFanout } from '../support/unreliableFanout.ts';
import { waitFor } from '../support/waitFor.ts';

// Announcements of rights travel by pub/sub, which may lose them; the store is the truth. An
// instance that hears none of them (behind an UnreliableFanout, which passes none) still acts on
// a revoked link, a deleted board and a lock, from its periodic re-check of its sockets.

let cluster: SharedBoardServers | undefined;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.dispose();
  cluster = undefined;
});

async function join(server: TestRelay, room: string, token: string): Promise<BoardClient> {
  const client = connectBoardClient(server.syncUrl, room, { params: { token } });
  clients.push(client);
  await client.whenSynced();
  return client;
}

async function json<T>(response: Response): Promise<T> {
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
      json<{ id: string; facilitatorLink: { token: string } }>(await callApi(a.httpUrl, '/api/boards', { body: { title } }));
    const board = await created('Missed');
    const facilitator = board.facilitatorLink.token;
    const link = async () =>
      json<{ id: string; token: string }>(
        await callApi(a.httpUrl, `/api/boards/${board.id}/links`, { token: facilitator, body: { access: 'edit' } }),
      );
    const revoked = await link();
    const locked = await link();
    const onDeafRevoked = await join(deaf, board.id, revoked.token);
    const onDeafLocked = await join(deaf, board.id, locked.token);

    await callApi(a.httpUrl, `/api/boards/${board.id}/links/${revoked.id}`, { method: 'DELETE', token: facilitator });
    await waitFor(
      () => onDeafRevoked.closes.some((close) => close.code === CloseCode.LINK_REVOKED),
      'the revoked link’s socket to close',
    );

    const controls = await join(a, `${board.id}__facilitation`, facilitator);
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
