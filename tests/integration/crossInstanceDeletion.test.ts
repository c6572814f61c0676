import { CloseCode, createNote, readMeta } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type SharedBoardServers, startSharedBoardServers } from '../support/sharedBoardServers.ts';
import type { TestRelay } from '../support/testRelay.ts';
import { waitFor } from '../support/waitFor.ts';

let cluster: SharedBoardServers | undefined;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.dispose();
  cluster = undefined;
});

async function connect(server: TestRelay, boardId: string): Promise<BoardClient> {
  const client = connectBoardClient(server.syncUrl, boardId, { saved: true });
  clients.push(client);
  await client.whenSynced();
  return client;
}

// A board deleted through one instance while another still holds it open (issue 15 with
// several instances on one PostgreSQL database).
describe('deleting a board with several instances on PostgreSQL', () => {
  it('the other instance refuses the deleted board’s next edit with BOARD_DELETED, and keeps its other boards’ edits', async () => {
    cluster = await startSharedBoardServers(2, { backend: 'postgres' });
    const [a, b] = cluster.servers as [TestRelay, TestRelay];
    const onA = await connect(a, 'doomed');
    const onB = await connect(b, 'doomed');
    const neighbour = await connect(b, 'neighbour');
    createNote(onB.doc, { lane: 'define', author: 'Bea', authorRole: 'lay', text: 'written on B' });
    await waitFor(() => onB.allOwnChangesSaved(), 'B’s note to be saved');
    onA.destroy();

    const response = await fetch(`${a.httpUrl}/api/boards/doomed`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ confirmTitle: readMeta(onB.doc).title }),
    });
    expect(response.status).toBe(200);

    // B has not heard of it yet; the next edit there meets the tombstone.
    createNote(onB.doc, { lane: 'define', author: 'Bea', authorRole: 'lay', text: 'after the deletion' });
    createNote(neighbour.doc, { lane: 'define', author: 'Nia', authorRole: 'lay', text: 'next door' });
    await waitFor(() => onB.closes.length > 0, 'B’s socket on the deleted board to close');
    expect(onB.closes[0]?.code).toBe(CloseCode.BOARD_DELETED);
    await waitFor(() => neighbour.allOwnChangesSaved(), 'the other board’s edit to be saved');
    expect(neighbour.closes).toEqual([]);

    // Refused on both instances from then on.
    for (const server of [a, b]) {
      const late = connectBoardClient(server.syncUrl, 'doomed');
      clients.push(late);
      await waitFor(() => late.closes.length > 0, 'a new socket to be refused');
      expect(late.closes[0]?.code).toBe(CloseCode.BOARD_DELETED);
    }
  });
});
