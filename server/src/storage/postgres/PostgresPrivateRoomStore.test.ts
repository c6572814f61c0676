import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import { PostgresPrivateRoomStore } from './PostgresPrivateRoomStore.ts';

const room = (boardId: string, secret: string) => `${boardId}__private__${secret}`;

// The same expectations as security-rest's PrivateRoomStore contract case (issue 13, rooms per
// link); once both branches are merged, the contract suite runs them here too.
describe('PostgresPrivateRoomStore, rooms per link', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('knows which rooms it recorded and counts each link’s rooms on a board', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const store = await PostgresPrivateRoomStore.open(database.url, { poolSize: 1 });
    cleanups.push(() => store.close());
    await store.record('c', room('c', 'link-one-secret-1'), 'link-1');
    await store.record('c', room('c', 'link-one-secret-2'), 'link-1');
    await store.record('c', room('c', 'link-one-secret-2'), 'link-2');
    await store.record('c', room('c', 'no-link-secret-03'));
    await store.record('d', room('d', 'link-one-secret-4'), 'link-1');
    expect(await store.has(room('c', 'link-one-secret-1'))).toBe(true);
    expect(await store.has(room('c', 'never-recorded-05'))).toBe(false);
    expect(await store.countByLink('c', 'link-1')).toBe(2);
    expect(await store.countByLink('c', 'link-2')).toBe(0);
    expect(await store.countByLink('e', 'link-1')).toBe(0);
  });
});
