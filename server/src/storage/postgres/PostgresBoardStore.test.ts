import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/storageContracts/postgresPlace.ts';
import type { StoredUpdate } from '../BoardStore.ts';
import { PostgresBoardStore } from './PostgresBoardStore.ts';

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
});
