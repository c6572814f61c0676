import { describe, expect, it } from 'vitest';
import { createLogger } from '../log.ts';
import type { BoardStore, StoredBoard, StoredUpdate } from '../storage/BoardStore.ts';
import { StoreCatchUp } from './StoreCatchUp.ts';

/** A board's log as a store would answer for it; rows up to `compactedThrough` are in the snapshot. */
function fakeStore(rows: number[], compactedThrough = 0) {
  const reads: number[] = [];
  const store = {
    async readUpdatesSince(_boardId: string, afterSeq: number): Promise<StoredUpdate[] | null> {
      reads.push(afterSeq);
      if (compactedThrough > afterSeq) return null;
      return rows.filter((seq) => seq > afterSeq).map((seq) => ({ seq, update: new Uint8Array([seq]) }));
    },
    async loadBoard(): Promise<StoredBoard> {
      const log = rows.filter((seq) => seq > compactedThrough).map((seq) => ({ seq, update: new Uint8Array([seq]) }));
      return { snapshot: { data: new Uint8Array([0]), encoding: 'v1' }, snapshotSeq: compactedThrough, log };
    },
  } as Pick<BoardStore, 'readUpdatesSince' | 'loadBoard'> as BoardStore;
  return { store, reads };
}

function follow(store: BoardStore) {
  const applied: number[] = [];
  const reloads: number[] = [];
  const catchUp = new StoreCatchUp({
    boardId: 'b',
    store,
    logger: createLogger('silent'),
    settleMs: 5,
    applyRows: (rows) => applied.push(...rows.map((row) => row.seq)),
    applyBoard: (board) => {
      reloads.push(board.snapshotSeq);
      applied.push(...board.log.map((row) => row.seq));
    },
  });
  return { catchUp, applied, reloads };
}

describe('StoreCatchUp', () => {
  it('moves on with rows in order and reads nothing', async () => {
    const { store, reads } = fakeStore([1, 2, 3, 4]);
    const { catchUp } = follow(store);
    catchUp.startAt(2);
    catchUp.saw(3);
    catchUp.saw(4);
    catchUp.saw(4); // a duplicate
    await catchUp.settled();
    expect(catchUp.throughSeq).toBe(4);
    expect(reads).toEqual([]);
  });

  it('waits for a late row before reading: out of order is not a gap', async () => {
    const { store, reads } = fakeStore([1, 2, 3]);
    const { catchUp } = follow(store);
    catchUp.saw(1);
    catchUp.saw(3);
    catchUp.saw(2);
    await catchUp.settled();
    expect(catchUp.throughSeq).toBe(3);
    // The read was scheduled for 3 before 2 arrived; it found nothing new.
    expect(reads.length).toBeLessThanOrEqual(1);
  });

  it('reads the rows it lacks when a row is missing, once for a burst', async () => {
    const { store, reads } = fakeStore([1, 2, 3, 4, 5]);
    const { catchUp, applied } = follow(store);
    catchUp.startAt(1);
    catchUp.saw(3); // 2 was lost on the way
    catchUp.saw(4);
    catchUp.saw(5);
    await catchUp.settled();
    expect(reads).toEqual([1]);
    expect(applied).toEqual([2, 3, 4, 5]);
    expect(catchUp.throughSeq).toBe(5);
  });

  it('reads at once when told messages were lost, and finds a lost last row', async () => {
    const { store } = fakeStore([1, 2, 3]);
    const { catchUp, applied } = follow(store);
    catchUp.startAt(2);
    catchUp.lost();
    await catchUp.settled();
    expect(applied).toEqual([3]);
    expect(catchUp.throughSeq).toBe(3);
  });

  it('with sparse sequence numbers (rows of other boards between), reads and then trusts what it read', async () => {
    const { store, reads } = fakeStore([10, 20, 30]);
    const { catchUp } = follow(store);
    catchUp.startAt(10);
    catchUp.saw(20);
    await catchUp.settled();
    expect(catchUp.throughSeq).toBe(30);
    expect(reads).toEqual([10]);
  });

  it('reloads the board when the rows it lacks were compacted into the snapshot', async () => {
    const { store } = fakeStore([1, 2, 3, 4, 5, 6], 4);
    const { catchUp, applied, reloads } = follow(store);
    catchUp.startAt(1);
    catchUp.saw(6);
    await catchUp.settled();
    expect(reloads).toEqual([4]);
    expect(applied).toEqual([5, 6]);
    expect(catchUp.throughSeq).toBe(6);
  });

  it('keeps its mark when the store fails, and reads nothing after stop', async () => {
    const failing = {
      readUpdatesSince: async () => {
        throw new Error('down');
      },
    } as unknown as BoardStore;
    const { catchUp } = follow(failing);
    catchUp.startAt(3);
    catchUp.saw(5);
    await catchUp.settled();
    expect(catchUp.throughSeq).toBe(3);
    catchUp.stop();
    catchUp.lost();
    await catchUp.settled();
    expect(catchUp.throughSeq).toBe(3);
  });
});
