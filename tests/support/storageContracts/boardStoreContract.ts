import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDeletedError, BoardExistsError, type BoardStore, type Snapshot } from '../../../server/src/storage/BoardStore.ts';
import { placePerTest, type StorePlace } from './storePlace.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const snapshot = (...values: number[]): Snapshot => ({ data: bytes(...values), encoding: 'v1' });
/** A snapshot with its bytes as a plain array: stores may hand back a Buffer or another view. */
const plain = (stored: Snapshot | null | undefined) => (stored ? { ...stored, data: [...stored.data] } : stored);

/** A board's doc as a loader would rebuild it: snapshot, then log rows in order. */
async function rebuild(store: BoardStore, boardId: string): Promise<Y.Doc> {
  const stored = await store.loadBoard(boardId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.data);
  for (const row of stored.log) Y.applyUpdate(doc, row.update);
  return doc;
}

/**
 * What the relay relies on from a BoardStore (storage/BoardStore.ts), for every implementation:
 * call it from the implementation's test file with a way to make a fresh place.
 */
export function describeBoardStoreContract(
  name: string,
  makePlace: () => StorePlace<BoardStore> | Promise<StorePlace<BoardStore>>,
) {
  describe(`${name} (BoardStore contract)`, () => {
    const place = placePerTest(makePlace);

    it('holds nothing for a board never written', async () => {
      const store = await place.open();
      expect(await store.loadBoard('missing')).toEqual({ snapshot: null, snapshotSeq: 0, log: [] });
      expect(await store.hasBoard('missing')).toBe(false);
    });

    it('numbers a batch in order, for several boards at once, and loads each board’s rows in order', async () => {
      const store = await place.open();
      const seqs = await store.appendUpdates([
        { boardId: 'a', update: bytes(1) },
        { boardId: 'b', update: bytes(2) },
        { boardId: 'a', update: bytes(3) },
      ]);
      expect(seqs).toHaveLength(3);
      expect(seqs[0]).toBeGreaterThan(0);
      expect(seqs[1]).toBeGreaterThan(0);
      // Numbers belong to a board: its rows are numbered in batch order.
      expect(seqs[0]).toBeLessThan(seqs[2] as number);
      const a = await store.loadBoard('a');
      expect(a.log.map((row) => [row.seq, [...row.update]])).toEqual([
        [seqs[0], [1]],
        [seqs[2], [3]],
      ]);
      expect((await store.loadBoard('b')).log.map((row) => [...row.update])).toEqual([[2]]);
      expect(await store.hasBoard('a')).toBe(true);
      expect(await store.appendUpdates([])).toEqual([]);
    });

    it('gives later batches higher sequence numbers, also after compaction deleted rows', async () => {
      const store = await place.open();
      const first = await store.appendUpdates([{ boardId: 'a', update: bytes(1) }]);
      const second = await store.appendUpdates([{ boardId: 'a', update: bytes(2) }]);
      await store.compact('a', snapshot(9), second[0] as number);
      const third = await store.appendUpdates([{ boardId: 'a', update: bytes(3) }]);
      expect(second[0]).toBeGreaterThan(first[0] as number);
      expect(third[0]).toBeGreaterThan(second[0] as number);
      expect((await store.loadBoard('a')).log.map((row) => row.seq)).toEqual(third);
    });

    it('never numbers a new row as a quarantined one, even the board’s newest', async () => {
      const store = await place.open();
      const seqs = await store.appendUpdates([1, 2].map((value) => ({ boardId: 'a', update: bytes(value) })));
      await store.quarantine('a', seqs[1] as number, 'unreadable');
      const [next] = await store.appendUpdates([{ boardId: 'a', update: bytes(3) }]);
      expect(next).toBeGreaterThan(seqs[1] as number);
      expect((await store.readUpdatesSince('a', seqs[0] as number))?.map((row) => [row.seq, [...row.update]])).toEqual([
        [next, [3]],
      ]);
    });

    it('numbers concurrent appends uniquely and keeps every one of them', async () => {
      const store = await place.open();
      const writers = Array.from({ length: 20 }, (_, i) =>
        store.appendUpdates([
          { boardId: 'busy', update: bytes(i) },
          { boardId: 'busy', update: bytes(100 + i) },
        ]),
      );
      const seqs = (await Promise.all(writers)).flat();
      expect(new Set(seqs).size).toBe(40);
      const log = (await store.loadBoard('busy')).log;
      expect(log.map((row) => row.seq)).toEqual([...seqs].sort((x, y) => x - y));
      // Within one batch, rows keep their order.
      for (let i = 0; i < 20; i++) {
        const [firstRow, secondRow] = log.filter((row) => row.update[0] === i || row.update[0] === 100 + i);
        expect([firstRow?.update[0], secondRow?.update[0]]).toEqual([i, 100 + i]);
      }
    });

    it('replaces the snapshot and deletes exactly the rows it covers when compacting', async () => {
      const store = await place.open();
      const seqs = await store.appendUpdates([1, 2, 3].map((value) => ({ boardId: 'a', update: bytes(value) })));
      const through = seqs[1] as number;
      await store.compact('a', { data: bytes(7, 7), encoding: 'v2', schemaVersion: 2 }, through);
      const loaded = await store.loadBoard('a');
      expect(plain(loaded.snapshot)).toEqual({ data: [7, 7], encoding: 'v2', schemaVersion: 2 });
      expect(loaded.snapshotSeq).toBe(through);
      expect(loaded.log.map((row) => [row.seq, [...row.update]])).toEqual([[seqs[2], [3]]]);
      // A snapshot without a schema version reads back without one (unknown, so outdated).
      await store.compact('a', snapshot(8), seqs[2] as number);
      expect(plain((await store.loadBoard('a')).snapshot)).toEqual({ data: [8], encoding: 'v1' });
    });

    it('never lets a snapshot replace one that covers more', async () => {
      const store = await place.open();
      const seqs = await store.appendUpdates([1, 2, 3].map((value) => ({ boardId: 'a', update: bytes(value) })));
      await store.compact('a', snapshot(3), seqs[2] as number);
      await store.compact('a', snapshot(1), seqs[0] as number);
      const loaded = await store.loadBoard('a');
      expect(plain(loaded.snapshot)).toEqual({ data: [3], encoding: 'v1' });
      expect(loaded.snapshotSeq).toBe(seqs[2]);
      expect(loaded.log).toEqual([]);
    });

    it('rebuilds the same document from snapshot and log before and after compaction', async () => {
      const store = await place.open();
      const writer = new Y.Doc();
      const updates: Uint8Array[] = [];
      writer.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 5; i++) writer.getMap('notes').set(`n${i}`, i);
      const seqs = await store.appendUpdates(updates.map((update) => ({ boardId: 'doc', update })));
      expect((await rebuild(store, 'doc')).getMap('notes').toJSON()).toEqual(writer.getMap('notes').toJSON());
      const partial = new Y.Doc();
      for (const update of updates.slice(0, 3)) Y.applyUpdate(partial, update);
      await store.compact('doc', { data: Y.encodeStateAsUpdate(partial), encoding: 'v1' }, seqs[2] as number);
      expect((await rebuild(store, 'doc')).getMap('notes').toJSON()).toEqual(writer.getMap('notes').toJSON());
    });

    it('creates a board once, with its first state, and refuses a second creation of the same id', async () => {
      const store = await place.open();
      await store.createBoard('new', { data: bytes(5), encoding: 'v1', schemaVersion: 2 });
      expect(await store.hasBoard('new')).toBe(true);
      const created = await store.loadBoard('new');
      expect(plain(created.snapshot)).toEqual({ data: [5], encoding: 'v1', schemaVersion: 2 });
      expect([created.snapshotSeq, created.log]).toEqual([0, []]);
      await expect(store.createBoard('new', snapshot(6))).rejects.toBeInstanceOf(BoardExistsError);
      // A board that only has log rows exists too.
      await store.appendUpdates([{ boardId: 'logged', update: bytes(1) }]);
      await expect(store.createBoard('logged', snapshot(6))).rejects.toBeInstanceOf(BoardExistsError);
      expect(plain((await store.loadBoard('new')).snapshot)?.data).toEqual([5]);
    });

    it('reads one board’s rows after a sequence number, oldest first', async () => {
      const store = await place.open();
      expect(await store.readUpdatesSince('never', 0)).toEqual([]);
      const seqs = await store.appendUpdates([
        { boardId: 'a', update: bytes(1) },
        { boardId: 'b', update: bytes(2) },
        { boardId: 'a', update: bytes(3) },
        { boardId: 'a', update: bytes(4) },
      ]);
      const since = async (afterSeq: number) =>
        (await store.readUpdatesSince('a', afterSeq))?.map((row) => [row.seq, [...row.update]]);
      expect(await since(0)).toEqual([
        [seqs[0], [1]],
        [seqs[2], [3]],
        [seqs[3], [4]],
      ]);
      expect(await since(seqs[0] as number)).toEqual([
        [seqs[2], [3]],
        [seqs[3], [4]],
      ]);
      expect(await since(seqs[3] as number)).toEqual([]);
      // A quarantined row is skipped, as loading the board skips it.
      await store.quarantine('a', seqs[2] as number, 'unreadable');
      expect(await since(seqs[0] as number)).toEqual([[seqs[3], [4]]]);
    });

    it('answers null (reload the board) when compaction folded rows the reader lacks into the snapshot', async () => {
      const store = await place.open();
      const seqs = await store.appendUpdates([1, 2, 3].map((value) => ({ boardId: 'a', update: bytes(value) })));
      await store.compact('a', snapshot(1, 2), seqs[1] as number);
      expect(await store.readUpdatesSince('a', 0)).toBeNull();
      expect(await store.readUpdatesSince('a', seqs[0] as number)).toBeNull();
      const caughtUp = await store.readUpdatesSince('a', seqs[1] as number);
      expect(caughtUp?.map((row) => [row.seq, [...row.update]])).toEqual([[seqs[2], [3]]]);
      // A created board's first snapshot covers no log rows: reading from 0 is fine.
      await store.createBoard('new', snapshot(5));
      const next = await store.appendUpdates([{ boardId: 'new', update: bytes(6) }]);
      expect((await store.readUpdatesSince('new', 0))?.map((row) => row.seq)).toEqual(next);
    });

    it('deletes a board for good: nothing loads, and it is never created, written or compacted again', async () => {
      const store = await place.open();
      await store.createBoard('gone', snapshot(1));
      const seqs = await store.appendUpdates([1, 2].map((value) => ({ boardId: 'gone', update: bytes(value) })));
      await store.quarantine('gone', seqs[0] as number, 'unreadable');
      await store.appendUpdates([{ boardId: 'kept', update: bytes(9) }]);
      expect(await store.isDeleted('gone')).toBe(false);
      await store.deleteBoard('gone');
      await store.deleteBoard('gone');
      expect(await store.isDeleted('gone')).toBe(true);
      expect(await store.hasBoard('gone')).toBe(false);
      expect(await store.loadBoard('gone')).toEqual({ snapshot: null, snapshotSeq: 0, log: [] });
      await expect(store.createBoard('gone', snapshot(2))).rejects.toBeInstanceOf(BoardDeletedError);
      await expect(
        store.appendUpdates([
          { boardId: 'kept', update: bytes(8) },
          { boardId: 'gone', update: bytes(3) },
        ]),
      ).rejects.toBeInstanceOf(BoardDeletedError);
      await store.compact('gone', snapshot(4), seqs[1] as number);
      expect(await store.loadBoard('gone')).toEqual({ snapshot: null, snapshotSeq: 0, log: [] });
      // Other boards keep everything, and the refused batch wrote none of its rows.
      expect((await store.loadBoard('kept')).log.map((row) => [...row.update])).toEqual([[9]]);
      expect(await store.isDeleted('kept')).toBe(false);
      // A board never written can be deleted too (its id is then reserved), and the tombstone survives a restart.
      await store.deleteBoard('never');
      await store.close();
      const reopened = await place.open();
      expect(await reopened.isDeleted('gone')).toBe(true);
      expect(await reopened.isDeleted('never')).toBe(true);
    });

    it('knows which boards’ retention has run out: their own, else the default, never a kept one', async () => {
      const store = await place.open();
      const DAY = 86_400_000;
      for (const id of ['plain', 'opened', 'kept', 'short', 'long']) await store.createBoard(id, snapshot(1));
      const created = Date.now();
      await store.recordOpened('opened', created + 20 * DAY);
      await store.recordOpened('opened', created + 5 * DAY);
      await store.setRetention('kept', { keep: true });
      await store.setRetention('short', { days: 2 });
      await store.setRetention('long', { days: 90 });
      expect(await store.dueForDeletion(created + DAY, 30)).toEqual([]);
      expect(await store.dueForDeletion(created + 3 * DAY, 30)).toEqual(['short']);
      expect(await store.dueForDeletion(created + 31 * DAY, 30)).toEqual(['plain', 'short']);
      expect(await store.dueForDeletion(created + 51 * DAY, 30)).toEqual(['opened', 'plain', 'short']);
      expect(await store.dueForDeletion(created + 51 * DAY, null)).toEqual(['short']);
      expect(await store.dueForDeletion(created + 91 * DAY, null)).toEqual(['long', 'short']);
      expect(await store.retentionOf('short')).toMatchObject({ policy: { days: 2 } });
      expect((await store.retentionOf('opened')).lastActiveAt).toBe(created + 20 * DAY);
      expect(await store.retentionOf('kept')).toMatchObject({ policy: { keep: true } });
      await store.setRetention('kept', null);
      expect(await store.retentionOf('kept')).toMatchObject({ policy: null });
      expect(await store.retentionOf('missing')).toEqual({ policy: null, lastActiveAt: null });
      await store.deleteBoard('short');
      expect(await store.dueForDeletion(created + 3 * DAY, 30)).toEqual([]);
      expect(await store.retentionOf('short')).toEqual({ policy: null, lastActiveAt: null });
    });

    it('moves a quarantined row out of the log and keeps the others', async () => {
      const store = await place.open();
      const seqs = await store.appendUpdates([1, 2, 3].map((value) => ({ boardId: 'a', update: bytes(value) })));
      await store.quarantine('a', seqs[1] as number, 'unreadable');
      expect((await store.loadBoard('a')).log.map((row) => row.seq)).toEqual([seqs[0], seqs[2]]);
      // Erasure drops quarantined rows, only the board's, and leaves the log alone.
      const other = await store.appendUpdates([{ boardId: 'b', update: bytes(4) }]);
      await store.quarantine('b', other[0] as number, 'unreadable');
      expect(await store.dropQuarantined('a')).toBe(1);
      expect(await store.dropQuarantined('a')).toBe(0);
      expect(await store.dropQuarantined('b')).toBe(1);
      expect((await store.loadBoard('a')).log.map((row) => row.seq)).toEqual([seqs[0], seqs[2]]);
    });

    it('keeps everything when opened again on the same place', async () => {
      const store = await place.open();
      await store.createBoard('kept', snapshot(1));
      const seqs = await store.appendUpdates([
        { boardId: 'kept', update: bytes(2) },
        { boardId: 'kept', update: bytes(3) },
      ]);
      await store.compact('kept', { data: bytes(1, 2), encoding: 'v1', schemaVersion: 2 }, seqs[0] as number);
      const before = await store.loadBoard('kept');
      await store.close();
      const reopened = await place.open();
      expect(await reopened.loadBoard('kept')).toEqual(before);
      const next = await reopened.appendUpdates([{ boardId: 'kept', update: bytes(4) }]);
      expect(next[0]).toBeGreaterThan(seqs[1] as number);
    });

    it('shows one store’s commits to another open on the same place, with unique numbers', async () => {
      const first = await place.open();
      const second = await place.open();
      const [a, b] = await Promise.all([
        first.appendUpdates([{ boardId: 'shared', update: bytes(1) }]),
        second.appendUpdates([{ boardId: 'shared', update: bytes(2) }]),
      ]);
      expect(a[0]).not.toBe(b[0]);
      for (const store of [first, second]) {
        expect((await store.loadBoard('shared')).log.map((row) => row.seq)).toEqual([...a, ...b].sort((x, y) => x - y));
      }
    });
  });
}
