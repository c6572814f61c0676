import { migrateBoard } from '@costudio/shared';
import * as Y from 'yjs';
import { BoardExistsError, type BoardStore, type Snapshot } from '../storage/BoardStore.ts';
import { newBoardId } from '../storage/createNewBoard.ts';
import { applySnapshot, encodeSnapshot } from '../storage/snapshots.ts';

/**
 * Stores `doc` as a brand-new board under a fresh id and returns the id. Retries on the
 * (astronomically unlikely) id collision, like createNewBoard.
 */
export function storeAsNewBoard(store: BoardStore, doc: Y.Doc): Promise<string> {
  return storeSnapshotAsNewBoard(store, encodeSnapshot(doc));
}

/**
 * Stores a brand-new board made of `updates` (in order, the first from an empty doc) under a
 * fresh id and returns the id: the first as its snapshot, each other as a log row written on
 * its own turn of the event loop, so a large board never holds it up for long. Rows compact
 * into one snapshot when the board is first loaded.
 */
export async function storeUpdatesAsNewBoard(store: BoardStore, updates: readonly Uint8Array[]): Promise<string> {
  const [first = Y.encodeStateAsUpdate(new Y.Doc()), ...rest] = updates;
  const id = await storeSnapshotAsNewBoard(store, { data: first, encoding: 'v1' });
  for (const update of rest) {
    await new Promise((resolve) => setImmediate(resolve));
    await store.appendUpdates([{ boardId: id, update }]);
  }
  // Reported as imported only once it would survive a power cut, where the setting promises that.
  await store.durable();
  return id;
}

/** Stores `snapshot` (a whole board) as a brand-new board under a fresh id and returns the id. */
export async function storeSnapshotAsNewBoard(store: BoardStore, snapshot: Snapshot): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const id = newBoardId();
    try {
      await store.createBoard(id, snapshot);
      return id;
    } catch (error) {
      if (!(error instanceof BoardExistsError) || attempt >= 3) throw error;
    }
  }
}

/**
 * A stored board as the relay would load it (snapshot, then log, then migrations in memory),
 * for tools that run beside the server, such as the admin CLI. Null when nothing is stored.
 * Unreadable log rows are skipped here; the relay quarantines them when it loads the board.
 */
export async function readStoredBoard(store: BoardStore, boardId: string): Promise<Y.Doc | null> {
  const stored = await store.loadBoard(boardId);
  if (!stored.snapshot && stored.log.length === 0) return null;
  const doc = new Y.Doc();
  if (stored.snapshot) applySnapshot(doc, stored.snapshot);
  for (const row of stored.log) {
    try {
      Y.applyUpdate(doc, row.update);
    } catch {
      // Left for the relay to quarantine.
    }
  }
  migrateBoard(doc);
  return doc;
}
