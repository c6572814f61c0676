import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import type { StoredUpdate } from '../BoardStore.ts';
import { lockBoards } from './advisoryLocks.ts';
import { PostgresBoardStore } from './PostgresBoardStore.ts';
import { PostgresDatabase } from './PostgresDatabase.ts';

describe('PostgresBoardStore with several instances on one database', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('never lets a reader catching up with readUpdatesSince skip a row that commits later', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const writers = await Promise.all([1, 2].map(() => PostgresBoardStore.open(database.url, { poolSize: 4 })));
    const reader = await PostgresBoardStore.open(database.url, { poolSize: 1 });
    for (const store of [...writers, reader]) cleanups.push(() => store.close());

    // Two instances append to the same board concurrently, as their rooms' commit queues would.
    let writing = true;
    const appended: number[] = [];
    const writing$ = Promise.all(
      writers.map(async (store, w) => {
        for (let i = 0; i < 30; i++) {
          const seqs = await Promise.all(
            [0, 1, 2].map((k) => store.appendUpdates([{ boardId: 'busy', update: new Uint8Array([w, i, k]) }])),
          );
          appended.push(...seqs.flat());
        }
      }),
    ).finally(() => {
      writing = false;
    });

    // A receiver on a third instance follows the board by sequence number only.
    const seen: StoredUpdate[] = [];
    let afterSeq = 0;
    const follow = async () => {
      const rows = await reader.readUpdatesSince('busy', afterSeq);
      expect(rows).not.toBeNull();
      for (const row of rows ?? []) {
        seen.push(row);
        afterSeq = row.seq;
      }
    };
    while (writing) await follow();
    await writing$;
    await follow();
    expect(seen.map((row) => row.seq)).toEqual([...appended].sort((a, b) => a - b));
  });

  it('fails a commit that waits longer than the query timeout, and commits again once the board is free', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const store = await PostgresBoardStore.open(database.url, { poolSize: 2, queryTimeoutMs: 300 });
    const other = await PostgresDatabase.open(database.url, { poolSize: 1 });
    cleanups.push(
      () => store.close(),
      () => other.close(),
    );
    // Another instance holds the board's lock, as a stuck or partitioned database would hold a commit.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const holding = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = other.transaction(async (client) => {
      await lockBoards(client, ['stuck']);
      locked();
      await released;
    });
    await holding;
    await expect(store.appendUpdates([{ boardId: 'stuck', update: new Uint8Array([1]) }])).rejects.toThrow(/timeout/i);
    release();
    await holder;
    const seqs = await store.appendUpdates([{ boardId: 'stuck', update: new Uint8Array([2]) }]);
    expect((await store.loadBoard('stuck')).log.map((row) => [row.seq, [...row.update]])).toEqual([[seqs[0], [2]]]);
  });
});
