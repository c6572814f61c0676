import { migrateBoard } from '@costudio/shared';
import * as Y from 'yjs';
import { BoardExistsError, type BoardStore } from '../storage/BoardStore.ts';
import { newBoardId } from '../storage/createNewBoard.ts';
import { applySnapshot, encodeSnapshot } from '../storage/snapshots.ts';

/**
 * Stores `doc` as a brand-new board under a fresh id and returns the id. Retries on the
 * (astronomically unlikely) id collision, like createNewBoard.
 */
export async function storeAsNewBoard(store: BoardStore, doc: Y.Doc): Promise<string> {
  const snapshot = encodeSnapshot(doc);
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
